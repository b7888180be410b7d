"""Corpus mode: compare every cluster of a corpus and summarise each in one record."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.corpus.discover import ClusterTask, Corpus
from newsdiff.errors import InputError, NewsdiffError
from newsdiff.model import KINDS, SIGNAL_TYPES, Comparison, Document
from newsdiff.records import ClusterRecord
from newsdiff.render.view import report_names, signal_line
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

if TYPE_CHECKING:
    from newsdiff.corpus.engines import Engine

# A compare function takes the reports of one cluster and returns their comparison.
# It must be a top-level function so that it pickles for worker processes and Dask.
CompareFn = Callable[[list[Document]], Comparison]

# Fewer reports than this leave nothing to compare: the cluster is an error row.
MIN_REPORTS = 2

# Signal details kept per type as evidence for `check` (the counts are complete).
EXAMPLES_PER_TYPE = 3


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back: the record and, on request, the cluster's newsdiff/1 JSON."""

    record: ClusterRecord
    details: str | None = None


@dataclass(frozen=True)
class WorkerSettings:
    """How a worker compares a cluster; pickled along with every task."""

    compare: CompareFn | None = None
    details: bool = False
    encoding: str | None = None
    # Most sentences aligned per cluster (0 or None: no limit); see newsdiff/limits.py.
    max_sentences: int | None = DEFAULT_MAX_SENTENCES


def default_compare(
    docs: list[Document], max_sentences: int | None = DEFAULT_MAX_SENTENCES
) -> Comparison:
    """Compare documents with the newsdiff pipeline (imported here: workers pay, not --help)."""
    import newsdiff

    return newsdiff.compare(docs, newsdiff.Options(max_sentences=max_sentences))


def warm_up() -> None:
    """Load the pipeline's lazy data once, so the first cluster's step times are not inflated."""
    import newsdiff

    newsdiff.compare(["The council met on Monday.", "On Monday the council met."])


def summarize(index: int, task: ClusterTask, cmp: Comparison, seconds: float) -> ClusterRecord:
    """Summarise a comparison in one record."""
    summary = cmp.summary()
    content = sum(d.sentences - d.boilerplate for d in summary.per_document)
    in_kind = {
        "shared": sum(d.shared for d in summary.per_document),
        "divergent": sum(d.divergent for d in summary.per_document),
        "unique": sum(d.unique for d in summary.per_document),
    }
    shares: dict[str, float] = {
        k: round(in_kind[k] / content, 4) if content else 0.0 for k in KINDS
    }
    signals = dict.fromkeys(SIGNAL_TYPES, 0)
    examples: dict[tuple[str, str], None] = {}
    kept: dict[str, int] = {}
    name = report_names(cmp)
    signal_files: dict[str, str] = {}
    for g in cmp.groups:
        for s in g.signals:
            signals[s.type] = signals.get(s.type, 0) + 1
            if s.type not in signal_files and s.docs:
                path = cmp.documents[s.docs[0]].path or ""
                # A report's path is its file, or "file:line" for a JSON Lines article.
                file = next((f for f in task.files if path == f or path.startswith(f + ":")), None)
                if file is not None:
                    signal_files[s.type] = file
            if kept.get(s.type, 0) < EXAMPLES_PER_TYPE:
                # Name the reports, so the evidence can be found without the details file:
                # "group 3 (a vs b): 500 vs 400", "group 3: 5 (a, c) vs 6 (b); ...".
                named = signal_line(s, name)[len(s.type) :]
                example = (s.type, f"group {g.index}{named}")
                if example not in examples:
                    examples[example] = None
                    kept[s.type] = kept.get(s.type, 0) + 1
    slowest_step, slowest_seconds = None, None
    if cmp.timings:
        # Ties go to the step named first alphabetically, so the choice is stable.
        slowest_step, slowest_seconds = min(cmp.timings.items(), key=lambda kv: (-kv[1], kv[0]))
    return ClusterRecord(
        index=index,
        cluster=task.name,
        source=task.source,
        line=task.line,
        reports=summary.documents,
        sentences=sum(d.sentences for d in summary.per_document),
        groups={"shared": summary.shared, "divergent": summary.divergent, "unique": summary.unique},
        shares=shares,
        signals=signals,
        examples=tuple(examples),
        slowest_step=slowest_step,
        slowest_seconds=slowest_seconds,
        seconds=seconds,
        files=task.files if task.kind == "folder" else (),
        signal_files=signal_files,
    )


def error_record(
    task: ClusterTask, reason: str, reports: int = 0, seconds: float = 0.0
) -> ClusterRecord:
    """Return the record of a cluster that could not be compared."""
    return ClusterRecord(
        index=task.index,
        cluster=task.name,
        source=task.source,
        line=task.line,
        reports=reports,
        seconds=seconds,
        error=reason,
        files=task.files if task.kind == "folder" else (),
    )


