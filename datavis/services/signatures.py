"""Checking that a request really comes from QStash, once.

The ``Upstash-Signature`` JWT is checked as ``qstash.Receiver`` checks it (HS256 with the
current, then the next signing key; issuer ``Upstash``; ``sub`` = the public URL built from
``API_URL``, never ``request.url``, which differs behind a proxy; ``body`` = the SHA-256 of
the raw body), with two differences the SDK cannot give:

- a clock leeway of ``LEEWAY_SECONDS`` on ``exp``, ``nbf`` and ``iat`` (the SDK's
  ``clock_tolerance`` is ignored in qstash 3.4.0, and PyJWT refuses an ``iat`` a second in
  the future, so a server whose clock lags QStash's would refuse every delivery);
- a token may live at most ``MAX_TOKEN_SECONDS`` (QStash's live 300 s): its id must be
  remembered until it expires, and "never" cannot be stored.

A verified token's ``jti`` is remembered (as a fixed-length hash: any length, no collision)
until it expires plus the leeway, so a captured request replayed is refused. ``verify`` only
checks; the caller remembers the token (``Seen.record``) in the transaction that acts on the
request, so the record costs no transaction of its own and a replay, refused there, rolls
back whatever that transaction did; ``remember`` records it alone.
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import random
import time

import jwt
from sqlalchemy import Connection, delete, insert
from sqlalchemy.exc import IntegrityError

from datavis import config, observability
from datavis.domain_errors import Unauthorized
from datavis.store import db
from datavis.store.tables import seen_signatures

LEEWAY_SECONDS = 30
MAX_TOKEN_SECONDS = 3600
REQUIRED_CLAIMS = ["iss", "sub", "exp", "nbf", "jti", "body"]
_INSERT = insert(seen_signatures)


def _claims(token: str) -> dict:
    """The token's claims, checked with whichever signing key made it, or Unauthorized."""
    settings = config.current()
    for key in (settings.qstash_current_signing_key, settings.qstash_next_signing_key):
        try:
            return jwt.decode(token, key, algorithms=["HS256"], issuer="Upstash",
                              leeway=LEEWAY_SECONDS, options={"require": REQUIRED_CLAIMS})
        except jwt.InvalidSignatureError:
            continue  # maybe signed with the other key (rotation)
        except jwt.ExpiredSignatureError:
            raise Unauthorized("expired Upstash-Signature") from None
        except jwt.ImmatureSignatureError:
            raise Unauthorized("Upstash-Signature not valid yet") from None
        except jwt.InvalidTokenError:
            break
    raise Unauthorized("invalid Upstash-Signature")


@dataclasses.dataclass(frozen=True)
class Seen:
    """A verified token, to be remembered until it expires (``record`` or ``remember``)."""

    claims: dict
    key: str       # SHA-256 of its jti
    expires: int   # epoch seconds, leeway included

    def record(self, conn: Connection) -> None:
        """Remember the token in the caller's write transaction; Unauthorized when it was
        already seen (a replay): the caller's transaction then rolls back."""
        try:
            conn.execute(_INSERT, {"jti": self.key, "expires_at": self.expires})
        except IntegrityError:
            raise Unauthorized("replayed Upstash-Signature: this request was already received") from None
        if random.random() < 0.05:  # forget expired ids now and then, not on a timer
            conn.execute(delete(seen_signatures).where(seen_signatures.c.expires_at < time.time()))


def remember(seen: Seen) -> None:
    """Remember the token in a transaction of its own; Unauthorized for a replay."""
    with db.transaction() as conn:
        seen.record(conn)


def verify(signature: str | None, body: bytes, url: str) -> Seen:
    """A QStash request to the public ``url``, verified but not yet remembered, or
    Unauthorized."""
    if not signature:
        raise Unauthorized("missing Upstash-Signature header")
    with observability.span("verify qstash signature", url=url):
        claims = _claims(signature)
    if claims["sub"] != url:
        raise Unauthorized("invalid Upstash-Signature: signed for another URL")
    digest = base64.urlsafe_b64encode(hashlib.sha256(body).digest()).rstrip(b"=").decode()
    if not isinstance(claims["body"], str) or not hmac.compare_digest(claims["body"].rstrip("="), digest):
        raise Unauthorized("invalid Upstash-Signature: the body does not match")
    jti, expires = claims["jti"], claims["exp"]
    if not isinstance(jti, str) or not isinstance(expires, int):
        raise Unauthorized("invalid Upstash-Signature")
    if expires > time.time() + MAX_TOKEN_SECONDS:
        raise Unauthorized(f"invalid Upstash-Signature: valid for more than {MAX_TOKEN_SECONDS} s")
    key = hashlib.sha256(jti.encode("utf-8", "surrogatepass")).hexdigest()
    return Seen(claims, key, expires + LEEWAY_SECONDS)
