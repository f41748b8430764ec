"""Writing a file so that a crash, a full disk or a bad path never leaves it half written."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

_REASONS = {
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.EROFS: "the disk is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EISDIR: "that is a folder, not a file",
    errno.ENAMETOOLONG: "the file name is too long",
}


class WriteError(OSError):
    """A file could not be written; the message says why in the user's words."""


def describe_os_error(error: OSError, path: Path, verb: str = "write") -> str:
    """What went wrong, in words a user understands, naming the file."""
    reason = _REASONS.get(error.errno or 0, error.strerror or str(error))
    return f"Could not {verb} {path}: {reason}."


def atomic_write(path: Path | str, data: bytes, *, keep_backup: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder, fsync it and rename
    it into place. With `keep_backup`, the file it replaces is kept as `NAME.bak`. On any
    failure the old file is untouched, no temporary file is left, and WriteError is raised."""
    path = Path(path)
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "Is a directory")
        if keep_backup and path.is_file():
            # A copy, not a move: if the final rename fails, the old file is still in place.
            _write_through_temporary(path.with_name(path.name + ".bak"), path.read_bytes())
        _write_through_temporary(path, data)
    except OSError as error:
        raise WriteError(describe_os_error(error, path)) from error


def _write_through_temporary(path: Path, data: bytes) -> None:
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
