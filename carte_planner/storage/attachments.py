"""Scans and files attached to a plan's documents: copied into `NAME.carteplan.files/` beside
the plan and named there by file name only, so that a plan moved together with its folder
keeps them. They are never uploaded, published or written into a calendar."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from carte_planner.i18n import tr
from carte_planner.storage.atomic import WriteError, describe_os_error
from carte_planner.storage.papers_codec import attachment_name_problem

FOLDER_SUFFIX = ".files"


def files_folder(plan_path: Path | str) -> Path:
    """`NAME.carteplan.files`, beside the plan file."""
    plan = Path(plan_path)
    return plan.with_name(plan.name + FOLDER_SUFFIX)


def attachment_path(plan_path: Path | str, name: str) -> Path:
    """Where an attachment stored under `name` is, whether or not it is still there."""
    if attachment_name_problem(name):
        raise ValueError(name)
    return files_folder(plan_path) / name


def attach(plan_path: Path | str, source: Path | str, taken: frozenset[str] = frozenset()) -> str:
    """Copy `source` into the plan's files folder and return the name it has there: the file's
    own name, numbered (`scan (2).pdf`) when that name is taken in the folder or in `taken`.
    Raises WriteError in the user's words when it cannot be read or copied."""
    source = Path(source)
    if not source.is_file():
        raise WriteError(tr("{path} is not a file that can be attached.").format(path=source))
    folder = files_folder(plan_path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise WriteError(describe_os_error(error, folder)) from None
    name = _free_name(folder, _safe_name(source.name), taken)
    target = folder / name
    partial = folder / f".{name}.partial"
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise WriteError(describe_os_error(error, target)) from None
    return name


def _safe_name(name: str) -> str:
    cleaned = "".join("_" if c in '/\\:\x00<>|?*"' or not c.isprintable() else c for c in name).strip(" .")
    return cleaned[:200] or tr("attachment")


def _free_name(folder: Path, name: str, taken: frozenset[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    candidate, number = name, 1
    while candidate in taken or (folder / candidate).exists():
        number += 1
        candidate = f"{stem} ({number}).{suffix}" if suffix else f"{stem} ({number})"
    return candidate


@dataclass(frozen=True)
class AttachmentStatus:
    name: str
    path: Path
    present: bool


def attachment_status(plan_path: Path | str | None, names: tuple[str, ...]) -> list[AttachmentStatus]:
    """Each attachment with whether its file is in the folder. A plan not saved yet has no
    folder: every attachment counts as missing. A missing file is a state to show, not an
    error."""
    statuses = []
    for name in names:
        if plan_path is None or attachment_name_problem(name):
            statuses.append(AttachmentStatus(name, Path(name), False))
            continue
        path = attachment_path(plan_path, name)
        statuses.append(AttachmentStatus(name, path, path.is_file()))
    return statuses


def move_plan_folder(old_plan: Path | str, new_plan: Path | str) -> bool:
    """After "Save as": copy the attachments to the new plan's folder, so the new plan keeps
    them and the old one is left as it was. True when there was something to copy."""
    source, target = files_folder(old_plan), files_folder(new_plan)
    if not source.is_dir() or source.resolve() == target.resolve():
        return False
    try:
        shutil.copytree(source, target, dirs_exist_ok=True)
    except OSError as error:
        raise WriteError(describe_os_error(error, target)) from None
    return True
