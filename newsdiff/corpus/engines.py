"""Engines run one function over many clusters and yield results in input order.

Every engine keeps a bounded window of clusters in flight, so memory stays flat however
large the corpus is, and yields each result as soon as it and all before it are done.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar

from newsdiff.errors import InputError, UsageError

T = TypeVar("T")
R = TypeVar("R")

# Clusters in flight per worker: enough that no worker waits while the oldest cluster
# (whose result must come out first) is still running, few enough to keep memory flat.
WINDOW_PER_WORKER = 4

ENGINES = ("local", "dask")

# The module the local engine's fork server imports first: it loads the pipeline.
PRELOAD = "newsdiff.corpus.preload"


# What an item gets when the worker computing it died (killed, out of memory): the item
# and a reason in, a result out. Without one, a lost worker ends the run with InputError.
Lost = Callable[[T, str], R]


class Engine(Protocol):
    """Maps a picklable function over items; results come back in input order."""

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], lost: Lost[T, R] | None = None
    ) -> Iterator[R]:
        """Yield fn(item) for each item, in order, with a bounded number in flight."""
        ...

    def close(self) -> None:
        """Release workers and connections."""
        ...

    def __enter__(self) -> Engine: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class _Closing:
    """Context-manager support shared by the engines."""

    def close(self) -> None:
        """Release workers and connections."""

    def __enter__(self) -> Engine:
        return self  # type: ignore[return-value]

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class SerialEngine(_Closing):
    """Run in this process, one item after another (one worker: no pool to pay for)."""

    workers = 1

    def __init__(self, initializer: Callable[[], None] | None = None) -> None:
        self._initializer = initializer

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], lost: Lost[T, R] | None = None
    ) -> Iterator[R]:
        """Yield fn(item) for each item, in order (no worker to lose: `lost` is unused)."""
        if self._initializer is not None:
            self._initializer()
            self._initializer = None
        for item in items:
            yield fn(item)


def _ordered_window(
    submit: Callable[[T], Any], result: Callable[[Any], R], items: Iterable[T], window: int
) -> Iterator[R]:
    """Keep `window` items submitted; yield the oldest's result, then submit one more."""
    it = iter(items)
    pending = deque(submit(item) for item in islice(it, window))
    while pending:
        head = pending.popleft()
        value = result(head)
        for item in islice(it, 1):
            pending.append(submit(item))
        yield value


@dataclass
class _Job(Generic[T, R]):
    """One item in flight on a process pool."""

    item: T
    # None while held back: after a pool broke, the oldest item reruns alone first.
    future: Future[R] | None
    # Rerunning alone: if the pool breaks now, this item broke it.
    alone: bool = False


