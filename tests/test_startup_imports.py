"""Start-up pays only for what the first window needs: export and print code load on demand."""

import subprocess
import sys

EXPORT_ONLY = [
    "icalendar",
    "vobject",
    "PySide6.QtPrintSupport",
    "carte_planner.export.ics",
    "carte_planner.export.checklist_document",
    "carte_planner.ui.printing",
    "carte_planner.export.pdf_text_layer",
    "pypdf",
    # Publishing to a calendar server loads its network and keyring libraries only when asked.
    "caldav",
    "keyring",
    "niquests",
    "carte_planner.publish.sync",
    "carte_planner.publish.server",
    "carte_planner.publish.credentials",
    "carte_planner.cli.publish",
    # What if: the panel and its planning load when the family asks the question.
    "carte_planner.ui.what_if_panel",
    "carte_planner.domain.contingency",
    "carte_planner.domain.what_if",
]

OPEN_THE_WINDOW = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from carte_planner.ui.app import check_resources, make_app
from carte_planner.ui.main_window import MainWindow
import carte_planner.cli
folder = Path(tempfile.mkdtemp())
app = make_app(sys.argv[:1])
assert check_resources() is None
window = MainWindow(settings=QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat), autosave_folder=folder)
window.show()
app.processEvents()
print("\\n".join(sorted(sys.modules)))
"""


def test_export_and_print_modules_are_not_loaded_at_start_up():
    result = subprocess.run(
        [sys.executable, "-c", OPEN_THE_WINDOW],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    loaded = set(result.stdout.split())
    assert "carte_planner.ui.main_window" in loaded
    assert [name for name in EXPORT_ONLY if name in loaded] == []
