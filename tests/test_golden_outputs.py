"""Golden outputs: every command's output for fixed plan files, byte for byte.

The inputs are plan files under `tests/golden/inputs/` (a family of three with papers and money,
the longest scenario with every assumption set, the defaults, and a format-1 file to migrate).
Each case runs one command of the command line on a copy of its input and compares what it
printed and what it wrote with `tests/golden/<case>.*`. Only what changes from run to run is
normalised: the DTSTAMP of calendar events, their SEQUENCE (counted from the time of a plan's first
export; kept as their order) and the temporary folder's path. PDFs are compared by
their page count, page size and text layer (`pdftotext -layout`).

A change of structure must leave every file alone. After an intended change of an output,
rewrite them with `CARTE_REGENERATE_GOLDEN=1 python -m pytest tests/test_golden_outputs.py` and
review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from carte_planner.cli import main

GOLDEN = Path(__file__).parent / "golden"
INPUTS = GOLDEN / "inputs"
REGENERATE = os.environ.get("CARTE_REGENERATE_GOLDEN") == "1"
TODAY = ("--today", "2027-01-04")

# case name: (input plan file, the command's arguments, the file it writes or "")
CASES: dict[str, tuple[str, tuple[str, ...], str]] = {
    # the family of three: routes, turns, team rules, the sheet, papers and money
    "family-plan-en": ("family", ("plan", "--lang", "en"), ""),
    "family-plan-json": ("family", ("plan", "--format", "json", "--lang", "en"), ""),
    "family-plan-ar": ("family", ("plan", "--lang", "ar"), ""),
    "family-export-en": ("family", ("export", "--lang", "en", "-o", "{out}"), "out.ics"),
    "family-export-discreet-ru": ("family", ("export", "--lang", "ru", "--discreet", "-o", "{out}"), "out.ics"),
    "family-export-holidays-zh": (
        "family",
        ("export", "--lang", "zh_CN", "--holidays", "--calendar-lang", "zh_CN", "-o", "{out}"),
        "out.ics",
    ),
    "family-checklist-en": ("family", ("checklist", "--lang", "en"), ""),
    "family-checklist-markdown-ru": ("family", ("checklist", "--lang", "ru", "--format", "markdown"), ""),
    "family-checklist-pdf-en": ("family", ("checklist", "--lang", "en", "--pdf", "{out}"), "out.pdf"),
    "family-checklist-pdf-ar": ("family", ("checklist", "--lang", "ar", "--pdf", "{out}"), "out.pdf"),
    "family-sheet-pdf-en": ("family", ("sheet", "--lang", "en", "--pdf", "{out}"), "out.pdf"),
    "family-cards-pdf-ru": ("family", ("cards", "--lang", "ru", "--pdf", "{out}", "--paper", "letter"), "out.pdf"),
    "family-documents-en": ("family", ("documents", "--lang", "en"), ""),
    "family-documents-packet-zh": ("family", ("documents", "--lang", "zh_CN", "--packet", "consulate"), ""),
    "family-documents-pdf-en": ("family", ("documents", "--lang", "en", "--pdf", "{out}"), "out.pdf"),
    "family-handover-pdf-en": ("family", ("handover", "--lang", "en", "--pdf", "{out}"), "out.pdf"),
    "family-budget-en": ("family", ("budget", "--lang", "en"), ""),
    "family-budget-json": ("family", ("budget", "--lang", "en", "--format", "json"), ""),
    "family-budget-csv-ar": ("family", ("budget", "--lang", "ar", "--format", "csv"), ""),
    "family-budget-pdf-en": ("family", ("budget", "--lang", "en", "--pdf", "{out}"), "out.pdf"),
    "family-share-en": (
        "family",
        ("share", "--lang", "en", "--html", "{out}", "--with-address", "--with-phones"),
        "out.html",
    ),
    "family-what-if-en": ("family", ("what-if", "--lang", "en", "--delay", "manufacturing=10"), ""),
    "family-what-if-json": (
        "family",
        ("what-if", "--lang", "en", "--format", "json", "--delay", "manufacturing=10", "--readmission", "7"),
        "",
    ),
    "family-resave": ("family", ("plan", "--lang", "en", "--save", "{out}"), "out.carteplan"),
    # the longest scenario, going home during manufacturing, every assumption set
    "longest-plan-en": ("longest", ("plan", "--lang", "en"), ""),
    "longest-plan-json": ("longest", ("plan", "--format", "json", "--lang", "en"), ""),
    "longest-plan-zh": ("longest", ("plan", "--lang", "zh_CN"), ""),
    "longest-export-ar": ("longest", ("export", "--lang", "ar", "-o", "{out}"), "out.ics"),
    "longest-checklist-pdf-zh": ("longest", ("checklist", "--lang", "zh_CN", "--pdf", "{out}"), "out.pdf"),
    "longest-what-if-ru": ("longest", ("what-if", "--lang", "ru", "--recollect", "--transplant", "30"), ""),
    "longest-changed-en": (
        "longest",
        ("plan", "--lang", "en", "--phase", "manufacturing=30", "--travellers", "3", "--no-go-home"),
        "",
    ),
    # the defaults
    "defaults-plan-ru": ("defaults", ("plan", "--lang", "ru"), ""),
    "defaults-export-en": ("defaults", ("export", "--lang", "en", "-o", "{out}"), "out.ics"),
    "defaults-sheet-pdf-zh": ("defaults", ("sheet", "--lang", "zh_CN", "--pdf", "{out}"), "out.pdf"),
    "defaults-checklist-markdown-ar": ("defaults", ("checklist", "--lang", "ar", "--format", "markdown"), ""),
    # a plan file of the first format, opened and saved in today's
    "format-1-resave": ("format-1", ("plan", "--lang", "en", "--save", "{out}"), "out.carteplan"),
    "format-1-plan-json": ("format-1", ("plan", "--lang", "en", "--format", "json"), ""),
}

_DTSTAMP = re.compile(r"^DTSTAMP:\d{8}T\d{6}Z(?=\r?$)", re.MULTILINE)
_SEQUENCE = re.compile(r"^SEQUENCE:(\d+)(?=\r?$)", re.MULTILINE)


def _sequences_in_order(text: str) -> str:
    ranks = {value: rank for rank, value in enumerate(sorted({int(v) for v in _SEQUENCE.findall(text)}))}
    return _SEQUENCE.sub(lambda match: f"SEQUENCE:s{ranks[int(match.group(1))]}", text)


def _pdf_text(path: Path) -> str:
    """Page count, page size and the text layer of a PDF: what a reader sees, without the
    creation date and the object layout that change from run to run."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    kept = [line for line in info.splitlines() if line.startswith(("Pages:", "Page size:"))]
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return "\n".join(kept) + "\n----\n" + text


