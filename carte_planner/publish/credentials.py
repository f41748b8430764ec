"""The calendar server's password in the system keyring, never in a plan file.

A keyring is another program (a desktop service, a locked wallet) that may never answer or may
fail in its own way: every call waits a limited time, and a failure is not an error of the
publish but a reason to ask the user for the password.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from carte_planner.i18n import tr, tr_noop

SERVICE = "Carte Planner calendar server"
# A keyring that needs longer than this is treated as absent for this call.
KEYRING_LIMIT_SECONDS = 10.0

NO_KEYRING = tr_noop(
    "This computer has no system keyring (such as macOS Keychain, Windows Credential Manager, "
    "GNOME Keyring or KWallet) that Carte Planner can use, so the password cannot be kept safely: "
    "it is asked for each time, and never written to a file."
)

_T = TypeVar("_T")


class KeyringTrouble(Exception):
    """The keyring did not answer in time, or failed: the message says so in the user's words."""


def _within_limit(call: Callable[[], _T]) -> _T:
    outcome: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed back to the waiting thread
            outcome["error"] = error
        finally:
            done.set()

    # A daemon thread: a keyring that never answers never keeps the program running.
    threading.Thread(target=run, name="keyring", daemon=True).start()
    if not done.wait(KEYRING_LIMIT_SECONDS):
        raise KeyringTrouble(
            tr("The system keyring did not answer within {seconds} seconds.").format(seconds=int(KEYRING_LIMIT_SECONDS))
        )
    if "error" in outcome:
        error = outcome["error"]
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0][:160]
        raise KeyringTrouble(tr("The system keyring gave an error ({reason}).").format(reason=reason))
    return outcome["value"]


def _account(url: str, user: str) -> str:
    # One entry per server and user: a family may publish to two servers.
    return f"{user} at {url}"


def _has_keyring() -> bool:
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    return not isinstance(backend, (fail.Keyring, null.Keyring)) and backend.priority > 0


def keyring_available() -> bool:
    """Whether a real keyring backend is there (not keyring's "fail" or "null" stand-ins)."""
    try:
        return _within_limit(_has_keyring)
    except KeyringTrouble:  # a broken or silent keyring configuration is no keyring
        return False


def password_from_keyring(url: str, user: str) -> tuple[str | None, str]:
    """The password saved for this server and user (None when there is none), and, when the
    keyring could not be asked, why: the caller then asks the user instead."""
    import keyring

    try:
        if not _within_limit(_has_keyring):
            return None, ""
        return _within_limit(lambda: keyring.get_password(SERVICE, _account(url, user))), ""
    except KeyringTrouble as trouble:
        return None, str(trouble) + " " + tr("Type the password.")


def saved_password(url: str, user: str) -> str | None:
    """The password saved for this server and user, or None (also when the keyring fails)."""
    return password_from_keyring(url, user)[0]


def save_password(url: str, user: str, password: str) -> bool:
    """Keep the password in the keyring; False when there is none, it refused or did not answer."""
    import keyring

    try:
        if not _within_limit(_has_keyring):
            return False
        _within_limit(lambda: keyring.set_password(SERVICE, _account(url, user), password))
    except KeyringTrouble:
        return False
    return True


def forget_password(url: str, user: str) -> None:
    """Remove a saved password (after the server refused it), if there is one."""
    import keyring

    with contextlib.suppress(KeyringTrouble):
        if _within_limit(_has_keyring):
            _within_limit(lambda: keyring.delete_password(SERVICE, _account(url, user)))
