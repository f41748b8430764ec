"""The computer's own time zone as an IANA name, the default home zone."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.zones import canonical_zone


def _canonical(name: str) -> str | None:
    try:
        return canonical_zone(name)
    except PlanInputError:
        return None


def system_time_zone() -> str:
    """TZ if set, else what /etc/localtime points to, else /etc/timezone, else UTC; always a
    canonical name (an alias such as US/Eastern becomes America/New_York; EST is skipped)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        canonical = _canonical(name) if name else None
        if canonical:
            return canonical
    return "UTC"
