"""Test configuration: Qt runs offscreen, hypothesis keeps a small default profile, and the
publishing tests share one calendar server per test process.

This file imports no Qt: the window's fixtures live in `tests/window_fixtures.py`, loaded as a
plugin unless CARTE_TESTS_WITHOUT_QT=1 (`make test-fast`), which blocks PySide6 and collects
only the tests that need no Qt."""

import atexit
import importlib.abc
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WITHOUT_QT = os.environ.get("CARTE_TESTS_WITHOUT_QT") == "1"


class _BlockQt(importlib.abc.MetaPathFinder):
    """Makes any import of Qt fail in the Qt-free run, so that a test that needs Qt cannot pass
    there by accident."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "pytestqt"):
            raise ImportError(f"{name} is blocked: CARTE_TESTS_WITHOUT_QT=1 runs only the tests that need no Qt")
        return None


if WITHOUT_QT:
    sys.meta_path.insert(0, _BlockQt())
else:
    pytest_plugins = ["tests.window_fixtures"]


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
# Each test process has its own temporary folder, where Qt keeps its local sockets too: an app
# a test starts reaches neither the user's own Carte Planner nor one another test process
# (an xdist worker) started.
_TEMPORARY = Path(tempfile.mkdtemp(prefix="cp-tests-"))
atexit.register(shutil.rmtree, _TEMPORARY, ignore_errors=True)
os.environ["TMPDIR"] = str(_TEMPORARY)
# The tests never read or write the system keyring; those that need one set up their own.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The tests start as the application does: one time-zone database, the newer of the system's
# and the packaged one, and the shipped catalogues (every test, whatever ran before it).
from carte_planner.startup import start  # noqa: E402

start()

import pytest  # noqa: E402

# The fixtures of pytest-qt and of tests/window_fixtures.py: a test that asks for one, itself or
# through another fixture, needs Qt.
QT_FIXTURES = {"qapp", "qtbot", "qapp_args", "qapp_cls", "qtmodeltester", "qtlog", "window", "saved_window", "settings"}


def pytest_addoption(parser, pluginmanager):
    # Without pytest-qt (the Qt-free run) its settings in pyproject.toml are still known, so
    # that --strict-config accepts them.
    if not pluginmanager.has_plugin("pytest-qt"):
        parser.addini("qt_api", "pytest-qt's Qt binding (unused without Qt)")
        parser.addini("qt_log_level_fail", "pytest-qt's log level (unused without Qt)")
        parser.addini("qt_log_ignore", "pytest-qt's ignored messages (unused without Qt)", type="linelist")


def pytest_configure(config):
    if WITHOUT_QT and config.pluginmanager.has_plugin("pytest-qt"):
        raise pytest.UsageError("CARTE_TESTS_WITHOUT_QT=1 needs `-p no:pytest-qt`: run it as `make test-fast`")


def _needs_qt(path: Path) -> bool:
    """Whether a test module imports Qt, the window or a window helper at its top level."""
    import ast

    tree = ast.parse(path.read_bytes(), filename=str(path))
    for node in tree.body:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        if any(_qt_module(name) for name in names):
            return True
    return False


def _qt_module(name: str) -> bool:
    return name.split(".")[0] in ("PySide6", "pytestqt") or name.startswith(
        ("carte_planner.ui", "tests.gui", "tests.window_fixtures", "tests.window_probe", "tests.journey_probe")
    )


def pytest_ignore_collect(collection_path, config):
    if WITHOUT_QT and collection_path.suffix == ".py" and collection_path.name.startswith("test_"):
        return _needs_qt(collection_path) or None
    return None


# A test that asks for one of these talks to a real calendar server (marked `server`).
SERVER_FIXTURES = {
    "radicale",
    "tls_radicale",
    "xandikos",
    "caldav_server",
    "radicale_server",
    "tls_radicale_server",
    "xandikos_server",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)
    if not WITHOUT_QT:
        return
    kept, needing_qt = [], []
    for item in items:
        qt = item.get_closest_marker("qt") or QT_FIXTURES & set(getattr(item, "fixturenames", ()))
        (needing_qt if qt else kept).append(item)
    if needing_qt:
        config.hook.pytest_deselected(items=needing_qt)
        items[:] = kept


# -- a calendar server and a keyring, for the publishing tests -----------------------------


@pytest.fixture(scope="session")
def certificate(tmp_path_factory):
    """One self-signed certificate (and its RSA key) for 127.0.0.1, for the whole test process."""
    from tests.caldav_server import self_signed_certificate

    return self_signed_certificate(tmp_path_factory.mktemp("certificate"))


@pytest.fixture(scope="session")
def radicale_server(tmp_path_factory) -> Iterator[object]:
    """One Radicale process for the whole test process (each xdist worker has its own)."""
    from tests.caldav_server import RadicaleServer

    server = RadicaleServer(tmp_path_factory.mktemp("radicale"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def tls_radicale_server(tmp_path_factory, certificate) -> Iterator[object]:
    """The same over HTTPS, with the session's self-signed certificate."""
    from tests.caldav_server import RadicaleServer

    server = RadicaleServer(tmp_path_factory.mktemp("tls-radicale"), tls=certificate)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def radicale(radicale_server):
    """The session's Radicale with an empty account: each test starts with no calendar."""
    radicale_server.fresh_account()
    return radicale_server


@pytest.fixture
def tls_radicale(tls_radicale_server):
    """The session's HTTPS Radicale with an empty account."""
    tls_radicale_server.fresh_account()
    return tls_radicale_server


@pytest.fixture(scope="session")
def xandikos_server(tmp_path_factory) -> Iterator[object]:
    """One Xandikos process for the whole test process, when Debian's xandikos package is
    installed (else skipped, or failed on CI)."""
    from tests.caldav_server import XandikosServer
    from tests.tools import require

    require("xandikos", "xandikos")
    server = XandikosServer(tmp_path_factory.mktemp("xandikos"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def xandikos(xandikos_server):
    """The session's Xandikos with the account as new: its own empty calendar and no other."""
    xandikos_server.fresh_account()
    return xandikos_server


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
