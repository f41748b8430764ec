"""The message catalogues: one gettext domain for the window, the command line, the calendar
file and the printout, so that each string is translated in one place.

The language is a context variable: the printout or the calendar file can be written in
another language than the window's with `use_language`, without touching global state."""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

DOMAIN = "carte_planner"
PSEUDO = "pseudo"

# Each language's own name, as the View ▸ Language menu and --lang list them.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "zh_CN": "简体中文",
    "ru": "Русский",
    "ar": "العربية",
}

RIGHT_TO_LEFT = frozenset({"ar"})

_language: ContextVar[str] = ContextVar("language", default="en")


def _english_only(code: str) -> gettext.NullTranslations:
    return gettext.NullTranslations()


# Where each language's catalogue comes from. i18n reads no files: the composition root
# (carte_planner/shipped.py) hands over a loader of the shipped catalogues at start; until it
# does, every language reads as English.
_load_catalogue: Callable[[str], gettext.NullTranslations] = _english_only


def use_catalogues(load: Callable[[str], gettext.NullTranslations]) -> None:
    """Read each language's messages with `load(code)`, called once per language, when first
    needed (a language nobody asks for costs nothing)."""
    global _load_catalogue
    _load_catalogue = load
    translations.cache_clear()


def current_language() -> str:
    return _language.get()


def set_language(code: str) -> None:
    """Make `code` the language of everything that follows (an unknown code means English)."""
    _language.set(code if code in LANGUAGES or code == PSEUDO else "en")


@contextmanager
def use_language(code: str | None) -> Iterator[None]:
    """Speak `code` inside the block (None keeps the current language)."""
    if code is None:
        yield
        return
    token = _language.set(code if code in LANGUAGES or code == PSEUDO else "en")
    try:
        yield
    finally:
        _language.reset(token)


def is_right_to_left(code: str | None = None) -> bool:
    return (code or current_language()) in RIGHT_TO_LEFT


def language_for_locale(name: str) -> str:
    """The catalogue for a system locale name such as "ru_RU.UTF-8", "zh-Hans-CN" or "ar_EG"."""
    base = re.split(r"[._@]", name.replace("-", "_"))[0]
    if base.startswith("zh"):
        return "zh_CN"
    lang = base.split("_")[0].lower()
    return lang if lang in LANGUAGES else "en"


@cache
def translations(code: str) -> gettext.NullTranslations:
    if code == "en":
        return gettext.NullTranslations()
    return _load_catalogue(code)


def tr(message: str) -> str:
    """`message` in the current language; the English text when the catalogue lacks it."""
    if not message:
        return message
    return translations(current_language()).gettext(message)


def ntr(singular: str, plural: str, n: int) -> str:
    """The form for `n` ("1 day", "2 days", and the Russian and Arabic forms), with {n} filled."""
    return translations(current_language()).ngettext(singular, plural, n).replace("{n}", str(n))


def tr_noop(message: str) -> str:
    """Marks `message` for the catalogue where it is defined; tr() translates it where shown."""
    return message
