"""Small inline SVG charts of a body's figures by year, drawn at build time.

No JavaScript: each chart is a <figure> with an SVG (role="img", its <title> and <desc> say in words
what it shows) and the 历年数据 table beside it holds every value. Colours are the page's own CSS
custom properties, so the chart follows the light and dark schemes and prints on paper; lines are
told apart by dash patterns and point markers too, not only by colour.
"""

from __future__ import annotations

from decimal import Decimal

from ..catalogue import site as words
from . import environment

WIDTH, HEIGHT = 320, 160
LEFT, RIGHT, TOP, BOTTOM = 40, 20, 12, 28
DASHES = ("", "6 3", "2 3", "8 3 2 3")
MARKERS = ("circle", "square", "diamond", "triangle")

Point = tuple[int, Decimal | None]  # (year, value or None when not known)


def _scale(values: list[Decimal]) -> Decimal:
    top = max(values, default=Decimal(0))
    return top if top > 0 else Decimal(1)


def chart_svg(chart_id: str, title: str, series: list[tuple[str, list[Point]]], percent: bool, summary: str) -> str:
    """One chart: a line per series over the years (a gap where a year's value is not known)."""
    years = sorted({year for _, points in series for year, _ in points})
    known = [v for _, points in series for _, v in points if v is not None]
    top = _scale(known)
    span_x = max(len(years) - 1, 1)

    def x(year: int) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (years.index(year) / span_x if len(years) > 1 else 0.5)

    def y(value: Decimal) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * float(1 - value / top)

    lines = []
    for n, (label, points) in enumerate(series):
        runs: list[list[tuple[float, float]]] = [[]]
        dots = []
        for year, value in points:
            if value is None:
                runs.append([])
                continue
            runs[-1].append((x(year), y(value)))
            dots.append((x(year), y(value)))
        paths = [" ".join(f"{px:.1f},{py:.1f}" for px, py in run) for run in runs if run]
        lines.append({"label": label, "paths": paths, "dots": dots, "dash": DASHES[n % len(DASHES)],
                      "marker": MARKERS[n % len(MARKERS)], "index": n})
    top_label = f"{float(top) * 100:.0f}%" if percent else _number(top)
    return environment().get_template("chart.svg.j2").render(
        id=chart_id, title=title, summary=summary, width=WIDTH, height=HEIGHT, left=LEFT, right=RIGHT, top=TOP,
        bottom=BOTTOM, years=[(year, x(year)) for year in years], lines=lines, top_label=top_label,
        zero_label="0", legend=words.CHART_LEGEND())


def _number(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral() else f"{value:.1f}"
