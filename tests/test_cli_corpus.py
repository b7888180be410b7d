"""The `corpus` and `check` commands: stdout, stderr and exit code, each asserted apart."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from newsdiff.cli.corpus import register

DATA = Path(__file__).resolve().parent / "data" / "corpus"
ECB = DATA / "ecbplus"
BROKEN = DATA / "broken"
JSONL = DATA / "articles.jsonl"
ROOT = Path(__file__).resolve().parent.parent

app = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False)
register(app)


def invoke(*args: str) -> Result:
    """Run the app in-process, outside any terminal."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def jsonl(text: str) -> list[dict[str, Any]]:
    """Parse JSON Lines output, dropping the measured times."""
    rows = [json.loads(line) for line in text.splitlines()]
    for r in rows:
        r.pop("slowest", None)
    return rows


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty repository, so that no policy file around the project applies."""
    cwd = tmp_path_factory.mktemp("cwd")
    (cwd / ".git").mkdir()
    monkeypatch.chdir(cwd)
    return cwd


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of two good ECB+ clusters and the two broken ones."""
    root = tmp_path_factory.mktemp("mixed")
    for name in ("16ecb", "23ecb"):
        shutil.copytree(ECB / name, root / name)
    for name in ("binary", "one-report"):
        shutil.copytree(BROKEN / name, root / name)
    return root


def test_corpus_jsonl_one_row_per_cluster_exit_0() -> None:
    res = invoke("corpus", str(ECB), "--format", "jsonl", "--workers", "1")
    assert res.exit_code == 0
    rows = jsonl(res.stdout)
    assert [r["cluster"] for r in rows] == ["11ecbplus", "16ecb", "20ecb", "23ecb"]
    assert all(r["status"] == "ok" and r["error"] is None for r in rows)
    assert [r["reports"] for r in rows] == [5, 3, 5, 10]
    assert re.fullmatch(r"newsdiff: 4 clusters in \d+\.\d s: 4 compared, 0 failed\n", res.stderr)


def test_corpus_error_rows_exit_1(mixed: Path) -> None:
    res = invoke("corpus", str(mixed), "-f", "jsonl", "-w", "1")
    assert res.exit_code == 1
    rows = jsonl(res.stdout)
    assert [(r["cluster"], r["status"]) for r in rows] == [
        ("16ecb", "ok"), ("23ecb", "ok"), ("binary", "error"), ("one-report", "error")
    ]  # fmt: skip
    assert "looks like a binary file" in rows[2]["error"]
    assert rows[3]["error"] == "only 1 report; a comparison needs at least 2"
    assert "4 clusters in" in res.stderr and "2 compared, 2 failed" in res.stderr


def test_corpus_two_workers_same_rows_as_one(mixed: Path) -> None:
    one = invoke("corpus", str(mixed), "-f", "jsonl", "-w", "1", "-q")
    two = invoke("corpus", str(mixed), "-f", "jsonl", "-w", "2", "-q")
    assert (one.exit_code, two.exit_code) == (1, 1)
    assert jsonl(one.stdout) == jsonl(two.stdout)
    assert one.stderr == two.stderr == ""


def test_corpus_missing_path_is_an_input_error() -> None:
    res = invoke("corpus", "no/such/corpus")
    assert res.exit_code == 3
    assert res.stdout == ""
    assert res.stderr == "newsdiff: error: no/such/corpus: no such file or folder\n"


def test_corpus_details_dir_that_cannot_be_made_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    res = invoke("corpus", str(ECB), "-w", "1", "--details", str(blocker / "sub"))
    assert (res.exit_code, res.stdout) == (3, "")
    assert res.stderr.startswith(f"newsdiff: error: {blocker / 'sub'}: cannot create")


def test_corpus_of_a_plain_text_file_says_what_a_corpus_is(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Just a report.\n", encoding="utf-8")
    res = invoke("corpus", str(path))
    assert (res.exit_code, res.stdout) == (3, "")
    assert "a corpus is a folder of cluster folders or a JSON Lines file" in res.stderr


def test_corpus_bad_jsonl_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "a.jsonl"
    bad.write_text('{"cluster": "a", "text": "x"}\n{oops\n', encoding="utf-8")
    res = invoke("corpus", str(bad))
    assert res.exit_code == 3
    assert res.stdout == ""
    assert res.stderr.startswith(f"newsdiff: error: {bad}:2: not valid JSON")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "xml"], "unknown format 'xml'; choose one of: table, jsonl, csv"),
        (["--engine", "spark"], "unknown engine 'spark'"),
        (["--engine", "dask"], "--engine dask needs --scheduler"),
    ],
)
def test_corpus_usage_errors_exit_2(args: list[str], message: str) -> None:
    res = invoke("corpus", str(ECB), *args)
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr.startswith(f"newsdiff: error: {message}")
    assert res.stderr.endswith("\n") and res.stderr.count("\n") == 1


