"""Plan files on disk: `.carteplan`, written atomically with the previous version kept."""

from __future__ import annotations

from pathlib import Path

from carte_planner.domain.plan import Plan
from carte_planner.storage.atomic import atomic_write, describe_os_error
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes

EXTENSION = ".carteplan"
MAX_FILE_BYTES = 5_000_000


def save_plan(path: Path | str, plan: Plan) -> None:
    """Write the plan; the file it replaces is kept as `NAME.carteplan.bak`. Raises WriteError."""
    atomic_write(Path(path), plan_to_bytes(plan), keep_backup=True)


def load_plan(path: Path | str) -> Plan:
    """Read a plan file; raises PlanFileError with a message that names the file."""
    path = Path(path)
    try:
        if path.is_dir():
            raise PlanFileError(f"Could not open {path}: it is a folder, not a plan file.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PlanFileError(f"Could not open {path}: it is far too large to be a Carte Planner plan.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(f"Could not open {path}: the file does not exist (it may have been moved).") from None
    except OSError as error:
        raise PlanFileError(describe_os_error(error, path, "open")) from None
    try:
        return plan_from_bytes(data)
    except PlanFileError as error:
        raise PlanFileError(f"Could not open {path}: {error}") from None
