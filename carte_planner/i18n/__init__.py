"""Words in the user's language: gettext catalogues, English as the fallback. No Qt."""

from carte_planner.i18n.catalog import (
    LANGUAGES,
    PSEUDO,
    current_language,
    language_for_locale,
    ntr,
    set_language,
    tr,
    tr_noop,
    use_language,
)

__all__ = [
    "LANGUAGES",
    "PSEUDO",
    "current_language",
    "language_for_locale",
    "ntr",
    "set_language",
    "tr",
    "tr_noop",
    "use_language",
]
