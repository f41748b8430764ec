"""The autosave: the unsaved plan kept beside the user's data, to offer back after a crash.

Each running window owns one autosave slot (`autosave.json`, `autosave-2.json`, …) and holds
its lock. A slot whose lock is free belongs to nobody: its file is what a crashed session
left, and only then is it offered. An autosave that is damaged or that this version cannot
plan is moved aside with the reason beside it, and never offered again.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from carte_planner.domain.plan import Plan
from carte_planner.domain.reference import Reference
from carte_planner.i18n import tr
from carte_planner.storage.atomic import atomic_write
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.locks import FileLock
from carte_planner.storage.plan_codec import check_plannable, parse_json, plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import MAX_FILE_BYTES
from carte_planner.storage.reading import read_bounded

FILE_NAME = "autosave.json"
FORMAT = "carte-planner.autosave"
MAX_SLOTS = 32
# A whole plan file (see planfile.MAX_FILE_BYTES) and what the safety copy adds around it.
MAX_AUTOSAVE_BYTES = MAX_FILE_BYTES + 1_000_000


@dataclass(frozen=True)
class Autosave:
    plan: Plan
    path: Path | None
    saved_at: datetime
    # The fingerprint of the plan file as the window last read or wrote it (planfile.file_digest):
    # a restored plan is compared with it, so a change made on disk since is never overwritten
    # without a question. "" when unknown (an autosave of an older version).
    based_on: str = ""


def slot_name(number: int) -> str:
    return FILE_NAME if number == 1 else f"autosave-{number}.json"


class AutosaveSlot:
    """The autosave file of one running window, locked for as long as the window lives."""

    def __init__(self, folder: Path, name: str, lock: FileLock) -> None:
        self.folder = folder
        self.name = name
        self._lock = lock

    @classmethod
    def claim(cls, folder: Path) -> AutosaveSlot:
        """The first slot no other window holds. Raises OSError if the folder is unusable."""
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(1, MAX_SLOTS + 1):
            name = slot_name(number)
            lock = FileLock.try_acquire(folder / f".{name}.lock")
            if lock is not None:
                return cls(folder, name, lock)
        raise OSError("too many Carte Planner windows are open")

    @property
    def file(self) -> Path:
        return self.folder / self.name

    def leftover(self, reference: Reference) -> Autosave | None:
        """What a session that did not end cleanly left in this slot, or None."""
        return read_autosave(self.folder, reference, self.name)

    def write(self, plan: Plan, path: Path | None, now: datetime, based_on: str = "") -> None:
        write_autosave(self.folder, plan, path, now, self.name, based_on)

    def remove(self) -> None:
        remove_autosave(self.folder, self.name)

    def set_aside(self, suffix: str) -> None:
        with contextlib.suppress(OSError):
            self.file.replace(self.folder / f"{self.name}.{suffix}")

    def release(self) -> None:
        self._lock.release()


def write_autosave(
    folder: Path, plan: Plan, path: Path | None, now: datetime, name: str = FILE_NAME, based_on: str = ""
) -> None:
    """Keep the plan as it is on screen, with the file it came from and that file's fingerprint
    as the window knew it. Raises WriteError."""
    document = {
        "format": FORMAT,
        "saved_at": now.isoformat(timespec="seconds"),
        "path": str(path) if path else None,
        "plan": json.loads(plan_to_bytes(plan)),
    }
    if based_on:
        document["based_on"] = based_on
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / name, json.dumps(document, ensure_ascii=False).encode("utf-8"))


def autosave_from_bytes(data: bytes, reference: Reference) -> Autosave:
    """Parse and check an autosave as a whole; raises PlanFileError saying what is wrong."""
    document = parse_json(data)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PlanFileError(tr("it is not a Carte Planner autosave."))
    if set(document) - {"format", "saved_at", "path", "plan", "based_on"}:
        raise PlanFileError(tr("it holds fields this version does not know."))
    plan = plan_from_bytes(json.dumps(document.get("plan"), ensure_ascii=False).encode("utf-8"), reference)
    check_plannable(plan, reference)
    try:
        saved_at = datetime.fromisoformat(str(document["saved_at"]))
    except (KeyError, ValueError):
        raise PlanFileError(tr("its time of saving is missing or invalid.")) from None
    path = document.get("path")
    if path is not None and (not isinstance(path, str) or not path or "\0" in path or len(path) > 4096):
        raise PlanFileError(tr("the path of its plan file is invalid."))
    based_on = document.get("based_on", "")
    if not isinstance(based_on, str) or len(based_on) > 128:
        raise PlanFileError(tr("the path of its plan file is invalid."))
    return Autosave(plan=plan, path=Path(path) if path else None, saved_at=saved_at, based_on=based_on)


def read_autosave(folder: Path, reference: Reference, name: str = FILE_NAME) -> Autosave | None:
    """The autosave in a slot, or None. One that cannot be used is moved aside as
    `NAME.damaged` (never deleted), with the reason in `NAME.damaged.txt`, and None is returned."""
    file = folder / name
    if not file.exists() and not file.is_symlink():
        return None
    try:
        return autosave_from_bytes(read_bounded(file, MAX_AUTOSAVE_BYTES), reference)
    except PlanFileError as error:
        _set_aside_damaged(file, str(error))
        return None


def _set_aside_damaged(file: Path, reason: str) -> None:
    aside = file.with_name(file.name + ".damaged")
    number = 2
    while aside.exists():
        aside = file.with_name(f"{file.name}.damaged-{number}")
        number += 1
    with contextlib.suppress(OSError):
        file.replace(aside)
        note = f"This autosave could not be restored and is kept here, unread: {reason}\n"
        atomic_write(aside.with_name(aside.name + ".txt"), note.encode("utf-8"))


def remove_autosave(folder: Path, name: str = FILE_NAME) -> None:
    """Nothing left to restore. A file that cannot be removed only means an offer at the next
    start that the user can decline: never a reason to stop closing."""
    with contextlib.suppress(OSError):
        (folder / name).unlink()
