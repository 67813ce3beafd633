"""Write N synthetic but valid reports into a data folder, deterministically (seeded).

    python bench/generate.py OUT_DIR N [--seed 1] [--first-year 2019] [--last-year 2025]
                             [--faults MANIFEST.json [--fault-share 0.03]]

Bodies sit in a made-up region tree (province → city → county → body); each has one report a
year (2019–2020 in the 2019 trial format, 2021 on in the 2021 format), so N reports make about
N/7 bodies. Every identity of nianbao/formats/*.yml holds, the cross-year ones included, the
prose agrees with the tables (C.3), governments mention 考核/评议/责任追究 (C.4), and every report
is published before its deadline: ``python -m nianbao check OUT_DIR`` exits 0 with no warnings.
All names are invented: no real body is described. The prose (bench/prose.py) is composed
afresh for each body and year, so that no clean report looks copied (nianbao/copies).

With ``--faults MANIFEST.json``, known faults are injected into a few bodies and listed in the
manifest, a JSON list of {body, year, indicator, fault, detail} (see ``inject``): a data set on
which the quality indicators must flag exactly these and nothing on the other bodies, which are
written exactly as without ``--faults``.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import prose as prose_module  # noqa: E402
from prose import MEASURES, OTHER, OVERALL, OVERSIGHT, PROBLEMS  # noqa: E402,F401  (bench/copies.py reads them here)

from nianbao.datafiles import report_file_name  # noqa: E402
from nianbao.formats import Format, get_format  # noqa: E402
from nianbao.model import GOVERNMENT_LEVELS  # noqa: E402
from nianbao.writer import dump_body, dump_report  # noqa: E402

FIRST_YEAR, LAST_YEAR = 2019, 2025
COLUMNS = ("natural_person", "commercial", "research", "public_interest", "legal_services", "other")

_A = "东西南北青白金长平安宁清和兴华丰永新临武云龙凤德福泰嘉盛昌明"
_B = "山河江湖川原林阳水海州城溪泉峰岭田桥台坪"
DEPARTMENTS = (
    ("教育", "jy"), ("公安", "ga"), ("民政", "mz"), ("财政", "cz"), ("人力资源和社会保障", "rs"),
    ("自然资源", "zr"), ("生态环境", "st"), ("住房和城乡建设", "zj"), ("交通运输", "jt"), ("水利", "sl"),
    ("农业农村", "nn"), ("商务", "sw"), ("文化和旅游", "wl"), ("卫生健康", "wj"), ("应急管理", "yj"),
    ("审计", "sj"), ("市场监督管理", "sc"), ("统计", "tj"), ("医疗保障", "yb"), ("司法", "sf"),
    ("林业", "ly"), ("数据", "sd"),
)
TOWN_SUFFIX = ("镇", "乡", "街道")


@dataclass
class BodySpec:
    slug: str
    name: str
    short_name: str
    level: str
    region: list[str]
    scale: int  # rough yearly number of applications
    extra: dict[str, Any] = field(default_factory=dict)


# --- region tree and bodies ---------------------------------------------------------------------


class Names:
    """Unique place names: two characters (东山, 青河, …), then three once those run out."""

    def __init__(self, rng: random.Random) -> None:
        pairs = [a + b for a in _A for b in _B]
        rng.shuffle(pairs)
        triples = [a + b + c for a in _A for b in _B for c in _A]
        rng.shuffle(triples)
        self._names = iter(pairs + triples)

    def next(self) -> str:
        return next(self._names)


def plan_bodies(count: int, rng: random.Random) -> list[BodySpec]:
    """count bodies, filled province by province: province gov + departments, then its cities, …"""
    names = Names(rng)
    bodies: list[BodySpec] = []

    def add(slug: str, name: str, short: str, level: str, region: list[str], scale: int) -> None:
        if len(bodies) < count:
            bodies.append(BodySpec(slug, name, short, level, list(region), scale))

    p = 0
    while len(bodies) < count:
        p += 1
        province = names.next() + "省"
        ps = f"p{p:02d}"
        add(f"{ps}-zf", f"{province}人民政府", province + "政府", "省政府", [province], rng.randint(150, 600))
        for dept, code in rng.sample(DEPARTMENTS, 3):
            add(f"{ps}-{code}", f"{province}{dept}厅", f"省{dept}厅", "省级部门", [province], rng.randint(20, 200))
        for c in range(1, 5):
            city = names.next() + "市"
            cs = f"{ps}-c{c}"
            add(f"{cs}-zf", f"{city}人民政府", city + "政府", "市政府", [province, city], rng.randint(60, 400))
            for dept, code in rng.sample(DEPARTMENTS, 4):
                add(f"{cs}-{code}", f"{city}{dept}局", f"市{dept}局", "市级部门", [province, city],
                    rng.randint(5, 120))
            for x in range(1, 4):
                county = names.next() + rng.choice(("县", "区"))
                xs = f"{cs}-x{x}"
                region = [province, city, county]
                add(f"{xs}-zf", f"{county}人民政府", county + "政府", "区县政府", region, rng.randint(10, 200))
                for t in range(1, 4):
                    town = names.next() + rng.choice(TOWN_SUFFIX)
                    kind = "办事处" if town.endswith("街道") else "人民政府"
                    add(f"{xs}-t{t}", f"{county}{town}{kind}", town, "乡镇/街道", region, rng.randint(0, 12))
                for dept, code in rng.sample(DEPARTMENTS, 4):
                    add(f"{xs}-{code}", f"{county}{dept}局", f"{county}{dept}局", "区县部门", region,
                        rng.randint(0, 30))
    # A few bodies with hundreds of requests a year (a land bureau in a growing city, …).
    for body in rng.sample(bodies, max(1, len(bodies) // 25)):
        body.scale = max(body.scale, rng.randint(200, 900))
    return bodies


def body_data(spec: BodySpec, rng: random.Random) -> dict[str, Any]:
    street = names_street(rng)
    area = rng.randint(100, 999)
    contact: dict[str, Any] = {
        "office": rng.choice(("办公室", "政务公开办公室", "党政办公室", "综合科", "行政审批科")),
        "address": f"{spec.region[-1]}{street}{rng.randint(1, 999)} 号",
        "postcode": f"{rng.randint(10, 86)}{rng.randint(0, 9999):04d}",
        "phone": f"0{area}-{rng.randint(2000000, 8999999)}",
    }
    if rng.random() < 0.5:
        contact["fax"] = f"0{area}-{rng.randint(2000000, 8999999)}"
    if rng.random() < 0.6:
        contact["email"] = f"xxgk@{spec.slug}.example.gov.cn"
    data: dict[str, Any] = {
        "name": spec.name, "short_name": spec.short_name, "level": spec.level, "region": spec.region,
    }
    if rng.random() < 0.7:
        data["website"] = f"https://{spec.slug}.example.gov.cn/"
    data["contact"] = contact
    if rng.random() < 0.15:
        data["contact_changes"] = [{"since": rng.randint(FIRST_YEAR + 1, LAST_YEAR),
                                    "address": f"{spec.region[-1]}政务服务中心 {rng.randint(2, 9)} 楼"}]
    return data


def names_street(rng: random.Random) -> str:
    return rng.choice(_A) + rng.choice(_B) + rng.choice(("路", "大街", "大道", "街"))


# --- tables ---------------------------------------------------------------------------------------


def split(total: int, weights: list[float], rng: random.Random) -> list[int]:
    """Split total into len(weights) non-negative parts, roughly in proportion, summing exactly:
    each weight shaken by NOISE, the remainder to the largest fractions. Not drawn one by one
    (a multinomial), which swings small parts several times over from one year to the next."""
    if total <= 0:
        return [0] * len(weights)
    noisy = [w * rng.uniform(*NOISE) for w in weights]
    s = sum(noisy)
    exact = [total * w / s for w in noisy]
    parts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (exact[i] - parts[i], rng.random()), reverse=True)
    for i in order[:total - sum(parts)]:
        parts[i] += 1
    return parts


# A body's figures move from year to year with the year's factor (YEAR_FACTOR, one draw per
# report) and a noise of their own (NOISE): the same figure of two consecutive years differs by
# at most about 2.4 times, so a clean body never shows the 5× jump ``yoy_jump`` looks for (a
# figure under 10 in both years is not judged: small bodies' figures are drawn freely below it).
YEAR_FACTOR = (0.8, 1.25)
NOISE = (0.85, 1.18)
SMALL = 10


def around(base: float, factor: float, rng: random.Random) -> int:
    return max(0, round(base * factor * rng.uniform(*NOISE)))


def body_base(spec: BodySpec, key: str, rng: random.Random, high: int) -> int:
    """The body's own level of a figure, drawn once (0 to ``high``) and kept in ``spec.extra``."""
    if key not in spec.extra:
        spec.extra[key] = rng.randint(0, high)
    return int(spec.extra[key])


