"""The fork server's preload: workers start warm, and always run this process's newsdiff."""

from __future__ import annotations

import os
import subprocess
import sys

import newsdiff
from newsdiff.corpus.engines import ProcessEngine
from newsdiff.corpus.run import warm_up

_HERE = os.path.dirname(os.path.abspath(newsdiff.__file__))
_PROBE = (
    "import sys\n"
    "try:\n"
    "    import newsdiff.corpus.preload\n"
    "except ImportError:\n"
    "    pass\n"
    "print(any(m.startswith('newsdiff') for m in sys.modules),"
    " 'newsdiff.api' in sys.modules)\n"
)


def _probe(origin: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "NEWSDIFF_PRELOAD_ORIGIN"}
    if origin is not None:
        env["NEWSDIFF_PRELOAD_ORIGIN"] = origin
    run = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_the_preload_keeps_the_pipeline_of_the_same_newsdiff() -> None:
    """Check the preload loads the pipeline when the origin is this newsdiff's folder."""
    assert _probe(_HERE) == "True True"


def test_the_preload_forgets_another_newsdiff() -> None:
    """Check a fork server that found another newsdiff (or was not told) keeps none of it."""
    assert _probe(os.path.join(_HERE, "elsewhere")) == "False False"
    assert _probe(None) == "False False"


def _origin(_: int) -> str:
    return os.path.dirname(os.path.abspath(newsdiff.__file__))


def test_workers_of_a_preloaded_pool_run_this_newsdiff() -> None:
    """Check a pool with an initializer (preloaded when its fork server starts) works."""
    with ProcessEngine(2, warm_up) as engine:
        assert list(engine.map(_origin, range(4))) == [_HERE] * 4
    assert "NEWSDIFF_PRELOAD_ORIGIN" not in os.environ
