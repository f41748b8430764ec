"""`make screenshots` and `make translations` leave the tree as it is when nothing changed:
no timestamp and no picture is written again."""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def contents(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Each file's bytes and time of writing: a file written again with the same bytes counts."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    return {str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns) for path in files}


def test_make_translations_twice_changes_nothing(tmp_path, monkeypatch, capsys):
    script = load_script("update_translations")
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "resources" / "locale", locale)
    monkeypatch.setattr(script, "LOCALE", locale)
    monkeypatch.setattr(script, "TEMPLATE", locale / "carte_planner.pot")
    committed = contents(locale)
    assert script.main() == 0
    first = contents(locale)
    # The committed catalogues are what the script makes from the code: nothing was rewritten.
    assert first == committed
    assert script.main() == 0
    assert contents(locale) == first


@pytest.mark.qt
def test_make_screenshots_twice_changes_nothing(tmp_path):
    def shoot() -> None:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--screen", "1366x768", "--out", str(tmp_path)],
            check=True,
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=300,
        )

    shoot()
    first = contents(tmp_path)
    assert list(first) == ["main-window-1366x768-100.png"]
    shoot()
    assert contents(tmp_path) == first


def screenshot_runs() -> list[list[str]]:
    """The arguments of each run of the screenshot script in `make screenshots`, loops unrolled."""
    recipe = ROOT.joinpath("Makefile").read_text(encoding="utf-8").split("\nscreenshots:", 1)[1].split("\n\n", 1)[0]
    runs = []
    for line in recipe.splitlines()[1:]:
        languages = re.search(r"for (\w+) in ([^;]+);", line)
        arguments = line.split("scripts/screenshots.py", 1)[1].split("||")[0].split()
        for language in languages.group(2).split() if languages else [""]:
            runs.append(
                [word.replace(f"$${languages.group(1)}", language) if languages else word for word in arguments]
            )
    return runs


def test_make_screenshots_makes_every_picture_the_readme_shows():
    script = load_script("screenshots")
    made = {
        name for run in screenshot_runs() for name in script.file_names(script.build_parser().parse_args(run)).values()
    }
    shown = set(re.findall(r"docs/screenshots/([\w.-]+\.png)", ROOT.joinpath("README.md").read_text(encoding="utf-8")))
    assert shown
    assert shown <= made
    # And nothing in the folder is left over from another way of making it.
    assert {path.name for path in (ROOT / "docs" / "screenshots").glob("*.png")} == made
