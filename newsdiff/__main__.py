"""Run newsdiff as `python -m newsdiff` (and the `newsdiff` console script)."""

from __future__ import annotations

import sys


def main() -> None:
    """Answer `--version` without loading the CLI framework, else run the CLI."""
    if sys.argv[1:] == ["--version"]:
        # Importing typer (and what it imports) costs several times the interpreter's own
        # start-up; the version needs none of it. Same output as the CLI's --version.
        from newsdiff._version import __version__

        sys.stdout.write(f"newsdiff {__version__}\n")
        return
    from newsdiff.cli.app import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
