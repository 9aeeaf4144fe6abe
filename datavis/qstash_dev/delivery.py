"""Delivery: one signed HTTP attempt of a message, whatever its outcome."""
from __future__ import annotations

import asyncio
import functools

import aiohttp

from . import model as m
from .config import DevConfig
from .signing import sign

MAX_RESPONSE_BODY = 1024 * 1024      # kept from a destination's answer


@functools.lru_cache(maxsize=64)
def _client_timeout(seconds: float) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(total=seconds)


class Delivery:
    def __init__(self, config: DevConfig) -> None:
        self.config = config
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0, ttl_dns_cache=300),
            auto_decompress=False,
        )

    async def close(self) -> None:
        if self._session:
            await self._session.close()

    def headers(self, msg: m.Message, signing_key: str) -> dict[str, str]:
        """What QStash sends with an attempt: the forwarded headers, its own, a signature."""
        headers = dict(msg.options.forward)
        headers.update({
            "User-Agent": "Upstash-QStash",
            "Upstash-Message-Id": msg.id,
            "Upstash-Retried": str(msg.retried),
            "Upstash-Caller-Ip": msg.caller_ip,
            "Upstash-Signature": sign(signing_key, msg.url, msg.body),
        })
        if msg.topic:
            headers["Upstash-Topic-Name"] = msg.topic
        if msg.schedule_id:
            headers["Upstash-Schedule-Id"] = msg.schedule_id
        return headers

    def _timeout(self, msg: m.Message) -> float:
        asked, limit = msg.options.timeout, self.config.max_timeout
        return min(asked, limit) if asked else limit

    async def attempt(self, msg: m.Message, signing_key: str) -> m.Attempt:
        """Deliver ``msg`` once; any failure is a failed attempt, never an exception
        (except cancellation, when the server stops)."""
        assert self._session is not None, "Delivery.start() was not awaited"
        headers = self.headers(msg, signing_key)
        timeout = self._timeout(msg)
        skip = () if any(k.lower() == "content-type" for k in headers) else ("Content-Type",)
        try:
            async with self._session.request(
                msg.method, msg.url, data=msg.body, headers=headers, allow_redirects=False,
                timeout=_client_timeout(timeout), skip_auto_headers=skip,
            ) as resp:
                body = await resp.content.read(MAX_RESPONSE_BODY)
                answered: dict[str, list[str]] = {}
                for key, value in resp.headers.items():
                    answered.setdefault(key, []).append(value)
                return m.Attempt(status=resp.status, headers=answered, body=body)
        except asyncio.CancelledError:
            raise
        except TimeoutError:
            return m.Attempt(error=f"request timed out after {timeout:g}s")
        except Exception as exc:  # any failure is a failed attempt; the slot must come back
            return m.Attempt(error=f"{type(exc).__name__}: {exc}".strip())
