// A chat's live events (GET /chats/<id>/events, Server-Sent Events), read with fetch().
//
// EventSource cannot send an Authorization header, so with API keys on it could not open
// the stream; fetch() can, and reads the same text/event-stream body. It also sends
// Last-Event-ID itself when it reconnects, so no event is missed or repeated.

import { send, ApiError } from "./api.js";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Parse complete "field: value" blocks out of `buffer`; returns [events, rest].
function parse(buffer) {
  const events = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop();
  for (const block of blocks) {
    const event = { id: null, type: "message", data: [], retry: null };
    for (const line of block.split(/\r?\n/)) {
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") event.id = value;
      else if (field === "event") event.type = value;
      else if (field === "data") event.data.push(value);
      else if (field === "retry") event.retry = Number(value);
    }
    events.push(event);
  }
  return [events, rest];
}

// Follow a chat's events until stop(). `lastEventId` null: from now on. Handlers:
// onEvent(type, data, id), onGone() (the chat was deleted), onState("open" | "reconnecting").
export function follow(chatId, { lastEventId = null, onEvent, onGone, onState = () => {} }) {
  let stopped = false;
  let controller = null;
  let last = lastEventId;
  let retryMs = 1000;

  async function run() {
    let failures = 0;
    while (!stopped) {
      controller = new AbortController();
      let waitMs = failures ? Math.min(retryMs * 2 ** (failures - 1), 15000) : 0;
      try {
        const headers = { Accept: "text/event-stream" };
        const query = last === null ? "" : `?last_event_id=${encodeURIComponent(last)}`;
        if (last !== null) headers["Last-Event-ID"] = String(last);
        const response = await send(`/chats/${encodeURIComponent(chatId)}/events${query}`, {
          headers,
          signal: controller.signal,
        });
        if (response.status === 404) {
          onGone();
          return;
        }
        if (!response.ok) {
          const retryAfter = Number(response.headers.get("Retry-After"));
          throw new ApiError(response.status, `events: ${response.status}`, { retryAfter });
        }
        onState("open");
        failures = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          let events;
          [events, buffer] = parse(buffer + value);
          for (const event of events) {
            if (event.retry !== null) retryMs = event.retry;
            if (event.id !== null) last = event.id;
            if (!event.data.length) continue;
            if (event.type === "gone") {
              onGone();
              return;
            }
            onEvent(event.type, JSON.parse(event.data.join("\n")), event.id);
          }
        }
        // The server ends a stream after a while: reconnect at once, resuming.
      } catch (error) {
        if (stopped) return;
        failures += 1;
        const retryAfter = error instanceof ApiError ? error.body.retryAfter : 0;
        waitMs = Math.max(retryAfter * 1000 || 0, Math.min(retryMs * 2 ** (failures - 1), 15000));
        onState("reconnecting");
      }
      if (waitMs) await sleep(waitMs);
    }
  }

  run();
  return {
    stop() {
      stopped = true;
      if (controller) controller.abort();
    },
    get lastEventId() {
      return last;
    },
  };
}
