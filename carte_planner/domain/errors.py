"""The project's own error types, each naming what the user has to fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from carte_planner.i18n.text import Words, say, spoken

if TYPE_CHECKING:
    from carte_planner.domain.fields import Field


class PlanInputError(ValueError):
    """A request field holds a value the planner refuses.

    `field` is the refused field's description (domain/fields.py), or a catalogue string for a
    value that is no request field; `entry` is the key of a keyed field's entry (a phase, an
    item). The command line and the plan file find their option or entry by `described` and
    `entry`, never by the words. `message` is a catalogue string with named {placeholders}
    filled from `params`; `field` is the label in English, and `label`, `message` and `str()`
    are in the language current when they are read."""

    def __init__(self, field: str | Field, message: str, /, *, entry: str | None = None, **params: object) -> None:
        self.described = None if isinstance(field, str) else field
        self.entry = entry
        if self.described is not None:
            if entry is not None and self.described.entry_label:
                params = {self.described.entry_param: entry, **params}
                field = self.described.entry_label
            else:
                field = self.described.label
        assert isinstance(field, str)
        values = {name: value if isinstance(value, Words) else str(value) for name, value in params.items()}
        self.field = field.format(**{name: str(value) for name, value in values.items()})
        self.label_words = say(field, **values)
        self.message_words = say(message, **values)
        # Translators: a refused field and the reason, such as "city: must be given".
        self.words = say("{field}: {message}", field=self.label_words, message=self.message_words)
        super().__init__(field, message)

    @property
    def field_id(self) -> str | None:
        """The refused field's id ("flight_hours"), or None for a value that is no field."""
        return self.described.id if self.described is not None else None

    label = spoken("label_words")
    message = spoken("message_words")

    def __str__(self) -> str:
        return str(self.words)


class ResourceError(ValueError):
    """A data file under resources/ is missing or malformed; names the file and the field."""

    def __init__(self, source: str, field: str, message: str) -> None:
        super().__init__(f"{source}: {field}: {message}")
        self.source = source
        self.field = field
        self.message = message
