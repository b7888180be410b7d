"""The `newsdiff corpus` and `newsdiff check` commands (registered on the main typer app).

Only typer and the small model/error modules are imported here; discovery, engines,
writers and the comparison pipeline are imported when a command runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Annotated, Any, Literal

import typer

from newsdiff.cli.coerce import Command
from newsdiff.cli.options import Encoding, NoColor, Output, TextField
from newsdiff.cli.shell import guarded, use_color
from newsdiff.errors import ExitCode
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

CORPUS_EPILOG = (
    "Exit codes: 0 every cluster compared, 1 some cluster failed (its row says why), "
    "2 usage error, 3 input error (PATH missing or not a corpus)."
)
CHECK_EPILOG = (
    "Exit codes: 0 every cluster passed, 1 a cluster broke a rule or failed, "
    "2 usage error (also a bad config file), 3 input error (PATH missing or not a corpus)."
)

PathArg = Annotated[
    str,
    typer.Argument(
        metavar="PATH",
        help="A folder of cluster folders (one per event), or a JSON Lines file of articles.",
        show_default=False,
    ),
]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        metavar="N",
        min=1,
        help="Processes for --engine local (default: the CPU count; never more than twice "
        "the CPU count or one per cluster, as more only cost memory).",
    ),
]
Engine = Annotated[
    str,
    typer.Option(
        "--engine", metavar="ENGINE", help="Where clusters run: local, or dask (newsdiff[dask])."
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Address of the Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786.",
    ),
]
ClusterField = Annotated[
    str,
    typer.Option(
        "--cluster-field", metavar="FIELD", help="JSON Lines: the field holding the cluster id."
    ),
]
IdField = Annotated[
    str,
    typer.Option("--id-field", metavar="FIELD", help="JSON Lines: the field naming the article."),
]
Details = Annotated[
    str | None,
    typer.Option(
        "--details",
        metavar="DIR",
        help="Write each cluster's full newsdiff/1 JSON into this folder.",
    ),
]
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line on stderr.")
]
MaxSentences = Annotated[
    int,
    typer.Option(
        "--max-sentences",
        metavar="N",
        min=0,
        help="Most sentences aligned per cluster; a larger cluster gets an error row "
        "(0: no limit).",
    ),
]


@dataclass(frozen=True)
class RunOptions:
    """What `corpus` and `check` share."""

    path: str
    output_format: str
    workers: int | None
    engine: str
    scheduler: str | None
    cluster_field: str
    text_field: str
    id_field: str
    details: str | None
    output: str | None
    encoding: str | None
    quiet: bool
    no_color: bool
    max_sentences: int = DEFAULT_MAX_SENTENCES

    @classmethod
    def of(cls, arguments: Mapping[str, Any]) -> RunOptions:
        """Return the shared options from a command's arguments (its other ones are ignored)."""
        # corpus and check take the same 14 options under the same names; read them by field
        # name rather than list them twice.
        return cls(**{f.name: arguments[f.name] for f in fields(cls)})


def _note(message: str, quiet: bool) -> None:
    """Print a diagnostic line on stderr unless quiet."""
    if not quiet:
        sys.stderr.write(f"newsdiff: {message}\n")


@dataclass
class RunResult:
    """What a corpus or check run did; it decides the exit code (as black's Report does)."""

    clusters: int = 0
    failed: int = 0
    seconds: float = 0.0

    @property
    def passed(self) -> int:
        """Return how many clusters were compared (corpus) or passed every rule (check)."""
        return self.clusters - self.failed

    @property
    def return_code(self) -> ExitCode:
        """Return 1 when any cluster failed, else 0."""
        return ExitCode.FAILED if self.failed else ExitCode.OK


def _stream(
    opts: RunOptions,
    kind: Literal["corpus", "check"],
    judge: Callable[[Any], tuple[Any, bool]],
) -> RunResult:
    """Run every cluster, write each judged item as it comes; count those judged failed."""
    from newsdiff import render
    from newsdiff.cli.progress import progress
    from newsdiff.cli.writer import DetailsFolder, output_stream
    from newsdiff.corpus.discover import JsonlFields, discover
    from newsdiff.corpus.engines import make_engine
    from newsdiff.corpus.run import WorkerSettings, run, warm_up
    from newsdiff.render.corpus import name_width

    factory = render.factory(opts.output_format, kind)
    fields = JsonlFields(opts.cluster_field, opts.text_field, opts.id_field)
    corpus = discover(opts.path, fields)
    color = use_color(opts.no_color, opts.output)
    wopts = render.RenderOptions(color=color, name_width=name_width(corpus.names), title=opts.path)
    settings = WorkerSettings(encoding=opts.encoding, max_sentences=opts.max_sentences)
    details = DetailsFolder(opts.details) if opts.details is not None else None
    result = RunResult()
    t0 = time.perf_counter()
    with (
        make_engine(opts.engine, opts.workers, opts.scheduler, warm_up, len(corpus)) as engine,
        output_stream(opts.output) as out,
        progress(len(corpus), "clusters", sys.stderr, opts.quiet) as bar,
    ):
        writer = factory(bar.stdout(out), wopts)
        for record in run(corpus, engine, settings, details):
            item, ok = judge(record)
            writer.write(item)
            bar.advance()
            result.clusters += 1
            result.failed += not ok
        writer.close()
    result.seconds = time.perf_counter() - t0
    return result


