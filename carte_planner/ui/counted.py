"""A spin box whose unit takes the plural form its number needs: "1 day", "2 дня", "5 лет"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QSpinBox


def counted_suffix(spin: QSpinBox, unit: Callable[[int], str]) -> None:
    """Keep the unit after `spin`'s number in the form for the value shown. `unit` gives it
    from the catalogue, leading space included: `lambda n: ntr(" day", " days", n)`."""

    def follow(value: int) -> None:
        spin.setSuffix(unit(value))

    follow(spin.value())
    spin.valueChanged.connect(follow)
