"""The project's own error types, each naming what the user has to fix."""


class PlanInputError(ValueError):
    """A request field holds a value the planner refuses; `field` names it for the user."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ResourceError(ValueError):
    """A data file under resources/ is missing or malformed; names the file and the field."""

    def __init__(self, source: str, field: str, message: str) -> None:
        super().__init__(f"{source}: {field}: {message}")
        self.source = source
        self.field = field
        self.message = message
