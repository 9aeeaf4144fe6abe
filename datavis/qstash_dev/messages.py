"""Messages as the API sees them: read one, cancel some or all."""
from __future__ import annotations

from . import model as m
from .errors import NotFound
from .events import EventLog
from .outcomes import Outcomes
from .state import State


class Messages:
    def __init__(self, state: State, log: EventLog, outcomes: Outcomes) -> None:
        self.state = state
        self.log = log
        self.outcomes = outcomes

    def get(self, msg_id: str) -> m.Message:
        """A pending message, or one finished a moment ago (QStash removes them shortly after)."""
        msg = self.state.find_message(msg_id)
        if msg is None:
            raise NotFound(f"message {msg_id} not found")
        return msg

    def cancel(self, msg_id: str) -> None:
        if self.cancel_many([msg_id]) != 1:
            raise NotFound(f"message {msg_id} not found or already done")

    def cancel_many(self, ids: list[str] | None) -> int:
        """Cancel pending messages (all of them when ``ids`` is None); returns how many.

        Every one is marked before any is removed: removing one moves its queue on, and the
        next message of the queue must not start when it is being cancelled too."""
        if ids is None:
            ids = [i for i, msg in self.state.messages.items() if not msg.final]
        marked = []
        for msg_id in ids:
            msg = self.state.messages.get(msg_id)
            if msg is None or msg.final or msg.cancel_requested:
                continue
            self.log.add(msg, "CANCEL_REQUESTED")
            if msg.state == m.ACTIVE:
                msg.cancel_requested = True  # its attempt is in flight; no retry after it
                self.state.save(msg)
            else:
                msg.state = m.CANCELED
                self.log.add(msg, "CANCELED")
            marked.append(msg)
        for msg in marked:
            if msg.state == m.CANCELED:
                self.outcomes.finalize(msg)
        self.state.commit()
        return len(marked)
