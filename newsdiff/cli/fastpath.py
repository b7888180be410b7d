"""Run a plain `newsdiff compare` command line without loading typer.

Importing typer and building the CLI from the functions' annotations was about a sixth of
`compare`'s start-up on two short reports. A command line made only of file names, known
options each given once with a plain value (`-f json`, `--width=100`) and known flags is
read here, the values converted as typer converts them (cli/values.py), and the same
command body runs (`cli.comparing.run`, which the typer command calls too). Anything else
(--help, an unknown or repeated option, a value starting with "-", "--", a value typer
would reject or read its own way) returns None and the real CLI answers, so every usage
error stays typer's. The exceptions the command body raises end as they do under typer
(`newsdiff.cli.app.main`). tests/test_cli_fastpath.py checks the options here against the
typer command's and both paths' output against each other.
"""

from __future__ import annotations

import errno
import sys
from typing import Any

from newsdiff.cli.values import MAX_WIDTH, MIN_WIDTH, UNSURE, Range, direct
from newsdiff.errors import ExitCode

# compare's options that take a value: the command line's name -> (parameter, type, range).
VALUES: dict[str, tuple[str, type, Range]] = {
    "--format": ("output_format", str, Range()),
    "-f": ("output_format", str, Range()),
    "--output": ("output", str, Range()),
    "-o": ("output", str, Range()),
    "--text-field": ("text_field", str, Range()),
    "--names": ("names", str, Range()),
    "--encoding": ("encoding", str, Range()),
    "--color": ("color", str, Range()),
    "--width": ("width", int, Range(min=MIN_WIDTH, max=MAX_WIDTH)),
    "--max-bytes": ("max_bytes", int, Range(min=1, max=1 << 40)),
    "--signals": ("signal_types", str, Range()),
    "--kind": ("kinds", str, Range()),
    "--max-sentences": ("max_sentences", int, Range(min=0)),
}
# compare's flags: the command line's name -> parameter.
FLAGS = {
    "--no-color": "no_color",
    "--only-differences": "only_differences",
    "--no-legend": "no_legend",
    "--no-pager": "no_pager",
    "--explain": "explain",
}


def parse(args: list[str]) -> dict[str, Any] | None:
    """Return `compare`'s arguments from a plain command line, or None to leave it to typer."""
    given: dict[str, Any] = {}
    files: list[str] = []
    rest = iter(args)
    for token in rest:
        if token == "-" or not token.startswith("-"):
            files.append(token)  # as click: "-" (stdin) is a file name too
            continue
        name, eq, value = token.partition("=")
        if name in FLAGS and not eq:
            param, converted = FLAGS[name], True
        elif name in VALUES and (not eq or name.startswith("--")):
            # click reads `-f=json` as the value "=json": left to it, as is a missing value.
            if not eq:
                value = next(rest, "-")
                if value.startswith("-"):
                    return None
            param, kind, bounds = VALUES[name]
            converted = direct(kind, bounds, value)
            if converted is UNSURE:
                return None
        else:
            return None
        if param in given:
            return None  # given twice: click keeps the last; not worth mirroring
        given[param] = converted
    return {"files": files, **given} if files else None


def run(args: list[str]) -> int | None:
    """Run `compare` on a plain command line and return its exit code; None: not plain."""
    arguments = parse(args)
    if arguments is None:
        return None
    from newsdiff.cli import comparing
    from newsdiff.cli.shell import silence_stdout, stand_in_for_closed_streams

    stand_in_for_closed_streams()
    try:
        comparing.run(**arguments)
    except EOFError:
        # click writes a new line and aborts (130).
        sys.stderr.write("\n")
        sys.stderr.flush()
        return 130
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            return _failed(exc)
        # A closed pipe while reporting an error: click exits 1, quietly.
        silence_stdout()
        return 1
    except Exception as exc:
        return _failed(exc)
    return int(ExitCode.OK)


def _failed(exc: Exception) -> int:
    """Return the exit code of an exception out of the command body, as under typer."""
    from newsdiff.cli.shell import crash_code, debug

    typer = sys.modules.get("typer")
    if typer is not None and isinstance(exc, typer.Exit):
        # A failure the command reported (cli.shell.fail imports typer to raise it).
        return int(exc.exit_code)
    if debug():
        raise exc
    return crash_code(exc)
