"""Index pages: the home page's list of bodies, and one page per region.

Report and body pages stay out of the sidebar; these pages lead to them. A small site lists every
body on the home page; a large one (a province) lists regions, each on a page of its own, so that
no page grows with the whole site.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..figures.regions import RegionYear, merge_years, region_years
from ..memo import Memo
from ..model import LEVELS, Body, Report
from ..pinyin import pinyin
from .pages import Blocks, Page, md_text, page_meta
from .region_sums import region_sum_sections

# Up to this many bodies, the home page lists them all; beyond, it lists regions.
HOME_LIMIT = 60

Region = tuple[str, ...]


@dataclass
class RegionNode:
    path: Region
    children: dict[str, RegionNode] = field(default_factory=dict)
    bodies: list[str] = field(default_factory=list)  # slugs of bodies directly in this region

    def count(self) -> int:
        return len(self.bodies) + sum(c.count() for c in self.children.values())

    def all_bodies(self) -> list[str]:
        """The slugs of the bodies in this region and every region under it."""
        return [*self.bodies, *(s for c in self.children.values() for s in c.all_bodies())]


def region_tree(bodies: dict[str, Body]) -> RegionNode:
    root = RegionNode(())
    for slug, body in bodies.items():
        node = root
        for depth, name in enumerate(body.region):
            node = node.children.setdefault(name, RegionNode(tuple(body.region[: depth + 1])))
        node.bodies.append(slug)
    return root


def region_uri(path: Region) -> str:
    return "regions/" + "/".join(path) + "/index.md"


def _relative(from_uri: str, to_uri: str) -> str:
    depth = from_uri.count("/")
    return "../" * depth + to_uri


# Bodies of a region are listed by level, the highest first (a region's government before its
# departments, then its towns: the order of model.LEVELS, which runs upwards, reversed), and within
# a level by the pinyin of their names (then the name itself, so that the order is total).
_LEVEL_RANK = {level: rank for rank, level in enumerate(reversed(LEVELS))}


@functools.lru_cache(maxsize=100_000)
def _name_key(name: str) -> str:
    return pinyin(name)


def listing_order(slugs: Iterable[str], bodies: dict[str, Body]) -> list[str]:
    """Slugs in the order their bodies are listed: by level, then by pinyin."""
    return sorted(slugs, key=lambda s: (_LEVEL_RANK[bodies[s].level], _name_key(bodies[s].name), bodies[s].name, s))


def _body_line(slug: str, body: Body, reports: list[Report], page_uri: str) -> str:
    line = f"- [{md_text(body.name)}]({_relative(page_uri, f'{slug}/index.md')})（{md_text(body.level)}）"
    if reports:
        latest = reports[-1].year
        line += f"：最新 [{latest} 年度报告]({_relative(page_uri, f'{slug}/{latest}.md')})"
    return line


def _region_line(node: RegionNode, page_uri: str) -> str:
    return f"- [{md_text(node.path[-1])}]({_relative(page_uri, region_uri(node.path))})（{node.count()} 个机关）"


def home_listing(bodies: dict[str, Body], reports: dict[str, list[Report]]) -> str:
    """Markdown for the home page: bodies grouped by region, each with its latest report."""
    if not bodies:
        return "暂无年度报告。\n"
    root = region_tree(bodies)
    if len(bodies) > HOME_LIMIT:
        return "\n".join(["### 按地区浏览\n", *(_region_line(c, "index.md") for c in _sorted(root))]) + "\n"
    by_region: dict[Region, list[str]] = {}
    for slug, body in bodies.items():
        by_region.setdefault(tuple(body.region), []).append(slug)
    out = []
    for region in sorted(by_region):
        out.append(f"### {md_text(' / '.join(region))}\n")
        for slug in listing_order(by_region[region], bodies):
            out.append(_body_line(slug, bodies[slug], reports.get(slug, []), "index.md"))
        out.append("")
    return "\n".join(out)


def region_sums(root: RegionNode, reports: dict[str, list[Report]],
                memo: Memo | None = None) -> dict[Region, list[RegionYear]]:
    """Every region's 汇总, made once from its own bodies' reports and its child regions' 汇总
    (each report is added once, not once per region above it; tests prove the two ways agree).
    With a memo (nianbao.memo), a region whose reports are the same objects keeps its 汇总."""
    out: dict[Region, list[RegionYear]] = {}
    memo = memo or Memo()

    def walk(node: RegionNode) -> list[RegionYear]:
        def make() -> list[RegionYear]:
            parts = [walk(child) for child in _sorted(node)]
            parts.append(region_years(node.bodies, reports))
            present = [s for s in node.all_bodies() if reports.get(s)]
            return merge_years(parts, present)

        out[node.path] = memo.get("region sums", _reports_under(node, reports), _shape(node), make)
        # A kept 汇总 still needs its sub-regions' in ``out``.
        for child in _sorted(node):
            if child.path not in out:
                walk(child)
        return out[node.path]

    for child in _sorted(root):  # the root, the whole site, has no page
        walk(child)
    return out


def _shape(node: RegionNode) -> tuple[object, ...]:
    """The region and everything under it, by name: with the objects, what a memo keys a region by."""
    return (node.path, tuple(node.bodies), tuple(_shape(child) for child in _sorted(node)))


def _reports_under(node: RegionNode, reports: dict[str, list[Report]]) -> list[Report]:
    return [r for slug in node.all_bodies() for r in reports.get(slug, [])]


def _body_link(page_uri: str, slug: str) -> str:
    return _relative(page_uri, f"{slug}/index.md")


def _late(blocks: dict[str, Callable[[], str]]) -> Blocks:
    return {key: render() for key, render in blocks.items()}


def _sorted(node: RegionNode) -> list[RegionNode]:
    return [node.children[name] for name in sorted(node.children)]


def region_pages(bodies: dict[str, Body], reports: dict[str, list[Report]], figures: bool = True,
                 memo: Memo | None = None) -> list[Page]:
    """One page per region, listing its sub-regions and its bodies (and its 汇总 unless ``figures``
    is off). None for a small site. With a memo (nianbao.memo), a region whose bodies and reports
    are the same objects keeps its page."""
    if len(bodies) <= HOME_LIMIT:
        return []
    memo = memo or Memo()
    pages = []
    root = region_tree(bodies)
    sums = region_sums(root, reports, memo) if figures else {}
    stack = _sorted(root)
    while stack:
        node = stack.pop()
        under = [bodies[s] for s in node.all_bodies()]
        pages.append(memo.get("region", [*under, *_reports_under(node, reports)], (_shape(node), figures),
                              functools.partial(_region_page, node, bodies, reports, sums.get(node.path))))
        stack.extend(_sorted(node))
    return pages


def _region_page(node: RegionNode, bodies: dict[str, Body], reports: dict[str, list[Report]],
                 sums: list[RegionYear] | None) -> Page:
    """A region's page; its 汇总 when ``sums`` are given (figures on)."""
    uri = region_uri(node.path)
    title = " / ".join(node.path)
    md = [f"# {md_text(title)}\n"]
    crumbs = [f"[首页]({_relative(uri, 'index.md')})"] + [
        f"[{md_text(node.path[i])}]({_relative(uri, region_uri(node.path[: i + 1]))})"
        for i in range(len(node.path) - 1)
    ]
    md.append(" › ".join(crumbs) + "\n")
    if node.children:
        md.append("## 下级地区\n")
        md.append("\n".join(_region_line(c, uri) for c in _sorted(node)) + "\n")
    if node.bodies:
        md.append("## 机关\n")
        md.append("\n".join(_body_line(s, bodies[s], reports.get(s, []), uri)
                            for s in listing_order(node.bodies, bodies)) + "\n")
    late: dict[str, Callable[[], str]] = {}
    if sums is not None:
        section, late = region_sum_sections(sums, bodies, functools.partial(_body_link, uri))
        md.append(section)
    return Page(uri, "\n".join(md), render_late=functools.partial(_late, late), meta=page_meta(title=title))
