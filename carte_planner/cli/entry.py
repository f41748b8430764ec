"""`carte-planner`'s start: the window, or a command; every failure one line on standard error."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# A word that names a command is never taken for a plan file, even if such a file exists.
from carte_planner.cli.commands import NAMES
from carte_planner.cli.output import (
    EXIT_OUTPUT,
    OutputError,
    UsageError,
    fail,
    output_failure,
    tolerant_streams,
)
from carte_planner.domain.errors import PlanInputError, ResourceError
from carte_planner.i18n import current_language, language_for_locale, ntr, set_language, tr, use_language
from carte_planner.storage.errors import PlanFileError


def _system_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return language_for_locale(value)
    return "en"


def _joined_negative_values(argv: Sequence[str]) -> list[str]:
    """`--chemotherapy-days -5..-3` as `--chemotherapy-days=-5..-3`: argparse would read the
    Day number's minus sign as the start of another option."""
    result: list[str] = []
    for arg in argv:
        if result and result[-1] == "--chemotherapy-days" and arg.startswith(("-", "\u2212")):
            result[-1] = f"--chemotherapy-days={arg}"
        else:
            result.append(arg)
    return result


def _parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser these arguments need: without a word that may be a command, nor a request
    for the top-level help (a start of the window), no command's options; with a command's
    word first, that command's alone; otherwise all of them, to list them or say which exist."""
    from carte_planner.cli.parser import build_parser

    words = _words(argv)
    top_help = any(
        word == "--" or word.startswith(("-h", "--h")) for word in argv[: argv.index(words[0]) if words else None]
    )
    if top_help:
        return build_parser()
    if not words:
        return build_parser(commands=False)
    return build_parser(only=words[0]) if words[0] in NAMES else build_parser()


def _words(argv: Sequence[str]) -> list[str]:
    """The arguments that are neither options nor the value of --lang."""
    return [
        word
        for index, word in enumerate(argv)
        if not word.startswith("-") and (index == 0 or argv[index - 1] != "--lang")
    ]


def plan_file_argument(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The plan file to open in the window (as a file manager or a user passes it), and the
    other arguments. A word that could be a mistyped command is left to the parser."""
    # Before a command only top-level options come; of them only --lang takes a value, which
    # is no plan file ("--lang en FILE" opens FILE, as "FILE --lang en" does).
    words = _words(argv)
    if not words or words[0] in NAMES:
        return None, list(argv)
    from carte_planner.storage.planfile import EXTENSION

    word = words[0]
    if word.lower().endswith(EXTENSION) or "/" in word or "\\" in word or Path(word).is_file():
        rest = list(argv)
        rest.remove(word)
        return word, rest
    return None, list(argv)


def _desktop_entry(install: bool) -> int:
    from carte_planner.desktop_entry import data_home, install_desktop_entry, launch_command, uninstall_desktop_entry

    if not sys.platform.startswith("linux"):
        raise UsageError(
            tr(
                "{install} and {uninstall} are for Linux desktops; on Windows and macOS "
                "start Carte Planner from its folder or application bundle"
            ).format(install="--install-desktop-entry", uninstall="--uninstall-desktop-entry")
        )
    from carte_planner.storage.atomic import WriteError, describe_os_error

    home = data_home()
    try:
        if install:
            notes = install_desktop_entry(home, launch_command())
        else:
            removed, notes = uninstall_desktop_entry(home)
    except WriteError:
        raise  # already in the user's words
    except OSError as error:
        path = Path(error.filename) if error.filename else home
        return fail(describe_os_error(error, path, "install" if install else "remove"))
    if install:
        print(
            tr("Carte Planner is in your applications menu, and opens .carteplan files (files under {folder}).").format(
                folder=home
            )
        )
    else:
        print(
            ntr(
                "Removed {n} file of Carte Planner's menu entry and file type from {folder}.",
                "Removed {n} files of Carte Planner's menu entry and file type from {folder}.",
                len(removed),
            ).format(folder=home)
        )
    for note in notes:
        print(note, file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `carte-planner`; returns the exit code. It never ends in a traceback:
    bad input and unwritable output are each one line on standard error."""
    tolerant_streams()
    from carte_planner.startup import start

    # The zone database and the catalogues are the shipped ones (read when first needed).
    start()
    # The language is the command's: a caller (a test, a script) gets its own back afterwards.
    with use_language(current_language()):
        try:
            return _main(argv)
        except OutputError as error:
            return output_failure(error.error)
        except BrokenPipeError as error:  # argparse's own --help and --version output
            return output_failure(error)


def _main(argv: Sequence[str] | None) -> int:
    from carte_planner.storage.atomic import WriteError

    try:
        plan_file, rest = plan_file_argument(sys.argv[1:] if argv is None else argv)
        from carte_planner.cli.words import argparse_speaking, requested_language

        with argparse_speaking(requested_language(rest, _system_language())):
            try:
                args = _parser_for(rest).parse_args(_joined_negative_values(rest))
            except UsageError as error:
                return fail(str(error))
        if args.command is not None:
            set_language(args.lang or _system_language())
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            if args.command or plan_file:
                raise UsageError(
                    tr("{install} and {uninstall} take no command or file").format(
                        install="--install-desktop-entry", uninstall="--uninstall-desktop-entry"
                    )
                )
            return _desktop_entry(args.install_desktop_entry)
        if args.command is None:
            from carte_planner.ui.launch import launch

            return launch(exit_after_show=args.exit_after_show, plan_file=plan_file, language=args.lang)
        if plan_file:
            raise UsageError(
                tr("a plan file is opened with {option} {path}, not as a word before the command").format(
                    option="--plan", path=plan_file
                )
            )
        from carte_planner.cli.dispatch import run

        return run(args)
    except UsageError as error:
        return fail(str(error))
    except PlanInputError as error:
        option = error.described.option_for(error.entry) if error.described is not None else None
        return fail(f"{option}: {error.message}" if option else str(error))
    except WriteError as error:  # an output file, as for standard output: see EXIT_OUTPUT
        return fail(str(error), EXIT_OUTPUT)
    except (ResourceError, PlanFileError) as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return 130
