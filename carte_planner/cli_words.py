"""argparse's own words ("usage:", "options", the refusals of a wrong option) from the
catalogue. argparse looks them up with gettext in its own domain, which nothing fills, so they
are looked up here while the command line's parser is built and used."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
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
