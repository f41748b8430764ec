"""The desktop entry, the .carteplan file type and their per-user installation."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from carte_planner.cli import main
from carte_planner.desktop_entry import (
    ICON_SIZES,
    MIME_TYPE,
    DesktopFiles,
    data_home,
    desktop_entry_text,
    install_desktop_entry,
    launch_command,
)
from carte_planner.resources import resource_root
from tests.tools import require

DESKTOP = resource_root() / "desktop"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def validate_desktop_entry(path: Path) -> None:
    require("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""  # no hints or warnings either


def test_shipped_desktop_entry_is_valid():
    validate_desktop_entry(DESKTOP / "carte-planner.desktop")


def test_installed_entry_is_valid_and_starts_this_program_even_from_a_folder_with_spaces(tmp_path):
    folder = tmp_path / "My Programs" / "carte planner 100%"
    program = folder / "carte-planner"
    entry = tmp_path / "carte-planner.desktop"
    entry.write_text(desktop_entry_text([str(program)]), encoding="utf-8")
    validate_desktop_entry(entry)
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert f'Exec="{program}" %f'.replace("100%", "100%%") in lines
    assert f"TryExec={program}" in lines
    assert f"MimeType={MIME_TYPE};" in lines


def test_mime_type_is_well_formed_xml_for_carteplan_files():
    tree = ET.parse(DESKTOP / "carte-planner-mime.xml")
    (mime_type,) = tree.getroot().findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == MIME_TYPE
    assert [glob.get("pattern") for glob in mime_type.findall(f"{MIME_NS}glob")] == ["*.carteplan"]
    require("xmllint", "libxml2-utils")
    result = subprocess.run(["xmllint", "--noout", str(DESKTOP / "carte-planner-mime.xml")], capture_output=True)
    assert result.returncode == 0, result.stderr


def test_the_desktop_reads_the_file_type(tmp_path):
    """update-mime-database is what the desktop runs on the file: it must take it whole."""
    require("update-mime-database", "shared-mime-info")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(DESKTOP / "carte-planner-mime.xml", packages)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}  # or it notes that the folder is not searched
    result = subprocess.run(["update-mime-database", str(tmp_path / "mime")], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert f"50:{MIME_TYPE}:*.carteplan" in (tmp_path / "mime" / "globs2").read_text().splitlines()
    assert f"{MIME_TYPE} application/json" in (tmp_path / "mime" / "subclasses").read_text().splitlines()


@pytest.mark.qt
def test_icons_are_there_in_every_size():
    from PySide6.QtGui import QImage

    for size in ICON_SIZES:
        image = QImage(str(resource_root() / "icons" / f"carte-planner-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    assert ET.parse(resource_root() / "icons" / "carte-planner.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_data_home_follows_xdg_only_when_absolute(tmp_path):
    assert data_home({"XDG_DATA_HOME": str(tmp_path), "HOME": "/home/x"}) == tmp_path
    assert data_home({"XDG_DATA_HOME": "relative", "HOME": "/home/x"}) == Path("/home/x/.local/share")
    assert data_home({"HOME": "/home/x"}) == Path("/home/x/.local/share")


def test_from_a_checkout_the_entry_starts_the_environment_s_command():
    command = launch_command()
    assert Path(command[0]).is_absolute()
    assert command[0].endswith("carte-planner") or command[1:] == ["-m", "carte_planner"]


def test_install_and_uninstall_from_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop-entry"]) == 0
    files = DesktopFiles(tmp_path)
    assert all(path.is_file() for path in files.all())
    validate_desktop_entry(files.entry)
    assert f"Exec={launch_command()[0]}" in files.entry.read_text(encoding="utf-8")
    assert "applications menu" in capsys.readouterr().out

    assert main(["--uninstall-desktop-entry"]) == 0
    assert not any(path.exists() for path in files.all())
    assert f"Removed {len(files.all())} files" in capsys.readouterr().out


def test_installing_twice_replaces_the_files(tmp_path):
    install_desktop_entry(tmp_path, ["/opt/old/carte-planner"])
    install_desktop_entry(tmp_path, ["/opt/new/carte-planner"])
    text = DesktopFiles(tmp_path).entry.read_text(encoding="utf-8")
    assert "/opt/new/carte-planner %f" in text
    assert "/opt/old" not in text


def test_a_folder_that_cannot_be_written_is_explained(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    assert main(["--install-desktop-entry"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("carte-planner: error: Could not ")
    assert "Traceback" not in error


def test_install_takes_no_command(capsys):
    assert main(["--install-desktop-entry", "cities"]) == 2
    assert "take no command or file" in capsys.readouterr().err


# -- the bundle's first start offers the entry ---------------------------------------------
def test_first_start_of_the_bundle_offers_the_entry_once(qapp, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from carte_planner.ui.desktop_offer import offer_desktop_entry

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []

    def question(*args, **kwargs):
        asked.append(args[1])
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "question", question)
    files = DesktopFiles(tmp_path / "share")
    assert not offer_desktop_entry(None, settings)  # "No": nothing installed, and not asked again
    assert not files.entry.exists()
    assert not offer_desktop_entry(None, settings)
    assert len(asked) == 1

    settings.remove("desktop/declinedFor")  # as if the bundle had moved since
    assert offer_desktop_entry(None, settings)
    assert files.entry.is_file()
    assert not offer_desktop_entry(None, settings)  # installed for this program: nothing to ask
    assert len(asked) == 2


def test_the_desktop_opens_carteplan_files_with_the_installed_entry(tmp_path):
    """What GNOME Files and other GIO-based file managers look up on a double-click."""
    require("gio", "libglib2.0-bin")
    home = tmp_path / "share"
    program = tmp_path / "carte-planner"  # TryExec: the desktop hides an entry whose program is gone
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    install_desktop_entry(home, [str(program)])
    plan = tmp_path / "journey.carteplan"
    plan.write_text("{}", encoding="utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(home), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env["XDG_DATA_DIRS"] = "/usr/local/share:/usr/share"

    def gio(*args: str) -> str:
        return subprocess.run(["gio", *args], capture_output=True, text=True, env=env, check=True).stdout

    assert "standard::content-type: application/x-carteplan" in gio("info", "-a", "standard::content-type", str(plan))
    assert gio("mime", MIME_TYPE).splitlines()[0].endswith("carte-planner.desktop")
