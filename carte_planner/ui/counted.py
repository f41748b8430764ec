"""A spin box whose unit takes the plural form its number needs: "1 day", "2 дня", "5 лет"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox


def counted_suffix(spin: QSpinBox | QDoubleSpinBox, unit: Callable[[Any], str]) -> None:
    """Keep the unit after `spin`'s number in the form for the value shown. `unit` gives it
    from the catalogue, leading space included: `lambda n: ntr(" day", " days", n)`."""

    def follow(*_changed: object) -> None:
        suffix = unit(spin.value())
        if spin.suffix() != suffix:
            spin.setSuffix(suffix)

    follow()
    spin.valueChanged.connect(follow)
    # Views show the plan's values with the box's signals blocked: they call refresh_unit.
    spin.follow_unit = follow  # type: ignore[union-attr]


def refresh_unit(box: QAbstractSpinBox) -> None:
    """Bring a counted box's unit in line with a value set while its signals were blocked."""
    follow = getattr(box, "follow_unit", None)
    if follow is not None:
        follow()
