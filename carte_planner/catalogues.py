"""The shipped message catalogues, read from the locale folder: compiled .mo files for the
languages, and the template's messages for the pseudo-language of the tests."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path

from carte_planner.i18n.catalog import DOMAIN, PSEUDO
from carte_planner.i18n.pseudo import PseudoTranslations


def catalogue_loader(folder: Path) -> Callable[[str], gettext.NullTranslations]:
    """A loader of each language's catalogue from `folder` (resources/locale)."""

    def load(code: str) -> gettext.NullTranslations:
        if code == PSEUDO:
            return PseudoTranslations(*_read_msgids(folder / f"{DOMAIN}.pot"))
        try:
            with open(folder / code / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as file:
                return gettext.GNUTranslations(file)
        except OSError:
            # A missing catalogue must never stop the plan: English is the fallback.
            return gettext.NullTranslations()

    return load


def _read_msgids(path: Path) -> tuple[set[str], dict[str, str]]:
    # Babel is imported only for the pseudo-language, which only the tests ask for.
    from babel.messages.pofile import read_po

    with open(path, "rb") as file:
        catalog = read_po(file)
    singles: set[str] = set()
    plurals: dict[str, str] = {}
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            plurals[message.id[0]] = message.id[1]
        else:
            singles.add(message.id)
    return singles, plurals
