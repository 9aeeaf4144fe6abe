"""gunicorn settings, from the environment (``.env`` read too; the environment wins).

    gunicorn -c gunicorn.conf.py wsgi:app
"""
import os

from dotenv import load_dotenv

from datavis.config import check_bind, dev_credentials, from_env
from datavis.metrics import use_shared_dir

load_dotenv(override=False)
settings = from_env(dotenv=False)  # (just loaded)
use_shared_dir(settings)  # /metrics adds up every worker's files (prometheus multiprocess mode)


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


# With Upstash's public dev keys anyone can sign a delivery: loopback only, unless a real
# token is set (or ALLOW_DEV_QSTASH_ON_PUBLIC_BIND=1; on_starting checks any bind, -b too).
bind = os.environ.get("GUNICORN_BIND") or \
    f"{'127.0.0.1' if dev_credentials(settings) else '0.0.0.0'}:{_int('PORT', 8000)}"
workers = _int("GUNICORN_WORKERS", 2)
# gthread: each open event stream (GET /chats/<id>/events) holds a thread for its life. The
# app refuses streams beyond EVENTS_MAX_STREAMS per worker (503 + Retry-After), and the
# worker gets that many threads on top of GUNICORN_THREADS: at least GUNICORN_THREADS threads
# always remain for requests and QStash's deliveries, however many pages are open.
threads = _int("GUNICORN_THREADS", 4) + _int("EVENTS_MAX_STREAMS", 16)
worker_class = "gthread"
# A worker busy longer than this is killed. It must exceed the longest analysis (query time
# limit + an LLM call or two + rendering), or QStash's delivery would be cut short.
timeout = _int("GUNICORN_TIMEOUT", max(120, 4 * int(float(os.environ.get("ANALYSIS_TIMEOUT") or 10))))
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
# Forwarded headers mean only what PROXY_FIX_HOPS says (the app's ProxyFix): gunicorn itself
# trusts no peer, not even loopback (its default, and FORWARDED_ALLOW_IPS, would let any
# local process or a proxy's client set the scheme).
forwarded_allow_ips = ""
secure_scheme_headers = {}
# gunicorn 25+ opens a control socket in $HOME shared by every instance of the user: nothing
# here uses it, so there is none.
control_socket_disable = True
# gunicorn drains at most 64 KB of a body the app left unread (a 413, a 401 before reading)
# before reusing the connection, and drops it otherwise after answering "keep-alive": a
# request whose body may exceed that is answered with "Connection: close" instead.
DRAIN_LIMIT = 64 * 1024


def pre_request(worker, req):
    for name, value in req.headers:
        if (name == "CONTENT-LENGTH" and value.isdigit() and int(value) > DRAIN_LIMIT) or \
                (name == "TRANSFER-ENCODING" and "chunked" in value.lower()):
            req.force_close()


def on_starting(server):
    """Refuse a public bind with dev keys; create the tables once in the master, before the
    workers start (without building the app here: tracing set up before fork would not
    survive in the workers)."""
    from datavis.config import ConfigError
    from datavis.store.database import create_schema, make_engine

    try:
        check_bind(settings, server.cfg.bind)
    except ConfigError as exc:
        raise SystemExit(f"datavis: {exc}") from None
    engine = make_engine(settings["DATABASE_URL"])
    create_schema(engine)
    engine.dispose()


def post_worker_init(worker):
    """On SIGTERM (shutdown, reload), end the worker's open event streams at once, instead of
    holding the graceful shutdown for graceful_timeout; pages reconnect and resume."""
    import signal

    from datavis.services.event_hub import close_all

    stop = signal.getsignal(signal.SIGTERM)

    def end_streams_then_stop(signum, frame):
        close_all()
        stop(signum, frame)

    signal.signal(signal.SIGTERM, end_streams_then_stop)


def child_exit(server, worker):
    """A worker is gone: drop its live gauges from /metrics (multiprocess mode)."""
    from datavis.metrics import mark_process_dead

    mark_process_dead(worker.pid)
