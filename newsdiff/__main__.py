"""Run newsdiff as `python -m newsdiff` (and the `newsdiff` console script)."""

from __future__ import annotations

import sys


def main() -> None:
    """Answer `--version`, `--help` and a plain `compare` without the CLI framework, else run it."""
    argv = sys.argv[1:]
    if argv == ["--version"]:
        # Importing typer (and what it imports) costs several times the interpreter's own
        # start-up; the version needs none of it. Same output as the CLI's --version.
        from newsdiff._version import __version__

        sys.stdout.write(f"newsdiff {__version__}\n")
        return
    if len(argv) < 2:
        # The top-level help, when a kept copy of typer's is known to be current.
        from newsdiff.cli.fasthelp import serve

        code = serve(argv)
        if code is not None:
            sys.exit(code)
    if argv[:1] == ["compare"]:
        # A plain `compare` line runs without typer (cli/fastpath.py); None: typer's to answer.
        from newsdiff.cli.fastpath import run

        code = run(argv[1:])
        if code is not None:
            sys.exit(code)
    from newsdiff.cli.app import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