def yearly_figure(spec: BodySpec, key: str, factor: float, rng: random.Random, high: int) -> int:
    base = body_base(spec, key, rng, high)
    # Below SMALL / max factor no figure reaches 10: drawn freely, as small bodies' are.
    if base * YEAR_FACTOR[1] * NOISE[1] < SMALL:
        return rng.randint(0, base)
    return around(base, factor, rng)


RESULT_WEIGHTS = {
    "results.disclosed": 40, "results.partly_disclosed": 12,
    "results.withheld.state_secret": 0.3, "results.withheld.prohibited_by_law": 0.5,
    "results.withheld.security_stability": 0.3, "results.withheld.third_party": 1.5,
    "results.withheld.internal_affairs": 1.5, "results.withheld.process_information": 2,
    "results.withheld.enforcement_files": 1, "results.withheld.query_items": 1.5,
    "results.unavailable.not_held": 20, "results.unavailable.needs_creation": 3,
    "results.unavailable.still_unclear": 3,
    "results.not_processed.petitions": 4, "results.not_processed.repeated": 2,
    "results.not_processed.publications": 1, "results.not_processed.excessive": 0.5,
    "results.not_processed.confirmation": 0.5,
    "results.other_handling": 3,
    "results.other_handling.no_correction": 2, "results.other_handling.unpaid_fees": 0.2,
    "results.other_handling.other": 1,
}
APPLICANT_WEIGHTS = [80, 10, 0.5, 1, 3, 5.5]


