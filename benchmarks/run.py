"""Carte Planner's benchmark (`make bench`): speed and memory against their limits, in one run.

Every figure that can be is a ratio against a floor measured in the same run on the same
machine: a bare PySide6 window for the app, `import icalendar, dateutil` for the command line.
The table is printed, with each budget's verdict, and written with the machine, Python and Qt
to build/bench/RESULTS.md: figures differ from run to run, so a run leaves the tracked files as
they are. `make bench-record` (or `--record`) writes it to benchmarks/RESULTS.md, to be
committed, and adds each figure to that file's history: a table per measure, a row per
recording, that a recording never rewrites.

The app runs from compiled bytecode, as an installed copy does: the benchmark's processes may
write it even where the environment says not to (PYTHONDONTWRITEBYTECODE), and the project's
modules are compiled before the first measurement.
"""

from __future__ import annotations

import compileall
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
LATEST = ROOT / "build" / "bench" / "RESULTS.md"
RUNS = int(os.environ.get("BENCH_RUNS", "9"))

BARE_WINDOW = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class QuitAfterFirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, QApplication.quit)
            return False

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1440, 900)
    quitter = QuitAfterFirstPaint(window)
    window.installEventFilter(quitter)
    window.show()
    sys.exit(app.exec())
    """
)


def isolated_env(folder: str) -> dict[str, str]:
    """Offscreen, with settings and data in a fresh folder: every start is a first start. Python
    reads and writes bytecode as it does for users, whatever this machine's environment says."""
    return {
        **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": folder,
        "XDG_CONFIG_HOME": str(Path(folder) / "config"),
        "XDG_DATA_HOME": str(Path(folder) / "data"),
    }


def run_process(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MiB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"benchmark process failed ({process.returncode}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss / 1024


def compare_processes(app: list[str], floor: list[str], env: dict[str, str]) -> dict[str, float]:
    """Median time and memory of both commands, runs interleaved so drift hits both alike."""
    app_runs, floor_runs = [], []
    run_process(app, env)  # warm the file cache for both
    run_process(floor, env)
    for _ in range(RUNS):
        app_runs.append(run_process(app, env))
        floor_runs.append(run_process(floor, env))
    result = {
        "app_s": statistics.median(t for t, _ in app_runs),
        "floor_s": statistics.median(t for t, _ in floor_runs),
        "app_mib": statistics.median(m for _, m in app_runs),
        "floor_mib": statistics.median(m for _, m in floor_runs),
    }
    result["time_ratio"] = result["app_s"] / result["floor_s"]
    result["memory_ratio"] = result["app_mib"] / result["floor_mib"]
    return result


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(round(fraction * (len(ordered) - 1)), len(ordered) - 1)]


def replan_and_repaint(folder: str) -> dict[str, float]:
    """From an input change to every visible view repainted, in this process, offscreen."""
    os.environ.update(isolated_env(folder))
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from carte_planner.ui.app import make_app
    from carte_planner.ui.main_window import MainWindow

    app = make_app(sys.argv[:1])
    settings = QSettings(str(Path(folder) / "bench.ini"), QSettings.Format.IniFormat)
    from carte_planner.shipped import shipped_reference

    window = MainWindow(settings=settings, autosave_folder=Path(folder) / "autosave", reference=shipped_reference())
    # Wide enough for the agenda beside the open request panel: every view is repainted.
    window.resize(1500, 940)
    window.show()
    app.processEvents()
    panel = window.panel
    cities = ["beijing", "shanghai", "guangzhou", "chengdu"]
    start = panel.start.date()

    painted: dict[str, int] = {}

    class PaintCounter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                name = watched.objectName()
                painted[name] = painted.get(name, 0) + 1
            return False

    counter = PaintCounter()
    views = {
        "calendar": window.month.grid,
        "timeline": window.timeline.canvas,
        "agenda": window.agenda.table.viewport(),
        "summary": window.summary.summary,
    }
    for name, widget in views.items():
        widget.setObjectName(f"bench-{name}")
        widget.installEventFilter(counter)

    def settle() -> None:
        # Qt paints what changed when it processes the posted update requests.
        QApplication.processEvents()

    changes: list[Callable[[], None]] = []
    for i in range(40):
        changes.append(lambda i=i: panel.start.setDate(start.addDays(i % 7 + 1)))
        changes.append(lambda i=i: panel.city.activated.emit(panel.city.findData(cities[i % 4])) or None)
        changes.append(lambda i=i: panel.phase_rows[i % 5].days.setValue(10 + i % 9))
    samples: dict[str, list[float]] = {"calendar": [], "timeline": []}
    for view, widget in (("calendar", window.month), ("timeline", window.timeline)):
        window.tabs.setCurrentWidget(widget)
        settle()
        painted.clear()
        for change in changes:
            samples[view] += timed(lambda change=change: (change(), settle()), 1)
        # Every change must have repainted the visible views, or the timing means nothing.
        for name in (view, "agenda", "summary"):
            assert painted.get(f"bench-{name}", 0) >= len(changes) * 0.9, (name, painted)
    window.document.undo_stack.setClean()
    window.close()
    everything = samples["calendar"] + samples["timeline"]
    return {
        "median_ms": statistics.median(everything),
        "p95_ms": percentile(everything, 0.95),
        "calendar_median_ms": statistics.median(samples["calendar"]),
        "timeline_median_ms": statistics.median(samples["timeline"]),
        "count": len(everything),
    }


