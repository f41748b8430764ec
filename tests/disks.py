"""A real, nearly full disk for the tests that need one."""

import contextlib
import os
import subprocess
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def mounted_small_disk(tmp_path: Path):
    """A 1 MiB tmpfs mounted for one test (root only), unmounted after it."""
    if not IS_ROOT:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        pytest.skip(f"tmpfs could not be mounted here: {result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    """Use up every byte of the disk that holds `folder`."""
    with contextlib.suppress(OSError), open(folder / "filler", "wb", buffering=0) as stream:
        while True:
            stream.write(b"x" * 65536)
