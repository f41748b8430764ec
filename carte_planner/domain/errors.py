"""The project's own error types, each naming what the user has to fix."""

from __future__ import annotations

from carte_planner.i18n.text import Words, say, spoken


class PlanInputError(ValueError):
    """A request field holds a value the planner refuses.

    `field` and `message` are catalogue strings with named {placeholders} filled from `params`:
    `field` stays English, so the command line and the plan file can find the option or entry
    it names; `label`, `message` and `str()` are in the language current when they are read."""

    def __init__(self, field: str, message: str, /, **params: object) -> None:
        values = {name: value if isinstance(value, Words) else str(value) for name, value in params.items()}
        self.field = field.format(**{name: str(value) for name, value in values.items()})
        self.label_words = say(field, **values)
        self.message_words = say(message, **values)
        # Translators: a refused field and the reason, such as "city: must be given".
        self.words = say("{field}: {message}", field=self.label_words, message=self.message_words)
        super().__init__(field, message)

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
