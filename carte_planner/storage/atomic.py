"""Writing a file so that a crash, a full disk, a link or a special file never costs the user data.

Every file Carte Planner writes (plans, their `.bak`, the autosave, calendars, PDFs) goes
through `atomic_write()`:

- the new bytes go to a temporary file with an unpredictable name, created with O_EXCL and
  never through a symlink, in the folder of the real file; it is fsynced and its size checked
  before it is renamed into place, so a full disk is an error and the old file stays;
- a symlink is written through: the real file is replaced, the link stays a link;
- a device or a pipe (`/dev/null`, a FIFO) is written into, never replaced by a regular file;
- the old file's mode and owner are kept, a read-only file is refused, and a file with other
  hard links is rewritten in place so that every name still sees the same file;
- the backup (`NAME.bak`) is rotated only once the new file is safely on disk;
- temporary files left by a save that was killed are removed by the next save.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from carte_planner.i18n import tr, tr_noop

_REASONS = {
    errno.ENOENT: tr_noop("the folder does not exist"),
    errno.ENOTDIR: tr_noop("part of the path is not a folder"),
    errno.EACCES: tr_noop("you do not have permission to write there"),
    errno.EPERM: tr_noop("you do not have permission to write there"),
    errno.EROFS: tr_noop("the disk is read-only"),
    errno.ENOSPC: tr_noop("the disk is full"),
    errno.EDQUOT: tr_noop("the disk quota is used up"),
    errno.EISDIR: tr_noop("that is a folder, not a file"),
    errno.ENAMETOOLONG: tr_noop("the file name is too long"),
    errno.ELOOP: tr_noop("it is a link that points to itself"),
    errno.ENXIO: tr_noop("it is a pipe that nobody is reading"),
    errno.EPIPE: tr_noop("it is a pipe that nobody is reading"),
    errno.EFBIG: tr_noop("the file would be too large for this disk"),
    errno.EIO: tr_noop("the disk reported an error"),
}
# How the temporary files are named: `.NAME.PID-RANDOM.tmp`, NAME cut short so that a long
# file name still leaves room; the process id tells a killed save's leftovers from a live one's.
_TEMPORARY_NAME_PART = 40
_STALE_AFTER_SECONDS = 3600
_COULD_NOT = {
    "write": tr_noop("Could not write {path}: {reason}."),
    "open": tr_noop("Could not open {path}: {reason}."),
    "read": tr_noop("Could not read {path}: {reason}."),
    "install": tr_noop("Could not install {path}: {reason}."),
    "remove": tr_noop("Could not remove {path}: {reason}."),
}


class WriteError(OSError):
    """A file could not be written; the message says why in the user's words."""


# Refused permission means something else when the file was only to be read.
_READ_REASONS = {
    errno.EACCES: tr_noop("you do not have permission to read it"),
    errno.EPERM: tr_noop("you do not have permission to read it"),
}


def describe_os_error(error: OSError, path: Path, verb: str = "write") -> str:
    """What went wrong, in words a user understands, naming the file."""
    known = (_READ_REASONS.get(error.errno or 0) if verb in ("open", "read") else None) or _REASONS.get(
        error.errno or 0
    )
    reason = tr(known) if known else error.strerror or str(error)
    return tr(_COULD_NOT.get(verb, _COULD_NOT["write"])).format(path=path, reason=reason)


def atomic_write(
    path: Path | str, data: bytes, *, keep_backup: bool = False, protect: Iterable[Path | str] = ()
) -> None:
    """Write `data` to `path` safely (see the module's docstring). With `keep_backup`, the
    file it replaces is kept as `NAME.bak`. `protect` lists files that must never be written
    over (a command's own input). On any failure the old file and its backup are untouched,
    no temporary file is left, and WriteError is raised."""
    path = Path(path)
    try:
        target = real_target(path)
        info = _stat_or_none(target)
        for kept in protect:
            if info is not None and _same_file(info, Path(kept)):
                raise WriteError(
                    tr("Could not write {path}: it is the plan being read; choose another file name.").format(path=path)
                )
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory")
        if info is not None and not stat.S_ISREG(info.st_mode):
            _write_into_special(target, info, data, path)
            return
        if info is not None and not _writable(target, info):
            raise WriteError(
                tr(
                    "Could not write {path}: the file is read-only. Save it under another name, or make it writable."
                ).format(path=path)
            )
        _check_name_length(target, keep_backup)
        remove_stale_temporaries(target)
        if info is not None and info.st_nlink > 1:
            _rewrite_in_place(target, data, keep_backup)
        else:
            _replace(target, data, info, keep_backup)
    except WriteError:
        raise
    except OSError as error:
        raise WriteError(describe_os_error(error, path)) from error


def real_target(path: Path) -> Path:
    """The file a path names once every symlink is followed: writing there keeps the links
    (a plan kept in a synced folder and linked from elsewhere stays one file)."""
    if not path.is_symlink():
        return path
    os.stat(path)  # a loop raises ELOOP here; a dangling link writes its target anew
    return Path(os.path.realpath(path))


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _same_file(info: os.stat_result, other: Path) -> bool:
    try:
        kept = os.stat(other)
    except OSError:
        return False
    return (kept.st_dev, kept.st_ino) == (info.st_dev, info.st_ino)


