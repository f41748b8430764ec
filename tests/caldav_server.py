"""A real Radicale CalDAV server for the publishing tests, on 127.0.0.1 only, started and
stopped by the tests themselves, with htpasswd sign-in and a temporary storage folder."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

USER = "family"
PASSWORD = "app-password-1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no authority signed, made with the openssl command."""
    certificate, key = folder / "server.pem", folder / "server.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", str(key), "-out", str(certificate),
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return certificate, key


# Radicale waits for every file it writes to reach the disk (fsync): the tests' throwaway folder
# does not need it, and a publish of a hundred events waited on it a hundred times. Its option
# for that is not taken from the command line or a configuration file.
RADICALE_WITHOUT_FSYNC = (
    "import os, runpy; os.fsync = lambda fd: None; runpy.run_module('radicale', run_name='__main__')"
)


class RadicaleServer:
    """One server process; stop() and start() again keep the port and the stored calendars. The
    tests share one per test process: fresh_account() gives each an empty account."""

    def __init__(self, folder: Path, tls: tuple[Path, Path] | None = None) -> None:
        self.folder = folder
        # More Radicale options for the next start(), such as a limit on the size of a request.
        self.options: list[str] = []
        self.port = free_port()
        self.tls = tls
        self.users = folder / "users"
        self.users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}/"

    def start(self) -> None:
        command = [
            sys.executable, "-c", RADICALE_WITHOUT_FSYNC,
            "--server-hosts", f"127.0.0.1:{self.port}",
            "--auth-type", "htpasswd",
            "--auth-htpasswd-filename", str(self.users),
            "--auth-htpasswd-encryption", "plain",
            # Radicale waits after a failed sign-in to slow down guessing; the tests need no wait.
            "--auth-delay", "0",
            "--storage-filesystem-folder", str(self.folder / "storage"),
            "--rights-type", "owner_only",
            "--logging-level", "error",
        ]  # fmt: skip
        command += self.options
        if self.tls:
            certificate, key = self.tls
            command += ["--server-ssl", "True", "--server-certificate", str(certificate), "--server-key", str(key)]
        with (self.folder / "radicale.log").open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=log)
        _wait_until_listening(self.process, self.port, self.folder / "radicale.log", "Radicale")

    def stop(self) -> None:
        _stop(self.process)
        self.process = None

    def fresh_account(self) -> None:
        """The user's account as new: no calendar, and the server running with its usual options
        (a test before may have stopped it or limited its requests). Radicale reads its storage
        folder on every request, so removing the user's folder between two tests is enough."""
        if self.options or self.process is None or self.process.poll() is not None:
            self.stop()
            self.options = []
            self.start()
        shutil.rmtree(self.folder / "storage" / "collection-root" / USER, ignore_errors=True)

    def items(self) -> dict[str, bytes]:
        """Every stored event resource of the user, by file name, read from the storage folder."""
        root = self.folder / "storage" / "collection-root" / USER
        found = {}
        for path in sorted(root.glob("*/*.ics")):
            found[f"{path.parent.name}/{path.name}"] = path.read_bytes()
        return found


class XandikosServer:
    """A Xandikos server (Debian's `xandikos` command) on 127.0.0.1, serving a temporary folder.
    Xandikos signs nobody in: it takes the user name and password and ignores them. The tests
    share one per test process: fresh_account() gives each the account as it was at the start."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._defaults: dict[str, tuple[int, int]] = {}

    @staticmethod
    def command() -> str | None:
        return shutil.which("xandikos")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        program = self.command()
        if program is None:
            raise RuntimeError("the xandikos command is not installed")
        command = [
            program, "--directory", str(self.folder / "xandikos"), "--defaults",
            "--listen-address", "127.0.0.1", "--port", str(self.port),
        ]  # fmt: skip
        with (self.folder / "xandikos.log").open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=log)
        _wait_until_listening(self.process, self.port, self.folder / "xandikos.log", "Xandikos")
        self._defaults = self._default_calendar()

    def stop(self) -> None:
        _stop(self.process)
        self.process = None

    def _calendars(self) -> Path:
        return self.folder / "xandikos" / "user" / "calendars"

    def _default_calendar(self) -> dict[str, tuple[int, int]]:
        """The files of the calendar Xandikos makes at its start, each with its size and time."""
        folder = self._calendars() / "calendar"
        return {
            str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        }

    def fresh_account(self) -> None:
        """The account as Xandikos makes it: its own calendar only, empty. The calendars a test
        made are removed from the folder (each has a new name, so Xandikos, which keeps the
        folders it opened, never sees an old one again); a test that wrote into or changed
        Xandikos's own calendar gets a new server on an empty folder."""
        running = self.process is not None and self.process.poll() is None
        if not running or self._default_calendar() != self._defaults:
            self.stop()
            shutil.rmtree(self.folder / "xandikos", ignore_errors=True)
            self.start()
            return
        for folder in self._calendars().iterdir():
            if folder.name != "calendar":
                shutil.rmtree(folder)

    def items(self) -> dict[str, bytes]:
        """Every stored event resource, by calendar folder and file name, read from the folder
        (Xandikos keeps each calendar as a git repository whose work tree holds the files)."""
        root = self.folder / "xandikos" / "user" / "calendars"
        found = {}
        for path in sorted(root.glob("*/*.ics")):
            found[f"{path.parent.name}/{path.name}"] = path.read_bytes()
        return found


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, log: Path, name: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stopped at start: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not start listening in time")


def _stop(process: subprocess.Popen[bytes] | None) -> None:
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
