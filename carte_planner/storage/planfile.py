"""Plan files on disk: `.carteplan`, written safely with the previous version kept."""

from __future__ import annotations

import hashlib
from pathlib import Path

from carte_planner.domain.plan import Plan
from carte_planner.domain.reference import Reference
from carte_planner.i18n import tr
from carte_planner.storage.atomic import atomic_write
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.reading import read_bounded

EXTENSION = ".carteplan"
# The largest plan file that is read, and the most the family's own text may make it. The gap is
# room for what exports and publishing add (their records of what the calendar holds), so that a
# plan accepted once is never refused after an export; a warning comes before the content limit.
MAX_FILE_BYTES = 8_000_000
CONTENT_LIMIT_BYTES = 5_000_000
NEAR_LIMIT_BYTES = 4_000_000


def plan_size(plan: Plan) -> int:
    """How many bytes the plan's file takes."""
    return len(plan_to_bytes(plan))


def size_refusal(size: int) -> str:
    """Why a change that would make the plan this large is refused."""
    return tr(
        "This change would make the plan file {size} MB, more than the {limit} MB a plan may hold. "
        "Nothing was changed: shorten a long note or item details first."
    ).format(size=f"{size / 1_000_000:.1f}", limit=CONTENT_LIMIT_BYTES // 1_000_000)


def size_warning(size: int) -> str:
    """That the plan is getting close to its limit, before it is reached."""
    return tr(
        "The plan file is now {size} MB, close to the {limit} MB a plan may hold: long notes or item details "
        "fill it. Keep them shorter, or keep long texts in a document of their own."
    ).format(size=f"{size / 1_000_000:.1f}", limit=CONTENT_LIMIT_BYTES // 1_000_000)


def save_plan(path: Path | str, plan: Plan) -> None:
    """Write the plan; the file it replaces is kept as `NAME.carteplan.bak`. Raises WriteError."""
    atomic_write(Path(path), plan_to_bytes(plan), keep_backup=True)


def load_plan(path: Path | str, reference: Reference) -> Plan:
    """Read a plan file and check it as a whole (planned with `reference`); raises
    PlanFileError naming the file."""
    path = Path(path)
    data = read_bounded(path, MAX_FILE_BYTES)
    try:
        return plan_from_bytes(data, reference)
    except PlanFileError as error:
        message = tr("Could not open {path}: {reason}").format(path=path, reason=error)
        backup = path.with_name(path.name + ".bak")
        if _opens(backup, reference):
            # A save that was interrupted (a crash, a power cut) leaves the version before it there.
            message += " " + tr("The version before its last save is kept as {backup}: open that one.").format(
                backup=backup
            )
        raise PlanFileError(message) from None


def _opens(path: Path, reference: Reference) -> bool:
    try:
        plan_from_bytes(read_bounded(path, MAX_FILE_BYTES), reference)
    except PlanFileError:
        return False
    return True


def file_digest(path: Path | str) -> str | None:
    """A fingerprint of the file as it is on disk now, or None if it cannot be read: a save
    compares it with the one taken at opening to notice a change made elsewhere."""
    try:
        return hashlib.sha256(read_bounded(Path(path), MAX_FILE_BYTES)).hexdigest()
    except PlanFileError:
        return None
