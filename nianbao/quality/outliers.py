"""Figures that stand out: against the body's own previous year, against its peers, and where a
rate falls among its peers'. Plain functions of the loaded data set, one ``Figure`` per report.

The figures are those of ``nianbao/figures/figures.yml`` (sums of concepts, comparable across
years and formats), and only complete ones are read: a blank cell is never 0, a partial sum (a
cell left blank) or 不适用 is never compared. A body's peers are the bodies of the same level and
the same region (``body.yml``'s ``region``, all of it) with a report of the same year.

- ``yoy_jump``: a figure more than ``jump_high`` (5) times last year's, or under ``jump_low``
  (0.2) times it; a figure below ``jump_small`` (10) in both years is left out, since small
  numbers swing. From 0 (or to 0) is no ratio: it is a jump only when the other year's figure is
  ``jump_from_zero`` (50) or more. The value is this year's figure over last year's for the
  figure that changed most (by factor, either way): among the jumps when there is one (None when
  the only jumps are from 0), else among the figures compared. Last year is the report of the
  year before, not an older one.
- ``zero_where_peers_large``: the figures the body gives as 0 (a real 0) where the median of its
  peers' is ``peer_median`` (20) or more, among at least ``min_peers`` (4) peers giving it. The
  value is their number; None when no figure had enough peers to compare.
- The rates (``disclosure_rate``, ``review_correction_rate``, ``lawsuit_correction_rate``, the ids
  of figures.yml): the rate, the quartiles of the rates of the peer group (the body with its
  peers, when at least ``rate_min_group`` (4) of them have the rate) and the body's percentile
  among them. Never flagged: a distribution, not a league table. The quartiles are
  ``statistics.quantiles(method="inclusive")``, the group being all the bodies there are; the
  percentile is the share of the group below the body's rate, the equal ones counted half.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..catalogue import quality_checks as words
from ..copies.indicators import Figure
from ..figures import Amount, RateValue, figure_values, rate_values, shipped_figures
from ..figures import Figure as FigureDefinition
from ..loader import Dataset
from ..model import Body
from .consistency import Key, joined, number

YOY_JUMP = "yoy_jump"
ZERO_WHERE_PEERS_LARGE = "zero_where_peers_large"
DISCLOSURE_RATE = "disclosure_rate"
REVIEW_CORRECTION_RATE = "review_correction_rate"
LAWSUIT_CORRECTION_RATE = "lawsuit_correction_rate"
RATES = (DISCLOSURE_RATE, REVIEW_CORRECTION_RATE, LAWSUIT_CORRECTION_RATE)
INDICATORS = (YOY_JUMP, ZERO_WHERE_PEERS_LARGE, *RATES)


@dataclass(frozen=True)
class OutlierSettings:
    """Thresholds of the outlier indicators. Each office sets its own; these are the defaults.

    - ``jump_high``, ``jump_low``: a figure more than 5 times, or under 0.2 times, last year's.
    - ``jump_small``: a figure below 10 in both years is not judged (small numbers swing).
    - ``jump_from_zero``: from 0 or to 0, a jump only when the other year's figure is 50 or more.
    - ``peer_median``, ``min_peers``: a 0 stands out where the median of at least 4 peers is 20
      or more.
    - ``rate_min_group``: the quartiles of a rate need at least 4 bodies of the group having it.
    - ``figures``: the ids of the figures (figures.yml) ``yoy_jump`` and ``zero_where_peers_large``
      judge; empty, all of them.
    """

    jump_high: float = 5
    jump_low: float = 0.2
    jump_small: float = 10
    jump_from_zero: float = 50
    peer_median: float = 20
    min_peers: int = 4
    rate_min_group: int = 4
    figures: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        known = [f.id for f in shipped_figures().figures]
        unknown = [f for f in self.figures if f not in known]
        if unknown:
            raise ValueError(words.UNKNOWN_FIGURES(ids=joined(unknown), known=joined(known)))

    def judged(self) -> tuple[FigureDefinition, ...]:
        """The figures of figures.yml judged, in their order there."""
        return tuple(f for f in shipped_figures().figures if not self.figures or f.id in self.figures)


DEFAULTS = OutlierSettings()


def _d(value: float) -> Decimal:
    return Decimal(str(value))


def _known(amount: Amount | None) -> Decimal | None:
    return amount.value if amount is not None and amount.known else None


Values = Mapping[Key, Mapping[str, Amount]]


def all_figures(data: Dataset) -> Values:
    """Every report's figures (figures.yml), by key: worked out once for several indicators."""
    return {key: figure_values(report) for key, report in data.reports.items()}


