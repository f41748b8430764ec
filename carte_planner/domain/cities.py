"""Finding a hospital city by what the user typed, with a suggestion when it is misspelt."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import FIELDS
from carte_planner.domain.protocol import City
from carte_planner.i18n import current_language, tr_noop
from carte_planner.i18n.text import Words


def _fold(text: str) -> str:
    """Lower case, no accents, no spaces or apostrophes: "Xi'an", "xian" and "XI AN" agree."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    return "".join(ch for ch in plain.casefold() if ch.isalnum()) or text.strip()


def resolve_city(text: str, cities: Iterable[City]) -> City:
    """The city whose key, English, Chinese or other name matches `text`; else a PlanInputError
    that suggests the closest names."""
    cities = tuple(cities)
    wanted = text.strip()
    for city in cities:
        local = {_fold(name) for _language, name in city.names}
        if wanted == city.name_zh or _fold(wanted) in {_fold(city.key), _fold(city.name), *local}:
            return city
    import difflib  # only for a misspelt name

    names = {_fold(city.name): city.name for city in cities}
    close = difflib.get_close_matches(_fold(wanted), list(names), n=1, cutoff=0.6)
    if close:
        hint = names[close[0]]
        raise PlanInputError(
            FIELDS["city"],
            tr_noop("'{city}' is not a known hospital city. Did you mean {hint}?"),
            city=text,
            hint=hint,
        )
    raise PlanInputError(
        FIELDS["city"],
        tr_noop("'{city}' is not a known hospital city. Known cities: {cities}"),
        city=text,
        cities=", ".join(c.name for c in cities),
    )


@dataclass(frozen=True, slots=True)
class CityName(Words):
    """A hospital city named for the reader: "Гуанчжоу" in Russian, "Guangzhou" in English,
    with its Chinese name beside it when `with_chinese`."""

    city: City
    with_chinese: bool = False

    def _words(self) -> str:
        language = current_language()
        return self.city.local_label(language) if self.with_chinese else self.city.local_name(language)
