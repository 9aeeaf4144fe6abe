"""Identifiers: a readable prefix and 24 random hex digits."""
from __future__ import annotations

import re
import uuid

# Ids a frontend may choose for chats and requests: short, URL-safe.
CLIENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:24]}"
