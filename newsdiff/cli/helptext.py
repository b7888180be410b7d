"""The top-level help text of the CLI (written by `python -m newsdiff.cli.fasthelp`)."""

# Key of the files the text was made from (fasthelp.key); do not edit by hand.
KEY = "f3c241c8"
TEXT = (
    "Usage: newsdiff [OPTIONS] COMMAND [ARGS]...\n"
    "\n"
    "  Compare news reports of one event: shared facts, divergent framing, unique\n"
    "  details.\n"
    "\n"
    "Options:\n"
    "  --version   Show the version.\n"
    "  --debug     Show tracebacks of unexpected errors.\n"
    "  -h, --help  Show this message and exit.\n"
    "\n"
    "Commands:\n"
    "  compare  Show what reports share and how they differ.\n"
    "  segment  Print each report's sentences as JSON Lines.\n"
    "  corpus   Compare every cluster of a corpus.\n"
    "  check    Compare every cluster and apply rules.\n"
)
