"""Corpus mode: discovery, the cluster worker, records, ordering, details files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsdiff.cli.writer import DetailsFolder
from newsdiff.corpus.discover import ClusterTask, JsonlFields, discover, natural_key
from newsdiff.corpus.engines import ProcessEngine, SerialEngine
from newsdiff.corpus.run import (
    ClusterRecord,
    WorkerSettings,
    details_filename,
    process_cluster,
    run,
)
from newsdiff.errors import InputError
from newsdiff.model import KINDS, SIGNAL_TYPES
from tests.corpus_fakes import fake_compare

DATA = Path(__file__).resolve().parent / "data" / "corpus"
ECB = DATA / "ecbplus"
JSONL = DATA / "articles.jsonl"
FAKE = WorkerSettings(compare=fake_compare)
JSONL_FIELDS = JsonlFields(cluster="event", text="body", id="id")


def make_corpus(root: Path, clusters: dict[str, dict[str, str | bytes]]) -> Path:
    """Write a folder corpus: {cluster: {file name: text or bytes}}."""
    for cluster, files in clusters.items():
        folder = root / cluster
        folder.mkdir(parents=True)
        for name, content in files.items():
            if isinstance(content, bytes):
                (folder / name).write_bytes(content)
            else:
                (folder / name).write_text(content, encoding="utf-8")
    return root


def records(path: Path, settings: WorkerSettings = FAKE, **kw: object) -> list[ClusterRecord]:
    """Run a corpus serially and return its records."""
    corpus = discover(str(path), **kw)  # type: ignore[arg-type]
    return list(run(corpus, SerialEngine(), settings))


def test_natural_order_puts_2_before_10() -> None:
    names = ["10ecb", "2ecbplus", "2ecb", "1ecb", "b", "a10", "a9"]
    assert sorted(names, key=natural_key) == ["1ecb", "2ecb", "2ecbplus", "10ecb", "a9", "a10", "b"]


def test_folder_discovery_lists_cluster_folders_in_natural_order(tmp_path: Path) -> None:
    make_corpus(tmp_path, {"10x": {"a": "x"}, "2x": {"a": "x"}, ".hidden": {"a": "x"}})
    (tmp_path / "gold.jsonl").write_text("{}\n", encoding="utf-8")
    corpus = discover(str(tmp_path))
    assert corpus.kind == "folder"
    assert corpus.names == ["2x", "10x"]
    assert len(corpus) == 2


def test_folder_tasks_list_reports_without_hidden_files_or_subfolders(tmp_path: Path) -> None:
    make_corpus(tmp_path, {"c": {"r10.txt": "x", "r2.txt": "y", ".DS_Store": "z"}})
    (tmp_path / "c" / "sub").mkdir()
    (task,) = discover(str(tmp_path)).tasks()
    assert [Path(f).name for f in task.files] == ["r2.txt", "r10.txt"]
    assert task.source == str(tmp_path / "c")


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such file or folder"),
        ("empty", "holds no cluster folders"),
    ],
)
def test_discovery_input_errors(tmp_path: Path, setup: str, message: str) -> None:
    path = tmp_path / "nope" if setup == "missing" else tmp_path
    with pytest.raises(InputError, match=message):
        discover(str(path))


def test_a_folder_one_level_too_high_names_the_folder_to_try(tmp_path: Path) -> None:
    make_corpus(tmp_path / "data" / "events", {"e1": {"a.txt": "x", "b.txt": "y"}})
    (tmp_path / "data" / "notes").mkdir()
    top = str(tmp_path / "data")
    with pytest.raises(InputError) as err:
        discover(top)
    assert str(err.value) == (
        f"{top}: no cluster folders with 2+ reports; its subfolders hold folders of reports: "
        f"try {top}/events"
    )


def test_broken_clusters_beside_a_real_one_are_no_misplaced_corpus(tmp_path: Path) -> None:
    # One cluster with reports: the others are error rows, as before, not a hint.
    make_corpus(tmp_path, {"ok": {"a.txt": "x", "b.txt": "y"}, "deep": {}})
    make_corpus(tmp_path / "deep", {"inner": {"a.txt": "x", "b.txt": "y"}})
    assert discover(str(tmp_path)).names == ["deep", "ok"]


def test_jsonl_discovery_groups_interleaved_articles_in_order_of_first_appearance() -> None:
    corpus = discover(str(JSONL), JSONL_FIELDS)
    assert corpus.kind == "jsonl"
    assert corpus.names == ["22ecb", "16ecb", "lonely"]
    tasks = {t.name: t for t in corpus.tasks()}
    assert [a.line for a in tasks["16ecb"].articles] == [2, 5, 7]
    assert tasks["lonely"].line == 4
    assert len(tasks["22ecb"].articles) == 9


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"cluster": "a", "text": "x"}\nnot json\n', r":2: not valid JSON"),
        ("[1, 2]\n", r":1: not a JSON object"),
        ('{"text": "x"}\n', r":1: no field 'cluster'"),
        ('{"cluster": true, "text": "x"}\n', r"must be a string or an integer"),
        ("\n\n", "holds no articles"),
    ],
)
def test_jsonl_discovery_errors_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        discover(str(path))


def test_record_counts_groups_shares_signals_and_slowest_step(tmp_path: Path) -> None:
    make_corpus(
        tmp_path,
        {
            "c": {
                "a.txt": "same fact\nnumber 5!\nonly in a\n",
                "b.txt": "same fact\nnumber 5!\n",
                "c.txt": "same fact\n",
            }
        },
    )
    (rec,) = records(tmp_path)
    assert rec.ok and rec.cluster == "c" and rec.reports == 3 and rec.sentences == 6
    assert dict(rec.groups) == {"shared": 1, "divergent": 1, "unique": 1}
    assert dict(rec.shares) == {"shared": 0.5, "divergent": 0.3333, "unique": 0.1667}
    assert rec.signals["number"] == 1
    assert list(rec.signals) == list(SIGNAL_TYPES)
    assert rec.examples == (("number", "group 1 (a.txt vs b.txt): number 5! vs number 5!"),)
    assert (rec.slowest_step, rec.slowest_seconds) == ("align", 0.006)


def test_failing_clusters_become_error_rows_and_the_run_goes_on(tmp_path: Path) -> None:
    make_corpus(
        tmp_path,
        {
            "1-ok": {"a": "x\n", "b": "x\n"},
            "2-one": {"a": "x\n"},
            "3-binary": {"a": "x\n", "b.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
            "4-empty": {"a": "x\n", "b": "  \n"},
            "5-boom": {"a": "BOOM\n", "b": "x\n"},
            "6-badinput": {"a": "BADINPUT\n", "b": "x\n"},
            "7-none": {},
            "8-ok": {"a": "y\n", "b": "y\n"},
        },
    )
    recs = records(tmp_path)
    assert [r.cluster for r in recs] == [
        "1-ok", "2-one", "3-binary", "4-empty", "5-boom", "6-badinput", "7-none", "8-ok"
    ]  # fmt: skip
    assert [r.ok for r in recs] == [True, False, False, False, False, False, False, True]
    errors = {r.cluster: r.error or "" for r in recs if not r.ok}
    assert errors["2-one"] == "only 1 report; a comparison needs at least 2"
    assert "binary" in errors["3-binary"] and "b.png" in errors["3-binary"]
    assert "is empty" in errors["4-empty"]
    assert errors["5-boom"] == "internal error: RuntimeError: fake compare exploded"
    assert errors["6-badinput"].endswith("fake input problem")
    assert errors["7-none"].startswith("no reports")
    assert recs[1].reports == 1 and recs[1].to_dict()["status"] == "error"


def test_shipped_broken_clusters_are_error_rows() -> None:
    recs = records(DATA / "broken")
    assert [(r.cluster, r.ok) for r in recs] == [("binary", False), ("one-report", False)]
    assert "photo.png: looks like a binary file" in (recs[0].error or "")


def test_jsonl_reports_are_named_by_id_and_missing_text_is_an_error_row(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        {"cluster": 1, "id": "x", "text": "same\n"},
        {"cluster": 1, "id": "x", "text": "same\n"},
        {"cluster": 2, "text": "t\n"},
        {"cluster": 2, "body": "wrong field\n"},
    ]
    path.write_text("".join(json.dumps(o) + "\n" for o in lines), encoding="utf-8")
    ok, bad = records(path)
    assert ok.ok and ok.cluster == "1" and ok.line == 1 and ok.source == str(path)
    # The same words as `compare a.jsonl` says of that line: one JSON Lines reader.
    assert bad.error == (
        f"{path}:4: no 'text' field (fields: body, cluster); choose one with --text-field"
    )


def test_jsonl_fixture_runs_with_custom_fields() -> None:
    recs = records(JSONL, fields=JSONL_FIELDS)
    assert [(r.cluster, r.ok, r.reports) for r in recs] == [
        ("22ecb", True, 9),
        ("16ecb", True, 3),
        ("lonely", False, 1),
    ]


def test_real_pipeline_on_ecbplus_clusters() -> None:
    recs = records(ECB, WorkerSettings())
    assert [r.cluster for r in recs] == ["11ecbplus", "16ecb", "20ecb", "23ecb"]
    assert [r.reports for r in recs] == [5, 3, 5, 10]
    for r in recs:
        assert r.ok, r.error
        assert r.sentences > 0 and sum(r.groups.values()) > 0
        assert abs(sum(r.shares.values()) - 1.0) < 0.001
        assert r.slowest_step in ("segment", "align", "classify")
        assert all(set(r.to_dict()) >= {"cluster", "groups", "shares", "signals"} for r in recs)


def test_process_pool_keeps_cluster_order_whatever_finishes_first(tmp_path: Path) -> None:
    # The first cluster sleeps, so later ones finish before it.
    clusters: dict[str, dict[str, str | bytes]] = {
        f"c{i}": {"a": ("SLEEP\n" if i == 0 else "") + f"x{i}\n", "b": f"x{i}\n"} for i in range(6)
    }
    make_corpus(tmp_path, clusters)
    corpus = discover(str(tmp_path))
    with ProcessEngine(2) as engine:
        recs = list(run(corpus, engine, FAKE))
    assert [r.cluster for r in recs] == [f"c{i}" for i in range(6)]
    assert [r.index for r in recs] == list(range(6))
    assert recs == records(tmp_path)  # same records as a serial run (timings aside)


def test_details_dir_gets_one_newsdiff_json_per_compared_cluster(tmp_path: Path) -> None:
    corpus_dir = make_corpus(
        tmp_path / "corpus", {"ok": {"a": "x\n", "b": "x\n"}, "bad": {"a": "x\n"}}
    )
    out = tmp_path / "details" / "nested"
    list(run(discover(str(corpus_dir)), SerialEngine(), FAKE, DetailsFolder(str(out))))
    assert sorted(p.name for p in out.iterdir()) == ["ok.json"]
    doc = json.loads((out / "ok.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "newsdiff/1"
    assert [d["id"] for d in doc["documents"]] == ["a", "b"]


def test_details_match_compare_json_for_a_real_cluster(tmp_path: Path) -> None:
    import io

    from newsdiff import compare, load
    from newsdiff.render import RenderOptions, render

    src = tmp_path / "c" / "16ecb"
    shutil.copytree(ECB / "16ecb", src)
    save = DetailsFolder(str(tmp_path / "d"))
    list(run(discover(str(tmp_path / "c")), SerialEngine(), WorkerSettings(), save))
    buf = io.StringIO()
    docs = [load(p) for p in sorted(src.iterdir())]
    render("json", compare(docs), buf, RenderOptions(color=False))
    assert (tmp_path / "d" / "16ecb.json").read_text(encoding="utf-8") == buf.getvalue()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("16ecb", "16ecb.json"),
        ("a b", "a_b-"),
        ("../../etc/passwd", "_.._etc_passwd-"),
        ("..", "cluster-"),
        ("", "cluster-"),
    ],
)
def test_details_file_names_are_safe(name: str, expected: str) -> None:
    got = details_filename(name)
    assert got.startswith(expected) and got.endswith(".json")
    assert "/" not in got and not got.startswith(".")


def test_details_names_that_clean_up_alike_do_not_collide() -> None:
    assert details_filename("a b") != details_filename("a/b")


def test_worker_is_a_pure_function_of_the_task(tmp_path: Path) -> None:
    make_corpus(tmp_path, {"c": {"a": "x\n", "b": "x\n"}})
    (task,) = discover(str(tmp_path)).tasks()
    again = ClusterTask(task.index, task.name, task.kind, task.source, files=task.files)
    assert process_cluster(task, FAKE) == process_cluster(again, FAKE)
    assert set(KINDS) == set(process_cluster(task, FAKE).record.groups)