def test_corpus_table_is_plain_text_off_a_terminal(mixed: Path) -> None:
    res = invoke("corpus", str(mixed), "-w", "1", "-q")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert lines[0].split()[:4] == ["cluster", "reports", "sents", "groups"]
    assert lines[1].startswith("────")
    # A long error reason wraps onto lines that start blank, under its own column.
    rows = [ln for ln in lines[2:] if not ln.startswith(" ")]
    assert [ln.split()[0] for ln in rows] == ["16ecb", "23ecb", "binary", "one-report"]
    assert rows[0].split()[1:3] == ["3", "18"]
    assert "error: only 1 report" in lines[-1]
    assert "\x1b" not in res.stdout


def test_corpus_csv_header_rows_and_inert_cells(tmp_path: Path) -> None:
    shutil.copytree(ECB / "16ecb", tmp_path / "=HYPERLINK(1)")
    shutil.copytree(BROKEN / "one-report", tmp_path / "x")
    res = invoke("corpus", str(tmp_path), "-f", "csv", "-w", "1", "-q")
    assert res.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["cluster"] for r in rows] == ["'=HYPERLINK(1)", "x"]
    assert rows[0]["status"] == "ok" and rows[0]["reports"] == "3"
    assert float(rows[0]["share_unique"]) > 0 and rows[0]["signals_number"].isdigit()
    assert rows[1]["status"] == "error" and rows[1]["groups_shared"] == ""
    assert rows[1]["error"].startswith("only 1 report")


def test_corpus_jsonl_input_with_custom_fields() -> None:
    res = invoke(
        "corpus", str(JSONL), "-f", "jsonl", "-w", "1",
        "--cluster-field", "event", "--text-field", "body",
    )  # fmt: skip
    assert res.exit_code == 1
    rows = jsonl(res.stdout)
    assert [(r["cluster"], r["status"], r["line"]) for r in rows] == [
        ("22ecb", "ok", 1), ("16ecb", "ok", 2), ("lonely", "error", 4)
    ]  # fmt: skip
    assert all(r["source"] == str(JSONL) for r in rows)


