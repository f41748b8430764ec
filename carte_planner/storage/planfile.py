"""Plan files on disk: `.carteplan`, written safely with the previous version kept."""

from __future__ import annotations

import hashlib
from pathlib import Path

from carte_planner.domain.plan import Plan
from carte_planner.i18n import tr
from carte_planner.storage.atomic import atomic_write
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.reading import read_bounded

EXTENSION = ".carteplan"
MAX_FILE_BYTES = 5_000_000


def save_plan(path: Path | str, plan: Plan) -> None:
    """Write the plan; the file it replaces is kept as `NAME.carteplan.bak`. Raises WriteError."""
    atomic_write(Path(path), plan_to_bytes(plan), keep_backup=True)


def load_plan(path: Path | str) -> Plan:
    """Read a plan file and check it as a whole; raises PlanFileError naming the file."""
    path = Path(path)
    data = read_bounded(path, MAX_FILE_BYTES)
    try:
        return plan_from_bytes(data)
    except PlanFileError as error:
        raise PlanFileError(tr("Could not open {path}: {reason}").format(path=path, reason=error)) from None


def file_digest(path: Path | str) -> str | None:
    """A fingerprint of the file as it is on disk now, or None if it cannot be read: a save
    compares it with the one taken at opening to notice a change made elsewhere."""
    try:
        return hashlib.sha256(read_bounded(Path(path), MAX_FILE_BYTES)).hexdigest()
    except PlanFileError:
        return None
