"""The command line's outputs: standard output and files, their failures, and exit codes."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from pathlib import Path

from carte_planner.i18n import tr

EXIT_USAGE = 2
# sysexits.h: an output the command could not write, a file or standard output (a full disk,
# a read-only file, a missing folder, a closed stream). Bad input is EXIT_USAGE.
EXIT_OUTPUT = 74
# What a shell reports for a command stopped by SIGPIPE: the reader went away.
EXIT_BROKEN_PIPE = 128 + 13
STDOUT = "-"


class UsageError(Exception):
    """Bad input on the command line: one line on stderr, exit code 2."""


class OutputError(Exception):
    """Standard output could not be written: one line on stderr (none for a closed pipe)."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def write_out(text: str | bytes) -> None:
    """Write to standard output and flush at once, so that a full disk or a reader that went
    away is noticed here, as an OutputError, and not as a traceback at exit."""
    stream = sys.stdout
    try:
        if stream is None:
            raise OSError(errno.EBADF, "standard output is closed")
        if isinstance(text, bytes):
            stream.flush()
            stream.buffer.write(text)
            stream.buffer.flush()
        else:
            stream.write(text)
            stream.flush()
    except (OSError, ValueError) as error:  # ValueError: a stream closed from inside Python
        raise OutputError(error) from None


def output_failure(error: BaseException) -> int:
    if isinstance(error, BrokenPipeError) or getattr(error, "errno", None) == errno.EPIPE:
        # The reader (`| head`) has what it wanted: stop quietly, as other tools do.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    _silence_stdout()
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif isinstance(error, ValueError) or (isinstance(error, OSError) and error.errno in (errno.EBADF, None)):
        reason = tr("standard output is closed")
    else:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    say_error(
        tr("carte-planner: error: {message}").format(
            message=tr("could not write the output: {reason}.").format(reason=reason)
        )
    )
    return EXIT_OUTPUT


def _silence_stdout() -> None:
    """Nothing more goes to a stream that failed, not even Python's flush at exit."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass
    sys.stdout = None


def say_error(line: str) -> None:
    """One line on standard error, if there is one to write to."""
    try:
        if sys.stderr is not None:
            print(line, file=sys.stderr)
    except (OSError, ValueError):
        pass


def tolerant_streams() -> None:
    """A terminal that cannot show Chinese gets escapes (\\u5317) instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def output_path(text: str, option: str, args: argparse.Namespace) -> Path | None:
    """Where to write, or None for standard output (`-`). Refuses the plan being read."""
    if text == STDOUT:
        return None
    output = Path(text)
    if args.plan:
        try:
            same = output.exists() and os.path.samefile(output, args.plan)
        except OSError:
            same = False
        if same:
            raise UsageError(
                tr("{option}: {path} is the plan file given with --plan; choose another file name").format(
                    option=option, path=output
                )
            )
    return output


def tell(line: str) -> None:
    """A report of what was written. The file is safely written by then: if standard output
    cannot take the report, standard error gets it instead of a failure."""
    try:
        write_out(line + "\n")
    except OutputError as error:
        if isinstance(error.error, BrokenPipeError):
            raise
        say_error(line)


def pdf_output(args: argparse.Namespace) -> Path | None:
    """Where --pdf writes (None: standard output), refused before any work when it cannot be."""
    output = output_path(args.pdf, "--pdf", args)
    from carte_planner.storage.atomic import WriteError

    if output is not None and output.is_dir():
        raise WriteError("--pdf: " + tr("{path} is a folder, not a file").format(path=output))
    if output is not None and not output.parent.is_dir():
        raise WriteError(
            "--pdf: "
            + tr("Could not write {path}: {reason}.").format(path=output, reason=tr("the folder does not exist"))
        )
    return output


def write_pdf(document: object, output: Path | None, paper: str, plan: str | None) -> int:
    """Qt renders the PDF; it needs an application object, and no display. Without `output`,
    the PDF goes to standard output."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QPageSize
    from PySide6.QtWidgets import QApplication

    from carte_planner.ui.printing import render_pdf, write_pdf

    _app = QApplication.instance() or QApplication(["carte-planner"])
    size = QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4
    try:
        if output is None:
            data, pages = render_pdf(document, size)  # type: ignore[arg-type]
            write_out(data)
            return pages
        return write_pdf(document, output, size, protect=[plan] if plan else [])  # type: ignore[arg-type]
    except OSError as error:
        from carte_planner.storage.atomic import WriteError

        raise WriteError(f"--pdf: {error}") from None


def fail(message: str, code: int = EXIT_USAGE) -> int:
    say_error(tr("carte-planner: error: {message}").format(message=message))
    return code
