"""Serve `newsdiff --help` (and the bare `newsdiff`) without loading the CLI framework.

Importing typer and building the command from its annotations costs several times the
interpreter's own start-up, for a text that only changes when the CLI's code does. The text
typer prints is kept in `helptext.py`, written by this module (`python -m
newsdiff.cli.fasthelp`) from the real CLI's output, with a key over the files it was made
from: the modules that define the app and its commands, and typer's own `__init__` (its
version, and the vendored click's formatting with it). When any of them differs, or the
terminal is narrower than the width the text was made for, the caller runs the real CLI,
so the output is always what typer would print. tests/test_fasthelp.py checks the text
against the real CLI.
"""

from __future__ import annotations

import os
import sys

# click wraps help at min(terminal columns, 80) - 2; at 80 columns or more the text is the
# same, below that it is rewrapped, which only the real CLI does.
MIN_COLUMNS = 80
# The newsdiff modules the top-level help is made from (relative to the package folder).
SOURCES = ("cli/app.py", "cli/corpus.py")


def _columns() -> int:
    """Return the terminal width click would use (shutil.get_terminal_size, without shutil)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    out = sys.__stdout__
    try:
        columns = os.get_terminal_size(out.fileno()).columns if out is not None else 0
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


def _typer_init() -> str | None:
    """Return the path of typer's `__init__.py` without importing typer, or None."""
    from importlib.util import find_spec

    try:
        spec = find_spec("typer")
    except (ImportError, ValueError):
        return None
    return spec.origin if spec is not None else None


def key() -> str | None:
    """Return the key of the files the help text is made from, or None when one is missing."""
    import zlib

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = [os.path.join(package, *name.split("/")) for name in SOURCES]
    typer_init = _typer_init()
    if typer_init is None:
        return None
    crc = 0
    try:
        for path in [*paths, typer_init]:
            with open(path, "rb") as f:
                crc = zlib.crc32(f.read(), crc)
    except OSError:
        return None
    return f"{crc:08x}"


def cached_help() -> str | None:
    """Return the top-level help text when it is known to be what typer would print."""
    if _columns() < MIN_COLUMNS:
        return None
    try:
        from newsdiff.cli import helptext
    except ImportError:
        return None
    if key() != helptext.KEY:
        return None
    return helptext.TEXT


def serve(argv: list[str]) -> int | None:
    """Print the top-level help for `--help`, `-h` or no arguments; return the exit code.

    Return None (and print nothing) when the real CLI must answer.
    """
    if argv not in (["--help"], ["-h"], []):
        return None
    # No arguments: typer shows the help on stderr as a usage error (exit 2).
    stream = sys.stdout if argv else sys.stderr
    if stream is None:
        return None
    text = cached_help()
    if text is None:
        return None
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        # The reader went away (`newsdiff --help | head -1`): stop quietly, as the CLI does.
        from newsdiff.cli.shell import silence_stdout

        silence_stdout()
    return 0 if argv else 2


def real_help(columns: int = MIN_COLUMNS) -> str:
    """Return what the real CLI prints for `newsdiff --help` at this terminal width."""
    import subprocess

    code = (
        "import sys; sys.argv = ['newsdiff', '--help']\nfrom newsdiff.cli.app import main\nmain()"
    )
    # The same newsdiff as this process's, wherever the child starts.
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": path}
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, check=True, text=True
    )
    return proc.stdout


def write() -> str:
    """Write `helptext.py` from the real CLI's output; return its path."""
    import json

    made_from = key()
    if made_from is None:
        raise RuntimeError("cannot read the files the help text is made from")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "helptext.py")
    # One string literal per line, double-quoted (json's escapes are Python's too).
    lines = "".join(f"    {json.dumps(line)}\n" for line in real_help().splitlines(keepends=True))
    body = (
        '"""The top-level help text of the CLI (written by `python -m newsdiff.cli.fasthelp`)."""\n'
        "\n"
        "# Key of the files the text was made from (fasthelp.key); do not edit by hand.\n"
        f'KEY = "{made_from}"\n'
        f"TEXT = (\n{lines})\n"
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)
    return path


if __name__ == "__main__":
    sys.stdout.write(f"wrote {write()}\n")