def exports(folder: str) -> dict[str, float]:
    from carte_planner.domain import TripRequest, plan_journey
    from carte_planner.domain.checklist import ChecklistState, build_checklist
    from carte_planner.export.checklist_document import checklist_document
    from carte_planner.export.ics import ExportOptions, export_ics
    from carte_planner.shipped import shipped_reference
    from carte_planner.startup import start
    from carte_planner.ui.printing import write_pdf

    start()
    reference = shipped_reference()
    today = date.today()
    options = ExportOptions(plan_id="bench", now=datetime.now(UTC))

    def journey(years: int):  # type: ignore[no-untyped-def]
        request = TripRequest(start=today + timedelta(weeks=8), home_tz="America/New_York", followup_years=years)
        return plan_journey(request, today, reference)

    result: dict[str, float] = {}
    ten = journey(10)
    export_ics(ten, options)
    result["ics_10y_ms"] = statistics.median(timed(lambda: export_ics(ten, options), 30))
    for years in (1, 5, 10, 20):
        j = journey(years)
        result[f"ics_{years}y_ms"] = statistics.median(timed(lambda j=j: export_ics(j, options), 30))
        result[f"ics_{years}y_events"] = len(j.items)
    checklist = build_checklist(ten, reference.checklist_template, ChecklistState())
    pdf = Path(folder) / "checklist.pdf"
    write_pdf(checklist_document(ten, checklist), pdf)
    result["pdf_ms"] = statistics.median(
        timed(
            lambda: write_pdf(
                checklist_document(ten, build_checklist(ten, reference.checklist_template, ChecklistState())), pdf
            ),
            7,
        )
    )
    return result


def what_if_and_odds() -> dict[str, float]:
    """A contingency recomputed as the family drags its days (both plans and their comparison),
    and the return date's odds, each against a plain re-plan of the same default plan."""
    from carte_planner.domain import TripRequest, plan_journey
    from carte_planner.domain.contingency import WhatIf, request_after
    from carte_planner.domain.return_odds import return_odds
    from carte_planner.domain.what_if import compare
    from carte_planner.shipped import shipped_reference
    from carte_planner.startup import start

    start()
    reference = shipped_reference()
    today = date.today()
    request = TripRequest(start=today + timedelta(weeks=8), home_tz="America/New_York")
    protocol = reference.protocol
    before = plan_journey(request, today, reference)
    days = iter(range(1, 10_000))

    def recompute() -> None:
        what_if = WhatIf(delays=(("manufacturing", next(days) % 28 + 1),))
        compare(before, plan_journey(request_after(request, protocol, what_if), today, reference))

    replan = statistics.median(timed(lambda: plan_journey(request, today, reference), 30))
    contingency = statistics.median(timed(recompute, 30))
    # Each journey with a manufacturing length of its own: the odds are worked out afresh for
    # each, not found in the cache that a plan's re-plans of the same lengths hit.
    fresh = iter(
        [
            plan_journey(replace(request, phase_days=(("manufacturing", length),)), today, reference)
            for length in range(5, 65)
        ]
    )
    odds = statistics.median(timed(lambda: return_odds(next(fresh), protocol), 30))
    return {"replan_ms": replan, "what_if_ms": contingency, "odds_ms": odds}


BUNDLE = ROOT / "dist" / "carte-planner"
BUNDLE_PROGRAM = BUNDLE / ("carte-planner.exe" if sys.platform == "win32" else "carte-planner")


def folder_mib(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink()) / 2**20


# A measure: its name, the detail behind the figure, the figure, the budget, and whether the
# figure is within it (None: not measured in this run).
Row = tuple[str, str, str, str, bool | None]


