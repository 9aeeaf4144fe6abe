"""How the app is served, with real processes: who may set the scheme (only PROXY_FIX_HOPS
proxies), where it listens while anyone could sign a delivery (loopback only), and what a
client's connection looks like after an answer given without reading the body."""
from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from tests.peers import LiveApp, free_port

pytestmark = pytest.mark.e2e
REAL = {"QSTASH_TOKEN": "a-real-looking-token", "QSTASH_CURRENT_SIGNING_KEY": "sig_realcurrentkey0000000000",
        "QSTASH_NEXT_SIGNING_KEY": "sig_realnextkey000000000000000", "QSTASH_URL": "http://127.0.0.1:9"}
SPOOFED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Host": "evil.example",
           "X-Forwarded-Port": "443", "X-Forwarded-Prefix": "/evil", "SCRIPT_NAME": "/evil",
           "X-Forwarded-Ssl": "on", "X-Forwarded-Protocol": "ssl", "Forwarded": "proto=https;for=203.0.113.9"}


def listening(port: int) -> set[str]:
    """The addresses some process of this machine listens on at ``port`` (/proc/net/tcp*)."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # LISTEN
                raw = bytes.fromhex(address)
                words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
                found.add(socket.inet_ntop(socket.AF_INET if width == 8 else socket.AF_INET6, words))
    return found


@pytest.mark.parametrize("server", ["gunicorn", "flask"])
def test_forwarded_headers_are_trusted_only_through_proxy_fix(tmp_path, server):
    """PROXY_FIX_HOPS=0 trusts no X-Forwarded-* at all, whatever gunicorn's own
    FORWARDED_ALLOW_IPS says; PROXY_FIX_HOPS=1 trusts one hop."""
    env = {"PROXY_FIX_HOPS": "0", "FORWARDED_ALLOW_IPS": "*"}
    app = LiveApp(tmp_path, env, server=server).start()
    try:
        seen = httpx.get(app.url + "/health", headers=SPOOFED).json()["seen_as"]
        assert seen == {"remote_addr": "127.0.0.1", "scheme": "http", "host": f"127.0.0.1:{app.port}"}
    finally:
        app.stop()
    app = LiveApp(tmp_path, {**env, "PROXY_FIX_HOPS": "1"}, server=server).start()
    try:
        seen = httpx.get(app.url + "/health", headers=SPOOFED).json()["seen_as"]
        assert seen == {"remote_addr": "203.0.113.9", "scheme": "https", "host": "evil.example"}
    finally:
        app.stop()


def test_dev_keys_listen_on_loopback_by_default(tmp_path):
    port = free_port()
    app = LiveApp(tmp_path, {"GUNICORN_BIND": None, "PORT": str(port)}, port=port).start()
    try:
        assert listening(port) == {"127.0.0.1"}
        assert f"Listening at: http://127.0.0.1:{port}" in app.log
    finally:
        app.stop()


def test_a_real_token_listens_on_every_interface_by_default(tmp_path):
    port = free_port()
    app = LiveApp(tmp_path, {"GUNICORN_BIND": None, "PORT": str(port), **REAL}, port=port).start()
    try:
        assert listening(port) == {"0.0.0.0"}
    finally:
        app.stop()


@pytest.mark.parametrize("how", ["GUNICORN_BIND", "-b", "[::]", "a name", "dev keys with a token", "flask"])
def test_dev_keys_on_a_public_address_refuse_to_start(tmp_path, how):
    port = free_port()
    server, env, args = "gunicorn", {}, ()
    if how == "GUNICORN_BIND":
        env = {"GUNICORN_BIND": f"0.0.0.0:{port}"}
    elif how == "-b":  # the command line overrides the configuration file's bind
        args = ("-b", f"0.0.0.0:{port}")
    elif how == "[::]":
        env = {"GUNICORN_BIND": f"[::]:{port}"}
    elif how == "a name":
        env = {"GUNICORN_BIND": f"{socket.gethostname()}:{port}"}
    elif how == "dev keys with a token":
        from datavis.qstash_dev.config import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY
        env = {**REAL, "QSTASH_CURRENT_SIGNING_KEY": DEV_CURRENT_SIGNING_KEY,
               "QSTASH_NEXT_SIGNING_KEY": DEV_NEXT_SIGNING_KEY, "GUNICORN_BIND": f"0.0.0.0:{port}"}
    else:
        server, args = "flask", ("--host", "0.0.0.0")
    code, log = LiveApp(tmp_path, env, port=port, server=server, args=args).refused_to_start()
    assert code != 0
    assert "refusing to listen on" in log and "public development signing keys" in log, log[-2000:]
    assert "ALLOW_DEV_QSTASH_ON_PUBLIC_BIND=1" in log
    assert listening(port) == set()


@pytest.mark.parametrize("server", ["gunicorn", "flask"])
def test_dev_keys_on_a_public_address_with_the_opt_in(tmp_path, server):
    port = free_port()
    env = {"ALLOW_DEV_QSTASH_ON_PUBLIC_BIND": "1", "GUNICORN_BIND": f"0.0.0.0:{port}"}
    app = LiveApp(tmp_path, env, port=port, server=server,
                  args=("--host", "0.0.0.0") if server == "flask" else ()).start()
    try:
        assert listening(port) == {"0.0.0.0"}
    finally:
        app.stop()


def test_flask_run_on_loopback_serves(tmp_path):
    app = LiveApp(tmp_path, {}, server="flask").start()
    try:
        assert httpx.get(app.url + "/health/live").json() == {"status": "ok"}
    finally:
        app.stop()


def exchange(sock: socket.socket, request: bytes) -> tuple[str, bytes]:
    """Send one request; read one answer: (head, body). (Bodies here are small JSON.)"""
    sock.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed before an answer: {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length")))
    while len(body) < length:
        body += sock.recv(65536)
    return head.decode("latin-1"), body


def post(path: str, body: bytes, extra: str = "", chunked: bool = False) -> bytes:
    if chunked:
        framed = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 8192]), body[i:i + 8192])
                          for i in range(0, len(body), 8192)) + b"0\r\n\r\n"
        return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"Transfer-Encoding: chunked\r\n{extra}\r\n").encode() + framed
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n{extra}\r\n").encode() + body


def test_an_unread_body_never_leaves_a_dead_keep_alive_connection(tmp_path):
    """Whatever the app answers without reading the body (413, 401, 404, 415), a connection
    it calls keep-alive answers the next request, and one it cannot reuse says close."""
    app = LiveApp(tmp_path, {"MAX_JSON_KB": "4", "API_KEYS": "key-one"}).start()
    key = "Authorization: Bearer key-one\r\n"
    big = b'{"prompt": "' + b"x" * 100_000 + b'"}'
    small = b'{"prompt": "' + b"x" * 10_000 + b'"}'  # over MAX_JSON_KB, under what gunicorn drains
    # Valid JSON, then padding: cut at the limit it would still parse (Werkzeug cuts chunked
    # bodies quietly), so it must be refused whole.
    padded = b'{"prompt": "total revenue by region", "file_id": "f", "chat_id": "c"}' + b" " * 100_000
    cases = [("/analyze", big, key, False, 413), ("/analyze", small, key, False, 413),
             ("/analyze", big, key, True, 413), ("/analyze", padded, key, True, 413),
             ("/analyze", padded[:5000], key, True, 413), ("/files", big * 10, "", False, 401),
             ("/nope", big, key, False, 404), ("/analyze", small, "", False, 401),
             ("/internal/process-analysis_tasks", big * 11, "", False, 413)]
    try:
        for path, body, extra, chunked, status in cases:
            with socket.create_connection(("127.0.0.1", app.port), timeout=10) as sock:
                head, _ = exchange(sock, post(path, body, extra, chunked))
                assert head.startswith(f"HTTP/1.1 {status} "), (path, head)
                if "connection: keep-alive" in head.lower():
                    head, body_ = exchange(sock, b"GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n")
                    assert head.startswith("HTTP/1.1 200") and b'"ok"' in body_, (path, len(body))
                else:
                    assert "connection: close" in head.lower(), head
                    assert sock.recv(1) == b""  # and it does close
        # A pooled client never meets a "server disconnected".
        json_type = {"Content-Type": "application/json"}
        with httpx.Client(base_url=app.url, headers={"Authorization": "Bearer key-one"}, timeout=10) as http:
            for _ in range(5):
                assert http.post("/analyze", content=big, headers=json_type).status_code == 413
                assert http.get("/health/live").status_code == 200
                assert http.post("/analyze", content=small, headers=json_type).status_code == 413
                assert http.get("/files").status_code == 200
    finally:
        app.stop()
