// The operators' page: reads /ops/api/* with the API key (as the chat page does) and
// renders tables; retry and discard act on the queue's dead letters.
// Paths are relative to the page (/ops), so the page works under a path prefix too.
import { call } from "../../static/api.js";

const $ = (id) => document.getElementById(id);

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "—" : String(text);
  if (className) td.className = className;
  return td;
}

function fill(table, rows, columns, empty) {
  const body = table.querySelector("tbody");
  body.replaceChildren();
  if (!rows.length) {
    const tr = document.createElement("tr");
    const td = cell(empty, "empty");
    td.colSpan = table.querySelectorAll("thead th").length;
    tr.append(td);
    body.append(tr);
    return;
  }
  for (const row of rows) {
    const tr = document.createElement("tr");
    tr.dataset.id = row.id || row.request_id || "";
    for (const column of columns) tr.append(column(row));
    body.append(tr);
  }
}

const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");
const statusCell = (status) => cell(status, status ? `status-${status}` : "");

function showError(error) {
  const box = $("ops-error");
  box.hidden = !error;
  box.textContent = error ? `Could not load: ${error.message}` : "";
}

async function act(method, path) {
  try {
    await call(path, { method });
    await load();
  } catch (error) {
    showError(error);
  }
}

function actions(entry) {
  const td = document.createElement("td");
  const id = encodeURIComponent(entry.id);
  const retry = document.createElement("button");
  retry.type = "button";
  retry.textContent = "Retry";
  retry.addEventListener("click", () => act("POST", `ops/api/dead-letters/${id}/retry`));
  const discard = document.createElement("button");
  discard.type = "button";
  discard.className = "secondary";
  discard.textContent = "Discard";
  discard.addEventListener("click", () => act("DELETE", `ops/api/dead-letters/${id}`));
  td.append(retry, discard);
  return td;
}

async function load() {
  try {
    const [summary, dlq] = await Promise.all([call("ops/api/summary"),
                                              call("ops/api/dead-letters")]);
    showError(null);
    $("backend").textContent = summary.backend === "rq" ? "RQ on Redis (rollback)" : "QStash";
    $("updated").textContent = new Date().toLocaleTimeString();
    const statuses = Object.keys(summary.by_status.day);
    fill($("by-status"), statuses.map((s) => ({ id: s, s })), [
      (r) => statusCell(r.s),
      (r) => cell(summary.by_status.hour[r.s], "num"),
      (r) => cell(summary.by_status.day[r.s], "num"),
    ], "no tasks");
    $("dlq-note").textContent = dlq.backend === "rq"
      ? "RQ's failed job registry."
      : "QStash's dead letter queue (read with the SDK's dlq.list).";
    fill($("dead-letters"), dlq.entries, [
      (e) => cell(e.id),
      (e) => cell(e.request_id),
      (e) => statusCell(e.task ? e.task.status : null),
      (e) => cell(e.last_status ? `${e.last_status} ${e.last_response}` : e.last_response, "error-cell"),
      (e) => cell(when(e.at)),
      actions,
    ], "no dead letters");
    fill($("failing"), summary.failing, [
      (t) => cell(t.request_id),
      (t) => statusCell(t.status),
      (t) => cell(t.attempts, "num"),
      (t) => cell(t.error, "error-cell"),
      (t) => cell(when(t.updated_at)),
    ], "nothing failing");
    fill($("slowest"), summary.slowest, [
      (t) => cell(t.request_id),
      (t) => cell(t.prompt),
      (t) => cell(t.attempts, "num"),
      (t) => cell(t.seconds.toFixed(2), "num"),
    ], "no answers in the last day");
    document.body.dataset.loaded = "true";
  } catch (error) {
    showError(error);
  }
}

$("refresh").addEventListener("click", load);
load();