def bundle_rows(env: dict[str, str], out: Path) -> list[Row]:
    """The bundle of `make bundle` against the source install: start-up, a command, size."""
    if not BUNDLE_PROGRAM.is_file():
        return [("Bundle", "not built: run `make bundle` before `make bench`", "", "", None)]
    python = sys.executable
    source = [python, "-m", "carte_planner"]
    bundled = [str(BUNDLE_PROGRAM)]
    startup = compare_processes([*bundled, "--exit-after-show"], [*source, "--exit-after-show"], env)
    export = ["export", "--city", "Beijing", "--home-tz", "Europe/Berlin", "-o", str(out)]
    cli = compare_processes([*bundled, *export], [*source, *export], env)
    archives = sorted((ROOT / "dist").glob("carte-planner-*.tar.gz")) + sorted((ROOT / "dist").glob("*.zip"))
    archive = f"{archives[-1].stat().st_size / 2**20:.0f} MiB {archives[-1].name}" if archives else "no archive"
    dropped_list = ROOT / "build" / "bundle-dropped.tsv"
    dropped = [line.split("\t") for line in dropped_list.read_text().splitlines()] if dropped_list.exists() else []
    left_out = sum(int(size) for size, _ in dropped) / 2**20
    return [
        (
            "Bundle start-up to first paint",
            f"{startup['app_s'] * 1000:.0f} ms vs source install {startup['floor_s'] * 1000:.0f} ms; "
            f"{startup['app_mib']:.0f} vs {startup['floor_mib']:.0f} MiB",
            f"{startup['time_ratio']:.2f}×",
            "≤ 1.2×",
            startup["time_ratio"] <= 1.2,
        ),
        (
            "Bundle command-line export",
            f"{cli['app_s'] * 1000:.0f} ms vs source install {cli['floor_s'] * 1000:.0f} ms",
            f"{cli['time_ratio']:.2f}×",
            "≤ 1.2×",
            cli["time_ratio"] <= 1.2,
        ),
        (
            "Bundle size",
            f"folder {folder_mib(BUNDLE):.0f} MiB, archive {archive}; "
            f"{left_out:.1f} MiB in {len(dropped)} files left out of what PyInstaller collected",
            f"{folder_mib(BUNDLE):.0f} MiB",
            "≤ 160 MiB",
            folder_mib(BUNDLE) <= 160,
        ),
    ]


def machine() -> str:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    # Other work on a shared machine slows every absolute figure; the ratios hold up better.
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{cpu}, {os.cpu_count()} cores{load}, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; PySide6 {pyside}, Qt {qVersion()}"
    )


def compile_bytecode() -> None:
    """The project's modules compiled as an install compiles them (pip does so for every module
    of a wheel): the measured starts read bytecode instead of compiling the sources."""
    sys.dont_write_bytecode = False
    compileall.compile_dir(ROOT / "carte_planner", quiet=1)


def verdict(ok: bool | None) -> str:
    return "yes" if ok else "not measured" if ok is None else "**no**"


def verdicts(rows: list[Row]) -> str:
    """One line per budget: within it, over it, or not measured."""
    lines = []
    for name, _, result, budget, ok in rows:
        if not budget:
            continue
        state = "not measured" if ok is None else "within budget" if ok else "OVER BUDGET"
        lines.append(f"{state:<13}  {name}: {result or '-'} (budget {budget})")
    return "\n".join(lines)


HISTORY = "<!-- history -->"
NOTES = "<!-- notes -->"
HISTORY_HEAD = "| release | measured | result | budget | within | detail |\n|---|---|---|---|---|---|\n"


def release() -> str:
    """The version, and the commit when this is a git checkout: "0.1.0 (2b98491)"."""
    version = re.search(r'__version__ = "([^"]+)"', (ROOT / "carte_planner" / "__init__.py").read_text())
    name = version[1] if version else "?"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except OSError:
        commit = ""
    return f"{name} ({commit})" if commit else name


def history_tables(text: str) -> dict[str, list[str]]:
    """{measure: its rows}, from the history part of a results file."""
    if HISTORY not in text:
        return {}
    part = text.split(HISTORY, 1)[1].split(NOTES, 1)[0]
    tables: dict[str, list[str]] = {}
    for block in re.split(r"^### ", part, flags=re.MULTILINE)[1:]:
        name, _, body = block.partition("\n")
        tables[name.strip()] = [
            line for line in body.splitlines() if line.startswith("| ") and not line.startswith("| release |")
        ]
    return tables


def with_history(previous: str, rows: list[Row], measured: str, version: str) -> str:
    """The history part of the results file: the previous rows of each measure, then this run's
    (a measure not run this time keeps its rows and gets none)."""
    tables = history_tables(previous)
    for name, detail, result, budget, ok in rows:
        if ok is None and not result:
            continue
        tables.setdefault(name, []).append(
            f"| {version} | {measured} | {result} | {budget} | {verdict(ok)} | {detail} |"
        )
    sections = "".join(
        f"### {name}\n\n{HISTORY_HEAD}" + "".join(f"{row}\n" for row in table) + "\n" for name, table in tables.items()
    )
    return (
        "## History\n\nEach figure as it was recorded in this file, one row per recording, oldest first: "
        "`make bench-record` adds a row to each table and rewrites none. The release is the version and "
        "the commit measured.\n\n" + sections
    )


