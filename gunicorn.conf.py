"""gunicorn settings, from the environment (``.env`` read too; the environment wins).

    gunicorn -c gunicorn.conf.py wsgi:app
"""
import os

from dotenv import load_dotenv

load_dotenv(override=False)


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{_int('PORT', 8000)}"
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
# Forwarded headers are handled by the app's ProxyFix (PROXY_FIX_HOPS), not gunicorn.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    """Create the tables once in the master, before the workers start (without building
    the app here: tracing set up before fork would not survive in the workers)."""
    from datavis.config import from_env
    from datavis.store.database import create_schema, make_engine

    engine = make_engine(from_env()["DATABASE_URL"])
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
