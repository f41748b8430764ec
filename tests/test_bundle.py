"""The standalone program built by `make bundle`, unpacked from its archive as a user would,
run with no Python on the PATH, no PYTHONPATH and a fresh HOME (`make bundle-test`)."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from carte_planner import __version__

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
HOSPITAL_ZH = "北京大学人民医院"
ADDRESS_ZH = "北京市西城区西直门南大街11号"
LINUX = sys.platform.startswith("linux")


@pytest.fixture(scope="module")
def program(tmp_path_factory) -> Path:
    """The command-line program inside a freshly unpacked copy of the archive."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    archives = sorted(DIST.glob(f"carte-planner-{__version__}-{system}-*.*"))
    archives = [path for path in archives if path.name.endswith((".tar.gz", ".zip"))]
    if not archives:
        pytest.fail(f"no bundle archive for version {__version__} in {DIST}: run `make bundle` first")
    folder = tmp_path_factory.mktemp("unpacked")
    if archives[-1].name.endswith(".tar.gz"):
        with tarfile.open(archives[-1]) as tar:
            tar.extractall(folder, filter="tar")
    elif sys.platform == "darwin":  # ditto keeps the application bundle's links and modes
        subprocess.run(["ditto", "-x", "-k", str(archives[-1]), str(folder)], check=True)
    else:
        with zipfile.ZipFile(archives[-1]) as packed:
            packed.extractall(folder)
    (top,) = folder.iterdir()
    start_here = (top / "START HERE.txt").read_text(encoding="utf-8")
    assert "estimates" in start_here
    if LINUX:  # the oldest glibc it runs on, which is at most the one it was built and run on
        needed = re.search(r"with glibc 2\.(\d+)", start_here)
        assert needed is not None
        assert int(needed[1]) <= int(platform.libc_ver()[1].split(".")[1])
    if sys.platform == "darwin":
        return top / "Carte Planner.app" / "Contents" / "MacOS" / "carte-planner"
    return top / ("carte-planner.exe" if sys.platform == "win32" else "carte-planner")


