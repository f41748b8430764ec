"""`make bundle`: freeze Carte Planner with PyInstaller into dist/carte-planner/, then pack that
folder as the one archive a user downloads (.tar.gz on Linux, .zip on Windows and macOS).

Usage: python packaging/bundle.py [--skip-build]
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
FOLDER = DIST / "carte-planner"
WORK = ROOT / "build" / "pyinstaller"

START_HERE = """\
Carte Planner {version}

Plan a CAR-T therapy journey to a hospital in China: calendar, calendar export and checklist.
The dates it gives are estimates: confirm every date with the hospital. It gives no medical
advice.

{how_to_start}

Your plans stay on this computer; nothing leaves it unless you export it.
"""

HOW_TO_START = {
    "linux": """\
It runs on 64-bit Linux with glibc {glibc} or newer (`ldd --version` in a terminal shows
yours; for comparison, Ubuntu 22.04 has 2.35, Debian 12 2.36, Ubuntu 24.04 2.39).

To start: double-click "carte-planner" in this folder (in GNOME Files: right-click, then
"Run as a Program"; or run ./carte-planner in a terminal). The first time, it offers to add
itself to your applications menu and to open .carteplan files with a double-click. The same
from a terminal, in this folder:

    ./carte-planner --install-desktop-entry

(./carte-planner --uninstall-desktop-entry removes the entry again.) Keep this folder where it
is afterwards: the menu entry starts the program from here.""",
    "windows": """\
To start: double-click "Carte Planner.exe" in this folder. The command line is carte-planner.exe.""",
    "macos": """\
To start: double-click "Carte Planner" (Carte Planner.app); its command line is
Carte Planner.app/Contents/MacOS/carte-planner. The first time, macOS may ask you to
confirm that you want to open it: right-click it and choose Open.""",
}


def system_name() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def archive_name(version: str) -> str:
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"carte-planner-{version}-{system_name()}-{machine}"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from carte_planner import __version__

    return __version__


def build() -> None:
    shutil.rmtree(FOLDER, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(ROOT / "packaging" / "carte-planner.spec"),
    ]
    subprocess.run(command, check=True, cwd=ROOT)


def glibc_needed(folder: Path) -> str:
    """The newest glibc symbol version any program or library in the folder asks for: the
    oldest glibc the bundle runs on (the build machine's libraries came along)."""
    newest = (17, 0)
    pattern = re.compile(rb"GLIBC_2\.(\d+)(?:\.(\d+))?\x00")
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as binary:
            if binary.read(4) != b"\x7fELF":
                continue
            for match in pattern.finditer(binary.read()):
                newest = max(newest, (int(match[1]), int(match[2] or 0)))
    minor, patch = newest
    return f"2.{minor}.{patch}" if patch else f"2.{minor}"


def pack(name: str) -> Path:
    """One archive whose single top folder is `name`, holding the program and START HERE.txt."""
    how_to_start = HOW_TO_START[system_name()]
    if system_name() == "linux":
        how_to_start = how_to_start.replace("{glibc}", glibc_needed(FOLDER))
    text = START_HERE.format(version=version(), how_to_start=how_to_start)
    title = text.splitlines()[0]
    text = text.replace(title, title + "\n" + "=" * len(title), 1)
    (FOLDER / "START HERE.txt").write_text(text, encoding="utf-8", newline="\r\n" if sys.platform == "win32" else "\n")
    if sys.platform == "linux":
        archive = DIST / f"{name}.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            tar.add(FOLDER, arcname=name)
        return archive
    archive = DIST / f"{name}.zip"
    if sys.platform == "darwin":
        # ditto keeps the symbolic links and signatures inside the application bundle.
        staging = DIST / name
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        subprocess.run(["ditto", str(DIST / "Carte Planner.app"), str(staging / "Carte Planner.app")], check=True)
        shutil.copy2(FOLDER / "START HERE.txt", staging)
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(staging), str(archive)], check=True)
        return archive
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
        for path in sorted(FOLDER.rglob("*")):
            packed.write(path, str(Path(name) / path.relative_to(FOLDER)))
    return archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="only pack the folder built before")
    args = parser.parse_args()
    if not args.skip_build:
        build()
    archive = pack(archive_name(version()))
    size = sum(path.lstat().st_size for path in FOLDER.rglob("*") if not path.is_symlink())
    print(f"Bundle folder: {FOLDER} ({size / 2**20:.0f} MiB)")
    print(f"Archive: {archive} ({archive.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
