"""The command line's parser: the top-level options and one sub-command per module."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from carte_planner import __version__
from carte_planner.cli.output import UsageError
from carte_planner.cli.words import SpokenHelpFormatter, add_language_option
from carte_planner.i18n import tr


class _VersionAction(argparse.Action):
    """--version: the program's version, and the versions of the data its dates rest on (read
    only when asked, so that building the parser reads no file)."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: object, values: object, option: object = None
    ) -> None:
        from carte_planner.data_versions import data_lines

        sys.stdout.write("\n".join([f"Carte Planner {__version__}", *data_lines()]) + "\n")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", SpokenHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser(commands: bool = True, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line's parser; without `commands`, only the options that come before
    a command (what a start of the window is given), and with `only`, those and that one
    command's: the others' options take longer to build than most commands take to run."""
    parser = _Parser(
        prog="carte-planner",
        usage=tr("%(prog)s [FILE.carteplan] [options] | %(prog)s COMMAND ..."),
        description=tr(
            "Plan a CAR-T therapy journey to a hospital in China. Without a command, opens the window "
            "(on the plan FILE.carteplan if one is given). "
            "Dates are estimates: your hospital's schedule always comes first."
        ),
    )
    parser.add_argument("--version", action=_VersionAction, help=tr("show program's version number and exit"))
    parser.add_argument(
        "--exit-after-show", action="store_true", help=tr("open the window, then quit after it is shown")
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help=tr("add Carte Planner to this user's applications menu and open .carteplan files with it (Linux)"),
    )
    desktop.add_argument(
        "--uninstall-desktop-entry", action="store_true", help=tr("remove what --install-desktop-entry added")
    )
    add_language_option(parser, None)
    if not commands:
        parser.set_defaults(command=None)
        return parser
    from carte_planner.cli.commands import command_modules

    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, command in command_modules().items():
        if only is None or name == only:
            command.add_command(subparsers)
    return parser
