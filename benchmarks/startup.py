"""Start-up part of `benchmarks/speed.py`: whole-process times of short commands.

Each command runs as a subprocess, in interleaved rounds (every command once per round,
one untimed round first), and the medians are compared. Two environments are timed side by
side: this interpreter's, and optionally one that also holds scipy (most data environments
do; nltk's package `__init__` imports scipy.stats when it is there), so that a user's first
impression does not depend on what else is installed. `redlines json A B`, a word-level
differ with a rich/click CLI, is timed beside when it is on the PATH (or given with
`--redlines PATH`, e.g. from a virtual environment of its own).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (
    ROOT / "seeds" / "nasa-shrugs-off-roscosmos.txt",
    ROOT / "seeds" / "nasa-refutes-rogozin.txt",
)
# The import floor of `compare`: what it cannot avoid loading (Punkt without nltk's __init__).
FLOOR = "import numpy, rapidfuzz, rich; from newsdiff.text import nltk_lite; nltk_lite.punkt()"
# The CLI's typer entry point, which a command line that is not plain reaches.
TYPER_MAIN = "import sys; sys.argv[0] = 'newsdiff'; from newsdiff.cli.app import main; main()"
TARGETS = {
    "help / pass": 3.0,
    "version / pass": 3.0,
    "compare / import floor": 1.3,
    "compare with scipy / without": 1.1,
    "compare / redlines": 2.0,
}
SCIPY_PREFIX = "[scipy] "


def commands(py: str) -> dict[str, list[str]]:
    """Return the timed commands, each run with the interpreter `py`."""
    nd = [py, "-m", "newsdiff"]
    return {
        "python -c pass": [py, "-c", "pass"],
        "newsdiff --help": [*nd, "--help"],
        "newsdiff --version": [*nd, "--version"],
        "import floor": [py, "-c", FLOOR],
        "newsdiff compare seeds": [*nd, "compare", *map(str, SEEDS), "--format", "json"],
        # Not targets, for reading the others: `compare` through typer (as any command line
        # that is not plain runs, cli/fastpath.py), the CLI framework, and all of nltk.
        "newsdiff compare seeds, typer": [
            py,
            "-c",
            TYPER_MAIN,
            "compare",
            *map(str, SEEDS),
            "--format",
            "json",
        ],
        "python -c 'import typer'": [py, "-c", "import typer"],
        "python -c 'import nltk'": [py, "-c", "import nltk"],
    }


def has_scipy(py: str) -> bool:
    """Tell whether the interpreter `py` can import scipy."""
    if py == sys.executable:
        return importlib.util.find_spec("scipy") is not None
    proc = subprocess.run([py, "-c", "import scipy"], capture_output=True, check=False)
    return proc.returncode == 0


@contextmanager
def scipy_env(spec: str | None, note: Any) -> Iterator[tuple[str | None, str]]:
    """Yield (interpreter holding newsdiff's dependencies and scipy, or None; why not).

    `spec` is "create" (a fresh virtual environment in a temporary folder, removed after),
    the path of such an interpreter, or None (skipped).
    """
    if spec is None:
        yield None, "not asked for (--scipy-env create, or --scipy-env PYTHON)"
        return
    if spec != "create":
        ok = Path(spec).exists() and has_scipy(spec)
        yield (spec, "") if ok else (None, f"{spec} cannot import scipy")
        return
    with tempfile.TemporaryDirectory(prefix="newsdiff-scipy-") as tmp:
        venv = Path(tmp) / "venv"
        py = str(venv / "bin" / "python")
        note(f"creating a virtual environment with scipy in {venv} (a minute or two)")
        try:
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            # newsdiff itself is installed for its dependencies; the commands run ROOT's code.
            pip = [py, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
            subprocess.run([*pip, str(ROOT), "scipy"], check=True, capture_output=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            err = getattr(exc, "stderr", b"") or b""
            last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [str(exc)]
            yield None, f"could not create it: {last[0]}"
            return
        yield py, ""


def _time_rounds(cmds: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Run every command once per round, `runs` timed rounds after one untimed one."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("NEWSDIFF_DEBUG", None)
    # Let the warm-up round write bytecode caches (git-ignored) as an installed package
    # has them: without, every run would compile newsdiff's sources and time that.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for r in range(runs + 1):
        for name, argv in cmds.items():
            t0 = time.perf_counter()
            proc = subprocess.run(
                argv, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True
            )
            dt = time.perf_counter() - t0
            if proc.returncode != 0:
                err = proc.stderr.decode("utf-8", "replace").strip()
                raise RuntimeError(f"{name} exited {proc.returncode}: {err}")
            if r:
                times[name].append(dt)
    return times


def find_redlines(given: str | None) -> str | None:
    """Return the `redlines` command to time: the one given, else the one on the PATH."""
    if given is not None:
        return given if Path(given).is_file() and os.access(given, os.X_OK) else None
    return shutil.which("redlines")


def startup(
    runs: int, scipy_spec: str | None, note: Any, redlines_cmd: str | None = None
) -> dict[str, Any]:
    """Time the commands in both environments; return medians, ratios and what was skipped."""
    cmds = commands(sys.executable)
    skipped: dict[str, str] = {}
    redlines = find_redlines(redlines_cmd)
    if redlines:
        cmds["redlines json seeds"] = [redlines, "json", *map(str, SEEDS)]
    elif redlines_cmd is not None:
        skipped["compare / redlines"] = f"redlines is not installed at {redlines_cmd}"
    else:
        skipped["compare / redlines"] = (
            "redlines is not installed (pip install redlines, or --redlines PATH)"
        )
    with scipy_env(scipy_spec, note) as (scipy_py, why):
        if scipy_py is None:
            skipped["compare with scipy / without"] = f"no environment with scipy: {why}"
        else:
            keep = ("python -c pass", "newsdiff --help", "import floor", "newsdiff compare seeds")
            extra = commands(scipy_py)
            cmds.update({SCIPY_PREFIX + k: extra[k] for k in keep})
        times = _time_rounds(cmds, runs)
    med = {k: statistics.median(v) for k, v in times.items()}
    cmp = med["newsdiff compare seeds"]
    ratios = {
        "help / pass": med["newsdiff --help"] / med["python -c pass"],
        "version / pass": med["newsdiff --version"] / med["python -c pass"],
        "compare / import floor": cmp / med["import floor"],
    }
    if scipy_py is not None:
        scipy_cmp = med[SCIPY_PREFIX + "newsdiff compare seeds"]
        ratios["compare with scipy / without"] = scipy_cmp / cmp
        ratios[SCIPY_PREFIX + "compare / import floor"] = (
            scipy_cmp / med[SCIPY_PREFIX + "import floor"]
        )
    if redlines:
        ratios["compare / redlines"] = cmp / med["redlines json seeds"]
    targets = {k: TARGETS[k.removeprefix(SCIPY_PREFIX)] for k in ratios}
    return {
        "runs": runs,
        "scipy_here": has_scipy(sys.executable),
        "scipy_env": scipy_spec if scipy_py is not None else None,
        "median_s": med,
        "all_s": times,
        "ratios": ratios,
        "targets": targets,
        "skipped": skipped,
    }


def report_lines(st: dict[str, Any], mark: Any) -> list[str]:
    """Return the start-up section of the table."""
    here = "with" if st["scipy_here"] else "without"
    lines = [f"1. Start-up (median of {st['runs']} runs, seconds; this environment {here} scipy)"]
    for name, v in st["median_s"].items():
        lines.append(f"   {name:<34} {v:8.3f}")
    for name, v in st["ratios"].items():
        t = st["targets"][name]
        lines.append(f"   {name:<34} {v:8.2f}x  target <= {t:g}x  {mark(v, t, False)}")
    for name, why in st.get("skipped", {}).items():
        lines.append(f"   {name:<34} skipped: {why}")
    return lines
