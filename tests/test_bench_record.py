"""`make bench-record` keeps the history of each figure in benchmarks/RESULTS.md: a recording
adds a row to each measure's table and leaves the rows before it as they were."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_benchmark():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def results_file(bench, previous: str, rows, measured: str) -> str:
    history = bench.with_history(previous, rows, measured, "0.2.0 (abc1234)")
    return f"# Benchmark results\n\nlatest\n\n{bench.HISTORY}\n\n{history}{bench.NOTES}\n\nNotes stay.\n"


def test_the_committed_history_reads_back_as_it_is_written():
    bench = load_benchmark()
    text = (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    history = text.split(bench.HISTORY, 1)[1].split(bench.NOTES, 1)[0]
    assert bench.with_history(text, [], "", "").strip() == history.strip()
    tables = bench.history_tables(text)
    assert len(tables["Bundle size"]) >= 2
    assert all(row.startswith("| 0.1.0 (") for rows in tables.values() for row in rows)


def test_each_recording_adds_a_row_per_measure_and_keeps_the_older_ones():
    bench = load_benchmark()
    first = [
        ("Start-up to first paint", "400 ms vs bare window 100 ms", "4.00×", "≤ 1.3×", False),
        ("Bundle size", "folder 150 MiB", "150 MiB", "≤ 160 MiB", True),
        ("Bundle", "not built: run `make bundle` before `make bench`", "", "", None),
    ]
    once = results_file(bench, "", first, "2027-01-01 10:00 UTC")
    second = [("Start-up to first paint", "120 ms vs bare window 100 ms", "1.20×", "≤ 1.3×", True)]
    twice = results_file(bench, once, second, "2027-02-01 10:00 UTC")

    tables = bench.history_tables(twice)
    assert tables["Start-up to first paint"] == [
        "| 0.2.0 (abc1234) | 2027-01-01 10:00 UTC | 4.00× | ≤ 1.3× | **no** | 400 ms vs bare window 100 ms |",
        "| 0.2.0 (abc1234) | 2027-02-01 10:00 UTC | 1.20× | ≤ 1.3× | yes | 120 ms vs bare window 100 ms |",
    ]
    # A measure this run did not take keeps its rows; one it could not take adds none.
    assert tables["Bundle size"] == [
        "| 0.2.0 (abc1234) | 2027-01-01 10:00 UTC | 150 MiB | ≤ 160 MiB | yes | folder 150 MiB |"
    ]
    assert "Bundle" not in tables
    assert twice.endswith("Notes stay.\n")


def test_the_verdicts_name_each_budget_met_missed_or_not_measured():
    bench = load_benchmark()
    lines = bench.verdicts(
        [
            ("Start-up to first paint", "", "4.00×", "≤ 1.3×", False),
            ("Bundle size", "", "150 MiB", "≤ 160 MiB", True),
            ("Bundle", "not built", "", "", None),
            ("Bundle command-line export", "", "", "≤ 1.2×", None),
        ]
    ).splitlines()
    assert [" ".join(line.split()) for line in lines] == [
        "OVER BUDGET Start-up to first paint: 4.00× (budget ≤ 1.3×)",
        "within budget Bundle size: 150 MiB (budget ≤ 160 MiB)",
        "not measured Bundle command-line export: - (budget ≤ 1.2×)",
    ]
