"""Errors about plan files, in words a user understands."""


class PlanFileError(ValueError):
    """A plan file cannot be opened; the message says why and names the file when known."""
