"""What every start does first, the window's and the command line's: zoneinfo, the zone names
and the catalogues are pointed at the shipped files. Nothing is read yet, and nothing else is
imported: `carte-planner --help` pays for no data file (carte_planner/shipped.py loads those)."""

from __future__ import annotations

from carte_planner.catalogues import catalogue_loader
from carte_planner.i18n.catalog import use_catalogues
from carte_planner.resource_folder import resource_root
from carte_planner.tz_database import use_one_database


def start() -> None:
    """Point zoneinfo, the zone names and the catalogues at the shipped data (reading none yet)."""
    # Zone names and offsets from one database, the newer of the system's and the packaged one.
    use_one_database()
    use_catalogues(catalogue_loader(resource_root() / "locale"))
