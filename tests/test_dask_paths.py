"""Dask workers in another working folder read a corpus named by a relative path.

The scheduler and the worker are separate processes on 127.0.0.1, the worker started in a
folder that is not the client's, as on a real cluster: the client must send paths that do
not depend on its own working folder, and the output must equal the local engine's.
"""

from __future__ import annotations

import importlib.util
import json
import os
import selectors
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="Dask's distributed is not installed (pip install 'newsdiff[dask]')",
)

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT / "benchmarks" / "data" / "ecbplus"
SEEDS = ROOT / "seeds"
TIMEOUT = 120.0

# Each process prints its address, then serves until it is terminated.
SCHEDULER = """
    import asyncio
    from distributed import Scheduler

    async def main():
        async with Scheduler(host="127.0.0.1", port=0, dashboard=False) as s:
            print(s.address, flush=True)
            await s.finished()

    asyncio.run(main())
"""
WORKER = """
    import asyncio, sys
    from distributed import Worker

    async def main():
        async with Worker(sys.argv[1], host="127.0.0.1", nthreads=2) as w:
            print(w.address, flush=True)
            await w.finished()

    asyncio.run(main())
"""


def _serve(code: str, cwd: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    """Start a Python process running `code` in `cwd`; return it and the address it prints."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    # Wait for the address at most TIMEOUT seconds: a hung start fails, never blocks.
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        ready = sel.select(timeout=TIMEOUT)
    line = proc.stdout.readline().strip() if ready else ""
    if not line.startswith("tcp://127.0.0.1:"):
        proc.kill()
        pytest.fail(f"no address from a Dask process (got {line!r})")
    return proc, line


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    """Run a scheduler and one worker whose working folder is not the client's."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    procs: list[subprocess.Popen[str]] = []
    try:
        sched, address = _serve(SCHEDULER, elsewhere)
        procs.append(sched)
        worker, _ = _serve(WORKER, elsewhere, address)
        procs.append(worker)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def _corpus(client: Path) -> None:
    """Write a folder corpus and a JSON Lines corpus under the client's folder."""
    folder = client / "corpus"
    folder.mkdir(parents=True)
    for name in ("11ecbplus", "16ecb"):
        (folder / name).mkdir()
        for f in sorted((ECB / name).glob("*.txt")):
            (folder / name / f.name).write_bytes(f.read_bytes())
    lines = [
        json.dumps({"cluster": c, "id": f.stem, "text": f.read_text(encoding="utf-8")})
        for c in ("a", "b")
        for f in sorted(SEEDS.glob("*.txt"))
    ]
    (client / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _corpus_rows(client: Path, path: str, *engine: str) -> list[dict[str, object]]:
    """Run `newsdiff corpus PATH -f jsonl` in the client's folder; rows without timings."""
    proc = subprocess.run(
        [sys.executable, "-m", "newsdiff", "corpus", path, "-f", "jsonl", "-q", *engine],
        cwd=client,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    for row in rows:
        row.pop("slowest")  # measured times differ from run to run
    return rows


def test_workers_elsewhere_read_relative_corpus_paths(tmp_path: Path, scheduler: str) -> None:
    client = tmp_path / "client"
    _corpus(client)
    for path in ("corpus", "articles.jsonl"):
        local = _corpus_rows(client, path, "--details", "local", "--workers", "1")
        remote = _corpus_rows(
            client, path, "--details", "remote", "--engine", "dask", "--scheduler", scheduler
        )
        assert remote == local, path
        # The full newsdiff/1 JSON of each cluster (report paths included), byte for byte.
        details = sorted(p.name for p in (client / "local").iterdir())
        assert len(details) >= 2
        assert sorted(p.name for p in (client / "remote").iterdir()) == details
        for name in details:
            assert (client / "remote" / name).read_bytes() == (client / "local" / name).read_bytes()
        assert [r["status"] for r in remote] == ["ok", "ok"]
        # The source is shown as the user gave it, not as the workers were sent it.
        assert [str(r["source"]).startswith(path) for r in remote] == [True, True]
