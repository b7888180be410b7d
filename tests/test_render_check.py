"""Tests of the corpus and check writers and of the one renderer registry they share."""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from newsdiff import render
from newsdiff.errors import UsageError
from newsdiff.records import CheckResult, ClusterRecord, Failure
from newsdiff.render import RenderOptions, Writer


def _write(output: render.Output, name: str, items: list[object], **options: object) -> str:
    out = io.StringIO()
    writer = render.factory(name, output)(out, RenderOptions(**options))  # type: ignore[arg-type]
    for item in items:
        writer.write(item)
    writer.close()
    return out.getvalue()


def test_one_registry_lists_every_output_and_rejects_unknown_formats() -> None:
    assert render.formats() == ["csv", "html", "json", "jsonl", "markdown", "table", "tsv"]
    assert render.formats("corpus") == ["table", "jsonl", "csv"]
    assert render.formats("check") == ["table", "jsonl", "csv", "github", "junit"]
    for output in ("compare", "corpus", "check"):
        for name in render.formats(output):  # type: ignore[arg-type]
            writer = render.factory(name, output)(io.StringIO(), RenderOptions())  # type: ignore[arg-type]
            assert isinstance(writer, Writer)
    with pytest.raises(UsageError, match="choose one of: table, jsonl, csv, github, junit"):
        render.factory("html", "check")


def test_compare_formats_are_writers_too() -> None:
    from tests.render_cases import rendered, three_way

    c = three_way()
    assert _write("compare", "json", [c]) == rendered("json", c)


def test_junit_shows_bidi_overrides_in_attributes_inert() -> None:
    # Issue 16, item 8: a raw U+202E in name= or file= reorders what a CI page shows.
    record = ClusterRecord(index=0, cluster="evil\u202etxt.exe", source="dir/\u202ecod.sh")
    result = CheckResult(record, (Failure("min-reports", "0 reports \u202e", ("ev\u202e",)),))
    xml = _write("check", "junit", [result], title="corpus\u202e")
    assert "\u202e" not in xml
    case = ET.fromstring(xml).find("./testsuite/testcase")
    assert case is not None
    assert case.get("name") == "evil\\u202etxt.exe"
    assert case.get("file") == "dir/\\u202ecod.sh"


def test_github_annotations_point_at_a_failure_s_file_else_the_source() -> None:
    record = ClusterRecord(index=0, cluster="c", source="corpus/c")
    result = CheckResult(
        record,
        (Failure("fail-on", "1 quote signal", file="corpus/c/b.txt"), Failure("min-shared", "x")),
    )
    lines = _write("check", "github", [result]).splitlines()
    assert lines[0].startswith("::error file=corpus/c/b.txt,title=newsdiff rule fail-on::c: ")
    assert lines[1].startswith("::error file=corpus/c,title=newsdiff rule min-shared::c: x")
    # Not part of the JSON form: the report of a failure is an annotation's concern.
    assert "file" not in result.to_dict()["failures"][0]


def test_corpus_and_check_json_lines_use_the_one_json_escaper() -> None:
    record = ClusterRecord(index=0, cluster="a\u200fb\x9b", source="s")
    line = _write("corpus", "jsonl", [record])
    assert line.startswith('{"cluster": "a\\u200fb\\u009b", "status": "ok"')


def test_render_does_not_import_the_corpus_runner() -> None:
    # records.py sits below both render/ and corpus/run.py: no import loop between them.
    code = (
        "import sys, newsdiff.render.corpus, newsdiff.render.check; "
        "print('newsdiff.corpus.run' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
