// The local QStash dashboard: reads the server's own API (/v2/...) with the token, kept in
// sessionStorage; retry and delete act on the DLQ. Nothing here writes anything else.
const KEY = "qstash_dev.token";
const $ = (id) => document.getElementById(id);
let asking = null;

function askToken(refused) {
  if (!asking) {
    asking = new Promise((resolve) => {
      const dialog = $("token-dialog");
      $("token-error").hidden = !refused;
      $("token-input").value = "";
      dialog.addEventListener("close", function done() {
        const token = $("token-input").value.trim();
        if (!token) return dialog.showModal();
        dialog.removeEventListener("close", done);
        sessionStorage.setItem(KEY, token);
        asking = null;
        resolve(token);
      });
      dialog.showModal();
    });
  }
  return asking;
}

async function api(path, method = "GET") {
  for (let refused = 0; ; refused += 1) {
    const token = sessionStorage.getItem(KEY);
    const response = await fetch(path, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (response.status === 401 && refused < 5) {
      await askToken(Boolean(token));
      continue;
    }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error((body && body.error) || `${response.status}`);
    return body;
  }
}

function td(text, className) {
  const cell = document.createElement("td");
  cell.textContent = text === null || text === undefined || text === "" ? "—" : String(text);
  if (className) cell.className = className;
  return cell;
}

function fill(id, rows, columns, empty) {
  const table = $(id);
  const body = table.querySelector("tbody");
  body.replaceChildren();
  if (!rows.length) {
    const cell = td(empty, "empty");
    cell.colSpan = table.querySelectorAll("thead th").length;
    const tr = document.createElement("tr");
    tr.append(cell);
    body.append(tr);
    return;
  }
  for (const row of rows) {
    const tr = document.createElement("tr");
    for (const column of columns) tr.append(column(row));
    body.append(tr);
  }
}

const time = (ms) => (ms ? new Date(Number(ms)).toLocaleTimeString() : "—");

function dlqActions(entry) {
  const cell = document.createElement("td");
  const retry = document.createElement("button");
  retry.type = "button";
  retry.textContent = "Retry";
  retry.addEventListener("click", () => act(`/v2/dlq/retry/${encodeURIComponent(entry.dlqId)}`, "POST"));
  const drop = document.createElement("button");
  drop.type = "button";
  drop.className = "secondary";
  drop.textContent = "Delete";
  drop.addEventListener("click", () => act(`/v2/dlq/${encodeURIComponent(entry.dlqId)}`, "DELETE"));
  cell.append(retry, " ", drop);
  return cell;
}

async function act(path, method) {
  try {
    await api(path, method);
  } catch (error) {
    showError(error);
  }
  await load();
}

function showError(error) {
  $("error").hidden = !error;
  $("error").textContent = error ? `Could not read the server: ${error.message}` : "";
}

function eventsQuery() {
  const params = new URLSearchParams({ count: "50" });
  for (const [name, value] of new FormData($("filters"))) if (value) params.set(name, value);
  return `/v2/events?${params}`;
}

async function load() {
  try {
    const [inflight, queues, flows, dlq, events] = await Promise.all([
      api("/v2/dashboard/messages"), api("/v2/queues"), api("/v2/flowControl"),
      api("/v2/dlq?count=100"), api(eventsQuery()),
    ]);
    showError(null);
    $("inflight-count").textContent = inflight.total > inflight.shown
      ? `(${inflight.shown} of ${inflight.total})` : `(${inflight.total})`;
    fill("inflight", inflight.messages, [
      (m) => td(m.messageId), (m) => td(m.url), (m) => td(m.state, `state-${m.state}`),
      (m) => td(`${m.retried} / ${m.maxRetries}`, "num"), (m) => td(`${m.nextAttemptIn.toFixed(1)} s`, "num"),
      (m) => td(m.queueName), (m) => td(m.flowControlKey),
    ], "nothing in flight");
    fill("queues", queues, [
      (q) => td(q.name), (q) => td(q.parallelism, "num"), (q) => td(q.lag, "num"), (q) => td(q.paused ? "yes" : "no"),
    ], "no queues");
    fill("flows", flows, [
      (f) => td(f.flowControlKey), (f) => td(`${f.parallelismCount} / ${f.parallelismMax || "∞"}`, "num"),
      (f) => td(f.waitListSize, "num"), (f) => td(`${f.rateCount} / ${f.rateMax || "∞"}`, "num"),
      (f) => td(f.isPaused ? "yes" : "no"),
    ], "no flow-control keys");
    fill("dlq", dlq.messages, [
      (e) => td(e.dlqId), (e) => td(e.messageId), (e) => td(e.url), (e) => td(e.responseStatus, "num"),
      (e) => td((e.responseBody || e.error || "").slice(0, 200)), dlqActions,
    ], "the DLQ is empty");
    fill("events", events.events, [
      (e) => td(time(e.time)), (e) => td(e.state, `state-${e.state}`), (e) => td(e.messageId),
      (e) => td(e.url), (e) => td(e.retried, "num"), (e) => td(e.responseStatus, "num"),
    ], "no events match");
    document.body.dataset.loaded = String(Date.now());
  } catch (error) {
    showError(error);
  }
}

$("refresh").addEventListener("click", load);
$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  load();
});
setInterval(() => {
  if ($("auto").checked && !document.hidden && !asking) load();
}, 2000);
load();