def test_corpus_details_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.jsonl"
    details = tmp_path / "details"
    res = invoke(
        "corpus", str(ECB), "-w", "1", "-f", "jsonl", "-o", str(out), "--details", str(details)
    )
    assert res.exit_code == 0
    assert res.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    files = sorted(p.name for p in details.iterdir())
    assert files == ["11ecbplus.json", "16ecb.json", "20ecb.json", "23ecb.json"]
    doc = json.loads((details / "16ecb.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "newsdiff/1" and len(doc["documents"]) == 3


def test_check_passes_without_rules_exit_0() -> None:
    res = invoke("check", str(ECB), "-w", "1")
    assert res.exit_code == 0
    assert res.stdout == ""
    assert re.fullmatch(
        r"newsdiff: checked 4 clusters in \d+\.\d s \(no rules\): 4 passed, 0 failed\n",
        res.stderr,
    )


def test_check_rule_failures_exit_1_with_rule_and_evidence() -> None:
    res = invoke("check", str(ECB), "-w", "1", "--min-shared", "0.99", "--min-reports", "4")
    assert res.exit_code == 1
    body = res.stdout.splitlines()[2:]
    assert sum("min-shared" in ln for ln in body) == 4
    assert any(ln.split()[:2] == ["16ecb", "min-reports"] for ln in body)
    assert "3 reports, fewer than min-reports 4" in res.stdout
    assert "0 passed, 4 failed" in res.stderr
    assert "min-shared 0.99, min-reports 4" in res.stderr


def test_check_fail_on_lists_signal_evidence() -> None:
    res = invoke("check", str(ECB), "-w", "1", "-f", "jsonl", "--fail-on", "number")
    rows = jsonl(res.stdout)
    flagged = [r for r in rows if r["signals"]["number"]]
    assert res.exit_code == (1 if flagged else 0)
    for r in rows:
        assert r["passed"] is (r["signals"]["number"] == 0)
    for r in flagged:
        (f,) = r["failures"]
        assert f["rule"] == "fail-on" and f["message"].endswith(("number signal", "number signals"))
        assert f["evidence"] and all(e.startswith("group ") for e in f["evidence"])


def test_check_rules_from_newsdiff_toml_and_options_override(isolated: Path) -> None:
    (isolated / "newsdiff.toml").write_text("min-reports = 11\n", encoding="utf-8")
    res = invoke("check", str(ECB), "-w", "1", "-f", "jsonl")
    assert res.exit_code == 1
    assert [r["passed"] for r in jsonl(res.stdout)] == [False, False, False, False]
    assert "min-reports 11 from" in res.stderr and "newsdiff.toml" in res.stderr
    res = invoke("check", str(ECB), "-w", "1", "-f", "jsonl", "--min-reports", "2")
    assert res.exit_code == 0


def test_check_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    cfg = tmp_path / "newsdiff.toml"
    cfg.write_text("min-shared = 2\n", encoding="utf-8")
    res = invoke("check", str(ECB), "--config", str(cfg))
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr == f"newsdiff: error: {cfg}: min-shared must be a number from 0 to 1, not 2\n"


def test_check_missing_path_exit_3() -> None:
    res = invoke("check", "missing-dir", "--min-shared", "0.1")
    assert (res.exit_code, res.stdout) == (3, "")
    assert res.stderr == "newsdiff: error: missing-dir: no such file or folder\n"


def test_check_github_annotations_escape_properties_and_data(tmp_path: Path) -> None:
    shutil.copytree(ECB / "16ecb", tmp_path / "a,b:c%")
    shutil.copytree(BROKEN / "one-report", tmp_path / "solo")
    res = invoke("check", str(tmp_path), "-w", "1", "-f", "github", "--min-shared", "0.99", "-q")
    assert res.exit_code == 1
    assert res.stderr == ""
    lines = res.stdout.splitlines()
    assert len(lines) == 3
    first = lines[0]
    assert first.startswith(
        # GitHub annotates files: the cluster's first report, not its folder.
        f"::error file={tmp_path}/a%2Cb%3Ac%25/16_1ecb.txt,title=newsdiff rule min-shared::"
    )
    assert first.split("::", 2)[2].startswith("a,b:c%25: share of sentences shared")
    assert lines[1] == (
        f"::error file={tmp_path}/solo/22_1ecb.txt,title=newsdiff%3A cluster failed::"
        "solo: only 1 report; a comparison needs at least 2"
    )
    assert lines[2] == "::notice title=newsdiff check::0 of 2 clusters passed, 2 failed"


def test_check_github_points_at_the_jsonl_line() -> None:
    res = invoke(
        "check", str(JSONL), "-w", "1", "-f", "github", "-q",
        "--cluster-field", "event", "--text-field", "body",
    )  # fmt: skip
    assert res.exit_code == 1
    (line, notice) = res.stdout.splitlines()
    assert line.startswith(f"::error file={JSONL},line=4,title=newsdiff%3A cluster failed::lonely:")
    assert notice.endswith("2 of 3 clusters passed, 1 failed")


def test_check_junit_is_valid_xml_with_failures_errors_and_escaping(tmp_path: Path) -> None:
    evil = 'x<&"\x1b>'
    shutil.copytree(ECB / "16ecb", tmp_path / "16ecb")
    shutil.copytree(ECB / "23ecb", tmp_path / evil)
    shutil.copytree(BROKEN / "one-report", tmp_path / "solo")
    res = invoke("check", str(tmp_path), "-w", "1", "-f", "junit", "-q", "--min-reports", "5")
    assert res.exit_code == 1
    assert res.stderr == ""
    root = ET.fromstring(res.stdout)
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {"16ecb", 'x<&"\ufffd>', "solo"}
    failure = cases["16ecb"].find("failure")
    assert failure is not None and failure.get("type") == "min-reports"
    assert failure.get("message") == "3 reports, fewer than min-reports 5"
    error = cases["solo"].find("error")
    assert error is not None and "only 1 report" in (error.get("message") or "")
    assert list(cases['x<&"\ufffd>']) == []


def test_check_csv_rows_per_failure(tmp_path: Path) -> None:
    res = invoke("check", str(ECB), "-w", "1", "-f", "csv", "-q", "--min-reports", "4")
    assert res.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["cluster"], r["status"], r["rule"]) for r in rows] == [
        ("11ecbplus", "pass", ""), ("16ecb", "fail", "min-reports"),
        ("20ecb", "pass", ""), ("23ecb", "pass", ""),
    ]  # fmt: skip


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="Dask's distributed is not installed (pip install 'newsdiff[dask]')",
)
def test_check_on_dask_prints_what_the_local_engine_prints(mixed: Path) -> None:
    from distributed import LocalCluster

    args = ["check", str(mixed), "-f", "jsonl", "-q", "--min-reports", "4"]
    local = invoke(*args, "-w", "1")
    with LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        remote = invoke(*args, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert (remote.exit_code, remote.stderr) == (local.exit_code, local.stderr) == (1, "")
    assert jsonl(remote.stdout) == jsonl(local.stdout)


def test_quiet_and_help() -> None:
    res = invoke("corpus", "--help")
    assert res.exit_code == 0
    assert "--cluster-field" in res.stdout and "Exit codes" in res.stdout
    res = invoke("check", "--help")
    assert "--fail-on" in res.stdout and "--min-shared" in res.stdout


def test_importing_the_commands_stays_light() -> None:
    code = (
        "import sys, newsdiff.cli.corpus\n"
        "heavy = [m for m in ('nltk', 'numpy', 'rapidfuzz', 'rich') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]"


def test_corpus_one_level_too_high_is_an_input_error_with_a_hint(tmp_path: Path) -> None:
    shutil.copytree(ECB / "16ecb", tmp_path / "events" / "16ecb")
    res = invoke("corpus", str(tmp_path), "-q")
    assert (res.exit_code, res.stdout) == (3, "")
    assert res.stderr == (
        f"newsdiff: error: {tmp_path}: no cluster folders with 2+ reports; its subfolders "
        f"hold folders of reports: try {tmp_path}/events\n"
    )
