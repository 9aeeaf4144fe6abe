"""What publishing a task gives back, whichever queue took it: shared by the queue backends
and the QStash publisher (``services.publisher``), which the qstash backend calls."""
from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Published:
    qstash_message_id: str  # QStash's message id, or the RQ job standing in for it
    queue_name: str | None
