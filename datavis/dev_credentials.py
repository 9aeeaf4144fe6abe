"""Upstash's public development credentials, importable without loading the server.

The deterministic triple Upstash's own ``qstash dev`` prints for its default user (qstash-js
hard-codes the same values): anyone may know them, they guard nothing, and they must never be
used in production.
"""
from __future__ import annotations

DEV_TOKEN = "eyJVc2VySUQiOiJkZWZhdWx0VXNlciIsIlBhc3N3b3JkIjoiZGVmYXVsdFBhc3N3b3JkIn0="
DEV_CURRENT_SIGNING_KEY = "sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r"
DEV_NEXT_SIGNING_KEY = "sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs"
