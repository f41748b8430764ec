"""Refresh the translation template from the code's tr() and ntr() strings, merge it into each
language's .po file, and compile the .mo files the application reads.

Run `make translations` after changing any user-visible string, translate the new entries in
resources/locale/LANG/LC_MESSAGES/carte_planner.po (the glossary is beside them), and run it
again to compile."""

from __future__ import annotations

import re
import sys
import tomllib
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from carte_planner.resources import TEXT_FILES, TEXT_KEYS  # noqa: E402

LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "carte_planner.pot"
KEYWORDS = {"tr": None, "tr_noop": None, "ntr": (1, 2), "say": None, "say_n": (1, 2)}
LANGUAGES = ("zh_CN", "ru", "ar")
_IN_F_STRING = re.compile(r"\btr\('((?:[^'\\]|\\.)*)'\)")


def extract() -> Catalog:
    template = Catalog(project="Carte Planner", fuzzy=False)
    found = extract_from_dir(
        str(ROOT / "carte_planner"),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(f"carte_planner/{filename}", lineno)], auto_comments=comments, context=context)
    # tr('…') inside an f-string's braces, which Babel's Python extractor does not read.
    for path in sorted((ROOT / "carte_planner").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for match in _IN_F_STRING.finditer(source):
            line = source.count("\n", 0, match.start()) + 1
            if match.group(1) not in template:
                template.add(match.group(1), None, [(str(path.relative_to(ROOT)), line)])
    for name in TEXT_FILES:
        for key, text in _texts(tomllib.loads((ROOT / "resources" / name).read_text(encoding="utf-8"))):
            template.add(text, None, [(f"resources/{name}", 0)], auto_comments=[f"{name}: {key}"])
    return template


def _texts(data: object, path: str = "") -> list[tuple[str, str]]:
    """The text values of a data file, as resources.translated() looks them up."""
    found: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in TEXT_KEYS and isinstance(value, str) and value:
                found.append((f"{path}{key}", value))
            else:
                found += _texts(value, f"{path}{key}.")
    elif isinstance(data, list):
        for value in data:
            found += _texts(value, path)
    return found


def po_bytes(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with open(path, "rb") as file:
        return read_po(file, locale=locale)


def keep_creation_date(template: Catalog) -> None:
    """Keep the template's date when its entries did not change, so that running this again
    with nothing new leaves every catalogue as it is."""
    if not TEMPLATE.exists():
        return
    fresh = template.creation_date
    template.creation_date = read_catalog(TEMPLATE).creation_date
    if po_bytes(template) != TEMPLATE.read_bytes():
        template.creation_date = fresh


def write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def main() -> int:
    template = extract()
    keep_creation_date(template)
    write_if_changed(TEMPLATE, po_bytes(template))
    for code in LANGUAGES:
        folder = LOCALE / code / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        po = folder / "carte_planner.po"
        catalog = read_catalog(po, code) if po.exists() else Catalog(locale=code, project="Carte Planner")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        write_if_changed(po, po_bytes(catalog))
        write_if_changed(folder / "carte_planner.mo", mo_bytes(catalog))
        missing = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
        print(f"{code}: {len(missing)} untranslated of {len([m for m in catalog if m.id])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
