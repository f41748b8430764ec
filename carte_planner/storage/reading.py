"""Reading a file the user names, bounded in size and time whatever it turns out to be."""

from __future__ import annotations

import os
import select
import stat
import time
from pathlib import Path

from carte_planner.i18n import tr
from carte_planner.storage.atomic import describe_os_error
from carte_planner.storage.errors import PlanFileError

# A pipe or a device gets this long to deliver its bytes; a regular file is read at once.
SPECIAL_FILE_SECONDS = 5.0


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of `path`, at most `limit` of them. The size is checked by reading, not by
    trusting the file system (`/dev/zero` says it is empty), and a pipe that never ends or
    never writes is given up on after a few seconds. Raises PlanFileError naming the file."""
    try:
        # O_NONBLOCK: opening a pipe with no writer must not wait for one.
        fd = os.open(path, os.O_RDONLY | os.O_NOCTTY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise PlanFileError(
            tr("Could not open {path}: the file does not exist (it may have been moved).").format(path=path)
        ) from None
    except IsADirectoryError:
        raise PlanFileError(tr("Could not open {path}: it is a folder, not a plan file.").format(path=path)) from None
    except OSError as error:
        raise PlanFileError(describe_os_error(error, path, "open")) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PlanFileError(tr("Could not open {path}: it is a folder, not a plan file.").format(path=path))
        regular = stat.S_ISREG(info.st_mode)
        if regular:
            os.set_blocking(fd, True)
        data = _read(fd, limit, None if regular else time.monotonic() + SPECIAL_FILE_SECONDS, path)
    except OSError as error:
        raise PlanFileError(describe_os_error(error, path, "read")) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise PlanFileError(
            tr("Could not open {path}: it is far too large to be a Carte Planner plan.").format(path=path)
        )
    return data


def _read(fd: int, limit: int, deadline: float | None, path: Path) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        if deadline is not None:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(left, 0))
            if not ready:
                raise PlanFileError(
                    tr("Could not open {path}: it is not a file, and nothing came from it in time.").format(path=path)
                )
        try:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
        except BlockingIOError:
            continue
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
