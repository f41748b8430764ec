"""The files of the bundle that a whole smoke test never opens, largest first: the list to look
through for what the bundle could leave out (each one is either not needed, or needed on a path
the smoke test does not take yet, which then deserves a test).

Runs `pytest -m bundle tests/test_bundle.py` (the archive of the last `make bundle`) under
`strace -f -e trace=openat` and compares the files each program opened for reading in its
unpacked copy with every file of that copy. The Python modules inside the program file are
not counted: the program file itself is always opened.

Usage: python packaging/unopened.py [--at-least KIB]   (Linux, needs strace)
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPENED = re.compile(r'openat\(AT_FDCWD, "([^"]*/unpacked\d*/[^"]*)", (O_RDONLY[^)]*)\) = \d+')


def opened_files(trace: Path) -> set[Path]:
    """The real files read through any path (a library's link included) in the trace."""
    found = set()
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        match = OPENED.search(line)
        if match and "O_DIRECTORY" not in match[2]:
            path = Path(match[1])
            if path.exists():
                found.add(path.resolve())
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at-least", type=int, default=20, metavar="KIB", help="list files of this size or more")
    args = parser.parse_args()
    if shutil.which("strace") is None:
        print("strace is not installed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        trace, base = Path(folder) / "trace.txt", Path(folder) / "base"
        test = [sys.executable, "-m", "pytest", "-m", "bundle", "tests/test_bundle.py", "-q", "-p", "no:cacheprovider"]
        command = ["strace", "-f", "-qq", "-e", "trace=openat", "-o", str(trace), *test, f"--basetemp={base}"]
        if subprocess.run(command, cwd=ROOT).returncode != 0:
            print("the smoke test failed: its trace would miss what the failing tests open", file=sys.stderr)
            return 1
        opened = opened_files(trace)
        (unpacked, *_) = sorted(base.glob("unpacked*/*/"))
        files = [path for path in unpacked.rglob("*") if path.is_file() and not path.is_symlink()]
        unopened = sorted(((path.stat().st_size, path) for path in files if path.resolve() not in opened), reverse=True)
        total = sum(path.stat().st_size for path in files)
        left = sum(size for size, _ in unopened)
        print(f"{len(unopened)} of {len(files)} files never opened: {left / 2**20:.1f} of {total / 2**20:.1f} MiB")
        folders: Counter[str] = Counter()
        for size, path in unopened:
            folders[str(path.parent.relative_to(unpacked))] += size
        print("\nBy folder:")
        for name, size in folders.most_common(25):
            print(f"{size / 2**20:8.2f} MiB  {name}")
        print(f"\nFiles of {args.at_least} KiB or more:")
        for size, path in unopened:
            if size >= args.at_least * 1024:
                print(f"{size / 2**20:8.2f} MiB  {path.relative_to(unpacked)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
