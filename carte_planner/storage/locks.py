"""Locks that the system releases when their process ends, even when it is killed.

A running Carte Planner holds one on its autosave and one on each plan file it has open, so a
second window never takes the first one's autosave for a crash's, and knows when a plan is
open elsewhere. After a crash the lock is gone with the process, and the autosave is offered.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class FileLock:
    """An exclusive lock on a small file, held until release() or the process ends."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def try_acquire(cls, path: Path) -> FileLock | None:
        """The lock, or None if another process (or another window) holds it. Raises OSError
        when the lock file cannot be created."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            if fcntl is not None:
                # flock() locks belong to one open file: two windows of one process exclude
                # each other as two processes do.
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
            return None
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def plan_lock_path(folder: Path, plan: Path) -> Path:
    """Where the lock for an open plan file lives: one name per real file, however reached."""
    try:
        real = os.path.realpath(plan)
    except OSError:
        real = str(plan)
    digest = hashlib.sha256(os.fsencode(real)).hexdigest()[:32]
    return folder / "open" / f"{digest}.lock"


# How long a writer waits for another one (a save's fsync on a slow disk) before giving up.
WRITE_WAIT_SECONDS = 30.0


@contextlib.contextmanager
def writing(plan: Path, wait: float = WRITE_WAIT_SECONDS) -> Iterator[None]:
    """Hold the write lock of a plan file while reading what is on disk and writing anew, so that
    two writers (a window and a command, two exports) take turns instead of both starting from
    the same old file. The lock is on the real file's folder: the file itself is replaced by each
    save and may not exist yet. Without file locks (Windows), writers are not serialised."""
    if fcntl is None:
        yield
        return
    try:
        folder = Path(os.path.realpath(plan)).parent
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield  # the save itself will say what is wrong with the folder
        return
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(errno.EAGAIN, "another program keeps writing this plan") from None
                time.sleep(0.05)
            except OSError:
                break  # a file system without locks: write as before
        yield
    finally:
        os.close(fd)
