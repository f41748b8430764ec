"""`make test-fast` runs the domain, export, storage and command-line tests with Qt blocked:
this file, itself run by `make test`, keeps that run possible."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_without_qt(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CARTE_TESTS_WITHOUT_QT": "1", "HYPOTHESIS_PROFILE": "quick"}
    env.pop("PYTEST_XDIST_WORKER", None)
    command = [sys.executable, "-m", "pytest", "-p", "no:pytest-qt", "-p", "no:cacheprovider", *arguments]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def test_the_qt_free_tests_are_collected_with_qt_blocked():
    """The configuration and every test module left in the fast run import no Qt: one that did
    would fail to import here."""
    result = run_without_qt("--collect-only", "-q", "-m", "not bundle and not server")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    collected = re.search(r"(\d+)/(\d+) tests collected \((\d+) deselected\)", result.stdout)
    assert collected, result.stdout[-500:]
    kept, everything, left_out = map(int, collected.groups())
    assert kept + left_out == everything
    assert kept > 500
    assert left_out > 50  # the publishing tests, and those that need Qt without importing it
    listed = result.stdout
    assert "tests/test_planner.py::" in listed
    assert "tests/test_planfile.py::" in listed
    assert "tests/test_window.py::" not in listed
    assert "tests/test_document_signals.py::" not in listed
    assert "tests/test_hospital_sheet.py::test_the_sheet_reads_like_a_chinese_patient_form" not in listed


def test_qt_cannot_be_imported_in_the_fast_run(tmp_path):
    """A domain test that reached for Qt would fail there, not pass quietly."""
    probe = tmp_path / "test_reaches_for_qt.py"
    probe.write_text(
        "import pytest\n\n\ndef test_imports_qt():\n"
        "    with pytest.raises(ImportError, match='blocked'):\n"
        "        import PySide6.QtCore  # noqa: F401\n",
        encoding="utf-8",
    )
    # The probe lies outside tests/: the configuration is loaded as a plugin, as conftest.py is there.
    result = run_without_qt(
        "-q", "-p", "tests.conftest", "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"), str(probe)
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout
