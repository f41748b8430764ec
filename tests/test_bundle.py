"""The standalone program built by `make bundle`, unpacked from its archive as a user would,
run with no Python on the PATH, no PYTHONPATH and a fresh HOME (`make bundle-test`)."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from datetime import date
from functools import cmp_to_key
from pathlib import Path

import pytest

from carte_planner import __version__
from tests.test_golden_outputs import CASES as GOLDEN_CASES
from tests.test_golden_outputs import GOLDEN
from tests.test_golden_outputs import INPUTS as GOLDEN_INPUTS
from tests.test_golden_outputs import TODAY as GOLDEN_TODAY
from tests.test_golden_outputs import _written as written_output

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


def test_publishes_over_tls_after_the_user_trusts_the_servers_certificate(program, bare_env, tmp_path):
    """Publishing from the bundle: TLS, HTTP and the CalDAV client's XML, against a real server."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    pytest.importorskip("radicale")
    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.storage.planfile import save_plan
    from tests.caldav_server import PASSWORD, USER, RadicaleServer, self_signed_certificate

    plan = tmp_path / "trip.carteplan"
    request = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)
    save_plan(plan, Plan(request, "plan-bundle"))
    server = RadicaleServer(tmp_path, tls=self_signed_certificate(tmp_path))
    server.start()
    env = {**bare_env, "CARTE_PLANNER_CALDAV_PASSWORD": PASSWORD}
    publish = ["publish", "--plan", str(plan), "--url", server.url, "--user", USER, "--today", "2027-01-04"]
    try:
        refused = run(program, *publish, env=env, cwd=tmp_path)
        assert refused.returncode == 2, refused.stderr
        assert "self-signed" in refused.stderr
        fingerprint = refused.stderr.rsplit("--trust-certificate ", 1)[1].strip()
        assert server.items() == {}

        published = run(program, *publish, "--trust-certificate", fingerprint, env=env, cwd=tmp_path)
        assert (published.returncode, published.stderr) == (0, "")
        assert "Published to “CAR-T journey — Shanghai”:" in published.stdout
        assert "not encrypted" not in published.stdout
        stored = server.items()
        created = re.search(r"(\d+) created", published.stdout)
        assert created is not None
        assert int(created[1]) == len(stored) > 20
        assert any(b"SUMMARY:Screening" in data for data in stored.values())
    finally:
        server.stop()


@pytest.mark.skipif(not LINUX, reason="only the Linux bundle carries ICU, with its data cut to what Qt asks for")
def test_qts_icu_still_sorts_chinese_names_time_zones_and_reads_old_encodings(program):
    """QtCore asks ICU to sort (file dialogs), name time zones and convert legacy encodings;
    the bundle's ICU data keeps what those calls read (packaging/icu_data.py)."""
    import ctypes

    folder = program.parent / "_internal" / "PySide6" / "Qt" / "lib"
    (common,) = folder.glob("libicuuc.so.*")
    version = common.name.rsplit(".", 1)[1]
    uc = ctypes.CDLL(str(common))
    i18n = ctypes.CDLL(str(folder / f"libicui18n.so.{version}"))

    def icu(library: ctypes.CDLL, name: str, result: type | None, *arguments: type):  # type: ignore[no-untyped-def]
        function = getattr(library, f"{name}_{version}")
        function.restype, function.argtypes = result, [*arguments, ctypes.POINTER(ctypes.c_int)]
        return function

    def utf16(text: str) -> tuple[bytes, int]:
        return text.encode("utf-16-le") + b"\0\0", len(text.encode("utf-16-le")) // 2

    status = ctypes.c_int(0)
    open_collator = icu(i18n, "ucol_open", ctypes.c_void_p, ctypes.c_char_p)
    compare = getattr(i18n, f"ucol_strcoll_{version}")
    compare.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32]
    chinese = open_collator(b"zh", ctypes.byref(status))
    assert status.value == 0
    # Pinyin: Beijing, Guangzhou, Shanghai (in code points 上 comes first).
    cities = ["上海", "广州", "北京"]
    in_order = sorted(cities, key=cmp_to_key(lambda one, other: compare(chinese, *utf16(one), *utf16(other))))
    assert in_order == ["北京", "广州", "上海"]

    open_calendar = icu(
        i18n, "ucal_open", ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_int
    )
    zone_name = icu(
        i18n, "ucal_getTimeZoneDisplayName", ctypes.c_int32, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p,
        ctypes.c_char_p, ctypes.c_int32,
    )  # fmt: skip
    names = {}
    for locale in (b"en_US", b"zh_CN", b"ru_RU", b"ar_001"):
        calendar = open_calendar(*utf16("Asia/Shanghai"), locale, 0, ctypes.byref(status))
        buffer = ctypes.create_string_buffer(512)
        length = zone_name(calendar, 0, locale, buffer, 256, ctypes.byref(status))
        names[locale] = buffer.raw[: 2 * length].decode("utf-16-le")
    assert names == {
        b"en_US": "China Standard Time",
        b"zh_CN": "中国标准时间",
        b"ru_RU": "Китай, стандартное время",
        b"ar_001": "توقيت الصين الرسمي",
    }

    open_converter = icu(uc, "ucnv_open", ctypes.c_void_p, ctypes.c_char_p)
    for encoding in (b"GB18030", b"Big5", b"windows-1251", b"windows-1256"):
        status.value = 0
        assert open_converter(encoding, ctypes.byref(status)) is not None
        assert status.value <= 0, encoding  # a warning (an alias) at most, not an error


@pytest.mark.parametrize("case", sorted(GOLDEN_CASES))
def test_each_output_matches_the_source_installs_golden_file(program, bare_env, tmp_path, case):
    """The bundle prints and writes what the source install does (tests/test_golden_outputs.py),
    byte for byte: its catalogues, fonts, holiday and locale data came along."""
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("pdftotext and pdfinfo (poppler-utils) are not installed")
    source, arguments, written = GOLDEN_CASES[case]
    plan = tmp_path / f"{source}.carteplan"
    shutil.copyfile(GOLDEN_INPUTS / f"{source}.carteplan", plan)
    out = tmp_path / written if written else None
    command, *rest = [argument.replace("{out}", str(out)) for argument in arguments]
    result = subprocess.run(
        [str(program), command, "--plan", str(plan), *GOLDEN_TODAY, *rest],
        env=bare_env,
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
    )
    printed, errors = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    if sys.platform == "win32":  # the console streams turn each printed line end into CR LF
        printed, errors = printed.replace("\r\n", "\n"), errors.replace("\r\n", "\n")
    report = f"exit {result.returncode}\n--- stdout\n{printed}--- stderr\n{errors}".replace(str(tmp_path), "{tmp}")
    assert report == (GOLDEN / f"{case}.out").read_bytes().decode("utf-8")
    if out is not None:
        assert written_output(out) == (GOLDEN / f"{case}{out.suffix}.golden").read_bytes().decode("utf-8")


# A keyring for the smoke test, in a JSON file beside the test's home, that keyring's own
# configuration loads into the bundle. It imports what the desktop keyrings' backend needs
# first (SecretStorage for GNOME Keyring and KWallet, with its encryption and D-Bus client), so
# that the bundle cannot lose those without the test noticing.
FILE_KEYRING = """
import json
import json
import os
from pathlib import Path

import jeepney.io.blocking
import secretstorage.util
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, kwallet


class FileKeyring(KeyringBackend):
    priority = 1
    path = Path(os.environ["HOME"]) / "keyring.json"

    def _read(self):
        return json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}

    def get_password(self, service, username):
        return self._read().get(service + " | " + username)

    def set_password(self, service, username, password):
        self.path.write_text(json.dumps({**self._read(), service + " | " + username: password}), encoding="utf-8")

    def delete_password(self, service, username):
        kept = self._read()
        del kept[service + " | " + username]
        self.path.write_text(json.dumps(kept), encoding="utf-8")
"""


