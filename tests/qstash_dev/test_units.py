"""Pure pieces of the local QStash server: settings, durations, retry delays, options,
signatures."""
from __future__ import annotations

import subprocess
import sys

import jwt
import pytest
from qstash import Receiver

from datavis.dev_credentials import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY
from datavis.qstash_dev import options as opts
from datavis.qstash_dev.config import ConfigError, DevConfig, load
from datavis.qstash_dev.signing import body_hash, sign
from datavis.qstash_dev.timing import parse_duration, retry_after_seconds
from datavis.retry_schedule import DurationError, default_backoff, retry_delay_seconds
from tests.peers import ROOT


@pytest.mark.parametrize("text, seconds", [
    ("90", 90), ("10s", 10), ("2m", 120), ("1h30m3s", 5403), ("1d10h30m", 124200),
])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "1y", "10 s", "s10", "-5s", "5ms"])
def test_bad_durations(text):
    with pytest.raises(DurationError):
        parse_duration(text)


def test_default_backoff_is_qstash_schedule():
    assert [round(default_backoff(k)) for k in range(5)] == [1, 12, 148, 1808, 22026]
    assert default_backoff(10) == 86400


@pytest.mark.parametrize("expression, retried, seconds", [
    ("1000", 0, 1), ("1000 * (1 + retried)", 2, 3), ("pow(2, retried) * 1000", 3, 8),
    ("max(1000, pow(2, retried) * 100)", 1, 1), ("min(5000, 100 * retried)", 100, 5),
    ("floor(1500.7) + ceil(0.2) + round(1.4) + abs(-1) + sqrt(4) + exp(0)", 0, 1.5057),
    ("10 ** 20", 0, 86400),
])
def test_retry_delay_expressions(expression, retried, seconds):
    assert retry_delay_seconds(expression, retried) == pytest.approx(seconds, rel=1e-3)


@pytest.mark.parametrize("expression", [
    "__import__('os').system('true')", "open('/etc/passwd')", "retried.__class__",
    "(lambda: 1)()", "[1][0]", "x", "pow(2)", "'a' * 3", "2 ** 1000", "pow(10, 1000)",
    "1; 2", "sqrt(-1)", "1 / 0", "True", "((((9 ** 64) ** 64) ** 64) ** 64) ** 64",
    "pow(pow(pow(9, 64), 64), 64)",
])
def test_retry_delay_rejects_anything_but_arithmetic(expression):
    with pytest.raises(DurationError):
        retry_delay_seconds(expression, 0)


def test_retry_after_forms():
    now = 1_000_000.0
    header = {"Retry-After": "30"}.get
    assert retry_after_seconds(header, now) == 30
    assert retry_after_seconds({"X-RateLimit-Reset": "6m5s"}.get, now) == 365
    assert retry_after_seconds({"Retry-After": "0"}.get, now) == 0
    assert retry_after_seconds({"Retry-After": "Mon, 12 Jan 1970 13:46:50 GMT"}.get, now) == \
        pytest.approx(10)
    assert retry_after_seconds({"Retry-After": "100000"}.get, now) is None  # over a day
    assert retry_after_seconds({}.get, now) is None


def test_options_follow_the_sdk_headers():
    raw = opts.collect([
        ("Content-Type", "application/json"), ("Upstash-Forward-X-Key", "v"),
        ("Upstash-Content-Based-Deduplication", "True"),  # the Python SDK's str(True)
        ("Upstash-Flow-Control-Key", "k"), ("Upstash-Flow-Control-Value", "parallelism=3, rate=4,period=2s"),
        ("Upstash-Callback", "http://cb"), ("Upstash-Callback-Forward-Auth", "t"),
        ("Upstash-Callback-X-Ignored", "1"), ("Upstash-Failure-Callback-Retries", "1"),
        ("Authorization", "Bearer secret"), ("Host", "x"),
    ], {"upstash-retries": "4", "other": "1"})
    o = opts.parse(raw)
    assert o.forward == {"Content-Type": "application/json", "X-Key": "v"}
    assert o.content_dedup and o.retries == 4
    assert (o.flow.parallelism, o.flow.rate, o.flow.period) == (3, 4, 2)
    assert o.callback.url == "http://cb" and o.callback.forward == {"Auth": "t"}
    assert o.failure_callback.retries == 1
    assert "Authorization" not in str(raw)


@pytest.mark.parametrize("header, value", [
    ("Upstash-Method", "TRACE"), ("Upstash-Retries", "-1"), ("Upstash-Callback", "ftp://x"),
    ("Upstash-Timeout", "0s"), ("Upstash-Flow-Control-Value", "parallelism=2"),
])
def test_options_refuse_bad_values(header, value):
    with pytest.raises(opts.OptionError):
        opts.parse({header: value})


def test_signature_is_what_the_receiver_expects():
    token = sign(DEV_CURRENT_SIGNING_KEY, "http://127.0.0.1/x", b"body")
    claims = jwt.decode(token, DEV_CURRENT_SIGNING_KEY, algorithms=["HS256"], issuer="Upstash")
    assert claims["sub"] == "http://127.0.0.1/x" and claims["nbf"] == 0
    assert claims["exp"] - claims["iat"] == 300 and claims["jti"].startswith("jwt_")
    assert claims["body"] == body_hash(b"body") and claims["body"].endswith("=")
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    Receiver(DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY).verify(
        signature=token, body="body", url="http://127.0.0.1/x")
    assert body_hash(b"") == "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU="


def test_settings_come_from_flags_then_environment_then_defaults():
    env = {"QSTASH_DEV_PORT": "9000", "QSTASH_DEV_TIME_SCALE": "0.5", "QSTASH_DEV_DAILY_LIMIT": "7",
           "QSTASH_TOKEN": "tok", "QSTASH_DEV_LOG_LEVEL": "warning", "QSTASH_DEV_CONCURRENCY": ""}
    config = load(["--port", "0", "--data-file", "q.sqlite3"], env)
    assert (config.port, config.data_file, config.time_scale, config.daily_limit) == (0, "q.sqlite3", 0.5, 7)
    assert (config.token, config.log_level, config.concurrency) == ("tok", "WARNING", 100)
    assert load([], {}) == DevConfig()
    with pytest.raises(AttributeError):
        config.port = 1  # frozen: built once


@pytest.mark.parametrize("name, value", [
    ("QSTASH_DEV_TIME_SCALE", "fast"), ("QSTASH_DEV_TIME_SCALE", "nan"), ("QSTASH_DEV_PORT", "70000"),
    ("QSTASH_DEV_CONCURRENCY", "0"), ("QSTASH_DEV_DEFAULT_RETRIES", "-1"),
    ("QSTASH_DEV_DAILY_LIMIT", "1.5"), ("QSTASH_DEV_LOG_LEVEL", "loud"),
])
def test_a_bad_setting_names_its_variable(name, value):
    with pytest.raises(ConfigError, match=name):
        load([], {name: value})


def test_a_bad_setting_stops_the_command_cleanly():
    env = {"QSTASH_DEV_MAX_TIMEOUT": "forever", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "datavis.qstash_dev", "--port", "0"], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "QSTASH_DEV_MAX_TIMEOUT must be a number" in done.stderr
    assert "Traceback" not in done.stderr