def nest(flat: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in flat.items():
        *groups, leaf = key.split(".")
        node = out
        for g in groups:
            node = node.setdefault(g, {})
        node[leaf] = value
    return out


@dataclass
class State:
    """What the next year's tables carry over from this year's."""

    carried_forward: list[int]  # per applicant column (without the total)
    documents: dict[str, int]  # regulations / normative_documents: 对外公开总数量 (2019) or 现行有效件数 (2021)
    items: dict[str, tuple[int, int]]  # 2019 format 第（五）（六）（八）项: (previous, change)


def applications(fmt: Format, spec: BodySpec, factor: float, state: State | None, rng: random.Random,
                 yearly: int | None = None) -> tuple[dict, list[int]]:
    table = fmt.table("applications")
    leaf_rows = [key for key, _, _ in table.leaf_rows]
    result_rows = [k for k in leaf_rows if k.startswith("results.") and k != "results.total"]
    scale = spec.scale
    if "forward_share" not in spec.extra:
        spec.extra["forward_share"] = rng.uniform(0.01, 0.1)
    share = float(spec.extra["forward_share"])
    drawn = rng.randint(0, scale + 2) if scale < 5 else around(scale, factor, rng)
    yearly = drawn if yearly is None else yearly
    new = split(yearly, APPLICANT_WEIGHTS, rng)
    carried_over = state.carried_forward if state else split(around(scale * share, factor, rng),
                                                              APPLICANT_WEIGHTS, rng)
    rows: dict[str, list[int]] = {k: [0] * 6 for k in leaf_rows}
    rows["new"], rows["carried_over"] = new, list(carried_over)
    for c in range(6):
        available = new[c] + carried_over[c]
        forward = min(available, int(available * share * rng.uniform(*NOISE)))
        rows["carried_forward"][c] = forward
        handled = available - forward
        shares = split(handled, [RESULT_WEIGHTS[k] for k in result_rows], rng)
        for k, v in zip(result_rows, shares, strict=True):
            rows[k][c] = v
        rows["results.total"][c] = handled
    flat = {k: [*v, sum(v)] for k, v in rows.items()}
    ordered = {k: flat[k] for k in leaf_rows}
    return nest(ordered), rows["carried_forward"]


def reviews(scale: int, factor: float, rng: random.Random) -> dict[str, Any]:
    def row(mean: float) -> list[int]:
        if mean < 3:  # under 10 whatever the year: drawn freely
            n = min(SMALL - 1, max(0, int(rng.gauss(mean, mean / 2 + 0.3))))
        else:
            n = around(mean, factor, rng)
        parts = split(n, [6, 2, 1, 1], rng)
        return [*parts, n]

    m = scale / 40
    return {"review": row(m), "litigation": {"direct": row(m / 2), "after_review": row(m / 4)}}


# The decisions of the year (处理决定数量 in 2019, 本年处理决定数量 in 2021), the same figure in
# both formats: one level per body, moving with the year.
DECISIONS = {"licensing": 20, "penalties": 5, "enforcement": 1}


def decisions(spec: BodySpec, key: str, factor: float, rng: random.Random) -> int:
    return yearly_figure(spec, key, factor, rng, spec.scale * DECISIONS[key] + 10)


def active_2019(spec: BodySpec, factor: float, state: State | None, first: bool,
                rng: random.Random) -> tuple[dict, State]:
    scale = spec.scale
    out: dict[str, Any] = {}
    documents: dict[str, int] = {}
    for key in ("regulations", "normative_documents"):
        made = rng.randint(0, 3) if key == "normative_documents" or scale > 100 else 0
        published = made
        prev_total = state.documents[key] if state else rng.randint(0, 40 if key == "normative_documents" else 5)
        total = prev_total + published
        out[key] = [made, published, total]
        documents[key] = total
    items: dict[str, tuple[int, int]] = {}
    for key in ("licensing", "other_services", "penalties", "enforcement", "fees"):
        if state and not first:
            prev_previous, prev_change = state.items[key]
            previous = prev_previous + prev_change
        else:
            previous = rng.randint(0, 30)
        change = rng.randint(-min(previous, 3), 5)
        items[key] = (previous, change)
        signed = f"+{change}" if change > 0 else str(change)
        if key == "fees":
            out[key] = [previous, signed]
        elif key in DECISIONS:
            out[key] = [previous, signed, decisions(spec, key, factor, rng)]
        else:
            out[key] = [previous, signed, rng.randint(0, scale * 3 + 5)]
    projects = rng.randint(0, 20)
    out["procurement"] = [projects, f"{rng.randint(1, 9999) / 10:.1f} 万元" if projects else "0 万元"]
    return out, State([], documents, items)


def active_2021(spec: BodySpec, factor: float, state: State | None, rng: random.Random) -> tuple[dict, dict[str, int]]:
    scale = spec.scale
    out: dict[str, Any] = {}
    documents: dict[str, int] = {}
    for key in ("regulations", "normative_documents"):
        base = state.documents[key] if state else rng.randint(0, 30)
        made = rng.randint(0, 4) if key == "normative_documents" or scale > 100 else 0
        repealed = rng.randint(0, min(2, base + made))
        current = base + made - repealed
        out[key] = [made, repealed, current]
        documents[key] = current
    for key in DECISIONS:
        out[key] = decisions(spec, key, factor, rng)
    out["fees"] = f"{rng.randint(0, 50000) / 100:.2f}" if rng.random() < 0.4 else 0
    return out, documents


# --- prose -----------------------------------------------------------------------------------------

PRE = ("本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室"
       "有关通知要求编制而成。本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
       "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等部分。"
       "报告中所列数据统计时限为 {y} 年 1 月 1 日至 {y} 年 12 月 31 日。如对本报告有任何疑问，请与{name}"
       "{office}联系（地址：{address}；电话：{phone}）。")

# --- one report --------------------------------------------------------------------------------


def prose_fields(spec: BodySpec, year: int, data: dict[str, Any]) -> dict[str, Any]:
    """What the prose takes from the report itself: the year, the body's short name, and the
    figures the narrative quotes from the tables (C.3)."""
    apps = data["applications"]
    new, co = apps["new"][-1], apps["carried_over"][-1]
    return {"y": year, "short": spec.short_name, "new": new, "co": co, "both": new + co,
            "dis": apps["results"]["disclosed"][-1], "cf": apps["carried_forward"][-1]}


def report_data(spec: BodySpec, body: dict[str, Any], year: int, state: State | None,
                rng: random.Random, prose_seed: int | None = None,
                yearly: int | None = None) -> tuple[dict[str, Any], State]:
    """One year's report and what the next year carries over. The prose is drawn from its own
    generator, seeded by ``prose_seed`` (drawn from ``rng`` when not given), so that a report's
    part 一 can be written again with another body's figures (a copy, bench faults). ``yearly``
    sets the number of new applications instead of drawing it."""
    fmt = get_format("2019" if year <= 2020 else "2021")
    first_year_of_format = state is None or (fmt.id == "2019" and not state.items)
    factor = rng.uniform(*YEAR_FACTOR)
    apps, carried_forward = applications(fmt, spec, factor, state, rng, yearly)
    if fmt.id == "2019":
        active, new_state = active_2019(spec, factor, state, first_year_of_format, rng)
    else:
        prev_docs = state.documents if state else None
        active, documents = active_2021(spec, factor, State([], prev_docs, {}) if prev_docs else None, rng)
        new_state = State([], documents, {})
    new_state.carried_forward = carried_forward
    rl = reviews(spec.scale, factor, rng)

    contact = dict(body["contact"])
    for change in body.get("contact_changes", []):
        if change["since"] <= year:
            contact.update({k: v for k, v in change.items() if k != "since"})
    rev, lit = rl["review"][-1], rl["litigation"]["direct"][-1] + rl["litigation"]["after_review"][-1]
    kw = {"y": year, "name": spec.name, "office": contact["office"], "address": contact["address"],
          "phone": contact["phone"], "rev": rev, "lit": lit,
          "outcome": "均已依法妥善处理" if rev + lit else "工作总体平稳"}
    heading = {p.key: p.heading for p in fmt.parts}
    data: dict[str, Any] = {"applications": apps}
    fields = prose_fields(spec, year, data)
    prose = random.Random(rng.getrandbits(64) if prose_seed is None else prose_seed)
    parts: dict[str, Any] = {
        "一": prose_module.part_one(prose, fields, "政府信息公开" + heading["一"]),
        "二": {"heading": heading["二"]},
        "三": {"heading": heading["三"]},
        "四": {"heading": heading["四"], "text": OVERSIGHT.format(**kw) + "\n"},
        "五": prose_module.part_five(prose, fields, heading["五"]),
        "六": {"heading": heading["六"], "text": prose_module.part_six(prose, fields)},
    }
    if fmt.id == "2021":
        unpaid = apps["results"]["other_handling"]["unpaid_fees"][-1]
        if unpaid:
            amount = unpaid * rng.choice((100, 200, 300))
            fees = {"notices_count": unpaid + rng.randint(0, 2), "notices_amount_yuan": amount + 100,
                    "collected_amount_yuan": 100}
            parts["六"]["text"] = f"本年度发出收费通知{fees['notices_count']}件，依法收取信息处理费。\n"
        else:
            fees = {"notices_count": 0, "notices_amount_yuan": 0, "collected_amount_yuan": 0}
        parts["六"]["fees"] = fees
    due = deadline(spec, year)
    published = due - timedelta(days=rng.randint(0, (due - date(year + 1, 1, 5)).days))
    data = {
        "format": fmt.id,
        "title": f"{spec.name}{year}年政府信息公开工作年度报告",
        "published": published.isoformat(),
        "signed_by": spec.name,
        "preamble": PRE.format(**kw) + "\n",
        "parts": parts,
        "active_disclosure": active,
        "applications": apps,
        "reviews_litigation": rl,
    }
    return data, new_state


def deadline(spec: BodySpec, year: int) -> date:
    """条例 art. 49: 31 January, or 31 March for a people's government's own report."""
    return date(year + 1, 3, 31) if spec.level in GOVERNMENT_LEVELS else date(year + 1, 1, 31)


# --- the folder -----------------------------------------------------------------------------------


@dataclass
class Generated:
    """What was written, as plain data: for building the same reports with other tools.
    ``seeds`` and ``states`` (each year's prose seed and what it carried over from the year
    before) let a year be written again, as the injected faults do."""

    spec: BodySpec
    body: dict[str, Any]
    reports: list[tuple[int, dict[str, Any]]]
    seeds: dict[int, int] = field(default_factory=dict)
    states: dict[int, State | None] = field(default_factory=dict)


def prose_seed(seed: int, slug: str, year: int) -> int:
    """A report's prose seed: its own, so that a copy of it can be written again elsewhere."""
    return random.Random(f"{seed}/{slug}/{year}").getrandbits(64)


def make(reports: int, seed: int = 1, first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> list[Generated]:
    """Every body and report, in memory."""
    rng = random.Random(seed)
    years = list(range(first_year, last_year + 1))
    specs = plan_bodies(-(-reports // len(years)), rng)
    left = reports
    made: list[Generated] = []
    for spec in specs:
        if left <= 0:
            break
        body = body_data(spec, rng)
        body_years = years[-min(left, len(years)):]
        state: State | None = None
        one = Generated(spec, body, [])
        for year in body_years:
            one.seeds[year], one.states[year] = prose_seed(seed, spec.slug, year), state
            data, state = report_data(spec, body, year, state, rng, one.seeds[year])
            one.reports.append((year, data))
        made.append(one)
        left -= len(body_years)
    return made


def write(out: Path, made: list[Generated]) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(f"{out} exists and is not an empty folder: choose a new one")
    out.mkdir(parents=True, exist_ok=True)
    for one in made:
        folder = out / one.spec.slug
        folder.mkdir()
        (folder / "body.yml").write_text(dump_body(one.body), encoding="utf-8")
        for year, data in one.reports:
            (folder / report_file_name(year)).write_text(dump_report(data), encoding="utf-8")


def generate(out: Path, reports: int, seed: int = 1, first_year: int = FIRST_YEAR,
             last_year: int = LAST_YEAR) -> list[Generated]:
    """Write the data folder (new or empty); returns every body and report written."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(f"{out} exists and is not an empty folder: choose a new one")
    made = make(reports, seed, first_year, last_year)
    write(out, made)
    return made


# --- injected faults -----------------------------------------------------------------------------

# What each fault is found as: the quality command's indicator ids (issue 13).
DAYS_LATE, PUBLISHED, YEARS_MISSING, IDENTITY_ERRORS, YOY_JUMP = (
    "days_late", "published", "years_missing", "identity_errors", "yoy_jump")
COPY_OWN_PREVIOUS, COPY_PEER, SECTION5_UNCHANGED = "copy_own_previous", "copy_peer", "section5_unchanged"
FAULT_SHARE = 0.03
# A jump is planted on a figure at least this large, so that no rule ignoring small numbers misses it.
JUMP_BASE = 20


@dataclass(frozen=True)
class Fault:
    """One injected fault as the manifest records it: the body and year it is in, the indicator
    that should flag it, what was done (``fault``) and how (``detail``). A fault some indicators
    see twice (a part 五 copied is both section5_unchanged and copy_own_previous; a part 一
    copied makes the copy and its source alike) has one entry per body and indicator."""

    body: str
    year: int
    indicator: str
    fault: str
    detail: str


def inject(made: list[Generated], seed: int = 1, share: float = FAULT_SHARE) -> list[Fault]:
    """Plant faults into ``made`` (in place) and return the manifest, sorted.

    Each kind goes to ``share`` of the bodies (at least one while bodies are left; none if
    ``share`` is 0), each body gets at most one fault, and the bodies are drawn at random over
    the whole data set, from their own generator (seeded by ``seed``): every other body stays
    exactly as ``make`` wrote it. Kinds: late publication, a missing report (the body stays
    registered; years_missing counts it that year and later), part 五 copied from the body's
    previous year, part 一 written from a peer's (same level, region and year) with the names and
    the table figures changed (the source is flagged too), a broken total (办理结果总计 off by 1
    to 3), and a jump of 6 to 8 times in new applications in the body's last year."""
    rng = random.Random(f"faults/{seed}")
    per_kind = max(1, round(len(made) * share)) if share > 0 else 0
    used: set[str] = set()
    out: list[Fault] = []

    def free(candidates: list[Generated]) -> list[Generated]:
        return [g for g in candidates if g.spec.slug not in used]

    def take(candidates: list[Generated]) -> list[Generated]:
        chosen = rng.sample(free(candidates), min(per_kind, len(free(candidates))))
        used.update(g.spec.slug for g in chosen)
        return chosen

    for g in take([g for g in made if g.reports]):
        year, data = rng.choice(g.reports)
        due = deadline(g.spec, year)
        late = due + timedelta(days=rng.randint(5, 90))
        data["published"] = late.isoformat()
        out.append(Fault(g.spec.slug, year, DAYS_LATE, "late",
                         f"published {late}, {(late - due).days} days after the deadline {due}"))

    for g in take([g for g in made if len(g.reports) >= 2]):
        index = rng.randrange(1, len(g.reports))
        year, _ = g.reports.pop(index)
        out.append(Fault(g.spec.slug, year, PUBLISHED, "missing", f"no report for {year}; body.yml kept"))
        # years_missing counts the years missing so far: this one, and again in every later year.
        for later in [year] + [y for y, _ in g.reports[index:]]:
            out.append(Fault(g.spec.slug, later, YEARS_MISSING, "missing", f"no report for {year}"))

    for g in take([g for g in made if len(g.reports) >= 2]):
        index = rng.randrange(1, len(g.reports))
        (before, previous), (year, data) = g.reports[index - 1], g.reports[index]
        data["parts"]["五"] = copy.deepcopy(previous["parts"]["五"])
        for indicator in (SECTION5_UNCHANGED, COPY_OWN_PREVIOUS):
            out.append(Fault(g.spec.slug, year, indicator, "section5_copied", f"part 五 copied from {before}"))

    groups: dict[tuple[str, tuple[str, ...]], list[Generated]] = defaultdict(list)
    for g in made:
        groups[(g.spec.level, tuple(g.spec.region))].append(g)
    for _ in range(per_kind):
        pairs = [(a, b) for peers in groups.values() for a in free(peers) for b in free(peers)
                 if a is not b and {y for y, _ in a.reports} & {y for y, _ in b.reports}]
        if not pairs:
            break
        target, source = rng.choice(pairs)
        used.update((target.spec.slug, source.spec.slug))
        year = rng.choice(sorted({y for y, _ in target.reports} & {y for y, _ in source.reports}))
        data = dict(target.reports)[year]
        heading = data["parts"]["一"]["heading"]
        fields = prose_fields(target.spec, year, data)
        data["parts"]["一"] = prose_module.part_one(random.Random(source.seeds[year]), fields, heading)
        out.append(Fault(target.spec.slug, year, COPY_PEER, "peer_copy",
                         f"part 一 written from {source.spec.slug}'s, names and table figures changed"))
        out.append(Fault(source.spec.slug, year, COPY_PEER, "peer_copy_source",
                         f"its part 一 copied into {target.spec.slug}'s"))

    for g in take([g for g in made if g.reports]):
        # A total of at least JUMP_BASE where the body has one: a few more is no jump.
        large = [r for r in g.reports if r[1]["applications"]["results"]["total"][-1] >= JUMP_BASE]
        year, data = rng.choice(large or g.reports)
        total = data["applications"]["results"]["total"]
        wrong = total[-1] + rng.randint(1, 3)
        out.append(Fault(g.spec.slug, year, IDENTITY_ERRORS, "broken_total",
                         f"applications.results.total.total {total[-1]} → {wrong}"))
        total[-1] = wrong

    def jumps(g: Generated) -> bool:
        return len(g.reports) >= 2 and g.reports[-2][1]["applications"]["new"][-1] >= JUMP_BASE

    for g in take([g for g in made if jumps(g)]):
        year, before = g.reports[-1][0], g.reports[-2][1]["applications"]["new"][-1]
        yearly = math.ceil(before * rng.uniform(6, 8))
        data, _ = report_data(g.spec, g.body, year, g.states[year], rng, g.seeds[year], yearly)
        g.reports[-1] = (year, data)
        out.append(Fault(g.spec.slug, year, YOY_JUMP, "jump",
                         f"applications.new.total {before} in {year - 1} → {yearly} in {year}"))
    return sorted(out, key=lambda f: (f.body, f.year, f.indicator))


def generate_with_faults(out: Path, reports: int, seed: int = 1, share: float = FAULT_SHARE,
                         first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR
                         ) -> tuple[list[Generated], list[Fault]]:
    """``generate``, with faults injected (``inject``): the bodies and reports written, and the
    manifest."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(f"{out} exists and is not an empty folder: choose a new one")
    made = make(reports, seed, first_year, last_year)
    faults = inject(made, seed, share)
    write(out, made)
    return made, faults


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("reports", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first-year", type=int, default=FIRST_YEAR)
    parser.add_argument("--last-year", type=int, default=LAST_YEAR)
    parser.add_argument("--faults", type=Path, metavar="MANIFEST",
                        help="inject faults and write their manifest (JSON) to this file, outside OUT_DIR")
    parser.add_argument("--fault-share", type=float, default=FAULT_SHARE,
                        help=f"share of the bodies given each kind of fault (default {FAULT_SHARE})")
    args = parser.parse_args(argv)
    if args.faults is not None and args.faults.resolve().is_relative_to(args.out.resolve()):
        # The data folder holds bodies only: a file in it is a stray the loader reports.
        print(f"generate.py: write the manifest outside {args.out}", file=sys.stderr)
        return 2
    try:
        if args.faults is None:
            made = generate(args.out, args.reports, args.seed, args.first_year, args.last_year)
        else:
            made, faults = generate_with_faults(args.out, args.reports, args.seed, args.fault_share,
                                                args.first_year, args.last_year)
            args.faults.write_text(json.dumps([asdict(f) for f in faults], ensure_ascii=False, indent=1) + "\n",
                                   encoding="utf-8")
    except FileExistsError as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 2
    count = sum(len(g.reports) for g in made)
    print(f"wrote {count} report(s) of {len(made)} body(ies) to {args.out}")
    if args.faults is not None:
        print(f"injected {len(faults)} fault(s) into {len({f.body for f in faults})} body(ies): {args.faults}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
