"""与上年比较 on a report page and 历年数据 on a body page, from the figures defined once
(nianbao/figures): values shown as the sums give them (a partial sum says how many cells were
blank, a rate that cannot be computed says so), changes only between complete values."""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from ..catalogue import site as words
from ..checks.identities import format_number
from ..figures import Amount, RateValue, shipped_figures
from ..figures.compare import Change, Value
from . import environment
from .charts import chart_svg
from .indexing import UNINDEXED, unindexed

# Markdown table cells of text from the catalogue and numbers only: nothing a maintainer typed.


def shown(value: Value | None) -> str:
    if value is None:
        return words.COMPARE_NOT_GIVEN()
    if isinstance(value, RateValue):
        if value.value is None:
            return words.RATE_NONE()
        text = _percent(value.value)
        return words.RATE_PARTIAL(value=text) if value.partial else text
    if value.state == "number" and value.value is not None:
        return format_number(value.value)
    if value.state == "partial" and value.value is not None:
        return words.AMOUNT_PARTIAL(value=format_number(value.value), blanks=value.blanks)
    return words.PAGE_NOT_STATED() if value.state == "blank" else words.PAGE_NOT_APPLICABLE()


def _percent(ratio: Decimal) -> str:
    return f"{ratio * 100:.1f}%"


def _delta(change: Change) -> str:
    if change.delta is None:
        return words.COMPARE_NOT_GIVEN()
    sign = "+" if change.delta > 0 else ("−" if change.delta < 0 else "")
    if change.kind == "rate":
        return words.POINTS(sign=sign, points=f"{abs(change.delta) * 100:.1f}")
    return sign + format_number(abs(change.delta))


def _sentence(change: Change, before_year: int) -> str:
    assert change.delta is not None
    params = {"label": change.label, "now": shown(change.now), "before": shown(change.before),
              "before_year": before_year}
    if change.kind == "rate":
        text = words.RATE_UP_SENTENCE if change.large == "up" else words.RATE_DOWN_SENTENCE
        return text(delta=f"{abs(change.delta) * 100:.1f}", **params)
    text = words.CHANGE_UP_SENTENCE if change.large == "up" else words.CHANGE_DOWN_SENTENCE
    return text(delta=format_number(abs(change.delta)), **params)


def compare_section(changes: list[Change], before_year: int | None, table: str) -> str:
    """The 与上年比较 section's HTML (under its heading) from compare()'s changes against the report of
    before_year (None: there is none), with ``table`` (compare_table) in it. HTML, not Markdown: a
    page's Markdown is kept to headings and links, the costly part of a build of thousands of pages."""
    env = environment().get_template("compare.html.j2")
    if before_year is None:
        return env.render(note=words.COMPARE_NONE(), table="", sentences=[])
    return env.render(note=words.COMPARE_WITH(year=before_year), table=Markup(table),
                      sentences=[_sentence(c, before_year) for c in changes if c.large])


def compare_table(changes: list[Change], year: int, before_year: int) -> str:
    header = [text(year=year, before=before_year) for text in words.COMPARE_HEADER]
    return _table("compare-table", words.SECTION_COMPARE(), header,
                  [[c.label, shown(c.now), shown(c.before), _delta(c)] for c in changes])


def history_section(table: str, charts: str) -> str:
    """The 历年数据 section's Markdown: its table (history_table) and charts (history_charts) go in
    the placeholders given."""
    return "\n".join([f"## {words.SECTION_HISTORY()} {{#history {UNINDEXED}}}\n",
                      unindexed(words.HISTORY_NOTE()) + "\n", table + "\n", charts]) + "\n"


def history_table(years: list[int], table: dict[str, dict[int, Value]]) -> str:
    """The 历年数据 table from history()'s years and values."""
    defs = shipped_figures()
    ids = [f.id for f in defs.figures] + [r.id for r in defs.rates]
    rows = [[defs.label(i), *(shown(table[i].get(y)) for y in years)] for i in ids if i in table]
    return _table("history-table", words.SECTION_HISTORY(), [words.HISTORY_FIGURE(), *map(str, years)], rows)


def _table(id_: str, caption: str, header: list[str], rows: list[list[str]]) -> str:
    return environment().get_template("figures_table.html.j2").render(id=id_, caption=caption, header=header,
                                                                       rows=rows)


def _plotted(value: Value | None) -> Decimal | None:
    if isinstance(value, Amount):
        return value.value if value.known else None
    if isinstance(value, RateValue):
        return None if value.partial else value.value
    return None


def history_charts(years: list[int], table: dict[str, dict[int, Value]]) -> str:
    """The charts' HTML, one <figure> per chart of figures.yml, from history()'s years and values."""
    defs = shipped_figures()
    out = []
    for chart in defs.charts:
        series = [(defs.label(s), [(y, _plotted(table.get(s, {}).get(y))) for y in years]) for s in chart.series]
        percent = all(s in {r.id for r in defs.rates} for s in chart.series)
        said = "；".join(words.CHART_SERIES(label=label, values="、".join(
            words.CHART_YEAR_VALUE(year=y, value=shown(table.get(s, {}).get(y))) for y in years))
            for s, (label, _) in zip(chart.series, series, strict=True))
        summary = words.CHART_SUMMARY(title=chart.title, first=years[0], last=years[-1], series=said)
        out.append(chart_svg(chart.id, chart.title, series, percent, summary))
    # Out of the search index (no <div> inside: Material ends an exclusion at the first </div>).
    return f"<div class=\"nb-charts\" data-search-exclude {UNINDEXED}>\n" + "\n".join(out) + "\n</div>"