def _writable(path: Path, info: os.stat_result) -> bool:
    # The mode bits too: the superuser may write anything, but a file its owner made
    # read-only is still one the user meant to keep as it is.
    return bool(info.st_mode & 0o222) and os.access(path, os.W_OK)


def _check_name_length(target: Path, keep_backup: bool) -> None:
    try:
        limit = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = 255
    name = target.name + (".bak" if keep_backup else "")
    if len(os.fsencode(name)) > limit:
        raise WriteError(
            tr(
                "Could not write {path}: the file name is too long for this disk (as '…{ending}' it needs "
                "{needed} bytes; at most {limit}). Choose a shorter name."
            ).format(path=target, ending=name[-12:], needed=len(os.fsencode(name)), limit=limit)
        )


def _write_into_special(target: Path, info: os.stat_result, data: bytes, shown: Path) -> None:
    """A device or a pipe is the destination itself: write into it, never replace it."""
    if not (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        raise WriteError(
            tr("Could not write {path}: it is a special file (a device or a socket), not a file.").format(path=shown)
        )
    # O_NONBLOCK so that a pipe nobody reads refuses at once (ENXIO) instead of hanging.
    fd = os.open(target, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    try:
        os.set_blocking(fd, True)
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _temporary(folder: Path, name: str, mode: int | None) -> tuple[int, Path]:
    """A new file with an unpredictable name; mkstemp opens it with O_EXCL (and O_NOFOLLOW)."""
    prefix = f".{name[:_TEMPORARY_NAME_PART]}.{os.getpid()}-"
    fd, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    if mode is not None:
        with contextlib.suppress(OSError):
            os.fchmod(fd, mode)
    return fd, Path(temporary)


def _write_temporary(folder: Path, name: str, data: bytes, info: os.stat_result | None) -> Path:
    fd, temporary = _temporary(folder, name, stat.S_IMODE(info.st_mode) if info else None)
    try:
        try:
            if info is not None and hasattr(os, "fchown") and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                with contextlib.suppress(OSError):
                    os.fchown(fd, info.st_uid, info.st_gid)
            _write_all(fd, data)
            os.fsync(fd)
            # Some file systems accept the bytes and lose them on a full disk: check the size.
            if os.fstat(fd).st_size != len(data):
                raise OSError(errno.ENOSPC, "short write")
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _replace(target: Path, data: bytes, info: os.stat_result | None, keep_backup: bool) -> None:
    folder = target.parent
    temporary = _write_temporary(folder, target.name, data, info)
    try:
        if keep_backup and info is not None:
            _rotate_backup(target, info)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _rotate_backup(target: Path, info: os.stat_result) -> None:
    """Keep the file about to be replaced as NAME.bak. A hard link needs no disk space;
    where links are not allowed, a copy. The .bak itself is replaced, never followed."""
    backup = target.with_name(target.name + ".bak")
    link = target.with_name(f".{target.name[:_TEMPORARY_NAME_PART]}.{os.getpid()}-{os.urandom(6).hex()}.tmp")
    try:
        os.link(target, link, follow_symlinks=False)
    except OSError:
        copy = _write_temporary(target.parent, target.name, target.read_bytes(), info)
        os.replace(copy, backup)
        return
    try:
        os.replace(link, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(link)
        raise


def _rewrite_in_place(target: Path, data: bytes, keep_backup: bool) -> None:
    """A file with other hard links: a rename would split them, so the same file is rewritten.
    Rewriting in place cannot be atomic, so nothing of the file changes until a readable version
    is safe elsewhere: the old one complete as NAME.bak (when a backup is kept) and the new one
    complete in a temporary file, which also proves the disk has room. A save killed at any
    moment leaves the file or its .bak whole. If writing fails, the old bytes go back."""
    old = target.read_bytes()
    info = os.stat(target)
    staged = _write_temporary(target.parent, target.name, data, info)
    try:
        if keep_backup:
            kept = _write_temporary(target.parent, target.name, old, info)
            try:
                os.replace(kept, target.with_name(target.name + ".bak"))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(kept)
                raise
            _sync_folder(target.parent)
        fd = os.open(target, os.O_WRONLY | os.O_NOFOLLOW)
        try:
            with contextlib.suppress(AttributeError, OSError):
                if len(data) > len(old):
                    os.posix_fallocate(fd, 0, len(data))
            try:
                os.pwrite(fd, data, 0)
                os.ftruncate(fd, len(data))
                os.fsync(fd)
            except OSError:
                os.pwrite(fd, old, 0)
                os.ftruncate(fd, len(old))
                os.fsync(fd)
                raise
        finally:
            os.close(fd)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(staged)


def remove_stale_temporaries(target: Path) -> None:
    """Remove temporary files that a killed save of this file left behind: those of a
    process that no longer runs, or older than an hour. A live save's files are kept."""
    prefix = f".{target.name[:_TEMPORARY_NAME_PART]}."
    pattern = re.compile(re.escape(prefix) + r"(\d+)-[A-Za-z0-9_]+\.tmp\Z")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    now = time.time()
    for name in names:
        match = pattern.match(name)
        if not match:
            continue
        leftover = target.parent / name
        try:
            info = os.lstat(leftover)
            if not stat.S_ISREG(info.st_mode):
                continue
            if _process_is_gone(int(match.group(1))) or now - info.st_mtime > _STALE_AFTER_SECONDS:
                os.unlink(leftover)
        except OSError:
            continue


def _process_is_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, OSError):
        return False
    return False


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