def main() -> int:
    compile_bytecode()
    with tempfile.TemporaryDirectory() as folder:
        env = isolated_env(folder)
        python = sys.executable
        startup = compare_processes(
            [python, "-m", "carte_planner", "--exit-after-show"], [python, "-c", BARE_WINDOW], env
        )
        out = Path(folder) / "journey.ics"
        cli = compare_processes(
            [
                python,
                "-m",
                "carte_planner",
                "export",
                "--city",
                "Beijing",
                "--home-tz",
                "Europe/Berlin",
                "-o",
                str(out),
            ],
            [python, "-c", "import icalendar, dateutil"],
            env,
        )
        bundle = bundle_rows(env, out)
        interactive = replan_and_repaint(folder)
        files = exports(folder)
        asked = what_if_and_odds()

    growth = ", ".join(
        f"{years} y: {files[f'ics_{years}y_ms']:.1f} ms ({int(files[f'ics_{years}y_events'])} events)"
        for years in (1, 5, 10, 20)
    )
    rows: list[Row] = [
        (
            "Start-up to first paint",
            f"{startup['app_s'] * 1000:.0f} ms vs bare window {startup['floor_s'] * 1000:.0f} ms",
            f"{startup['time_ratio']:.2f}×",
            "≤ 1.3×",
            startup["time_ratio"] <= 1.3,
        ),
        (
            "Peak memory at start-up",
            f"{startup['app_mib']:.0f} MiB vs bare window {startup['floor_mib']:.0f} MiB",
            f"{startup['memory_ratio']:.2f}×",
            "≤ 1.3×",
            startup["memory_ratio"] <= 1.3,
        ),
        (
            "Re-plan and repaint, median",
            f"{interactive['median_ms']:.1f} ms over {int(interactive['count'])} changes",
            f"{interactive['median_ms']:.1f} ms",
            "≤ 5 ms",
            interactive["median_ms"] <= 5,
        ),
        (
            "Re-plan and repaint, 95th percentile",
            f"calendar median {interactive['calendar_median_ms']:.1f} ms, "
            f"timeline median {interactive['timeline_median_ms']:.1f} ms",
            f"{interactive['p95_ms']:.1f} ms",
            "≤ 16 ms",
            interactive["p95_ms"] <= 16,
        ),
        (
            ".ics export, 10 years of follow-up",
            f"{int(files['ics_10y_events'])} items",
            f"{files['ics_10y_ms']:.1f} ms",
            "≤ 30 ms",
            files["ics_10y_ms"] <= 30,
        ),
        ("Checklist PDF", "the default journey, A4", f"{files['pdf_ms']:.0f} ms", "≤ 300 ms", files["pdf_ms"] <= 300),
        (
            "Command-line export, whole process",
            f"{cli['app_s'] * 1000:.0f} ms vs `import icalendar, dateutil` {cli['floor_s'] * 1000:.0f} ms",
            f"{cli['time_ratio']:.2f}×",
            "≤ 1.5×",
            cli["time_ratio"] <= 1.5,
        ),
        (
            ".ics export as follow-up grows",
            growth,
            "",
            "linear or better",
            files["ics_20y_ms"] <= 2.5 * files["ics_10y_ms"] + 1,
        ),
        (
            "What if: a contingency recomputed",
            f"{asked['what_if_ms'] / asked['replan_ms']:.2f}× a plain re-plan ({asked['replan_ms']:.1f} ms)",
            f"{asked['what_if_ms']:.1f} ms",
            "≤ 20 ms",
            asked["what_if_ms"] <= 20,
        ),
        (
            "Return date odds (P50, P80, P95)",
            f"{asked['odds_ms'] / asked['replan_ms']:.2f}× a plain re-plan ({asked['replan_ms']:.1f} ms)",
            f"{asked['odds_ms']:.1f} ms",
            "≤ 50 ms",
            asked["odds_ms"] <= 50,
        ),
        *bundle,
    ]
    header = "| measure | detail | result | budget | within |\n|---|---|---|---|---|\n"
    table = header + "".join(
        f"| {name} | {detail} | {result} | {budget} | {verdict(ok)} |\n" for name, detail, result, budget, ok in rows
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(table)
    print(verdicts(rows))
    previous = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    notes = previous.split(NOTES, 1)[1] if NOTES in previous else "\n"
    history = with_history(previous, rows, stamp, release())
    record = "--record" in sys.argv[1:]
    results = RESULTS if record else LATEST
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(
        f"# Benchmark results\n\nMeasured by `make {'bench-record' if record else 'bench'}` on {stamp}: {machine()}. "
        f"Medians of {RUNS} interleaved runs for the processes; offscreen Qt; compiled bytecode.\n\n{table}\n"
        f"{HISTORY}\n\n{history}{NOTES}{notes}",
        encoding="utf-8",
    )
    print(f"Written to {results.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
