"""The layers stay apart: domain, export, storage and publish never import Qt."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "carte_planner"


@pytest.mark.parametrize("layer", ["domain", "export", "storage", "publish"])
def test_layer_source_never_names_qt(layer):
    for path in (PACKAGE / layer).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide6", "shiboken6", "carte_planner.ui")), f"{path}: {name}"


def test_planning_and_exporting_load_no_qt():
    code = (
        "import sys\n"
        "from datetime import date, datetime, UTC\n"
        "from carte_planner.domain import TripRequest, plan_journey\n"
        "from carte_planner.export.ics import ExportOptions, export_ics\n"
        "from carte_planner.export.agenda import journey_text\n"
        "from carte_planner.shipped import shipped_reference\n"
        "from carte_planner.startup import start\n"
        "import carte_planner.storage.atomic\n"
        "start()\n"
        "j = plan_journey(TripRequest(start=date(2027, 3, 1)), date(2027, 1, 1), shipped_reference())\n"
        "export_ics(j, ExportOptions('p', datetime.now(UTC)))\n"
        "journey_text(j)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_only_the_publishing_layer_names_the_network_and_keyring_libraries():
    for path in PACKAGE.rglob("*.py"):
        if "publish" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("caldav", "keyring", "niquests")), f"{path}: {name}"
