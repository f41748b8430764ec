"""The import contracts of pyproject.toml ([tool.importlinter]): the layers of the design, a
pure domain and i18n, and no cycles. They hold for the package, and each fails when broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# `lint-imports`, run by this interpreter wherever its scripts folder is.
LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the `carte_planner` package found in `project`, with its contracts."""
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo", str(project / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=project,
        # The package of `project` comes first, before the installed one.
        env={**os.environ, "PYTHONPATH": str(project)},
        timeout=300,
    )


def test_the_package_keeps_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    """A copy of the package and its contracts, to break."""
    folder = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    shutil.copytree(ROOT / "carte_planner", folder / "carte_planner", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def broken_with(copy: Path, module: str, code: str) -> str:
    """The report of import-linter on the copy with `code` added to `module` (then taken out)."""
    path = copy / Path(*module.split(".")).with_suffix(".py")
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\n\n" + code + "\n", encoding="utf-8")
    try:
        result = lint_imports(copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0, result.stdout
    return result.stdout


def test_the_domain_reading_a_data_file_breaks_the_contracts(copy):
    report = broken_with(copy, "carte_planner.domain.phases", "from carte_planner.resources import load_protocol")
    assert "carte_planner.domain is not allowed to import carte_planner.resources" in report
    assert "BROKEN" in report


def test_an_import_hidden_in_a_function_is_seen(copy):
    code = "def protocol():\n    from carte_planner.resources import load_protocol\n\n    return load_protocol()"
    report = broken_with(copy, "carte_planner.domain.planner", code)
    assert "carte_planner.domain.planner -> carte_planner.resources" in report


def test_the_words_importing_the_domain_break_the_leaf(copy):
    report = broken_with(copy, "carte_planner.i18n.text", "import carte_planner.domain.errors")
    assert "carte_planner.i18n is not allowed to import carte_planner.domain" in report


def test_an_export_that_imports_the_window_breaks_the_layers(copy):
    report = broken_with(copy, "carte_planner.export.ics", "import carte_planner.ui.palette")
    assert "carte_planner.export is not allowed to import carte_planner.ui" in report


def test_the_domain_reading_holiday_tables_itself_breaks_the_contracts(copy):
    report = broken_with(copy, "carte_planner.domain.office_days", "import holidays")
    assert "carte_planner.domain is not allowed to import holidays" in report


def test_a_cycle_between_domain_modules_is_refused(copy):
    # protocol.py is imported by journey.py; importing journey back closes a cycle.
    report = broken_with(copy, "carte_planner.domain.protocol", "import carte_planner.domain.journey")
    assert "No cycles are allowed in carte_planner.domain" in report