# --- yoy_jump ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Change:
    label: str
    before: Decimal
    now: Decimal
    ratio: Decimal | None  # None: from 0

    @property
    def size(self) -> Decimal:
        """How far from unchanged, either way; from or to 0 is the farthest."""
        if self.ratio is None or self.ratio == 0:
            return Decimal("Infinity")
        return max(self.ratio, 1 / self.ratio)

    def text(self) -> str:
        if self.ratio is None:
            return words.YOY_ITEM_FROM_ZERO(label=self.label, before=number(self.before), now=number(self.now))
        return words.YOY_ITEM(label=self.label, before=number(self.before), now=number(self.now),
                              ratio=_ratio_text(self.ratio))


def _ratio_text(ratio: Decimal) -> str:
    return f"{ratio:.2f}"


def _judged(label: str, before: Decimal, now: Decimal, settings: OutlierSettings) -> tuple[_Change | None, bool]:
    """The change (None when it is not judged: small in both years, or 0 in both) and whether it
    is a jump."""
    if max(before, now) < _d(settings.jump_small) or before == now == 0:
        return None, False
    if before == 0 or now == 0:
        change = _Change(label, before, now, None if before == 0 else Decimal(0))
        return change, max(before, now) >= _d(settings.jump_from_zero)
    ratio = now / before
    return _Change(label, before, now, ratio), ratio > _d(settings.jump_high) or ratio < _d(settings.jump_low)


def _largest(changes: Iterable[_Change]) -> int | float | None:
    with_ratio = [c for c in changes if c.ratio is not None]
    if not with_ratio:
        return None
    ratio = max(with_ratio, key=lambda c: c.size).ratio
    assert ratio is not None
    return float(ratio.quantize(Decimal("0.01"), ROUND_HALF_UP))


def yoy_jump(data: Dataset, settings: OutlierSettings = DEFAULTS, values: Values | None = None) -> list[Figure]:
    """Each report's figures against the year before's (see the module's docstring)."""
    figures = values if values is not None else all_figures(data)
    defs = settings.judged()
    out: list[Figure] = []
    for key in sorted(data.reports):
        body, year = key
        previous = (body, year - 1)
        if previous not in data.reports:
            out.append(Figure(YOY_JUMP, body, year, None, False, words.YOY_NO_PREVIOUS(previous=year - 1)))
            continue
        now_values, before_values = figures[key], figures[previous]
        compared = 0
        changes: list[_Change] = []
        jumps: list[_Change] = []
        for figure in defs:
            now, before = _known(now_values.get(figure.id)), _known(before_values.get(figure.id))
            if now is None or before is None:
                continue
            compared += 1
            change, jump = _judged(figure.label, before, now, settings)
            if change is not None:
                changes.append(change)
            if change is not None and jump:
                jumps.append(change)
        if not compared:
            out.append(Figure(YOY_JUMP, body, year, None, False, words.YOY_NOTHING(previous=year - 1), previous))
            continue
        if jumps:
            jumps.sort(key=lambda c: c.size, reverse=True)
            detail = words.YOY(previous=year - 1, items=joined([c.text() for c in jumps]))
            out.append(Figure(YOY_JUMP, body, year, _largest(jumps), True, detail, previous))
            continue
        detail = words.YOY_NONE(previous=year - 1, compared=compared, high=settings.jump_high,
                                low=settings.jump_low, small=settings.jump_small, from_zero=settings.jump_from_zero)
        out.append(Figure(YOY_JUMP, body, year, _largest(changes), False, detail, previous))
    return out


# --- peers --------------------------------------------------------------------------------------------

GroupKey = tuple[int, str, tuple[str, ...]]


def _group_key(body: Body, year: int) -> GroupKey:
    return (year, body.level, tuple(body.region))


