"""Quality and speed benchmarks of newsdiff (not part of the installed package)."""