def _written(path: Path) -> str:
    if path.suffix == ".pdf":
        return _pdf_text(path)
    text = path.read_bytes().decode("utf-8")
    if path.suffix == ".ics":
        text = _sequences_in_order(_DTSTAMP.sub("DTSTAMP:normalised", text))
    return text


def _compare(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if REGENERATE:
        golden.write_bytes(actual.encode("utf-8"))
        return
    assert golden.exists(), f"no golden file {golden.name}: run with CARTE_REGENERATE_GOLDEN=1 and review"
    expected = golden.read_bytes().decode("utf-8")
    assert actual == expected, f"{golden.name} differs from what the command gives now"


def _case(name: str):
    # A PDF is written through Qt: that case is left out of the Qt-free run (`make test-fast`).
    return pytest.param(name, marks=pytest.mark.qt) if CASES[name][2].endswith(".pdf") else name


@pytest.mark.parametrize("case", [_case(name) for name in sorted(CASES)])
def test_each_output_is_as_before(case, tmp_path, capsys):
    source, arguments, written = CASES[case]
    plan = tmp_path / f"{source}.carteplan"
    shutil.copyfile(INPUTS / f"{source}.carteplan", plan)
    out = tmp_path / written if written else None
    argv = [a.replace("{out}", str(out)) for a in arguments]
    command, rest = argv[0], argv[1:]
    code = main([command, "--plan", str(plan), *TODAY, *rest])
    printed, errors = capsys.readouterr()
    report = f"exit {code}\n--- stdout\n{printed}--- stderr\n{errors}".replace(str(tmp_path), "{tmp}")
    _compare(f"{case}.out", report)
    if out is not None:
        assert out.exists(), f"{case} wrote no {out.name}: {errors}"
        _compare(f"{case}{out.suffix}.golden", _written(out))


def test_pdf_text_needs_the_poppler_tools():
    """The PDF cases read PDFs with poppler's tools; without them they cannot compare anything."""
    for tool in ("pdfinfo", "pdftotext"):
        assert shutil.which(tool), f"{tool} is missing: install poppler-utils"
