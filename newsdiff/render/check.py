"""Writers of check results: table, JSON Lines, CSV, GitHub annotations and JUnit XML."""

from __future__ import annotations

import csv
import tempfile
from typing import TextIO

from rich.text import Text

from newsdiff.records import CheckResult, Failure
from newsdiff.render import RenderOptions, Writer, register
from newsdiff.render.corpus import Column, StreamTable
from newsdiff.render.escape import csv_cell, gh_data, gh_property, json_dumps, xml_attr, xml_text
from newsdiff.render.escape import one_line as visible

# Long evidence lists are cut in the table; JSON, CSV and JUnit keep what the record has.
TABLE_EVIDENCE = 3


def _status(result: CheckResult) -> str:
    if result.record.error is not None:
        return "error"
    return "pass" if result.passed else "fail"


@register("table", "check")
class CheckTable(Writer[CheckResult]):
    """One row per broken rule: cluster, rule, what was measured and the evidence."""

    def __init__(self, stream: TextIO, options: RenderOptions) -> None:
        super().__init__(stream, options)
        self.table = StreamTable(
            stream,
            options,
            [Column("cluster", options.name_width), Column("rule", 11), Column("evidence", 0)],
        )

    def write(self, item: CheckResult) -> None:
        """Print the rules the cluster broke (nothing for a cluster that passed)."""
        for f in item.failures:
            text = Text(visible(f.message), style="red" if f.rule == "error" else "")
            for ev in f.evidence[:TABLE_EVIDENCE]:
                text.append("\n  " + visible(ev), style="dim")
            rule = Text(f.rule, style="bold red" if f.rule == "error" else "bold yellow")
            self.table.row([Text(visible(item.record.cluster)), rule, text])


@register("jsonl", "check")
class CheckJsonl(Writer[CheckResult]):
    """One JSON object per line and cluster: its record, "passed" and its failures."""

    def write(self, item: CheckResult) -> None:
        """Write the result's JSON line."""
        self.stream.write(json_dumps(item.to_dict(), spaced=True) + "\n")


@register("csv", "check")
class CheckCsv(Writer[CheckResult]):
    """One CSV row per broken rule, and one row for each cluster that passed."""

    def __init__(self, stream: TextIO, options: RenderOptions) -> None:
        super().__init__(stream, options)
        self.csv = csv.writer(stream, lineterminator="\n")
        self.csv.writerow(["cluster", "status", "rule", "message", "evidence"])

    def write(self, item: CheckResult) -> None:
        """Write the result's rows."""
        name, status = csv_cell(item.record.cluster), _status(item)
        if item.passed:
            self.csv.writerow([name, status, "", "", ""])
        for f in item.failures:
            evidence = csv_cell(" | ".join(f.evidence))
            self.csv.writerow([name, status, f.rule, csv_cell(f.message), evidence])


def _annotation_title(f: Failure) -> str:
    return "newsdiff: cluster failed" if f.rule == "error" else f"newsdiff rule {f.rule}"


@register("github", "check")
class CheckGithub(Writer[CheckResult]):
    """GitHub Actions annotation lines (::error file=...,title=...::message), one per failure."""

    def __init__(self, stream: TextIO, options: RenderOptions) -> None:
        super().__init__(stream, options)
        self.checked = 0
        self.failed = 0

    def write(self, item: CheckResult) -> None:
        """Write one annotation per broken rule, pointing at its report file or JSON line.

        GitHub annotates files, not folders: a folder cluster's failure points at the report
        it is about (the signal's report, else the cluster's first); a JSON Lines cluster's
        at its first article's line. A cluster without files keeps its folder.
        """
        self.checked += 1
        if item.passed:
            return
        self.failed += 1
        rec = item.record
        for f in item.failures:
            where = f"file={gh_property(f.file or rec.source)}"
            if rec.line is not None:
                where += f",line={rec.line}"
            message = "\n".join([f"{rec.cluster}: {f.message}", *f.evidence])
            title = gh_property(_annotation_title(f))
            self.stream.write(f"::error {where},title={title}::{gh_data(message)}\n")

    def close(self) -> None:
        """Write a notice with the totals, shown on the run's summary page."""
        passed = self.checked - self.failed
        text = f"{passed} of {self.checked} clusters passed, {self.failed} failed"
        self.stream.write(f"::notice title=newsdiff check::{gh_data(text)}\n")
        super().close()


@register("junit", "check")
class CheckJunit(Writer[CheckResult]):
    """A JUnit XML report: one test case per cluster, a failure per cluster that broke rules.

    The totals go in the opening tags, so test cases are spooled to a temporary file
    (memory stays flat) and copied out at close().
    """

    def __init__(self, stream: TextIO, options: RenderOptions) -> None:
        super().__init__(stream, options)
        # Closed in close(), once its content is copied out.
        self.body = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=1 << 20, mode="w+", encoding="utf-8"
        )
        self.tests = self.failures = self.errors = 0
        self.seconds = 0.0

    def write(self, item: CheckResult) -> None:
        """Spool the cluster's test case."""
        rec = item.record
        self.tests += 1
        self.seconds += rec.seconds
        attrs = (
            f'classname="newsdiff.check" name="{xml_attr(rec.cluster)}" '
            f'file="{xml_attr(rec.source)}" time="{rec.seconds:.3f}"'
        )
        if item.passed:
            self.body.write(f"    <testcase {attrs}/>\n")
            return
        if rec.error is not None:
            self.errors += 1
            tag, kind, message = "error", "error", rec.error
        else:
            self.failures += 1
            tag = "failure"
            kind = ",".join(dict.fromkeys(f.rule for f in item.failures))
            message = "; ".join(f.message for f in item.failures)
        details = "\n".join(
            line for f in item.failures for line in (f"{f.rule}: {f.message}", *f.evidence)
        )
        self.body.write(
            f"    <testcase {attrs}>\n"
            f'      <{tag} type="{xml_attr(kind)}" message="{xml_attr(message)}">'
            f"{xml_text(details)}</{tag}>\n"
            "    </testcase>\n"
        )

    def close(self) -> None:
        """Write the report: totals, the spooled test cases, closing tags."""
        totals = (
            f'tests="{self.tests}" failures="{self.failures}" errors="{self.errors}" '
            f'time="{self.seconds:.3f}"'
        )
        name = xml_attr(f"newsdiff check {self.options.title}")
        out = self.stream
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f'<testsuites name="newsdiff check" {totals}>\n')
        out.write(f'  <testsuite name="{name}" {totals}>\n')
        self.body.seek(0)
        while chunk := self.body.read(1 << 16):
            out.write(chunk)
        self.body.close()
        out.write("  </testsuite>\n</testsuites>\n")
        super().close()
