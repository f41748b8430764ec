"""The programs some tests read their outputs back with (pdftotext, xmllint, ...)."""

import os
import shutil

import pytest


def require(program: str, package: str) -> str:
    """The path of `program`. Without it the test is skipped on a developer's machine, saying
    which Debian package brings it, and fails on CI, whose `.ci/run` installs every one: a check
    that CI never ran must not look like one that passed."""
    path = shutil.which(program)
    if path is None:
        message = f"{program} ({package}) is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message}, and .ci/run should have installed it", pytrace=False)
        pytest.skip(message)
    return path
