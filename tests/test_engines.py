"""Engines: input order kept, bounded window, and the Dask engine giving the local output."""

from __future__ import annotations

import importlib.util
import itertools
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsdiff.corpus.discover import discover
from newsdiff.corpus.engines import (
    ProcessEngine,
    SerialEngine,
    _ordered_window,
    make_engine,
)
from newsdiff.corpus.run import WorkerSettings, run
from newsdiff.errors import UsageError
from tests.corpus_fakes import double, fake_compare, slow_identity

ECB = Path(__file__).resolve().parent / "data" / "corpus" / "ecbplus"
BROKEN = Path(__file__).resolve().parent / "data" / "corpus" / "broken"


def test_ordered_window_is_lazy_and_bounded() -> None:
    """An endless input still yields: the window pulls at most `window` items ahead."""
    pulled = 0
    in_flight = 0
    most = 0

    def source() -> Iterator[int]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield i

    def submit(x: int) -> int:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        return x

    def result(x: int) -> int:
        nonlocal in_flight
        in_flight -= 1
        return x * 10

    got = list(itertools.islice(_ordered_window(submit, result, source(), 3), 5))
    assert got == [0, 10, 20, 30, 40]
    assert most == 3
    assert pulled <= 5 + 3


def test_process_engine_keeps_input_order() -> None:
    with ProcessEngine(2) as engine:
        assert list(engine.map(slow_identity, range(8))) == list(range(8))


def test_serial_and_process_engines_agree() -> None:
    with ProcessEngine(2) as pool:
        assert list(pool.map(double, range(20))) == list(SerialEngine().map(double, range(20)))


def test_serial_engine_runs_its_initializer_once() -> None:
    calls = []
    engine = SerialEngine(lambda: calls.append(1))
    assert list(engine.map(double, range(3))) == [0, 2, 4]
    assert list(engine.map(double, range(2))) == [0, 2]
    assert calls == [1]


def test_make_engine_choices() -> None:
    assert isinstance(make_engine("local", 1), SerialEngine)
    engine = make_engine("local", 3)
    assert isinstance(engine, ProcessEngine) and engine.workers == 3
    engine.close()
    with pytest.raises(UsageError, match="unknown engine 'spark'"):
        make_engine("spark")
    with pytest.raises(UsageError, match="--scheduler only applies"):
        make_engine("local", 2, "tcp://x:1")
    with pytest.raises(UsageError, match="needs --scheduler"):
        make_engine("dask")
    with pytest.raises(UsageError, match="--workers applies to --engine local"):
        make_engine("dask", 2, "tcp://x:1")
    with pytest.raises(UsageError, match="1 or more"):
        make_engine("local", 0)


def die_on_three(x: int) -> int:
    """Double x, but kill the worker process on 3 (as kill -9 or the OOM killer would)."""
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * 2


def die_once_on_two(args: tuple[int, str]) -> int:
    """Double x, killing the worker the first time it meets 2 (a one-off kill -9)."""
    x, marker = args
    if x == 2 and not os.path.exists(marker):
        Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return x * 2


def test_a_worker_killed_every_time_gives_that_item_a_lost_result() -> None:
    with ProcessEngine(2) as engine:
        got = list(engine.map(die_on_three, range(12), lambda x, why: f"lost {x}: {why}"))
    assert got[:3] == [0, 2, 4] and got[4:] == [x * 2 for x in range(4, 12)]
    assert isinstance(got[3], str) and got[3].startswith("lost 3: its worker process died")


def test_a_worker_killed_once_costs_nothing(tmp_path: Path) -> None:
    marker = str(tmp_path / "killed")
    items = [(x, marker) for x in range(10)]
    with ProcessEngine(2) as engine:
        assert list(engine.map(die_once_on_two, items)) == [x * 2 for x in range(10)]
    assert os.path.exists(marker)


def test_a_lost_worker_without_a_fallback_is_an_input_error() -> None:
    from newsdiff.errors import InputError

    with ProcessEngine(2) as engine, pytest.raises(InputError, match="worker process died"):
        list(engine.map(die_on_three, range(6)))


