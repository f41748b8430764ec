"""Finds and reads the data files under resources/, once, from a checkout or a wheel."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from carte_planner.domain.checklist import ChecklistTemplate, parse_checklist_template
from carte_planner.domain.errors import ResourceError
from carte_planner.domain.protocol import City, Protocol, parse_cities, parse_protocol


@cache
def resource_root() -> Traversable:
    """The resources folder: inside the installed package, else beside it in a checkout."""
    packaged = files("carte_planner") / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def read_toml(name: str) -> dict[str, Any]:
    """Parse one TOML file of the resources folder, reporting problems by file name."""
    entry = resource_root() / name
    try:
        return tomllib.loads(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResourceError(name, "(file)", "is missing from the resources folder") from None
    except tomllib.TOMLDecodeError as error:
        raise ResourceError(name, "(syntax)", str(error)) from None


@cache
def load_protocol() -> Protocol:
    return parse_protocol(read_toml("protocol.toml"), "protocol.toml")


@cache
def load_cities() -> tuple[City, ...]:
    return parse_cities(read_toml("cities.toml"), "cities.toml")


@cache
def load_checklist_template() -> ChecklistTemplate:
    return parse_checklist_template(read_toml("checklist.toml"), "checklist.toml")