class ProcessEngine(_Closing):
    """Run on a pool of worker processes on this machine."""

    def __init__(self, workers: int, initializer: Callable[[], None] | None = None) -> None:
        if workers < 1:
            raise UsageError(f"--workers must be 1 or more, not {workers}")
        self.workers = workers
        self._initializer = initializer
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver: children start from a clean process, not a fork of one whose
            # threads (a progress bar's refresher) may hold locks.
            method = (
                "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            )
            ctx = multiprocessing.get_context(method)
            if method == "forkserver" and self._initializer is not None:
                # Workers fork from a fork server that loaded the pipeline once (before
                # the first worker), rather than each loading it on its own. Ignored when
                # the fork server is already running; the initializer runs either way.
                ctx.set_forkserver_preload([PRELOAD])
                _start_fork_server()
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=ctx, initializer=self._initializer
            )
        return self._pool

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], lost: Lost[T, R] | None = None
    ) -> Iterator[R]:
        """Yield fn(item) for each item, in order, computed in worker processes.

        A worker killed mid-item (kill -9, out of memory) breaks the whole pool and
        every item in it. A new pool takes over: the oldest unfinished item reruns alone
        (if the pool breaks again, that item broke it and gets `lost(item, reason)`),
        then the others run again. So a one-off kill costs nothing but time, and one
        poisonous item cannot stop the run.
        """
        it = iter(items)
        window = self.workers * WINDOW_PER_WORKER
        pending: deque[_Job[T, R]] = deque()
        for item in islice(it, window):
            pending.append(_Job(item, self._submit(fn, item)))
        while pending:
            job = pending[0]
            assert job.future is not None
            try:
                value = job.future.result()
            except BrokenProcessPool:
                self._restart(pending)
                if not job.alone:
                    job.future, job.alone = self._submit(fn, job.item), True
                    continue
                reason = "its worker process died (killed, or out of memory)"
                if lost is None:
                    raise InputError(f"a worker process died: {reason}") from None
                value = lost(job.item, reason)
            pending.popleft()
            for held in pending:
                if held.future is None:
                    held.future = self._submit(fn, held.item)
            for item in islice(it, 1):
                pending.append(_Job(item, self._submit(fn, item)))
            yield value

    def _submit(self, fn: Callable[[T], R], item: T) -> Future[R]:
        """Submit one item; a pool that broke meanwhile gives a future that says so."""
        try:
            return self._executor().submit(fn, item)
        except BrokenProcessPool as exc:
            broken = exc
        except OSError as exc:
            # A worker died while this submit started a new one: the pool's forkserver
            # link can close under it (EBADF) before the pool knows it is broken. It is
            # the same broken pool, and handled as one (a new pool reruns the items).
            broken = BrokenProcessPool(f"the pool could not start a worker: {exc}")
        failed: Future[R] = Future()
        failed.set_exception(broken)
        return failed

    def _restart(self, pending: deque[_Job[T, R]]) -> None:
        """Drop a broken pool (the next submit starts a new one); hold back unfinished jobs."""
        if self._pool is not None:
            # The broken pool's surviving workers can wait forever on its call queue, and
            # on Python 3.11 its manager thread joins them (at exit too): a run that lost
            # a worker would never end. End them; their items rerun in the new pool.
            survivors = list((getattr(self._pool, "_processes", None) or {}).values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in survivors:
                process.kill()
            self._pool = None
        for job in pending:
            future = job.future
            finished = future is not None and future.done() and not future.cancelled()
            if future is not None and not (finished and future.exception() is None):
                job.future = None  # its result died with the pool: run it again later

    def close(self) -> None:
        """Stop the worker processes, dropping clusters not started yet."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _start_fork_server() -> None:
    """Start the fork server (if not running), telling it which newsdiff this process runs.

    corpus/preload.py keeps what it loaded only when it is this process's newsdiff; the
    variable is set for the start of the server alone.
    """
    from multiprocessing import forkserver

    import newsdiff

    name = "NEWSDIFF_PRELOAD_ORIGIN"  # corpus.preload.ORIGIN (not imported: it loads the pipeline)
    saved = os.environ.get(name)
    os.environ[name] = os.path.dirname(os.path.abspath(newsdiff.__file__))
    try:
        forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ[name]
        else:
            os.environ[name] = saved


class DaskEngine(_Closing):
    """Run on an existing Dask distributed cluster (the optional extra newsdiff[dask]).

    Tasks name their report files by absolute paths resolved on the client (whatever the
    workers' own working folder), so the workers must see the corpus at the same absolute
    path (a shared or network file system), as Dask workers usually do for file data.
    """

    def __init__(self, scheduler: str, timeout: float = 10.0) -> None:
        try:
            # Imported by name: distributed is optional and untyped.
            distributed: Any = importlib.import_module("distributed")
        except ImportError:
            raise UsageError(
                "--engine dask needs Dask's distributed scheduler: pip install 'newsdiff[dask]'"
            ) from None
        try:
            self._client: Any = distributed.Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        threads = sum(self._client.nthreads().values())
        self.workers = max(threads, 1)

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], lost: Lost[T, R] | None = None
    ) -> Iterator[R]:
        """Yield fn(item) for each item, in order, computed on the Dask cluster."""
        client = self._client

        def submit(item: T) -> tuple[T, Any]:
            # pure=False: two equal tasks are still two clusters, never deduplicated.
            return item, client.submit(fn, item, pure=False)

        def result(job: tuple[T, Any]) -> R:
            item, fut = job
            try:
                value: R = fut.result()
            except Exception as exc:
                # Dask retries a task whose worker died, then gives up with KilledWorker.
                if lost is None or type(exc).__name__ != "KilledWorker":
                    raise
                value = lost(item, f"Dask gave up on it: {exc}")
            fut.release()
            return value

        return _ordered_window(submit, result, items, self.workers * WINDOW_PER_WORKER)

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster itself keeps running)."""
        self._client.close()


def make_engine(
    name: str,
    workers: int | None = None,
    scheduler: str | None = None,
    initializer: Callable[[], None] | None = None,
    items: int | None = None,
) -> Engine:
    """Return the engine called `name`: "local" (processes on this machine) or "dask".

    `initializer` runs once per local worker before its first item (a picklable
    top-level function); Dask workers are long-lived and warm up on their first cluster.
    Local workers are capped at what can help: twice the CPU count, one per item.
    """
    if name == "local":
        if scheduler is not None:
            raise UsageError("--scheduler only applies to --engine dask")
        cpus = os.cpu_count() or 1
        n = workers if workers is not None else cpus
        if n < 1:
            raise UsageError(f"--workers must be 1 or more, not {n}")
        # Each process holds the pipeline's data (~70 MB): idle ones only cost memory.
        n = min(n, 2 * cpus, max(items, 1) if items is not None else n)
        return SerialEngine(initializer) if n == 1 else ProcessEngine(n, initializer)
    if name == "dask":
        if workers is not None:
            raise UsageError("--workers applies to --engine local; Dask workers are the cluster's")
        if scheduler is None:
            raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        return DaskEngine(scheduler)
    raise UsageError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
