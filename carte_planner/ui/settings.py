"""Typed reads from QSettings, whose values come back as plain objects."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


def read_str(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return value if isinstance(value, str) else default


def read_bool(settings: QSettings, key: str, default: bool = False) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):  # INI files store booleans as text
        return value.lower() == "true"
    return value if isinstance(value, bool) else default


def read_int(settings: QSettings, key: str, default: int = 0) -> int:
    value = settings.value(key, default)
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


def read_list(settings: QSettings, key: str) -> list[str]:
    value = settings.value(key, [])
    if isinstance(value, str):  # a one-element list comes back as a string
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) else None