def process_cluster(task: ClusterTask, settings: WorkerSettings) -> Outcome:
    """Read and compare one cluster; never raise (a failure becomes the cluster's error row)."""
    t0 = time.perf_counter()
    if task.problem is not None:
        return Outcome(error_record(task, task.problem))
    count = len(task.files) or len(task.articles)
    if count < MIN_REPORTS:
        what = "no reports" if count == 0 else f"only {count} report"
        return Outcome(
            error_record(task, f"{what}; a comparison needs at least {MIN_REPORTS}", count)
        )
    try:
        docs = read_reports(task, settings.encoding)
        if settings.compare is not None:
            cmp = settings.compare(docs)
        else:
            cmp = default_compare(docs, settings.max_sentences)
    except NewsdiffError as exc:
        return Outcome(error_record(task, str(exc), count, time.perf_counter() - t0))
    except Exception as exc:
        # A bug on one cluster must not end a run over thousands; the row names it.
        reason = f"internal error: {type(exc).__name__}: {exc}"
        return Outcome(error_record(task, reason, count, time.perf_counter() - t0))
    record = summarize(task.index, task, cmp, time.perf_counter() - t0)
    details = details_json(cmp) if settings.details else None
    return Outcome(record, details)


def read_reports(task: ClusterTask, encoding: str | None = None) -> list[Document]:
    """Read the reports of a cluster into unsegmented, uniquely named Documents."""
    from newsdiff.sources import unique_names

    if task.kind == "folder":
        return list(unique_names(_read_files(task, encoding)))
    return list(unique_names(_read_articles(task, encoding)))


def _read_files(task: ClusterTask, encoding: str | None) -> Iterator[Document]:
    """Read a folder cluster's files where the client resolved them, shown as the user gave them."""
    from newsdiff.sources import read_documents

    for given in task.files:
        # A read error names the absolute path a worker opened; a report keeps the given one.
        opened = task.located(given)
        for doc in read_documents(opened, encoding=encoding, text_field=task.text_field):
            suffix = (doc.path or opened)[len(opened) :]  # ":line" of a JSON Lines article
            yield dataclasses.replace(doc, path=given + suffix)


def _read_articles(task: ClusterTask, encoding: str | None) -> Iterator[Document]:
    """Read a JSON Lines cluster's articles by their offsets, by the rules of every JSON Lines."""
    from newsdiff.sources.files import decode
    from newsdiff.sources.jsonl import parse_record

    try:
        fh = open(task.located(task.source), "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"{task.source}: cannot read ({exc.strerror or exc})") from None
    with fh:
        for art in task.articles:
            fh.seek(art.offset)
            where = f"{task.source}:{art.line}"
            line = decode(fh.readline(), where, encoding)
            yield parse_record(line, task.source, art.line, task.text_field, task.id_field)


def details_json(cmp: Comparison) -> str:
    """Return the newsdiff/1 JSON of a comparison, as `newsdiff compare --format json` prints it."""
    import io

    from newsdiff.render import RenderOptions, render

    buf = io.StringIO()
    render("json", cmp, buf, RenderOptions(color=False))
    return buf.getvalue()


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def details_filename(cluster: str) -> str:
    """Return a safe file name for a cluster's details (names from data never pick paths)."""
    safe = _UNSAFE.sub("_", cluster)[:100].lstrip(".")
    if safe != cluster or not safe:
        # Two names that clean up alike must not overwrite each other.
        digest = hashlib.sha1(cluster.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        safe = f"{safe or 'cluster'}-{digest}"
    return f"{safe}.json"


# Where the details of each cluster go: (file name, newsdiff/1 JSON) in. The CLI passes
# its one atomic file writer (newsdiff.cli.writer.DetailsFolder); the library writes no file.
SaveDetails = Callable[[str, str], None]


def lost_worker(task: ClusterTask, reason: str) -> Outcome:
    """Return the outcome of a cluster whose worker process died under it."""
    return Outcome(error_record(task, reason))


def run(
    corpus: Corpus,
    engine: Engine,
    settings: WorkerSettings | None = None,
    save_details: SaveDetails | None = None,
) -> Iterator[ClusterRecord]:
    """Compare every cluster and yield its record, in cluster order, as results arrive."""
    settings = settings or WorkerSettings()
    if save_details is not None:
        settings = dataclasses.replace(settings, details=True)
    worker = functools.partial(process_cluster, settings=settings)
    for outcome in engine.map(worker, corpus.tasks(), lost_worker):
        if save_details is not None and outcome.details is not None:
            save_details(details_filename(outcome.record.cluster), outcome.details)
        yield outcome.record
