"""The command line: the same journey, calendar export and checklist without a window. One
module per command; `entry` starts the window or the command, `parser` builds the options,
`dispatch` plans the journey and runs the command, `output` writes and maps failures to exit
codes, and `request_options` holds the options every planning command shares."""

from carte_planner.cli.entry import main, plan_file_argument
from carte_planner.cli.output import (
    EXIT_BROKEN_PIPE,
    EXIT_OUTPUT,
    EXIT_USAGE,
    UsageError,
    pdf_output,
    tell,
    write_out,
    write_pdf,
)
from carte_planner.cli.values import parse_date

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_OUTPUT",
    "EXIT_USAGE",
    "UsageError",
    "main",
    "parse_date",
    "pdf_output",
    "plan_file_argument",
    "tell",
    "write_out",
    "write_pdf",
]