@pytest.fixture
def bare_env(tmp_path) -> dict[str, str]:
    """What a double-click gives the program at most: a locale and a home. The PATH holds one
    empty folder, so nothing the program could exec (Python least of all) is found."""
    empty = tmp_path / "bin"
    empty.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": str(empty), "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    if sys.platform == "win32":  # Windows itself cannot start a program without these
        env |= {name: os.environ[name] for name in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP") if name in os.environ}
        env |= {"USERPROFILE": str(home), "APPDATA": str(home / "AppData"), "LOCALAPPDATA": str(home / "Local")}
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def run(program: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=300
    )


def test_version(program, bare_env, tmp_path):
    result = run(program, "--version", env=bare_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == f"Carte Planner {__version__}"
    # The data the dates rest on: China's published holidays, and the one tz database used.
    assert "official arrangements published up to" in lines[1]
    assert lines[2].startswith("Time zones: tzdata ")


def test_export_writes_a_calendar_that_vobject_reads(program, bare_env, tmp_path):
    vobject = pytest.importorskip("vobject")
    output = tmp_path / "journey.ics"
    result = run(
        program,
        *("export", "--start", "2027-03-01", "--city", "Beijing", "--home-tz", "America/New_York"),
        *("--today", "2027-01-04", "-o", str(output)),
        env=bare_env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    calendar = vobject.readOne(output.read_text(encoding="utf-8"))
    events = calendar.contents["vevent"]
    assert len(events) > 20
    flights = [event for event in events if getattr(event.dtstart.value, "tzinfo", None) is not None]
    # The outbound flight leaves New York at 10:00 local time, read from the file's own zones.
    departure = min(flight.dtstart.value for flight in flights)
    assert (departure.hour, departure.utcoffset().total_seconds()) == (10, -5 * 3600)


@pytest.mark.parametrize(
    ("zone", "language", "name"),
    [
        (
            "Europe/Berlin",
            "en",
            "Chinese New Year (Spring Festival) (provisional: check the official holiday notice for 2040)",
        ),
        ("Europe/Moscow", "ru", "Россия: Новогодние каникулы"),  # the library's Russian catalogue
    ],
    ids=["English", "Russian"],
)
def test_a_plan_beyond_the_shipped_holiday_years_matches_the_source_install(
    program, bare_env, tmp_path, zone, language, name
):
    """Years outside resources/holidays ask the holidays library, with its name catalogues."""
    arguments = ["plan", "--start", "2040-01-20", "--city", "Beijing", "--home-tz", zone, "--lang", language]
    arguments += ["--today", "2039-11-01"]
    result = run(program, *arguments, env=bare_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert name in result.stdout
    source = subprocess.run(
        [sys.executable, "-m", "carte_planner", *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "HOME": bare_env["HOME"]},
        check=True,
    )
    assert result.stdout == source.stdout


def test_checklist_pdf_keeps_the_chinese_text(program, bare_env, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    output = tmp_path / "checklist.pdf"
    result = run(
        program,
        *("checklist", "--start", "2027-03-01", "--city", "北京", "--today", "2027-01-04"),
        *("--hospital-name-zh", HOSPITAL_ZH, "--hospital-address-zh", ADDRESS_ZH, "--pdf", str(output)),
        env=bare_env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(output), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert HOSPITAL_ZH in text
    assert ADDRESS_ZH in text
    assert "Beijing (北京)" in text


def test_arabic_sheet_copies_out_as_letters(program, bare_env, tmp_path):
    """The PDF's text layer is rewritten by pypdf, loaded only when a PDF is written."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    output = tmp_path / "sheet.pdf"
    arguments = ("sheet", "--start", "2027-03-01", "--city", "北京", "--today", "2027-01-04", "--lang", "ar")
    result = run(program, *arguments, "--pdf", str(output), env=bare_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(output), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "عنوان المستشفى" in text
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufefe]", text)


def test_window_opens_offscreen(program, bare_env, tmp_path):
    result = run(program, "--exit-after-show", env=bare_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Window: Untitled plan — Carte Planner"


def test_qts_own_words_come_along_in_each_language(program, bare_env, tmp_path):
    """Standard buttons, context menus and Qt's dialogs speak Chinese, Russian and Arabic
    only with Qt's catalogues, which the bundle keeps while trimming the rest."""
    unpacked = program.parents[3] if sys.platform == "darwin" else program.parent
    kept = {path.name for path in unpacked.rglob("qtbase_*.qm")}
    assert {"qtbase_zh_CN.qm", "qtbase_ru.qm", "qtbase_ar.qm"} <= kept
    for language in ("zh_CN", "ru", "ar"):
        result = run(program, "--lang", language, "--exit-after-show", env=bare_env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "Qt's standard buttons and menus stay in English" not in result.stderr


def test_window_opens_the_plan_file_given(program, bare_env, tmp_path):
    plan = tmp_path / "广州 trip.carteplan"
    shutil.copy(ROOT / "tests" / "data" / "plan-format-1.carteplan", plan)
    result = run(program, str(plan), "--exit-after-show", env=bare_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Window: 广州 trip — Carte Planner"


def test_a_damaged_plan_file_is_explained(program, bare_env, tmp_path):
    plan = tmp_path / "damaged.carteplan"
    plan.write_text("{ not a plan", encoding="utf-8")
    result = run(program, str(plan), "--exit-after-show", env=bare_env, cwd=tmp_path)
    assert result.returncode == 2
    assert f"Could not open {plan}: it is damaged or not a Carte Planner plan" in result.stderr
    assert plan.read_text(encoding="utf-8") == "{ not a plan"


@pytest.mark.skipif(not LINUX, reason="X11 is the Linux desktop's")
def test_window_opens_on_an_x_display(program, bare_env, tmp_path):
    """The xcb platform plugin and the libraries it needs came along in the bundle."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed")
    read_end, write_end = os.pipe()
    # -displayfd: the server picks a free display and writes its number once it accepts clients.
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"], pass_fds=[write_end]
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as ready:
            display = ":" + ready.readline().strip()
        env = {**bare_env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        result = run(program, "--exit-after-show", env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "Window: Untitled plan — Carte Planner"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.skipif(not LINUX, reason="desktop entries are the Linux desktop's")
def test_desktop_entry_installs_for_this_user_and_starts_the_bundle(program, bare_env, tmp_path):
    tools = ("update-mime-database", "update-desktop-database", "gio")
    if any(shutil.which(tool) is None for tool in tools):
        pytest.skip("shared-mime-info, desktop-file-utils or gio (libglib2.0-bin) is not installed")
    # The desktop's cache tools, as a desktop session's PATH has them; still no Python.
    for tool in tools[:2]:
        (Path(bare_env["PATH"]) / tool).symlink_to(shutil.which(tool))
    result = run(program, "--install-desktop-entry", env=bare_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    share = Path(bare_env["HOME"]) / ".local" / "share"
    entry = share / "applications" / "carte-planner.desktop"
    assert f"Exec={program.resolve()} %f" in entry.read_text(encoding="utf-8").splitlines()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / "carte-planner.png").is_file()

    # What a GIO file manager (GNOME Files and others) does on a double-click on a plan.
    plan = tmp_path / "journey.carteplan"
    shutil.copy(ROOT / "tests" / "data" / "plan-format-1.carteplan", plan)
    env = {**bare_env, "PATH": os.environ["PATH"], "XDG_DATA_DIRS": "/usr/local/share:/usr/share"}
    info = subprocess.run(
        ["gio", "info", "-a", "standard::content-type", str(plan)], capture_output=True, text=True, env=env
    )
    assert "standard::content-type: application/x-carteplan" in info.stdout
    default = subprocess.run(["gio", "mime", "application/x-carteplan"], capture_output=True, text=True, env=env)
    assert default.stdout.splitlines()[0].endswith(": carte-planner.desktop")

    result = run(program, "--uninstall-desktop-entry", env=bare_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not entry.exists()
