"""argparse's own words ("usage:", "options", the refusals of a wrong option) from the
catalogue. argparse looks them up with gettext in its own domain, which nothing fills, so they
are looked up here while the command line's parser is built and used."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from carte_planner.i18n import LANGUAGES, tr, tr_noop, use_language

# The words argparse shows a user of this command line, exactly as argparse writes them.
ARGPARSE_WORDS = (
    tr_noop("usage: "),
    tr_noop("options"),
    tr_noop("positional arguments"),
    tr_noop("show this help message and exit"),
    tr_noop("argument %(argument_name)s: %(message)s"),
    tr_noop("unrecognized arguments: %s"),
    tr_noop("the following arguments are required: %s"),
    tr_noop("one of the arguments %s is required"),
    tr_noop("not allowed with argument %s"),
    tr_noop("ignored explicit argument %r"),
    tr_noop("expected one argument"),
    tr_noop("expected at most one argument"),
    tr_noop("expected at least one argument"),
    tr_noop("ambiguous option: %(option)s could match %(matches)s"),
    tr_noop("invalid %(type)s value: %(value)r"),
    tr_noop("invalid choice: %(value)r (choose from %(choices)s)"),
)
# A section's heading and its colon ("options:"), as argparse from Python 3.13 on spells it.
_HEADING = tr_noop("%(heading)s:")


class NamedType:
    """An option's type whose name argparse shows in a refusal ("invalid whole number value")
    is in the reader's language, not Python's ("int")."""

    def __init__(self, convert: Callable[[str], object], name: str) -> None:
        self._convert = convert
        self._name = name

    def __call__(self, text: str) -> object:
        return self._convert(text)

    @property
    def __name__(self) -> str:
        return tr(self._name)


WHOLE_NUMBER = NamedType(int, tr_noop("whole number"))
NUMBER = NamedType(float, tr_noop("number"))


class SpokenHelpFormatter(argparse.HelpFormatter):
    """Help whose section headings end with the language's colon (选项：)."""

    class _Section(argparse.HelpFormatter._Section):
        def format_help(self) -> str:
            text: str = super().format_help()
            heading = self.heading
            if heading is argparse.SUPPRESS or heading is None or not text:
                return text
            return text.replace(f"{heading}:\n", tr(_HEADING) % {"heading": heading} + "\n", 1)


def requested_language(argv: Sequence[str], fallback: str) -> str:
    """The --lang the command line asks for, read before the parser exists (its help and its
    refusals are in that language), or `fallback`."""
    for index, word in enumerate(argv):
        value = None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            return value
    return fallback


@contextmanager
def argparse_speaking(language: str) -> Iterator[None]:
    """Inside the block, argparse's words and ours are in `language`."""
    saved = argparse._  # type: ignore[attr-defined]
    argparse._ = tr  # type: ignore[attr-defined]
    try:
        with use_language(language):
            yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


def add_language_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        default=default,
        help=tr(
            "the language of the output: en, zh_CN (简体中文), ru (Русский), ar (العربية); "
            "default: the system's (LC_ALL, LC_MESSAGES, LANG)"
        ),
    )


def add_paper_option(parser: argparse.ArgumentParser) -> None:
    """--paper, for every command that prints a PDF."""
    parser.add_argument("--paper", choices=["a4", "letter"], default="a4", help=tr("paper size of the PDF"))
