"""Benchmark copy detection (雷同) on N reports with copies planted, in two scenarios.

    python bench/copies.py [10000] [--seed 1] [--plant 0.02] [--group 500]

1. generated: bench/generate.py's reports, made in memory (no files: loading YAML is measured
   by bench/run.py, not here). Into a share ``--plant`` of them, part 五 copied from the body's
   previous year; into as many, part 一 copied from a peer (same level, region and year), the
   names changed. The generator composes its prose from templates with random fillers
   (bench/prose.py), so a clean report is not flagged; its peer groups are small (3 or 4
   bodies), so MinHash LSH has little to save.
2. own prose: N reports whose bodies write their own sentences (random words) around a few of the
   generator's template sentences, in peer groups of ``--group`` bodies, part 一 copied from a
   peer into ``--plant`` of them: what LSH is for, since comparing every pair grows with the
   square of a group.

3. quality: bench/generate.py's reports written with faults injected (``--faults``), loaded,
   then every indicator of ``python -m nianbao quality`` (nianbao.quality.figures: the registry's,
   the reports', consistency, outliers and copy detection), each timed; the rows flagged are
   compared with the manifest (precision and recall).

Timed, one run each, in this process: preparing the corpus (normalising parts 一, 五, 六 and
hashing their 5-grams), comparing each year with the previous one, finding peer candidates with
MinHash LSH and comparing them exactly. The baseline, timed in the same process, compares every
pair within each peer group exactly instead of the LSH candidates (on the first groups, up to
100,000 pairs, extrapolated to all). Prints one line per step, the planted copies found and the
reports flagged that were not planted, and one JSON line per scenario. Exits 1 if a scenario
(for quality: its indicators, loading the YAML aside) takes more than 30 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import (  # noqa: E402
    FIRST_YEAR,
    LAST_YEAR,
    MEASURES,
    OTHER,
    OVERALL,
    PROBLEMS,
    State,
    body_data,
    generate_with_faults,
    plan_bodies,
    report_data,
)
from prose import render  # noqa: E402

from nianbao.copies import (  # noqa: E402
    COPY_OWN_PREVIOUS,
    DEFAULTS,
    SECTION5_UNCHANGED,
    Corpus,
    Document,
    Piece,
    copy_own_previous,
    copy_peer,
    document,
    section5_unchanged,
)
from nianbao.formats import get_format  # noqa: E402
from nianbao.loader import load_data  # noqa: E402
from nianbao.model import Body, Report, ReportMeta  # noqa: E402
from nianbao.quality import DEFAULTS as QUALITY_DEFAULTS  # noqa: E402
from nianbao.quality import INDICATORS as QUALITY_INDICATORS  # noqa: E402


def generated(reports: int, seed: int) -> list[tuple[Document, dict[str, Any]]]:
    """N reports as Documents (and the body's data), as bench/generate.py would write them."""
    rng = random.Random(seed)
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    specs = plan_bodies(-(-reports // len(years)), rng)
    out: list[tuple[Document, dict[str, Any]]] = []
    left = reports
    for spec in specs:
        if left <= 0:
            break
        body_raw = body_data(spec, rng)
        body = Body.model_validate(body_raw)
        state: State | None = None
        for year in years[-min(left, len(years)):]:
            data, state = report_data(spec, body_raw, year, state, rng)
            meta = ReportMeta.model_validate({"format": data["format"], "parts": data["parts"]})
            report = Report(spec.slug, year, "", get_format(data["format"]), meta)
            out.append((document(report, body), body_raw))
            left -= 1
    return out


Key = tuple[str, int]


def plant(docs: list[Document], share: float, seed: int) -> tuple[list[Document], set[Key], dict[Key, Key]]:
    """Copies planted: part 五 from the previous year, part 一 from a peer with the names changed."""
    rng = random.Random(seed + 1)
    by_key = {d.key: d for d in docs}
    groups: dict[object, list[Document]] = defaultdict(list)
    for d in docs:
        groups[d.group].append(d)
    own: set[tuple[str, int]] = set()
    count = max(1, int(len(docs) * share))
    # In year order, so that a copy of a year that is itself a copy copies what that year now says.
    for d in sorted(rng.sample([d for d in docs if (d.body, d.year - 1) in by_key], count), key=lambda d: d.key):
        source = by_key[(d.body, d.year - 1)]
        pieces = tuple(p for p in d.pieces if p.part != "五") + tuple(p for p in source.pieces if p.part == "五")
        by_key[d.key] = replace(d, pieces=pieces)
        own.add(d.key)
    candidates = [d for d in docs if len(groups[d.group]) > 1 and d.key not in own]
    targets = rng.sample(candidates, count)
    peer: dict[Key, Key] = {d.key: d.key for d in targets}  # each copy → its source
    for d in targets:
        # The source keeps its own part 一: a copy of a copy would have no source left to find.
        source = rng.choice([g for g in groups[d.group] if g.key not in peer])
        peer[d.key] = source.key
        copied = []
        for p in source.pieces:
            if p.part != "一":
                continue
            text = p.text
            for theirs, mine in zip(source.names, d.names, strict=False):
                text = text.replace(theirs, mine)
            copied.append(Piece(p.part, p.path, text))
        pieces = tuple(copied) + tuple(p for p in by_key[d.key].pieces if p.part != "一")
        by_key[d.key] = replace(by_key[d.key], pieces=pieces)
    return [by_key[d.key] for d in docs], own, peer


def timed(label: str, call: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - start
    print(f"  {label}: {seconds:.2f} s", flush=True)
    return result, seconds


def diverse(reports: int, seed: int, group: int) -> list[Document]:
    """Reports whose bodies write their own prose (words drawn at random from a vocabulary of
    3,000), around the generator's template sentences, in peer groups of ``group`` bodies: what
    MinHash LSH is for, since exact comparison of every pair grows with the square of a group."""
    rng = random.Random(seed)
    vocabulary = ["".join(chr(0x4E00 + rng.randrange(6000)) for _ in range(2)) for _ in range(3000)]

    def prose(sentences: int) -> str:
        return "".join("".join(rng.choices(vocabulary, k=rng.randint(6, 14))) + "。" for _ in range(sentences))

    out: list[Document] = []
    for i in range(reports):
        body, g = f"b{i:05d}", i // group
        name = f"第{g}组第{i % group}号机关"
        region = ("某省", f"第{g}市")
        pieces = (
            Piece("一", "parts.一.text", OVERALL[i % len(OVERALL)].format(y=LAST_YEAR, short=name) + prose(3)),
            Piece("一", "parts.一.sections.0.text", prose(4)),
            Piece("五", "parts.五.sections.0.text", render(PROBLEMS[0], rng) + prose(2)),
            Piece("五", "parts.五.sections.1.text", render(MEASURES[i % len(MEASURES)], rng) + prose(2)),
            Piece("六", "parts.六.text", OTHER[1]),
        )
        out.append(Document(body, LAST_YEAR, "区县部门", region, name, (name, *region), pieces))
    return out


def plant_peers(docs: list[Document], share: float, seed: int) -> tuple[list[Document], dict[Key, Key]]:
    """Part 一 copied from a peer of the same group, the names changed."""
    rng = random.Random(seed + 2)
    groups: dict[object, list[Document]] = defaultdict(list)
    for d in docs:
        groups[d.group].append(d)
    by_key = {d.key: d for d in docs}
    targets = rng.sample(docs, max(1, int(len(docs) * share)))
    planted: dict[Key, Key] = {d.key: d.key for d in targets}  # each copy → its source
    for d in targets:
        # The source keeps its own text: a copy of a copy would have no source left to find.
        source = rng.choice([g for g in groups[d.group] if g.key not in planted])
        planted[d.key] = source.key
        copied = tuple(Piece(p.part, p.path, p.text.replace(source.name, d.name)) for p in source.pieces
                       if p.part == "一")
        by_key[d.key] = replace(d, pieces=copied + tuple(p for p in d.pieces if p.part != "一"))
    return [by_key[d.key] for d in docs], planted


def measure(title: str, docs: list[Document], own_planted: set[tuple[str, int]],
            peer_planted: dict[Key, Key]) -> dict[str, Any]:
    print(f"{title}: {len(docs):,} reports ({len(own_planted)} part 五 copied from last year, "
          f"{len(peer_planted)} part 一 from a peer planted)", flush=True)
    total = 0.0
    corpus, seconds = timed("normalise and hash 5-grams", lambda: Corpus(docs))
    total += seconds
    own, seconds = timed("own previous year, exact", lambda: copy_own_previous(corpus) + section5_unchanged(corpus))
    total += seconds
    peers, peer_seconds = timed("peers: MinHash LSH candidates, compared exactly", lambda: copy_peer(corpus))
    total += peer_seconds
    candidates = len(corpus.candidates())
    print(f"  {total:.2f} s for {len(docs):,} reports ({total / len(docs) * 1000:.2f} ms per report)")

    # Baseline: every pair within each peer group compared exactly (parts together and each part,
    # as the peers' step compares a candidate), on the first groups, extrapolated to them all.
    groups: dict[object, list[tuple[str, int]]] = defaultdict(list)
    for d in corpus:
        if corpus.grams(d.key).size >= DEFAULTS.min_grams:
            groups[d.group].append(d.key)
    pairs_all = sum(len(k) * (len(k) - 1) // 2 for k in groups.values())
    sample: list[list[tuple[str, int]]] = []
    sample_pairs = 0
    for keys in groups.values():
        if sample_pairs >= min(pairs_all, 100_000):
            break
        sample.append(keys)
        sample_pairs += len(keys) * (len(keys) - 1) // 2

    def all_pairs() -> None:
        for keys in sample:
            for i, a in enumerate(keys):
                for b in keys[i + 1:]:
                    corpus.compare(a, b)

    _, sample_seconds = timed(f"baseline: {sample_pairs:,} of {pairs_all:,} pairs in the groups, exactly", all_pairs)
    baseline_peers = sample_seconds * pairs_all / max(sample_pairs, 1)
    # The baseline prepares and compares each year with the last as well; only the peer search differs.
    baseline_total = total - peer_seconds + baseline_peers
    print(f"  baseline peers, all {pairs_all:,} pairs (extrapolated): {baseline_peers:.2f} s; "
          f"LSH proposed {candidates:,} pairs")

    own_flagged = {(f.body, f.year) for f in own if f.flag and f.indicator == COPY_OWN_PREVIOUS}
    section5 = {(f.body, f.year) for f in own if f.flag and f.indicator == SECTION5_UNCHANGED}
    peer_flagged = {(f.body, f.year) for f in peers if f.flag}
    # A planted copy's source has its text in the copy: it is flagged too, rightly.
    sources = set(peer_planted.values())
    copies = set(peer_planted)
    found = len(own_planted & section5) + len(copies & peer_flagged)
    print(f"  planted found: {len(own_planted & section5)}/{len(own_planted)} part 五 (section5_unchanged), "
          f"{len(copies & peer_flagged)}/{len(copies)} part 一 (copy_peer); also flagged: "
          f"copy_own_previous {len(own_flagged - own_planted)}, section5_unchanged {len(section5 - own_planted)}, "
          f"copy_peer {len(peer_flagged - copies - sources)} (not planted, not a planted copy's source)")
    print(f"  {total:.2f} s against a baseline of {baseline_total:.2f} s: {baseline_total / total:.2f}×")
    return {"scenario": title, "reports": len(docs), "seconds": round(total, 2),
            "baseline_seconds": round(baseline_total, 2), "vs_baseline": round(baseline_total / total, 2),
            "candidates": candidates, "pairs_all": pairs_all, "planted": len(own_planted) + len(peer_planted),
            "planted_found": found, "flagged_not_planted": len((own_flagged | section5 | peer_flagged)
                                                               - own_planted - copies - sources)}


def quality(reports: int, seed: int) -> dict[str, Any]:
    """Every indicator of the quality command on a data folder with faults injected, each timed."""
    title = "quality (bench/generate.py --faults, every indicator)"
    found: set[tuple[str, int, str]] = set()
    total = 0.0
    # The folder stays while the indicators run: a finding reads its file again for its line.
    with tempfile.TemporaryDirectory(prefix="nianbao-quality-") as tmp:
        (_, faults), _ = timed("generate with faults", lambda: generate_with_faults(Path(tmp) / "data", reports, seed))
        data, load_seconds = timed("load the YAML", lambda: load_data(Path(tmp) / "data"))
        print(f"{title}: {len(data.reports):,} reports, {len(faults)} fault rows planted in "
              f"{len({f.body for f in faults})} bodies", flush=True)
        # CPU time too: on the shared machine the wall clock also counts the other processes' turns.
        cpu = time.process_time()
        for indicator in QUALITY_INDICATORS:
            figures, seconds = timed(indicator.__name__, lambda i=indicator: i(data, QUALITY_DEFAULTS))
            total += seconds
            found.update((f.body, f.year, f.indicator) for f in figures if f.flag)
        cpu = time.process_time() - cpu
    want = {(f.body, f.year, f.indicator) for f in faults}
    precision = len(want & found) / len(found) if found else 1.0
    recall = len(want & found) / len(want) if want else 1.0
    print(f"  {total:.2f} s for every indicator ({cpu:.2f} s of CPU; {load_seconds:.2f} s to load the YAML before); "
          f"{len(found)} rows flagged, precision {precision:.2f}, recall {recall:.2f}")
    return {"scenario": title, "reports": len(data.reports), "seconds": round(total, 2), "cpu_seconds": round(cpu, 2),
            "load_seconds": round(load_seconds, 2), "planted": len(want), "flagged": len(found),
            "precision": round(precision, 3), "recall": round(recall, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", type=int, nargs="?", default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plant", type=float, default=0.02)
    parser.add_argument("--group", type=int, default=500, help="peer group size of the own-prose scenario")
    args = parser.parse_args(argv)

    made = generated(args.reports, args.seed)
    docs, own_planted, peer_planted = plant([d for d, _ in made], args.plant, args.seed)
    results = [measure("generated (bench/generate.py prose)", docs, own_planted, peer_planted)]
    docs, peer_planted = plant_peers(diverse(args.reports, args.seed, args.group), args.plant, args.seed)
    results.append(measure(f"own prose, peer groups of {args.group}", docs, set(), peer_planted))
    results.append(quality(args.reports, args.seed))
    worst = max(r["seconds"] for r in results)
    print(f"copies: {args.reports:,} reports in at most {worst:.2f} s (target: at most 30 s); "
          + "; ".join(f"{r['scenario']}: {r['vs_baseline']:.2f}× the all-pairs baseline" for r in results
                      if "vs_baseline" in r)
          + f"; quality, every indicator: {results[-1]['seconds']:.2f} s")
    for result in results:
        print(json.dumps(result, ensure_ascii=False))
    return 0 if worst <= 30 else 1


if __name__ == "__main__":
    raise SystemExit(main())
