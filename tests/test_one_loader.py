"""One loader for every entry point: the API, `compare`, `segment`, `corpus` and `check`.

Each test reads the same input two or three ways and asserts they agree: the article
text of a saved page, the names of JSON Lines articles, duplicate names, the refusal of
inputs that are not regular files, lone surrogates and an absurd --max-bytes.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsdiff
import newsdiff.api
import newsdiff.text.segment
from newsdiff.cli.app import app, main
from newsdiff.cli.writer import DetailsFolder
from newsdiff.corpus.discover import discover
from newsdiff.corpus.engines import SerialEngine
from newsdiff.corpus.run import read_reports, run
from newsdiff.errors import InputError, UsageError
from tests.conftest import SEED_A, SEED_B

runner = CliRunner()

PARAGRAPHS = [
    "The river burst its banks on Monday and flooded the old town near the bridge.",
    "Officials said 40 people were moved to the school on the hill overnight.",
    "The mayor asked residents to stay away from the water until Wednesday.",
]


def _page(extra: str) -> str:
    """Return a saved news page: the article between navigation and a footer."""
    body = "\n".join(f"<p>{p} {extra}</p>" for p in PARAGRAPHS)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>News</title></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>Flood in the old town</h1>{body}</article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"
    )


def _cluster(root: Path) -> Path:
    """Write one cluster folder of two saved pages under root/corpus/flood."""
    folder = root / "corpus" / "flood"
    folder.mkdir(parents=True)
    (folder / "one.html").write_text(_page("One."), encoding="utf-8")
    (folder / "two.html").write_text(_page("Two."), encoding="utf-8")
    return folder


def test_a_saved_page_reads_the_same_article_everywhere(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura", reason="the optional extra newsdiff[html] is not installed")
    folder = _cluster(tmp_path)
    one, two = str(folder / "one.html"), str(folder / "two.html")
    api_text = newsdiff.load(one).text
    assert PARAGRAPHS[0] in api_text and "<p>" not in api_text and "Copyright" not in api_text

    r = runner.invoke(app, ["compare", one, two, "-f", "json"])
    assert r.exit_code == 0, r.stderr
    cli_text = json.loads(r.stdout)["documents"][0]["text"]

    details = tmp_path / "details"
    corpus = discover(str(tmp_path / "corpus"))
    (record,) = list(run(corpus, SerialEngine(), save_details=DetailsFolder(str(details))))
    assert record.ok, record.error
    corpus_text = json.loads((details / "flood.json").read_text(encoding="utf-8"))["documents"][0][
        "text"
    ]
    assert api_text == cli_text == corpus_text


def _jsonl(path: Path, records: list[dict[str, object]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


ARTICLES: list[dict[str, object]] = [
    {"cluster": "c", "id": "x", "text": "The bridge closed on Monday."},
    {"cluster": "c", "id": "x", "text": "The bridge was closed on Monday."},
    {"cluster": "c", "id": " ", "source": "AP", "text": "On Monday the bridge closed."},
    {"cluster": "c", "id": True, "text": "Monday: the bridge closed."},
    {"cluster": "c", "id": 7, "text": "The old bridge closed on Monday."},
]
NAMES = ["x", "x (2)", "AP", "news:4", "7"]


def test_json_lines_articles_get_the_same_names_in_compare_and_corpus(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "news.jsonl", ARTICLES)
    assert [d.id for d in newsdiff.api.read([path])] == NAMES
    (task,) = list(discover(path).tasks())
    corpus_docs = read_reports(task)
    assert [d.id for d in corpus_docs] == NAMES
    assert [d.path for d in corpus_docs] == [f"{path}:{n}" for n in range(1, 6)]


def test_duplicate_file_names_are_numbered_in_input_order(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.txt").write_text(SEED_A.read_text(encoding="utf-8"), "utf-8")
    paths = [str(tmp_path / "a" / "r.txt"), str(SEED_B), str(tmp_path / "b" / "r.txt")]
    r = runner.invoke(app, ["compare", *paths, "-f", "json"])
    assert r.exit_code == 0, r.stderr
    docs = json.loads(r.stdout)["documents"]
    assert [d["id"] for d in docs] == ["r.txt", SEED_B.name, "r.txt (2)"]
    # The path still says which file each column is.
    assert [d["path"] for d in docs] == paths
    r = runner.invoke(app, ["segment", *paths])
    assert [json.loads(line)["doc"] for line in r.stdout.splitlines()][-1] == "r.txt (2)"


def test_load_reads_a_one_article_json_lines_file_and_refuses_more(tmp_path: Path) -> None:
    one = _jsonl(tmp_path / "one.jsonl", ARTICLES[:1])
    assert newsdiff.load(one).text == "The bridge closed on Monday."
    assert newsdiff.load(one, name="wire").id == "wire"
    with pytest.raises(InputError, match="holds 2 articles, not one"):
        newsdiff.load(_jsonl(tmp_path / "two.jsonl", ARTICLES[:2]))


def test_stdin_only_once() -> None:
    with pytest.raises(UsageError, match="only one report can come from stdin"):
        list(newsdiff.api.read(["-", "-"]))


def _run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> tuple[int, str, str]:
    """Run the console script in-process; return (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["newsdiff", *args])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    monkeypatch.setenv("NEWSDIFF_DEBUG", "0")
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # Opening a FIFO that no one writes to would block forever: it must not be opened.
    code, out, err = _run_main(monkeypatch, capsys, ["compare", str(fifo), str(SEED_A)])
    assert (code, out) == (3, "")
    assert (
        err == f"newsdiff: error: {fifo}: not a regular file (a pipe, socket or device); "
        "give it on standard input as - instead\n"
    )


