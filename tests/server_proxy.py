"""A small proxy on 127.0.0.1 in front of the tests' Radicale server that misbehaves on request:
it redirects to another address, trickles its answer a byte at a time, or cuts an answer short.
Beside it, a decoy server counts every request that reaches it."""

from __future__ import annotations

import http.client
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class Decoy:
    """Another host (a port of its own) that records what it is sent and answers 200."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        decoy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def __getattr__(self, name: str):
                if not name.startswith("do_"):
                    raise AttributeError(name)
                return self._record

            def _record(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                decoy.requests.append((self.command, self.path, dict(self.headers)))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class MisbehavingProxy:
    """Forwards to `upstream` (host, port) until told otherwise. After `passed` requests went
    through untouched, each later request is answered as `mode` says:
    - "redirect": 307 to `redirect_to` + the same path;
    - "trickle": the upstream answer's headers at once, then its body a byte every `pause` seconds;
    - "truncate": the upstream answer cut to half its body (a PROPFIND's XML ends mid-element);
    - "slow": the upstream answer after `pause` seconds.
    A path under /moved/ is always redirected to the same path without it, on the proxy itself.
    A request whose path ends with `hold` is passed on, and its answer held back from `held` being
    set until `release` is: the server did what was asked, the client has not heard so yet."""

    def __init__(self, upstream: tuple[str, int], tls: tuple[Path, Path] | None = None) -> None:
        self.upstream = upstream
        self.mode = ""
        self.passed = 0
        self.redirect_to = ""
        self.pause = 1.0
        self.seen = 0
        self.hold = ""
        self.held = threading.Event()
        self.release = threading.Event()
        self.stopped = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def __getattr__(self, name: str):
                if not name.startswith("do_"):
                    raise AttributeError(name)
                return self._forward

            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                proxy.seen += 1
                mode = proxy.mode if proxy.seen > proxy.passed else ""
                if self.path.startswith("/moved/"):
                    # An address that moved on the same server: the redirect a server may rightly send.
                    mode, self.path = "redirect", self.path.removeprefix("/moved")
                    target = proxy.url
                else:
                    target = proxy.redirect_to
                if mode == "redirect":
                    self.send_response(307)
                    self.send_header("Location", target.rstrip("/") + self.path)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status, headers, answer = proxy.ask_upstream(self.command, self.path, dict(self.headers), body)
                if mode == "truncate" and self.command == "PROPFIND":
                    answer = answer[: len(answer) // 2]
                if mode == "slow":
                    time.sleep(proxy.pause)
                if proxy.hold and self.path.endswith(proxy.hold):
                    proxy.held.set()
                    proxy.release.wait(30)
                self.send_response(status)
                for key, value in headers:
                    if key.lower() not in _HOP_HEADERS:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer) if mode != "trickle" else len(answer) + 10_000))
                self.end_headers()
                if mode != "trickle":
                    self.wfile.write(answer)
                    return
                self.wfile.flush()
                # The answer is never finished: the connection closes after it, so that the
                # client's request ends as soon as the proxy stops.
                self.close_connection = True
                for byte in (answer + b" " * 10_000)[:200]:
                    if proxy.stopped.wait(proxy.pause):
                        return
                    try:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                    except OSError:
                        return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server.server_address[1]}/"

    def ask_upstream(self, method: str, path: str, headers: dict[str, str], body: bytes):
        connection = http.client.HTTPConnection(*self.upstream, timeout=30)
        try:
            sent = {k: v for k, v in headers.items() if k.lower() not in _HOP_HEADERS}
            connection.request(method, path, body=body or None, headers=sent)
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
