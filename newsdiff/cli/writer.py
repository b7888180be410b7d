"""The one writer of every file newsdiff writes (`-o`, `--details`).

A regular file (or a new path) is written atomically: readers see the old file or the
whole new one, never half of it. A character device or a FIFO is written through, as
`cat > path` would; a symbolic link is followed and the rule applied to its target. A
non-regular file is never replaced by a regular one (`-o /dev/null` stays a device).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from newsdiff.errors import InputError, UsageError


def _cannot(target: Path | str, exc: OSError) -> InputError:
    """Return the one-line error of a failed write (disk full, quota, permissions)."""
    return InputError(f"{target}: cannot write ({exc.strerror or exc})")


def _mode_for(target: Path) -> int:
    """Return the permission bits the output gets: the old file's, else 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _kind(target: Path) -> str:
    """Say what `target` (links followed) is: "new", "regular" or "stream"; refuse the rest."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        # A name too long, a link loop, a path through a locked folder.
        raise _cannot(target, exc) from None
    if stat.S_ISREG(mode):
        return "regular"
    if stat.S_ISDIR(mode):
        raise InputError(f"{target}: is a directory, not a file")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return "stream"
    raise InputError(f"{target}: not a regular file, device or pipe; not written")


@contextlib.contextmanager
def _write_through(target: Path) -> Iterator[TextIO]:
    """Yield a stream writing straight into a device or FIFO (never replaced)."""
    try:
        fh = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise _cannot(target, exc) from None
    try:
        with fh:
            yield fh
    except OSError as exc:
        raise _cannot(target, exc) from None


@contextlib.contextmanager
def _replace(target: Path) -> Iterator[TextIO]:
    """Yield a stream into a temporary file that replaces `target` on success."""
    folder = target.parent
    try:
        folder_missing = not folder.is_dir()
    except OSError as exc:
        raise _cannot(target, exc) from None
    if folder_missing:
        raise InputError(f"{target}: cannot write, folder {str(folder)!r} does not exist")
    # Imported here: tempfile (with random) is only needed for a file, not for stdout.
    import tempfile

    try:
        # Same folder as the target, so os.replace is a rename on one file system.
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot(target, exc) from None
    try:
        # newline="": renderers write "\n" and get exactly that on every platform.
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _cannot(target, exc) from None
        raise


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Yield a UTF-8 text stream into `path` (see the module's rule); errors are InputError."""
    if not os.fspath(path):
        # Path("") is ".", the working folder: the error would name a folder never given.
        raise UsageError("--output needs a file name; it was given an empty one")
    given = Path(path)
    # A link is followed, so the link stays and its target gets the output (`cat > link`).
    try:
        target = Path(os.path.realpath(given)) if given.is_symlink() else given
    except OSError as exc:
        raise _cannot(given, exc) from None
    kind = _kind(target)
    writer = _write_through(target) if kind == "stream" else _replace(target)
    with writer as stream:
        yield stream


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[TextIO]:
    """Yield stdout for no path or "-", else the file at `path` through `atomic_writer`."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_writer(path) as stream:
        yield stream


class DetailsFolder:
    """Write each cluster's newsdiff/1 JSON into one folder (`corpus --details DIR`)."""

    def __init__(self, folder: str) -> None:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{folder}: cannot create ({exc.strerror or exc})") from None
        # Say so before the run rather than after the first cluster (root may write anyway).
        if not os.access(folder, os.W_OK | os.X_OK):
            raise InputError(f"{folder}: cannot write (Permission denied)")
        self.folder = folder

    def __call__(self, filename: str, text: str) -> None:
        """Write one file of the folder atomically."""
        with atomic_writer(os.path.join(self.folder, filename)) as stream:
            stream.write(text)
