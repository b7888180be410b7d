"""Imported by the local engine's fork server only: load the pipeline there, once.

Every worker process of a `ProcessEngine` with an initializer forks from the fork server;
with the pipeline's modules and data already loaded there, a worker starts warm instead of
importing and loading them again (its initializer still runs, then cheaply), and the
workers share those pages instead of each holding a copy.

The fork server finds modules on its own path, not the engine's process's: when the
newsdiff it found is not the one that process runs (another checkout, another install),
it is forgotten again, so that the workers import the process's own as they would without
this module (it then raises ImportError, which the fork server passes over).
"""

from __future__ import annotations

import os
import sys

import newsdiff

# The folder of the newsdiff package the engine's process runs (set by corpus.engines).
ORIGIN = "NEWSDIFF_PRELOAD_ORIGIN"


def _forget() -> None:
    """Drop every newsdiff module from this process's module table."""
    for name in [m for m in sys.modules if m == "newsdiff" or m.startswith("newsdiff.")]:
        del sys.modules[name]


if os.environ.get(ORIGIN) == os.path.dirname(os.path.abspath(newsdiff.__file__)):
    try:
        from newsdiff.corpus.run import warm_up

        warm_up()
    except Exception:
        # The fork server must start whatever happens here: the workers warm up themselves.
        pass
else:
    _forget()
    # The fork server skips a preload module that raises ImportError (and nothing else).
    raise ImportError("not the newsdiff of the engine's process: workers import their own")
