"""The top-level help text of the CLI (written by `python -m newsdiff.cli.fasthelp`)."""

# Key of the files the text was made from (fasthelp.key); do not edit by hand.
KEY = "d0c4ffed"
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
    "  compare  Align the sentences of two or more reports and show what they...\n"
    "  segment  Print each report's sentences as JSON Lines: offsets,...\n"
    "  corpus   Compare every cluster of a corpus and print one summary row...\n"
    "  check    Compare every cluster and apply rules; exit 1 if any cluster...\n"
)
