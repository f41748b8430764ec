"""The autosave: the unsaved plan kept beside the user's data, to offer back after a crash."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from carte_planner.domain.plan import Plan
from carte_planner.storage.atomic import atomic_write
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes

FILE_NAME = "autosave.json"
FORMAT = "carte-planner.autosave"


@dataclass(frozen=True)
class Autosave:
    plan: Plan
    path: Path | None
    saved_at: datetime


def write_autosave(folder: Path, plan: Plan, path: Path | None, now: datetime) -> None:
    """Keep the plan as it is on screen, with the file it came from. Raises WriteError."""
    document = {
        "format": FORMAT,
        "saved_at": now.isoformat(timespec="seconds"),
        "path": str(path) if path else None,
        "plan": json.loads(plan_to_bytes(plan)),
    }
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / FILE_NAME, json.dumps(document, ensure_ascii=False).encode("utf-8"))


def read_autosave(folder: Path) -> Autosave | None:
    """The autosave left by a session that did not end cleanly, or None. A damaged autosave
    is moved aside (never deleted) and None is returned."""
    file = folder / FILE_NAME
    try:
        document = json.loads(file.read_bytes().decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise PlanFileError("not an autosave")
        plan = plan_from_bytes(json.dumps(document["plan"]).encode("utf-8"))
        saved_at = datetime.fromisoformat(str(document["saved_at"]))
        path = Path(document["path"]) if isinstance(document.get("path"), str) else None
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, PlanFileError):
        with contextlib.suppress(OSError):
            file.replace(file.with_name(FILE_NAME + ".damaged"))
        return None
    return Autosave(plan=plan, path=path, saved_at=saved_at)


def remove_autosave(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (folder / FILE_NAME).unlink()