def test_a_worker_that_cannot_start_is_a_broken_pool_and_a_new_one_reruns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As when a worker dies while a submit starts its replacement: the pool's forkserver
    # link closes under the submit (OSError EBADF) before the pool knows it is broken.
    real = ProcessEngine._executor
    calls = itertools.count()

    class Flaky:
        def __init__(self, pool: Any) -> None:
            self.pool = pool

        def submit(self, fn: Any, item: Any) -> Any:
            if next(calls) == 5:
                raise OSError(9, "Bad file descriptor")
            return self.pool.submit(fn, item)

    monkeypatch.setattr(ProcessEngine, "_executor", lambda self: Flaky(real(self)))
    with ProcessEngine(2) as engine:
        assert list(engine.map(double, range(12))) == [x * 2 for x in range(12)]


def compare_or_die(docs: list[Any]) -> Any:
    """The fake compare, but a report saying KILL kills its worker process."""
    if any("KILL" in d.text for d in docs):
        os.kill(os.getpid(), signal.SIGKILL)
    return fake_compare(docs)


def test_a_killed_worker_makes_an_error_row_and_the_run_goes_on(tmp_path: Path) -> None:
    for i in range(8):
        for name in ("a", "b"):
            path = tmp_path / f"c{i}" / f"{name}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text("KILL\n" if i == 2 else f"x{i}\n", encoding="utf-8")
    with ProcessEngine(2) as engine:
        rows = _rows(run(discover(str(tmp_path)), engine, WorkerSettings(compare=compare_or_die)))
    assert [r["cluster"] for r in rows] == [f"c{i}" for i in range(8)]
    assert [r["status"] for r in rows] == ["ok", "ok", "error", *["ok"] * 5]
    assert "worker process died" in rows[2]["error"]


def test_workers_are_capped_at_what_helps() -> None:
    cpus = os.cpu_count() or 1
    engine = make_engine("local", 100_000, items=3)
    assert isinstance(engine, ProcessEngine) and engine.workers == min(3, 2 * cpus)
    engine.close()
    engine = make_engine("local", 100_000, items=10_000)
    assert getattr(engine, "workers", 1) == 2 * cpus
    engine.close()
    assert isinstance(make_engine("local", 8, items=1), SerialEngine)


def _rows(records: Any) -> list[dict[str, Any]]:
    """Records as JSON, without the measured times (which differ from run to run)."""
    out = []
    for r in records:
        d = r.to_dict()
        d.pop("slowest")
        out.append(d)
    return out


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="Dask's distributed is not installed (pip install 'newsdiff[dask]')",
)
def test_dask_engine_gives_the_local_output(tmp_path: Path) -> None:
    from distributed import LocalCluster

    from newsdiff.corpus.engines import DaskEngine

    for name in ("11ecbplus", "16ecb"):
        (tmp_path / name).symlink_to(ECB / name)
    for name in ("binary", "one-report"):
        (tmp_path / name).symlink_to(BROKEN / name)
    corpus = discover(str(tmp_path))
    local = _rows(run(corpus, SerialEngine(), WorkerSettings()))
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        make_engine("dask", scheduler=cluster.scheduler_address) as engine,
    ):
        assert isinstance(engine, DaskEngine)
        remote = _rows(run(corpus, engine, WorkerSettings()))
        fake = list(run(corpus, engine, WorkerSettings(compare=fake_compare)))
    assert remote == local
    assert [r["status"] for r in remote] == ["ok", "ok", "error", "error"]
    assert [r.cluster for r in fake] == corpus.names


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="Dask's distributed is not installed (pip install 'newsdiff[dask]')",
)
def test_dask_engine_unreachable_scheduler_is_an_input_error() -> None:
    from newsdiff.corpus.engines import DaskEngine
    from newsdiff.errors import InputError

    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        DaskEngine("tcp://127.0.0.1:9", timeout=1.0)
