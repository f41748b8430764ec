"""Start-up pays only for what the first window needs: export and print code load on demand."""

import os
import subprocess
import sys
from pathlib import Path

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
from carte_planner.ui.app import load_reference, make_app
from carte_planner.ui.main_window import MainWindow
import carte_planner.cli
folder = Path(tempfile.mkdtemp())
app = make_app(sys.argv[:1])
reference = load_reference()
assert not isinstance(reference, str), reference
settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(settings=settings, autosave_folder=folder, reference=reference)
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


# Through the command line, as a user starts it: the order in which modules are first imported.
START_THE_WINDOW = """
import sys
order = []
class Recorder:
    def find_spec(self, name, path=None, target=None):
        order.append(name)
        return None
sys.meta_path.insert(0, Recorder())
from carte_planner.cli import main
status = main(["--exit-after-show"])
print("\\n".join(order))
import linecache
print("\\n".join("read: " + path for path in linecache.cache))
sys.exit(status)
"""


def start_the_window(home: Path) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_CONFIG_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-c", START_THE_WINDOW], capture_output=True, text=True, check=True, env=env, timeout=120
    )
    return [line for line in result.stdout.splitlines() if not line.startswith("Window:")]


def test_the_window_imports_its_qt_free_modules_before_qt(tmp_path: Path):
    # PySide6's import hook reads the source of each module imported after it: the window's
    # start imports the Qt-free ones first (carte_planner/ui/launch.py, BEFORE_QT).
    order = [line for line in start_the_window(tmp_path) if not line.startswith("read: ")]
    assert "carte_planner.ui.main_window" in order
    after_qt = order[order.index("PySide6") :]
    late = [name for name in after_qt if name.startswith("carte_planner.") and not name.startswith("carte_planner.ui.")]
    assert late == []


def test_the_window_start_keeps_no_module_source_in_memory(tmp_path: Path):
    # PySide6's hook would read (and keep, in linecache) the source of each module an import
    # statement names after Qt is loaded; the start tells it which it need not search.
    read = [line.removeprefix("read: ") for line in start_the_window(tmp_path) if line.startswith("read: ")]
    assert [path for path in read if "carte_planner" in path or "dateutil" in path] == []
    assert len(read) < 10, read