def peer_groups(data: Dataset) -> dict[GroupKey, list[Key]]:
    """The reports of each year, level and region; reports of a body without body.yml are in none."""
    groups: dict[GroupKey, list[Key]] = defaultdict(list)
    for key in sorted(data.reports):
        body = data.bodies.get(key[0])
        if body is not None:
            groups[_group_key(body, key[1])].append(key)
    return groups


def median_without(values: list[Decimal], value: Decimal) -> Decimal:
    """The median of ``values`` (sorted, holding ``value``) once one ``value`` is taken out, read
    off the sorted list: sorting each body's peers again would cost a large group dearly."""
    gone = bisect_left(values, value)
    count = len(values) - 1

    def at(index: int) -> Decimal:
        return values[index if index < gone else index + 1]

    middle = count // 2
    return at(middle) if count % 2 else (at(middle - 1) + at(middle)) / 2


def group_text(body: Body) -> str:
    return words.REGION(level=body.level, region="".join(body.region))


def zero_where_peers_large(data: Dataset, settings: OutlierSettings = DEFAULTS,
                           values: Values | None = None) -> list[Figure]:
    """The figures a body gives as 0 where its peers give large ones (see the module's docstring)."""
    figures = values if values is not None else all_figures(data)
    groups = peer_groups(data)
    defs = settings.judged()
    given: dict[GroupKey, dict[str, list[Decimal]]] = {}
    out: list[Figure] = []
    for key in sorted(data.reports):
        slug, year = key
        body = data.bodies.get(slug)
        if body is None:
            out.append(Figure(ZERO_WHERE_PEERS_LARGE, slug, year, None, False, words.NO_BODY()))
            continue
        group_key = _group_key(body, year)
        if group_key not in given:
            # Each group's figures once, not once per body: a province's group may hold hundreds.
            given[group_key] = {figure.id: sorted(v for v in (_known(figures[k].get(figure.id))
                                                              for k in groups[group_key]) if v is not None)
                                for figure in defs}
        judged = 0
        items: list[str] = []
        for figure in defs:
            own = _known(figures[key].get(figure.id))
            everyone = given[group_key][figure.id]
            # The body is among everyone when its own figure is known: its peers are the others.
            if own is None or len(everyone) - 1 < settings.min_peers:
                continue
            judged += 1
            if own != 0:
                continue
            median = median_without(everyone, own)
            if median >= _d(settings.peer_median):
                items.append(words.ZERO_ITEM(label=figure.label, peers=len(everyone) - 1, median=number(median)))
        group = group_text(body)
        if not judged:
            out.append(Figure(ZERO_WHERE_PEERS_LARGE, slug, year, None, False,
                              words.ZERO_NOT_JUDGED(group=group, minimum=settings.min_peers)))
            continue
        detail = (words.ZERO(count=len(items), group=group, items=joined(items, words.ITEMS)) if items else
                  words.ZERO_NONE(judged=judged, group=group, median=settings.peer_median))
        out.append(Figure(ZERO_WHERE_PEERS_LARGE, slug, year, len(items), bool(items), detail))
    return out


# --- the rates ----------------------------------------------------------------------------------------

def _percent(value: Decimal) -> str:
    return f"{value:.1%}"


def _labels(ids: tuple[str, ...]) -> str:
    defs = shipped_figures()
    return joined([defs.label(i) for i in ids])


def _rate_reason(rate: RateValue, label: str, numerator: str, denominator: str) -> str | None:
    """Why a rate is not given, or None when it is."""
    top, bottom = rate.numerator, rate.denominator
    if top.state == "na" or bottom.state == "na":
        return words.RATE_NOT_APPLICABLE(label=label)
    if bottom.state == "blank":
        return words.RATE_DENOMINATOR_BLANK(label=label, denominator=denominator)
    if rate.partial and top.state != "blank":
        return words.RATE_PARTIAL(label=label)
    if top.state == "blank":
        return words.RATE_NUMERATOR_BLANK(label=label, numerator=numerator)
    if not bottom.value:
        return words.RATE_DENOMINATOR_ZERO(label=label, denominator=denominator)
    return None


def _rate_of(rate: RateValue | None) -> Decimal | None:
    return None if rate is None or rate.partial else rate.value