SURROGATE_LINE = '{"id":"a","text":"x \\ud800 y."}\n'


def test_a_lone_surrogate_is_one_line_exit_3_in_compare_and_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id":"b","text":"Fine text."}\n' + SURROGATE_LINE, encoding="utf-8")
    for command in (["compare", str(path), "-f", "json"], ["segment", str(path)]):
        code, _out, err = _run_main(monkeypatch, capsys, command)
        assert code == 3 and err.count("\n") == 1, err
        assert err.startswith(f"newsdiff: error: {path}:2: field 'text' holds a lone surrogate")


def test_a_lone_surrogate_is_one_error_row_in_corpus(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    good = [{"cluster": "ok", "id": n, "text": f"The bridge closed on day {n}."} for n in (1, 2)]
    bad = [{"cluster": "bad", "id": n, "text": "The bridge closed."} for n in (1, 2)]
    lines = [json.dumps(r) for r in good + bad]
    lines[3] = '{"cluster":"bad","id":2,"text":"x \\ud800 y."}'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    details = tmp_path / "details"
    records = list(
        run(discover(str(path)), SerialEngine(), save_details=DetailsFolder(str(details)))
    )
    assert [(r.cluster, r.ok) for r in records] == [("ok", True), ("bad", False)]
    assert "c.jsonl:4: field 'text' holds a lone surrogate U+D800" in (records[1].error or "")


def test_a_lone_surrogate_in_an_api_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"lone surrogate U\+DC00"):
        newsdiff.compare(["The bridge closed.", "The bridge \udc00 closed."])


def test_an_absurd_max_bytes_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["compare", str(SEED_A), str(SEED_B), "--max-bytes", "99999999999999999999"]
    code, out, err = _run_main(monkeypatch, capsys, args)
    assert (code, out) == (2, "") and err.count("\n") == 1 and "--max-bytes" in err
    # A large but possible limit reads in chunks instead of allocating it.
    code, out, err = _run_main(monkeypatch, capsys, [*args[:-1], str(1 << 40), "-f", "json"])
    assert code == 0, err


def test_read_stops_before_loading_the_rest_past_the_budget(tmp_path: Path) -> None:
    text = " ".join(f"Sentence number {n} is here." for n in range(30))
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text, encoding="utf-8")
    missing = str(tmp_path / "never-read.txt")
    # The budget error comes from b.txt; the missing third file is never opened.
    with pytest.raises(InputError, match=r"b\.txt: the reports hold more than 40 sentences"):
        list(newsdiff.api.read([str(a), str(b), missing], max_sentences=40))


def test_compare_does_not_split_documents_read_already(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = list(newsdiff.api.read([str(SEED_A), str(SEED_B)]))

    def fail(text: str) -> object:
        raise AssertionError("split again")

    monkeypatch.setattr(newsdiff.text.segment, "segment", fail)
    result = newsdiff.compare(docs)
    assert result.documents == tuple(docs)
    with pytest.raises(AssertionError, match="split again"):
        newsdiff.compare([SEED_A.read_text(encoding="utf-8"), "Another report."])
