"""One running Carte Planner per user: a second launch hands its plan file to the first,
which opens it in a new window, instead of a second process fighting over the same settings
and safety copy.

The two talk over a local socket (a named pipe on Windows) named for the user. A request is
one line of JSON; the answer is one line too: "ok" once the running app has taken the request
(it then opens the file, and explains there, in its window, a file that does not open), or
why it did not take it. A request carries the time by which the second launch stops waiting:
a running app that was frozen until then drops it, since that launch has already told the
user that nothing would happen.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500
ANSWER_MS = 5_000
OK = "ok"


def server_name() -> str:
    """Per user, so two people on one computer never reach each other's window, and per
    display: a launch on another screen of an X11 or Wayland session opens there, not in a
    window the user cannot see."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "user"
    display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or ""
    key = f"{user}\0{display}" if display else user
    return "carte-planner-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class HandOff:
    """What happened to a second launch's request."""

    NO_RUNNING_APP = "none"
    DONE = "done"
    FAILED = "failed"


def hand_to_running_app(plan_file: str | None, name: str | None = None, answer_ms: int = ANSWER_MS) -> tuple[str, str]:
    """Ask a running Carte Planner to open `plan_file` (or to show itself). Returns the outcome
    (a HandOff value) and, when it failed, why, in the user's words."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return HandOff.NO_RUNNING_APP, ""
    deadline = time.time() + answer_ms / 1000
    request = json.dumps({"open": plan_file, "answer_by": deadline}) + "\n"
    socket.write(request.encode("utf-8"))
    if not socket.waitForBytesWritten(CONNECT_MS):
        return HandOff.FAILED, "Carte Planner is already running but did not accept the request."
    answer = b""
    while not answer.endswith(b"\n"):
        if not socket.waitForReadyRead(answer_ms):
            return HandOff.FAILED, "Carte Planner is already running but did not answer."
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    text = answer.decode("utf-8", "replace").strip()
    return (HandOff.DONE, "") if text == OK else (HandOff.FAILED, text)


class InstanceServer(QObject):
    """Listens for second launches; `requested` carries the plan file ("" for none)."""

    requested = Signal(str)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket left behind by a crashed Carte Planner is removed first
        (a live one would have answered hand_to_running_app)."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)

    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket) or not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            request = json.loads(line)
            plan_file = request.get("open") or ""
            answer_by = request.get("answer_by", float("inf"))
            if not isinstance(plan_file, str) or not isinstance(answer_by, int | float):
                raise TypeError
        except (ValueError, TypeError, AttributeError):
            self._answer(socket, "Carte Planner did not understand the request.")
            return
        if time.time() > answer_by or socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            return  # the launch gave up waiting and said so: acting now would surprise the user
        self._answer(socket, OK)
        # After the answer: opening may show a dialog, and the second launch need not wait for it.
        QTimer.singleShot(0, self, lambda: self.requested.emit(plan_file))

    @staticmethod
    def _answer(socket: QLocalSocket, text: str) -> None:
        if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            socket.write((" ".join(text.split()) + "\n").encode("utf-8"))
            socket.flush()