def percentile(values: list[Decimal], value: Decimal) -> int:
    """The share of ``values`` (sorted) below ``value``, the equal ones counted half, in whole percent."""
    below = bisect_left(values, value)
    equal = bisect_right(values, value) - below
    share = (Decimal(below) + Decimal(equal) / 2) * 100 / len(values)
    return int(share.quantize(Decimal(1), ROUND_HALF_UP))


def rate_indicator(data: Dataset, rate_id: str, settings: OutlierSettings = DEFAULTS,
                   values: Values | None = None) -> list[Figure]:
    """One rate of figures.yml for every report, with its peer group's quartiles (see the module's
    docstring); the indicator's id is the rate's."""
    rate_def = next(r for r in shipped_figures().rates if r.id == rate_id)
    numerator, denominator = _labels(rate_def.numerator), _labels(rate_def.denominator)
    figures = values if values is not None else all_figures(data)
    rates = {key: rate_values(dict(of_report)).get(rate_id) for key, of_report in figures.items()}
    groups = peer_groups(data)
    sorted_groups: dict[GroupKey, list[Decimal]] = {}
    out: list[Figure] = []
    for key in sorted(data.reports):
        slug, year = key
        report = data.reports[key]
        rate = rates[key]
        if rate is None:
            out.append(Figure(rate_id, slug, year, None, False,
                              words.RATE_NOT_GIVEN(format=report.format.name, label=rate_def.label)))
            continue
        reason = _rate_reason(rate, rate_def.label, numerator, denominator)
        value = _rate_of(rate)
        if reason is not None or value is None:
            out.append(Figure(rate_id, slug, year, None, False, reason or words.RATE_PARTIAL(label=rate_def.label)))
            continue
        shown = words.RATE_VALUE(label=rate_def.label, value=_percent(value))
        body = data.bodies.get(slug)
        if body is None:
            out.append(Figure(rate_id, slug, year, float(value), False, words.ITEMS(first=shown,
                                                                                  second=words.NO_BODY())))
            continue
        group_key = _group_key(body, year)
        if group_key not in sorted_groups:
            # Each group's rates sorted once, not once per body: a province's group may hold hundreds.
            sorted_groups[group_key] = sorted(v for v in (_rate_of(rates[k]) for k in groups[group_key])
                                              if v is not None)
        group = sorted_groups[group_key]
        if len(group) < max(settings.rate_min_group, 2):
            detail = words.RATE_GROUP_SMALL(rate=shown, group=group_text(body), count=len(group),
                                            minimum=settings.rate_min_group)
        else:
            q1, median, q3 = statistics.quantiles(group, n=4, method="inclusive")
            detail = words.RATE_GROUP(rate=shown, group=group_text(body), count=len(group), q1=_percent(q1),
                                      median=_percent(median), q3=_percent(q3), percentile=percentile(group, value))
        out.append(Figure(rate_id, slug, year, float(value), False, detail))
    return out


def disclosure_rate(data: Dataset, settings: OutlierSettings = DEFAULTS) -> list[Figure]:
    """公开率 (予以公开 and 部分公开 over 办理结果总计) with its peer group's quartiles."""
    return rate_indicator(data, DISCLOSURE_RATE, settings)


def review_correction_rate(data: Dataset, settings: OutlierSettings = DEFAULTS) -> list[Figure]:
    """行政复议纠正率 with its peer group's quartiles."""
    return rate_indicator(data, REVIEW_CORRECTION_RATE, settings)


def lawsuit_correction_rate(data: Dataset, settings: OutlierSettings = DEFAULTS) -> list[Figure]:
    """行政诉讼纠正率 with its peer group's quartiles."""
    return rate_indicator(data, LAWSUIT_CORRECTION_RATE, settings)


def rate_indicators(data: Dataset, settings: OutlierSettings = DEFAULTS, values: Values | None = None) -> list[Figure]:
    """The three rates' figures, rate by rate."""
    values = values if values is not None else all_figures(data)
    return [figure for rate_id in RATES for figure in rate_indicator(data, rate_id, settings, values)]


def outlier_figures(data: Dataset, settings: OutlierSettings = DEFAULTS) -> list[Figure]:
    """Every outlier indicator's figures: ``yoy_jump``, ``zero_where_peers_large``, the rates."""
    values = all_figures(data)
    return [*yoy_jump(data, settings, values), *zero_where_peers_large(data, settings, values),
            *rate_indicators(data, settings, values)]
