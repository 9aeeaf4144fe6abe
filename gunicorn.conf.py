"""gunicorn settings, from the environment (``.env`` read too; the environment wins).

    gunicorn -c gunicorn.conf.py wsgi:app
"""
from datavis.binding import check_bind, default_bind
from datavis.config import ConfigError, Settings
from datavis.metrics import use_shared_dir

try:
    settings = Settings.from_env()  # the same settings the app reads (.env included)
except ConfigError as exc:
    raise SystemExit(f"datavis: {exc}") from None
use_shared_dir(settings.data_dir)  # /metrics adds up every worker's files (prometheus multiprocess mode)

# With Upstash's public dev keys anyone can sign a delivery: loopback only, unless a real
# token is set (or ALLOW_DEV_QSTASH_ON_PUBLIC_BIND=1; on_starting checks any bind, -b too).
bind = default_bind(settings)
workers = settings.gunicorn_workers
# gthread: each open event stream (GET /chats/<id>/events) holds a thread for its life. The
# app refuses streams beyond EVENTS_MAX_STREAMS per worker (503 + Retry-After), and the
# worker gets that many threads on top of GUNICORN_THREADS: at least GUNICORN_THREADS threads
# always remain for requests and QStash's deliveries, however many pages are open.
threads = settings.gunicorn_threads + settings.events_max_streams
worker_class = "gthread"
# A worker busy longer than this is killed (see Settings.worker_timeout).
timeout = settings.worker_timeout
graceful_timeout = settings.gunicorn_graceful_timeout
keepalive = 5
accesslog = settings.gunicorn_access_log  # GUNICORN_ACCESS_LOG set but empty: no access log
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
    from datavis.store.database import create_schema, make_engine

    try:
        check_bind(settings, server.cfg.bind)
    except ConfigError as exc:
        raise SystemExit(f"datavis: {exc}") from None
    engine = make_engine(settings.database_url, settings.db_lock_timeout)
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
