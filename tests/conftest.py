"""Test configuration: Qt runs offscreen, hypothesis keeps a small default profile."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _test_home() -> Path:
    """The settings, data and caches of this test run, in the build folder and removed after it:
    the tests never write under the user's home (~/.config, ~/.local/share, ~/.qttest)."""
    build = Path(__file__).resolve().parent.parent / "build"
    try:
        build.mkdir(exist_ok=True)
        home = Path(tempfile.mkdtemp(prefix="test-home-", dir=build))
    except OSError:
        home = Path(tempfile.mkdtemp(prefix="carte-planner-test-home-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return home


TEST_HOME = _test_home()
for _variable, _folder in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
):
    os.environ[_variable] = str(TEST_HOME / _folder)
# The tests never read or write the system keyring; those that need one set up their own.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The tests start as the application does: one time-zone database, the newer of the system's
# and the packaged one, and the shipped catalogues (every test, whatever ran before it).
from carte_planner.startup import start  # noqa: E402

start()


# -- the window, for GUI tests -------------------------------------------------------------

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

from carte_planner.domain import TripRequest  # noqa: E402
from carte_planner.domain.plan import Plan  # noqa: E402
from carte_planner.ui.document import PlanDocument  # noqa: E402
from carte_planner.ui.main_window import MainWindow  # noqa: E402
from tests.gui import forget_changes, settings_folder  # noqa: E402
from tests.journeys import REFERENCE, START, TODAY  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A dialog nobody answers would hang the test run: fail instead."""

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", unexpected)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", unexpected)


@pytest.fixture
def window(qtbot, settings):
    request = TripRequest(start=START, city="shanghai", home_tz="Europe/Berlin")
    document = PlanDocument(Plan(request, "plan-test"), TODAY, reference=REFERENCE)
    win = MainWindow(document, settings, autosave_folder=settings_folder(settings) / "data")
    qtbot.addWidget(win, before_close_func=forget_changes)
    win.show()
    qtbot.waitExposed(win)
    # The offscreen test screen (800×600) is narrower than the window wants, so the window
    # starts without its request panel there; the tests drive the panel, and the agenda beside
    # it, as in a window wide enough for both.
    QApplication.processEvents()  # the window has fitted itself to the screen
    win.resize(1500, 900)
    win.show_panel(True)
    qtbot.waitUntil(win.agenda.isVisible)
    return win


@pytest.fixture
def saved_window(window, tmp_path):
    """The window on a plan saved to a file: the window publishes only a plan that can keep
    its record of the server."""
    from carte_planner.storage.planfile import save_plan

    path = tmp_path / "trip.carteplan"
    save_plan(path, window.document.plan)
    assert window.open_plan(path)
    return window


# -- a calendar server and a keyring, for the publishing tests -----------------------------


@pytest.fixture
def radicale(tmp_path):
    from tests.caldav_server import RadicaleServer

    server = RadicaleServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def xandikos(tmp_path):
    """A Xandikos server, when Debian's xandikos package is installed (else skipped)."""
    from tests.caldav_server import XandikosServer

    if XandikosServer.command() is None:
        pytest.skip("the xandikos command is not installed (Debian package xandikos)")
    server = XandikosServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["radicale", "xandikos"])
def caldav_server(request):
    """Each real server the publishing must behave the same on, one after the other."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def memory_keyring():
    import keyring

    from tests.memory_keyring import MemoryKeyring

    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def small_disk(tmp_path):
    """A real, nearly full file system (a small tmpfs; root only, else skipped with a reason)."""
    from tests.disks import mounted_small_disk

    yield from mounted_small_disk(tmp_path)
