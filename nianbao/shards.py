"""Province-sized sites: one MkDocs build per region (a shard), behind one landing page.

MkDocs renders on one thread and holds a whole site in memory. Splitting by region keeps each
build the size of a city, lets every core (or every machine) build a shard, and lets a shard whose
inputs did not change be kept as it was built. Each shard is a complete site (its own search index)
under ``OUT/<shard>/``; ``OUT/index.html`` links them, and each shard's search also searches the
others' (nianbao.search.link_shards).

The work is a plan of independent jobs, one per shard (``make_plan``, written by ``shards --plan``
as a CI matrix), each building its shard and its sums (``build_shard``), then one last step
(``assemble``): the landing page, the search across shards, the provinces' 汇总. Whatever runs the
jobs (make and xargs -P on one machine, a GitHub or GitLab matrix on many) only has to bring the
shards' folders together under OUT before the last step. ``build_shards`` runs the same plan in one
command, one shard after another. MkDocs runs as a subprocess: this module, like the rest of the
core, never imports it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .atomic import write_text_atomic
from .catalogue import site as words
from .datafiles import kind, report_files
from .figures.regions import RegionYear, merge_years, region_years, years_from_json, years_to_json
from .loader import load_data, read_body
from .pinyin import pinyin
from .render import environment
from .render.region_sums import province_html
from .search import link_shards

DIGEST_FILE = ".nianbao-shard"
# A province's 汇总 page beside the landing page: OUT/sums-<pinyin>.html (no shard's folder is so named).
PROVINCE_PAGE = "sums-"
# Each shard's sums, kept for the next run with the digest of their inputs (a dot folder, which no
# shard is named and the clean-up of gone shards skips).
SUMS_CACHE = ".sums"
# What a shard's pages depend on besides its data: the project's code, theme and pages.
PROJECT_INPUTS = ("mkdocs.yml", "docs", "hooks", "nianbao", "constraints.txt")


@dataclass(frozen=True)
class Shard:
    region: tuple[str, ...]
    slug: str
    bodies: tuple[Path, ...]  # body folders

    @property
    def title(self) -> str:
        return " / ".join(self.region) or words.SHARD_OTHER()

    def reports(self) -> int:
        return sum(len(report_files(body)) for body in self.bodies)


@dataclass
class ShardResult:
    shard: Shard
    status: str  # built, reused or failed; assembling: ready or failed
    seconds: float = 0.0
    log: str = ""


def plan_shards(data_dir: Path, depth: int) -> list[Shard]:
    """Group the bodies by the first ``depth`` levels of their region (2: province / city)."""
    groups: dict[tuple[str, ...], list[Path]] = {}
    for folder in sorted(p for p in data_dir.iterdir() if kind(p) == "folder" and not p.name.startswith(("_", "."))):
        body = read_body(folder)
        # A faulty body.yml goes to the shard without a region, whose build reports the fault.
        region = tuple(body.region[:depth]) if body is not None else ()
        groups.setdefault(region, []).append(folder)
    shards, taken = [], set()
    for region, folders in sorted(groups.items()):
        slug = "-".join(pinyin(name) for name in region) or "other"
        while slug in taken:
            slug += "-x"
        taken.add(slug)
        shards.append(Shard(region, slug, tuple(folders)))
    return shards


def _digest_files(h: hashlib.blake2b, root: Path, paths: Iterable[Path]) -> None:
    for path in sorted(paths):
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path]
        for file in files:
            h.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes() + b"\0")


def project_digest(project: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    _digest_files(h, project, [project / p for p in PROJECT_INPUTS if (project / p).exists()])
    return h.hexdigest()


def shard_digest(shard: Shard, project_hash: str) -> str:
    h = hashlib.blake2b(project_hash.encode(), digest_size=16)
    for body in shard.bodies:
        _digest_files(h, body.parent, [body])
    return h.hexdigest()


def _stage(shard: Shard, work: Path) -> Path:
    """The list of this shard's body folders, one a line, for the build to load (NIANBAO_BODIES_FILE).

    A list, not a folder of links to them: the loader follows no link out of a data folder.
    """
    listing = work / f"{shard.slug}.txt"
    listing.write_text("".join(f"{body.name}\n" for body in shard.bodies), encoding="utf-8")
    return listing


def _build(shard: Shard, bodies: Path, data_dir: Path, out: Path, project: Path, digest: str) -> ShardResult:
    started = time.perf_counter()
    target, staging = out / shard.slug, out / f".{shard.slug}.new"
    if staging.exists():
        shutil.rmtree(staging)
    env = {**os.environ, "NIANBAO_DATA": str(data_dir.resolve()), "NIANBAO_BODIES_FILE": str(bodies),
           "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
         "-d", str(staging)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return ShardResult(shard, "failed", seconds, proc.stdout + proc.stderr)
    (staging / DIGEST_FILE).write_text(digest + "\n", encoding="utf-8")
    # Swap in the finished shard: a reader never sees a half-built one.
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return ShardResult(shard, "built", seconds)


# --- the plan: one job per shard, for a CI matrix, make or xargs -------------------------------------

@dataclass(frozen=True)
class Job:
    """One shard of a plan: what its build job needs, and what the assembling step checks it by."""

    shard: Shard
    digest: str  # of the shard's inputs (shard_digest): its built folder carries it when built of them
    site: Path  # the whole site's folder; the shard is built into site/<slug>/

    @property
    def out(self) -> Path:
        return self.site / self.shard.slug

    @property
    def sums(self) -> Path:
        return self.site / SUMS_CACHE / f"{self.shard.slug}.json"

    @property
    def data(self) -> Path:
        return self.shard.bodies[0].parent

    def to_json(self) -> dict[str, object]:
        # Flat values first: a CI matrix shows them; "folders" is what the build job loads.
        # No title: "other" is in the run's language, and a file reads the same whatever it spoke.
        return {"shard": self.shard.slug, "region": list(self.shard.region),
                "bodies": len(self.shard.bodies), "reports": self.shard.reports(), "digest": self.digest,
                "data": str(self.data), "site": str(self.site), "out": str(self.out), "sums": str(self.sums),
                "folders": [b.name for b in self.shard.bodies]}

    @classmethod
    def from_json(cls, entry: Mapping[str, Any]) -> Job:
        data = Path(entry["data"])
        shard = Shard(tuple(str(r) for r in entry["region"]), str(entry["shard"]),
                      tuple(data / str(f) for f in entry["folders"]))
        if not shard.bodies or not isinstance(entry["digest"], str):
            raise ValueError(entry)
        return cls(shard, entry["digest"], Path(entry["site"]))


# The most jobs one GitHub Actions matrix runs (.github/workflows/province.yml runs github_matrix).
GITHUB_MATRIX_MAX = 256


def github_matrix(jobs: Sequence[Job], limit: int = GITHUB_MATRIX_MAX) -> dict[str, list[dict[str, object]]]:
    """The plan's shards as one GitHub Actions matrix of at most ``limit`` jobs: a shard each while
    the plan has no more, else runs of consecutive shards of one size (GitHub refuses a larger
    matrix). Each entry names its shards (space-separated: a slug has no space, and `--build`
    takes several), the paths its job uploads and caches (each shard's folder and sums, one a
    line), and the key of that cache: the digest of its shards' inputs."""
    size = max(1, -(-len(jobs) // limit))
    include: list[dict[str, object]] = []
    for start in range(0, len(jobs), size):
        run = jobs[start:start + size]
        digests = " ".join(job.digest for job in run)
        include.append({
            "entry": run[0].shard.slug if size == 1 else f"group-{start // size + 1}",
            "shards": " ".join(job.shard.slug for job in run),
            "reports": sum(job.shard.reports() for job in run),
            "paths": "\n".join(str(path) for job in run for path in (job.out, job.sums)),
            "key": run[0].digest if size == 1 else hashlib.sha256(digests.encode()).hexdigest()[:32],
        })
    return {"include": include}


class PlanError(Exception):
    """A plan file that cannot be read, or a shard it does not name (the text says which)."""


def make_plan(data_dir: Path, out: Path, project: Path, depth: int = 2) -> list[Job]:
    """Every shard of the data as a job, with the digest of its inputs."""
    project_hash = project_digest(project)
    return [Job(shard, shard_digest(shard, project_hash), out) for shard in plan_shards(data_dir, depth)]


def plan_json(jobs: Sequence[Job]) -> str:
    """The plan as a CI matrix reads it: {"include": [one object per shard]} and nothing else (a
    GitHub matrix would take any other key for a dimension of its own)."""
    return json.dumps({"include": [job.to_json() for job in jobs]}, ensure_ascii=False, indent=1) + "\n"


def read_plan(path: Path) -> list[Job]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["include"]
        return [Job.from_json(entry) for entry in entries]
    except OSError as exc:
        raise PlanError(words.PLAN_UNREADABLE(path=path, reason=exc.strerror or exc)) from exc
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise PlanError(words.PLAN_INVALID(path=path)) from exc


def find_job(jobs: Sequence[Job], slug: str, plan: Path) -> Job:
    for job in jobs:
        if job.shard.slug == slug:
            return job
    raise PlanError(words.PLAN_NO_SHARD(slug=slug, path=plan, shards=" ".join(j.shard.slug for j in jobs)))


def _built_of(job: Job) -> bool:
    """Whether the shard's folder is a build of the plan's inputs (its digest file says so)."""
    stamp = job.out / DIGEST_FILE
    return stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == job.digest


def pending(job: Job) -> bool:
    """Whether the job has anything to do: its shard's folder is not a build of the plan's inputs,
    or its sums are not kept of them. Running only these saves a process start per kept shard."""
    return not _built_of(job) or (bool(job.shard.region) and _kept_sums(job.sums, job.digest) is None)


def build_shard(job: Job, project: Path) -> ShardResult:
    """One job of the plan: the shard's site in its folder (kept when it is already a build of the
    same inputs), then its sums for the province's 汇总. A failed build keeps the last good one."""
    shard = job.shard
    # The plan names the inputs it hashed; a build of other inputs under that digest would later be
    # kept for them, so a plan older than the data is refused.
    if shard_digest(shard, project_digest(project)) != job.digest:
        return ShardResult(shard, "failed", 0.0, words.PLAN_STALE(slug=shard.slug))
    job.site.mkdir(parents=True, exist_ok=True)
    if _built_of(job):
        result = ShardResult(shard, "reused")
    else:
        # The shard's body list is staged outside the site so that it is never published.
        with tempfile.TemporaryDirectory(prefix="nianbao-shard-") as work:
            result = _build(shard, _stage(shard, Path(work)), job.data, job.site, project, job.digest)
    if result.status != "failed" and shard.region:
        _shard_sums(job, project)
    return result


def assemble(jobs: Sequence[Job], project: Path, out: Path | None = None) -> list[ShardResult]:
    """The last step, once every job has run: the landing page, one search across the shards and
    each province's 汇总, in ``out`` (the plan's site folder). A shard whose folder is not a build of
    the plan's inputs (its job failed, or never ran) is listed as not published and left out of
    the search and the sums."""
    if out is None:
        if not jobs:  # a plan of no shard names no folder: nothing to assemble
            return []
        out = jobs[0].site
    out.mkdir(parents=True, exist_ok=True)
    results = [ShardResult(job.shard, "ready" if _built_of(job) else "failed") for job in jobs]
    known = {job.shard.slug for job in jobs}
    for stale in out.iterdir():  # shards of regions that are gone
        if stale.is_dir() and not stale.name.startswith(".") and stale.name not in known \
                and (stale / DIGEST_FILE).exists():
            shutil.rmtree(stale)
    digests = {job.shard.slug: job.digest for job in jobs}
    provinces = []
    for province, of_province in _by_province(results).items():
        page = f"{PROVINCE_PAGE}{pinyin(province)}.html"
        data_dir = next(job.data for job in jobs if job.shard.region and job.shard.region[0] == province)
        (out / page).write_text(province_page(data_dir, project, province, of_province, digests, out / SUMS_CACHE),
                                encoding="utf-8")
        provinces.append((province, page))
    for stale_page in out.glob(f"{PROVINCE_PAGE}*.html"):  # the pages of provinces that are gone
        if stale_page.name not in {page for _, page in provinces}:
            stale_page.unlink()
    # One search across all shards: each one's search box merges the others' indexes.
    link_shards({r.shard.slug: out / r.shard.slug for r in results if r.status != "failed"})
    (out / "index.html").write_text(landing_page(results, provinces), encoding="utf-8")
    return results


def build_shards(data_dir: Path, out: Path, project: Path, depth: int = 2,
                 progress: Callable[[ShardResult], None] | None = None) -> list[ShardResult]:
    """The whole plan in this one command, one shard after another, then the assembling step: the
    same site as the plan's jobs run by make, xargs or a CI matrix."""
    jobs = make_plan(data_dir, out, project, depth)
    results = []
    for job in jobs:
        results.append(build_shard(job, project))
        if progress is not None:
            progress(results[-1])
    assemble(jobs, project, out)
    return results


# A GitLab child pipeline from the plan: the jobs are the project's (this file: the shard job, the
# assembling one), the plan adds the shard job's matrix, one entry per shard with its digest (the
# cache key: a shard whose inputs did not change is restored and kept). GitLab runs at most 200
# jobs of one matrix, so a larger plan gets copies of the job ("shard 2", …), 200 shards each.
GITLAB_TEMPLATE = "ci/gitlab-province-shards.yml"
GITLAB_JOB = "shard"
GITLAB_MATRIX_MAX = 200


def gitlab_pipeline(jobs: Sequence[Job], template: str) -> str:
    """The child pipeline that builds the plan's shards, then assembles: ``template`` (the YAML of
    GITLAB_TEMPLATE) with the shard job's parallel:matrix filled in."""
    pipeline = yaml.safe_load(template)
    job = pipeline.pop(GITLAB_JOB)
    rows = [{"SHARD": j.shard.slug, "DIGEST": j.digest} for j in jobs]
    shard_jobs = {}
    for index in range(0, len(rows), GITLAB_MATRIX_MAX):
        name = GITLAB_JOB if index == 0 else f"{GITLAB_JOB} {index // GITLAB_MATRIX_MAX + 1}"
        shard_jobs[name] = {**job, "parallel": {"matrix": rows[index:index + GITLAB_MATRIX_MAX]}}
    if not shard_jobs:  # a matrix of nothing is refused: the job is left out, the site still assembled
        shard_jobs[GITLAB_JOB] = {**job, "rules": [{"when": "never"}]}
    # Written into the file: Chinese whatever the run's language (see nianbao.catalogue.site).
    header = f"# 由 python -m nianbao shards --plan … --gitlab … 按 {GITLAB_TEMPLATE} 写出；请勿手改\n"
    return header + yaml.safe_dump({**pipeline, **shard_jobs}, allow_unicode=True, sort_keys=False)


def _shard_sums(job: Job, project: Path) -> None:
    """The shard's sums in the site's sums folder, made now unless kept there of the same inputs."""
    if _kept_sums(job.sums, job.digest) is None:
        province_sums(job.data, project, [ShardResult(job.shard, "built")], {job.shard.slug: job.digest},
                      job.sums.parent)


def _by_province(results: list[ShardResult]) -> dict[str, list[ShardResult]]:
    grouped: dict[str, list[ShardResult]] = {}
    for result in results:
        if result.shard.region:
            grouped.setdefault(result.shard.region[0], []).append(result)
    return grouped


def province_sums(data_dir: Path, project: Path, results: list[ShardResult],
                  digests: Mapping[str, str] | None = None, cache: Path | None = None,
                  ) -> tuple[list[RegionYear], dict[str, tuple[str, str]], list[str]]:
    """A province's 汇总 from its shards' data, one shard loaded at a time and none rendered: the
    sums of each shard are merged as a region's are from its child regions'. Also each body's
    name and page, and the shards left out (their build failed, so their data did not pass).

    With ``cache`` (a folder) and the shards' ``digests``, a shard whose inputs did not change
    gives the sums kept from its last run, as its pages are kept: a day's edits reload only their
    shards."""
    parts: list[list[RegionYear]] = []
    present: list[str] = []
    names: dict[str, tuple[str, str]] = {}
    left_out: list[str] = []
    for result in results:
        shard = result.shard
        if result.status == "failed":
            left_out.append(shard.title)
            continue
        digest = (digests or {}).get(shard.slug)
        kept = _kept_sums(cache / f"{shard.slug}.json", digest) if cache is not None and digest else None
        if kept is None:
            data = load_data(data_dir, data_dir, frozenset(b.name for b in shard.bodies), project / "docs")
            if data.findings.errors:
                left_out.append(shard.title)
                continue
            reports = data.reports_by_body()
            kept = ({slug: body.name for slug, body in data.bodies.items()},
                    [slug for slug in data.bodies if reports.get(slug)], region_years(list(data.bodies), reports))
            if cache is not None and digest:
                cache.mkdir(parents=True, exist_ok=True)
                write_text_atomic(cache / f"{shard.slug}.json", json.dumps(
                    {"digest": digest, "names": kept[0], "present": kept[1], "years": years_to_json(kept[2])},
                    ensure_ascii=False), within=cache)
        shard_names, shard_present, years = kept
        parts.append(years)
        present += shard_present
        names.update({slug: (name, f"{shard.slug}/{slug}/") for slug, name in shard_names.items()})
    return merge_years(parts, present), names, left_out


def _kept_sums(path: Path, digest: str) -> tuple[dict[str, str], list[str], list[RegionYear]] | None:
    """The sums a run kept for a shard, if they are of these inputs (else None: made again)."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["digest"] != digest:
            return None
        return dict(kept["names"]), list(kept["present"]), years_from_json(kept["years"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def province_page(data_dir: Path, project: Path, province: str, results: list[ShardResult],
                  digests: Mapping[str, str] | None = None, cache: Path | None = None) -> str:
    years, names, left_out = province_sums(data_dir, project, results, digests, cache)
    return province_html(province, years, names, left_out)


def landing_page(results: list[ShardResult], provinces: Sequence[tuple[str, str]] = ()) -> str:
    rows = [(r.shard.title, f"{r.shard.slug}/", len(r.shard.bodies), r.shard.reports(), r.status != "failed")
            for r in results]
    texts = {name: getattr(words, "LANDING_" + name.upper())() for name in
             ("title", "intro", "region", "bodies", "reports", "unpublished", "lang", "sums")}
    return environment().get_template("landing.html.j2").render(rows=rows, t=texts, provinces=provinces)
