"""Benchmark copy detection (雷同) on N generated reports, with copies planted.

    python bench/copies.py [10000] [--seed 1] [--plant 0.02]

The reports come from bench/generate.py's generator, in memory (no files: loading YAML is
measured by bench/run.py, not here). Their prose is drawn from sentence pools, so peers share
much of their text, as template-bound real reports do. Into a share ``--plant`` of the bodies
a copy is planted: part 五 copied from the body's previous year; into as many reports, part 一
copied from a peer of the same level and region in the same year, the names changed.

Timed, one run each, in this process: preparing the corpus (normalising parts 一, 五, 六 and
hashing their 5-grams), comparing each year with the previous one, finding peer candidates with
MinHash LSH and comparing them exactly, and the copy indicators. The baseline, timed in the same
process, compares every pair of reports within each peer group exactly (what LSH saves); it is
run on the groups of a sample of years and extrapolated. Prints one line per step, then the
planted copies found, then one JSON line: reports, seconds, baseline_seconds, vs_baseline,
candidates, pairs_all, own_previous_flagged, peer_flagged, planted_found, planted.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import FIRST_YEAR, LAST_YEAR, State, body_data, plan_bodies, report_data  # noqa: E402

from nianbao.copies import (  # noqa: E402
    DEFAULTS,
    Corpus,
    Document,
    Piece,
    copy_own_previous,
    copy_peer,
    document,
    section5_unchanged,
)
from nianbao.copies.compare import similarity  # noqa: E402
from nianbao.formats import get_format  # noqa: E402
from nianbao.model import Body, Report, ReportMeta  # noqa: E402


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


def plant(docs: list[Document], share: float, seed: int) -> tuple[list[Document], set[tuple[str, int]],
                                                                    set[tuple[str, int]]]:
    """Copies planted: part 五 from the previous year, part 一 from a peer with the names changed."""
    rng = random.Random(seed + 1)
    by_key = {d.key: d for d in docs}
    groups: dict[object, list[Document]] = defaultdict(list)
    for d in docs:
        groups[d.group].append(d)
    own: set[tuple[str, int]] = set()
    peer: set[tuple[str, int]] = set()
    count = max(1, int(len(docs) * share))
    for d in rng.sample([d for d in docs if (d.body, d.year - 1) in by_key], count):
        source = by_key[(d.body, d.year - 1)]
        pieces = tuple(p for p in d.pieces if p.part != "五") + tuple(p for p in source.pieces if p.part == "五")
        by_key[d.key] = replace(d, pieces=pieces)
        own.add(d.key)
    candidates = [d for d in docs if len(groups[d.group]) > 1 and d.key not in own]
    for d in rng.sample(candidates, count):
        source = rng.choice([g for g in groups[d.group] if g.body != d.body])
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
        peer.add(d.key)
    return [by_key[d.key] for d in docs], own, peer


def timed(label: str, call: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - start
    print(f"  {label}: {seconds:.2f} s", flush=True)
    return result, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", type=int, nargs="?", default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plant", type=float, default=0.02)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    made = generated(args.reports, args.seed)
    docs, own_planted, peer_planted = plant([d for d, _ in made], args.plant, args.seed)
    print(f"copies: {len(docs):,} reports generated in {time.perf_counter() - start:.1f} s "
          f"({len(own_planted)} part 五 copied from last year, {len(peer_planted)} part 一 from a peer planted)",
          flush=True)

    total = 0.0
    corpus, seconds = timed("normalise and hash 5-grams", lambda: Corpus(docs))
    total += seconds
    own, seconds = timed("own previous year, exact", lambda: copy_own_previous(corpus) + section5_unchanged(corpus))
    total += seconds
    peers, peer_seconds = timed("peers: MinHash LSH candidates, compared exactly", lambda: copy_peer(corpus))
    total += peer_seconds
    candidates = len(corpus.candidates())
    print(f"copies: {total:.2f} s for {len(docs):,} reports ({total / len(docs) * 1000:.2f} ms per report)")

    # Baseline: every pair within each peer group, exactly; on a sample of years, extrapolated.
    groups: dict[object, list[tuple[str, int]]] = defaultdict(list)
    for d in corpus:
        if corpus.grams(d.key).size >= DEFAULTS.min_grams:
            groups[d.group].append(d.key)
    pairs_all = sum(len(k) * (len(k) - 1) // 2 for k in groups.values())
    sample_years = {LAST_YEAR}
    sample = [keys for group, keys in groups.items() if group[2] in sample_years]  # type: ignore[index]
    sample_pairs = sum(len(k) * (len(k) - 1) // 2 for k in sample)

    def all_pairs() -> int:
        done = 0
        for keys in sample:
            for i, a in enumerate(keys):
                for b in keys[i + 1:]:
                    similarity(corpus.grams(a), corpus.grams(b))
                    done += 1
        return done

    _, sample_seconds = timed(f"baseline: all {sample_pairs:,} pairs of {sorted(sample_years)} exactly", all_pairs)
    baseline_peers = sample_seconds * pairs_all / max(sample_pairs, 1)
    # The baseline does the same preparation and own-year comparison; only the peer search differs.
    baseline_total = total - peer_seconds + baseline_peers
    print(f"  baseline peers, all {pairs_all:,} pairs extrapolated: {baseline_peers:.2f} s; "
          f"LSH proposed {candidates:,} pairs")

    own_flagged = {(f.body, f.year) for f in own if f.flag}
    peer_flagged = {(f.body, f.year) for f in peers if f.flag}
    section5 = {(f.body, f.year) for f in own if f.flag and f.indicator == "section5_unchanged"}
    found = len(own_planted & (section5 | own_flagged)) + len(peer_planted & peer_flagged)
    print(f"  planted found: {len(own_planted & section5)}/{len(own_planted)} part 五 (section5_unchanged), "
          f"{len(peer_planted & peer_flagged)}/{len(peer_planted)} part 一 from a peer (copy_peer); "
          f"flagged in all: copy_own_previous {len(own_flagged - section5)}, section5_unchanged {len(section5)}, "
          f"copy_peer {len(peer_flagged)}")
    print(f"copies: {total:.2f} s against a baseline of {baseline_total:.2f} s: "
          f"{baseline_total / total:.2f}× (target: 10,000 reports in at most 30 s)")
    print(json.dumps({"reports": len(docs), "seconds": round(total, 2), "baseline_seconds": round(baseline_total, 2),
                      "vs_baseline": round(baseline_total / total, 2), "candidates": candidates,
                      "pairs_all": pairs_all, "own_previous_flagged": len(own_flagged),
                      "peer_flagged": len(peer_flagged), "planted_found": found,
                      "planted": len(own_planted) + len(peer_planted)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
