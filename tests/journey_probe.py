"""Opens the window on an offscreen screen of a given size and scale, in each language, and
prints as JSON what a family sees first: the room each part takes, whether the request panel
scrolls sideways, and what each day of the month grid says. Run in a fresh process, since Qt
reads the screen and the scale once, at start."""

import json
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

LANGUAGES = ("en", "zh_CN", "ru", "ar")


def area(widget) -> int:
    return widget.width() * widget.height() if widget.isVisible() else 0


def month_words(window, month: date) -> dict[str, list[str]]:
    """Days of `month` with items and no title drawn, and treatment days without their Day ±N."""
    from carte_planner.ui.month_view import short_day_label

    grid = window.month.grid
    window.month.go_to(month)
    grid.grab()  # paints the grid, as the screen would
    journey = window.document.journey
    untitled, unnumbered = [], []
    day = month
    while day.month == month.month:
        drawn = grid.drawn.get(day, [])
        titles = [text for text in drawn if text.strip("… ")]
        if grid.lines_on(day) and not any(len(text.strip("… ")) >= 3 for text in titles):
            untitled.append(day.isoformat())
        label = journey.day_label(day) if day <= journey.summary.return_date else ""
        if label and not {label, short_day_label(journey, day)} & set(drawn):
            unnumbered.append(day.isoformat())
        day += timedelta(days=1)
    return {"untitled": untitled, "unnumbered": unnumbered}


def main() -> None:
    width, height, scale = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    folder = Path(tempfile.mkdtemp())
    config = folder / "screen.json"
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = scale
    shots = os.environ.get("JOURNEY_PROBE_SHOTS")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from carte_planner.shipped import shipped_reference
    from carte_planner.startup import start

    start()

    app = QApplication([])
    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.ui.document import PlanDocument
    from carte_planner.ui.language import apply_language
    from carte_planner.ui.main_window import MainWindow

    results = {}
    for language in LANGUAGES:
        apply_language(language)
        for state in ("new", "saved"):
            settings = QSettings(str(folder / f"{language}-{state}.ini"), QSettings.Format.IniFormat)
            request = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin")
            path = None
            if state == "saved":
                from carte_planner.storage.planfile import save_plan

                path = folder / f"{language}.carteplan"
                save_plan(path, Plan(request, "probe"))
                settings.setValue("hints/startDismissed", True)
            document = PlanDocument(Plan(request, "probe"), date(2027, 1, 4), path, reference=shipped_reference())
            window = MainWindow(document, settings, autosave_folder=folder / "data")
            window.show()
            for _ in range(3):  # the first show may fit the window to the screen a moment later
                app.processEvents()
            if shots:
                window.grab().save(f"{shots}/{width}x{height}@{scale}-{language}-{state}.png")
            # Every month of 2027: preparation at home, the stay in China, the follow-up at home.
            words = [month_words(window, date(2027, month, 1)) for month in range(1, 13)]
            results[f"{language}/{state}"] = {
                "screen": [window.screen().availableGeometry().width(), window.screen().availableGeometry().height()],
                "size": [window.width(), window.height()],
                "panel_shown": window.panel_action.isChecked(),
                "hint_shown": window.start_hint.isVisible(),
                "hint_in_panel": window.panel_scroll.isAncestorOf(window.start_hint),
                "sideways": window.panel_scroll.horizontalScrollBar().isVisible(),
                "panel": area(window.panel_scroll),
                "views": area(window.tabs),
                "agenda": area(window.agenda),
                "untitled": [day for month in words for day in month["untitled"]],
                "unnumbered": [day for month in words for day in month["unnumbered"]],
            }
            document.undo_stack.setClean()
            window.close()
    apply_language("en")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
