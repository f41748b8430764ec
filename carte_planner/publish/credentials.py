"""The calendar server's password in the system keyring, never in a plan file."""

from __future__ import annotations

import contextlib

from carte_planner.i18n import tr_noop

SERVICE = "Carte Planner calendar server"

NO_KEYRING = tr_noop(
    "This computer has no system keyring (such as macOS Keychain, Windows Credential Manager, "
    "GNOME Keyring or KWallet) that Carte Planner can use, so the password cannot be kept safely: "
    "it is asked for each time, and never written to a file."
)


def _account(url: str, user: str) -> str:
    # One entry per server and user: a family may publish to two servers.
    return f"{user} at {url}"


def keyring_available() -> bool:
    """Whether a real keyring backend is there (not keyring's "fail" or "null" stand-ins)."""
    import keyring
    from keyring.backends import fail, null

    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is no keyring
        return False
    return not isinstance(backend, (fail.Keyring, null.Keyring)) and backend.priority > 0


def saved_password(url: str, user: str) -> str | None:
    """The password saved for this server and user, or None (also when there is no keyring)."""
    import keyring
    from keyring.errors import KeyringError

    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, _account(url, user))
    except KeyringError:
        return None


def save_password(url: str, user: str, password: str) -> bool:
    """Keep the password in the keyring; False when there is none or it refused."""
    import keyring
    from keyring.errors import KeyringError

    if not keyring_available():
        return False
    try:
        keyring.set_password(SERVICE, _account(url, user), password)
    except KeyringError:
        return False
    return True


def forget_password(url: str, user: str) -> None:
    """Remove a saved password (after the server refused it), if there is one."""
    import keyring
    from keyring.errors import KeyringError

    if not keyring_available():
        return
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, _account(url, user))