@pytest.mark.skipif(not LINUX, reason="the keyring configuration's folder and the Secret Service are Linux's")
def test_the_password_saved_in_the_keyring_publishes_and_a_refused_one_is_removed(program, bare_env, tmp_path):
    pytest.importorskip("radicale")
    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.publish.credentials import SERVICE
    from carte_planner.storage.planfile import save_plan
    from tests.caldav_server import PASSWORD, USER, RadicaleServer

    modules = tmp_path / "keyring-backend"
    modules.mkdir()
    (modules / "file_keyring.py").write_text(FILE_KEYRING, encoding="utf-8")
    home = Path(bare_env["HOME"])
    (home / ".config" / "python_keyring").mkdir(parents=True)
    (home / ".config" / "python_keyring" / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring = file_keyring.FileKeyring\nkeyring-path = {modules}\n", encoding="utf-8"
    )
    plan = tmp_path / "trip.carteplan"
    request = TripRequest(start=date(2027, 3, 1), city="beijing", home_tz="Europe/Berlin", followup_years=1)
    save_plan(plan, Plan(request, "plan-keyring"))
    server = RadicaleServer(tmp_path)
    server.start()
    saved = home / "keyring.json"
    entry = f"{SERVICE} | {USER} at {server.url}"
    publish = [str(program), "publish", "--plan", str(plan), "--url", server.url, "--user", USER]
    try:
        saved.write_text(json.dumps({entry: PASSWORD}), encoding="utf-8")
        result = subprocess.run(
            [*publish, "--today", "2027-01-04"], env=bare_env, cwd=tmp_path, capture_output=True, text=True,
            encoding="utf-8", stdin=subprocess.DEVNULL, timeout=300,
        )  # fmt: skip
        assert (result.returncode, result.stderr) == (0, "")
        assert "Published to" in result.stdout
        assert server.items()

        saved.write_text(json.dumps({entry: "an old password"}), encoding="utf-8")
        result = subprocess.run(
            [*publish, "--today", "2027-01-04"], env=bare_env, cwd=tmp_path, capture_output=True, text=True,
            encoding="utf-8", stdin=subprocess.DEVNULL, timeout=300,
        )  # fmt: skip
        assert result.returncode == 2
        assert "The password saved in the system keyring was removed" in result.stderr
        assert json.loads(saved.read_text(encoding="utf-8")) == {}
    finally:
        server.stop()


@pytest.mark.skipif(not LINUX, reason="Wayland is the Linux desktop's")
def test_window_opens_on_a_wayland_desktop_with_its_title_bar(program, bare_env, tmp_path):
    """On GNOME's Wayland the window draws its own title bar (Adwaita decorations): without it
    the family could not move or close the window with the mouse."""
    weston = shutil.which("weston")
    if weston is None:
        pytest.skip("weston is not installed")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**bare_env, "XDG_RUNTIME_DIR": str(runtime)}
    with (tmp_path / "weston.log").open("wb") as log:
        server = subprocess.Popen(
            [weston, "--backend=headless-backend.so", "--socket=wayland-test", "--idle-time=0"],
            env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)}, stdout=log, stderr=log,
        )  # fmt: skip
    try:
        for _ in range(300):
            if (runtime / "wayland-test").exists() or server.poll() is not None:
                break
            time.sleep(0.1)
        assert (runtime / "wayland-test").exists(), (tmp_path / "weston.log").read_text(errors="replace")
        env |= {"WAYLAND_DISPLAY": "wayland-test", "QT_QPA_PLATFORM": "wayland", "XDG_CURRENT_DESKTOP": "GNOME"}
        result = run(program, "--exit-after-show", env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "Window: Untitled plan — Carte Planner"
        assert "decoration" not in result.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
