"""Signing keys and the ``Upstash-Signature`` JWT, made exactly as QStash makes them."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import string
import time

_ALPHABET = (string.ascii_letters + string.digits).encode()
# Maps each random byte to a letter or digit (62 does not divide 256: a slight bias that
# does not matter for identifiers, and keeps this at one urandom call per id).
_TO_ALPHABET = bytes(_ALPHABET[i % len(_ALPHABET)] for i in range(256))
_JWT_HEADER = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').rstrip(b"=")


def random_id(prefix: str, length: int = 28) -> str:
    """An id in QStash's style: ``msg_…``, ``jwt_…``, ``sig_…``, ``scd_…``."""
    return prefix + os.urandom(length).translate(_TO_ALPHABET).decode()


def new_signing_key() -> str:
    return random_id("sig_")


def body_hash(body: bytes) -> str:
    """base64url(sha256(body)) with ``=`` padding, the JWT's ``body`` claim."""
    return base64.urlsafe_b64encode(hashlib.sha256(body).digest()).decode()


def sign(key: str, url: str, body: bytes, now: float | None = None) -> str:
    """The ``Upstash-Signature`` for one delivery attempt of ``body`` to ``url``.

    Integer ``iat``/``exp``, ``nbf`` 0 (QStash's choice since Sept. 2024), a string ``jti``
    and no ``aud``: what ``qstash.Receiver`` on PyJWT >= 2.10 accepts.
    """
    issued = int(time.time() if now is None else now)
    claims = {
        "iss": "Upstash",
        "sub": url,
        "iat": issued,
        "nbf": 0,
        "exp": issued + 300,
        "jti": random_id("jwt_"),
        "body": body_hash(body),
    }
    # HS256 by hand (RFC 7519): PyJWT's encode costs several times more per delivery, and
    # the tests verify every signature with qstash.Receiver, which decodes with PyJWT.
    payload = base64.urlsafe_b64encode(json.dumps(claims, separators=(",", ":")).encode()).rstrip(b"=")
    signing_input = _JWT_HEADER + b"." + payload
    mac = hmac.new(key.encode(), signing_input, hashlib.sha256).digest()
    return (signing_input + b"." + base64.urlsafe_b64encode(mac).rstrip(b"=")).decode()
