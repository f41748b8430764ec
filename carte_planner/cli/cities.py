"""`carte-planner cities`: the hospital cities with their Chinese names and airports."""

from __future__ import annotations

import argparse

from carte_planner.cli.output import write_out
from carte_planner.cli.words import add_language_option
from carte_planner.i18n import tr


def add_command(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    cities = commands.add_parser("cities", help=tr("list the hospital cities with Chinese names and airports"))
    add_language_option(cities, argparse.SUPPRESS)
    return cities


def run() -> int:
    from carte_planner.resources import load_cities

    for city in load_cities():
        airports = tr("airports: {codes}").format(codes=", ".join(city.airports))
        line = f"{city.name:<12} {city.name_zh:<6} {airports}"
        write_out((f"{line}   ({tr(city.airport_note)})" if city.airport_note else line) + "\n")
    return 0
