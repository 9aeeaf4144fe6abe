"""Checking that a request really comes from QStash, once.

The signature is verified with ``qstash.Receiver`` over the raw body and the public URL
built from ``API_URL`` (never ``request.url``: behind a proxy or TLS terminator it differs
from the URL QStash signed). A verified token's ``jti`` is remembered until it expires, so
a captured request replayed within its validity is refused too.
"""
from __future__ import annotations

import random
import time

import jwt
import logfire
from flask import current_app
from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError

from datavis.errors import Unauthorized
from datavis.extensions import qstash
from datavis.store import db
from datavis.store.tables import seen_signatures


def verify(signature: str | None, body: str, path: str) -> dict:
    """The verified claims of a QStash request to ``path``, or Unauthorized."""
    if not signature:
        raise Unauthorized("missing Upstash-Signature header")
    url = current_app.config["API_URL"] + path
    with logfire.span("verify qstash signature", path=path):
        try:
            qstash.receiver.verify(signature=signature, body=body, url=url)
            # verify() checked everything but returns nothing: read the claims it accepted.
            claims = jwt.decode(signature, options={"verify_signature": False})
        except Exception:  # SignatureError, and KeyError for a token without a body claim
            raise Unauthorized("invalid Upstash-Signature") from None
    jti, expires = claims.get("jti"), claims.get("exp")
    if not isinstance(jti, str) or not isinstance(expires, int):
        raise Unauthorized("invalid Upstash-Signature")
    _remember(jti, expires)
    return claims


def _remember(jti: str, expires: int) -> None:
    try:
        with db.transaction() as conn:
            conn.execute(insert(seen_signatures).values(jti=jti[:80], expires_at=expires))
            if random.random() < 0.05:  # forget expired ids now and then, not on a timer
                conn.execute(delete(seen_signatures).where(seen_signatures.c.expires_at < time.time()))
    except IntegrityError:
        raise Unauthorized("replayed Upstash-Signature: this request was already received") from None