def corpus(
    path: PathArg,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="Output format: table, jsonl or csv."
        ),
    ] = "table",
    workers: Workers = None,
    engine: Engine = "local",
    scheduler: Scheduler = None,
    cluster_field: ClusterField = "cluster",
    text_field: TextField = "text",
    id_field: IdField = "id",
    details: Details = None,
    output: Output = None,
    encoding: Encoding = None,
    quiet: Quiet = False,
    no_color: NoColor = False,
    max_sentences: MaxSentences = DEFAULT_MAX_SENTENCES,
) -> None:
    """Compare every cluster of a corpus and print one summary row per cluster."""
    with guarded():
        opts = RunOptions.of(locals())
        result = _stream(opts, "corpus", lambda record: (record, record.error is None))
    _note(
        f"{result.clusters} clusters in {result.seconds:.1f} s: "
        f"{result.passed} compared, {result.failed} failed",
        quiet,
    )
    raise typer.Exit(int(result.return_code))


def check(
    path: PathArg,
    min_shared: Annotated[
        float | None,
        typer.Option(
            "--min-shared", metavar="SHARE", help="Fail below this share of sentences shared (0-1)."
        ),
    ] = None,
    max_unique: Annotated[
        float | None,
        typer.Option(
            "--max-unique", metavar="SHARE", help="Fail above this share of sentences unique (0-1)."
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="TYPE,...",
            help="Fail on any signal of these types (comma-separated: number, quote, "
            "attribution, hedge, negation, entity, tone, wording).",
        ),
    ] = None,
    min_reports: Annotated[
        int | None,
        typer.Option("--min-reports", metavar="N", help="Fail with fewer reports than this."),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Rules file (default: newsdiff.toml, or [tool.newsdiff] in pyproject.toml, "
            "found from the current folder upward).",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Output format: table, jsonl, csv, github or junit.",
        ),
    ] = "table",
    workers: Workers = None,
    engine: Engine = "local",
    scheduler: Scheduler = None,
    cluster_field: ClusterField = "cluster",
    text_field: TextField = "text",
    id_field: IdField = "id",
    details: Details = None,
    output: Output = None,
    encoding: Encoding = None,
    quiet: Quiet = False,
    no_color: NoColor = False,
    max_sentences: MaxSentences = DEFAULT_MAX_SENTENCES,
) -> None:
    """Compare every cluster and apply rules; exit 1 if any cluster breaks one."""
    from newsdiff.corpus.rules import evaluate, resolve_rules

    with guarded():
        opts = RunOptions.of(locals())
        given = {
            "min-shared": min_shared,
            "max-unique": max_unique,
            "fail-on": fail_on,
            "min-reports": min_reports,
        }
        rules, source = resolve_rules(given, config)

        def judge(record: Any) -> tuple[Any, bool]:
            verdict = evaluate(record, rules)
            return verdict, verdict.passed

        result = _stream(opts, "check", judge)
    origin = f" from {source}" if source is not None else ""
    _note(
        f"checked {result.clusters} clusters in {result.seconds:.1f} s "
        f"({rules.describe()}{origin}): {result.passed} passed, {result.failed} failed",
        quiet,
    )
    raise typer.Exit(int(result.return_code))


def register(app: typer.Typer) -> None:
    """Add the `corpus` and `check` commands to the newsdiff app."""
    # Short helps that fit the command list whole (click cuts the docstring at 45 characters).
    app.command(
        "corpus",
        cls=Command,
        epilog=CORPUS_EPILOG,
        short_help="Compare every cluster of a corpus.",
    )(corpus)
    app.command(
        "check",
        cls=Command,
        epilog=CHECK_EPILOG,
        short_help="Compare every cluster and apply rules.",
    )(check)
