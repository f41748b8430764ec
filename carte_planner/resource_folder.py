"""Where the data files are: the resources folder, from a checkout or a wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resource_root() -> Path:
    """The resources folder: inside the installed package (a wheel puts it there), else beside
    the package in a source checkout. Plain paths: importlib.resources would cost start-up
    time for the zip imports this application does not use."""
    package = Path(__file__).resolve().parent
    packaged = package / "resources"
    if packaged.is_dir():
        return packaged
    return package.parent / "resources"
