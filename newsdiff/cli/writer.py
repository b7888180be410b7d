"""Write a result to a file atomically: readers see the old file or the whole new one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from newsdiff.errors import InputError


def _mode_for(target: Path) -> int:
    """Return the permission bits the output gets: the old file's, else 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Yield a UTF-8 text stream; on success it replaces `path`, on error it leaves no trace."""
    target = Path(path)
    folder = target.parent
    try:
        # is_dir() raises too, for a name too long or a path through a locked folder.
        folder_missing, target_is_dir = not folder.is_dir(), target.is_dir()
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    if folder_missing:
        raise InputError(f"{target}: cannot write, folder {str(folder)!r} does not exist")
    if target_is_dir:
        raise InputError(f"{target}: is a directory, not a file")
    try:
        # Same folder as the target, so os.replace is a rename on one file system.
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
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
            # Disk full, quota, permissions: the user's problem to fix, not a bug.
            raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
        raise
