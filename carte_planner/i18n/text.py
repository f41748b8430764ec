"""Words as codes and parameters: the domain says *what* to tell the user (a catalogue message
and its values), and the words are chosen only when the text is shown, in the language of the
window, the calendar file or the printout showing it. The same plan can so be read in several
languages without being planned again.

A message's code is its English source text, as in any gettext catalogue; its parameters are
numbers, proper names, dates (put into words in the reader's language) or other messages."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date, datetime

from carte_planner.i18n.catalog import current_language, translations
from carte_planner.i18n.dates import DAY, country_name, format_day, weekday_name


class Words(ABC):
    """Something to show the user, put into words in the current language by `str()`."""

    # The last language it was put into words in, and the words: views read the same titles
    # on every repaint, mostly in one language.
    __slots__ = ("_last",)

    @abstractmethod
    def _words(self) -> str:
        """The words in the current language."""

    def __str__(self) -> str:
        language = current_language()
        last: tuple[str, str] | None = getattr(self, "_last", None)
        if last is not None and last[0] == language:
            return last[1]
        text = self._words()
        # Frozen values: the cache is not part of what they are.
        object.__setattr__(self, "_last", (language, text))
        return text


@dataclass(frozen=True, slots=True)
class Message(Words):
    """A catalogue message and its named parameters; with `plural`, the form for `count`
    ("1 day", "2 days", and Russian's and Arabic's forms), `{n}` being the count."""

    message: str
    params: tuple[tuple[str, str | int | float | Words], ...] = ()
    plural: str | None = None
    count: int = 0

    def _words(self) -> str:
        catalogue = translations(current_language())
        if self.plural is not None:
            template = catalogue.ngettext(self.message, self.plural, self.count)
            values: dict[str, object] = {"n": self.count}
        else:
            template = catalogue.gettext(self.message) if self.message else ""
            values = {}
        if not self.params and self.plural is None:
            return template
        values.update((name, str(value) if isinstance(value, Words) else value) for name, value in self.params)
        return template.format(**values)


@dataclass(frozen=True, slots=True)
class Joined(Words):
    """Several texts in a row, empty ones left out: sentences of one description, or a list
    whose separator is itself words (the language's ", ")."""

    parts: tuple[str | Words, ...]
    separator: str | Words = " "

    def _words(self) -> str:
        return str(self.separator).join(text for part in self.parts if (text := str(part)))


@dataclass(frozen=True, slots=True)
class Day(Words):
    """A date in the reader's language, in one of the forms of i18n.dates."""

    day: date | datetime
    form: tuple[str, str] = DAY

    def _words(self) -> str:
        return format_day(self.day, self.form)


@dataclass(frozen=True, slots=True)
class Weekday(Words):
    """The name of a date's weekday ("Sunday", "воскресенье")."""

    day: date

    def _words(self) -> str:
        return weekday_name(self.day)


@dataclass(frozen=True, slots=True)
class CountryName(Words):
    """A country's name in the reader's language (CLDR's), or its English name."""

    code: str
    english: str

    def _words(self) -> str:
        return country_name(self.code, self.english)


def say(message: str, /, **params: str | int | float | Words) -> Message:
    """The catalogue `message` with its {named} parameters, put into words when shown."""
    return Message(message, tuple(params.items()))


def say_n(singular: str, plural: str, count: int, /, **params: str | int | float | Words) -> Message:
    """The singular or plural message for `count` ({n} in the text), put into words when shown."""
    return Message(singular, tuple(params.items()), plural, count)


def count_days(count: int) -> Message:
    """ "1 day", "3 days": a number of days in the reader's plural form, for a sentence's {days}."""
    return say_n("{n} day", "{n} days", count)


def joined(*parts: str | Words, separator: str | Words = " ") -> Joined:
    return Joined(parts, separator)


def words(text: str | Words) -> str:
    """`text` in the current language (a plain string is already words: a name the user typed)."""
    return text if isinstance(text, str) else str(text)


class spoken:
    """A read-only attribute that reads another one, holding words, in the current language:
    `title = spoken("title_words")`."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __get__(self, instance: object, owner: type | None = None) -> str:
        return words(getattr(instance, self.source))
