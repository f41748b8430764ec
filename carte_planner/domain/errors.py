"""The project's own error types, each naming what the user has to fix."""

from __future__ import annotations

from carte_planner.i18n import tr


class PlanInputError(ValueError):
    """A request field holds a value the planner refuses.

    `field` and `message` are catalogue strings with named {placeholders} filled from `params`:
    `field` stays English, so the command line and the plan file can find the option or entry
    it names; `label` and `message` are in the language current when the error is raised."""

    def __init__(self, field: str, message: str, **params: object) -> None:
        values = {name: str(value) for name, value in params.items()}
        self.field = field.format(**values)
        self.label = tr(field).format(**values)
        self.message = tr(message).format(**values)
        # Translators: a refused field and the reason, such as "city: must be given".
        super().__init__(tr("{field}: {message}").format(field=self.label, message=self.message))


class ResourceError(ValueError):
    """A data file under resources/ is missing or malformed; names the file and the field."""

    def __init__(self, source: str, field: str, message: str) -> None:
        super().__init__(f"{source}: {field}: {message}")
        self.source = source
        self.field = field
        self.message = message
