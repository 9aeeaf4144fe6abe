// The chat page: datasets (upload, list, profile, delete), the chat (questions, live
// stages, answers with charts), chips that re-answer, downloads. A client of the public
// API like any other frontend; no build step, no framework.

import { ApiError, allMessages, call, send, upload } from "./api.js";
import { DOWNLOADS, download, draw } from "./chart.js";
import { chipsFor } from "./chips.js";
import { follow } from "./events.js";
import { suggestions } from "./suggest.js";

const $ = (id) => document.getElementById(id);
const STAGES = {
  sending: "Sending…", queued: "Queued", enqueue_failed: "Waiting for the queue…",
  processing: "Working on it…", retrying: "Retrying…", completed: "Answered", failed: "Not answered",
};
// Stages only move forward (events and the 202 may arrive in either order).
const RANK = { sending: 0, queued: 1, enqueue_failed: 1, processing: 2, retrying: 2, completed: 3, failed: 3 };

const state = {
  file: null, // the open dataset (GET /files/<id>)
  chatId: null, // the open chat; null until a new chat's first question creates it
  stream: null,
  items: new Map(), // message id -> its <li>
  requests: new Map(), // request id -> the user's <li>
  filesCursor: null,
  generation: 0, // bumped when another dataset or chat opens: late results are dropped
};

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(12)); // randomUUID needs HTTPS; this does not
  return `${prefix}_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const number = (n) => Number(n).toLocaleString("en-US");
const when = (iso) => new Date(iso).toLocaleString(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

function notice(text) {
  $("notice").hidden = !text;
  $("notice").textContent = text || "";
}

// ------------------------------------------------------------------ navigation
function navigate(url) {
  history.pushState(null, "", url);
  route();
}

async function route() {
  closeChat();
  notice(null);
  const chat = location.pathname.match(/^\/c\/([^/]+)$/);
  const fileId = new URLSearchParams(location.search).get("file");
  if (chat) await openChat(decodeURIComponent(chat[1]));
  else if (fileId) await openDataset(fileId);
  else showWelcome();
  markCurrentFile();
}

function showWelcome() {
  state.file = null;
  $("welcome").hidden = false;
  $("dataset").hidden = true;
  $("chat").hidden = true;
}

// ------------------------------------------------------------------ datasets
function fileItem(file) {
  const open = el("a", { class: "file-open", href: `/?file=${encodeURIComponent(file.id)}` },
    el("span", { class: "file-name" }, file.name),
    el("span", { class: "muted" }, `${number(file.row_count)} rows · ${file.columns.length} columns · ${when(file.created_at)}`));
  open.addEventListener("click", (event) => {
    event.preventDefault();
    toggleSidebar(false);
    navigate(open.getAttribute("href"));
  });
  const remove = el("button", { type: "button", class: "icon-button", "aria-label": `Delete ${file.name}`, title: "Delete" }, "✕");
  remove.addEventListener("click", () => confirmDelete(file));
  return el("li", { "data-file-id": file.id }, open, remove);
}

function markCurrentFile() {
  for (const item of $("file-list").children) {
    item.classList.toggle("current", Boolean(state.file) && item.dataset.fileId === state.file.id);
  }
}

async function loadFiles(more = false) {
  const query = more && state.filesCursor ? `?cursor=${encodeURIComponent(state.filesCursor)}` : "";
  try {
    const page = await call(`/files${query}`);
    if (!more) $("file-list").replaceChildren();
    $("file-list").append(...page.files.map(fileItem));
    state.filesCursor = page.next_cursor ?? null;
    $("files-error").hidden = true;
  } catch (error) {
    $("files-error").textContent = `The datasets could not be listed: ${error.message}`;
    $("files-error").hidden = false;
  }
  $("files-more").hidden = !state.filesCursor;
  $("files-empty").hidden = $("file-list").children.length > 0;
  markCurrentFile();
}

async function confirmDelete(file) {
  const dialog = $("confirm-dialog");
  $("confirm-text").textContent = `“${file.name}” and every chat and chart about it will be deleted. This cannot be undone.`;
  dialog.returnValue = "";
  dialog.showModal();
  await new Promise((resolve) => dialog.addEventListener("close", resolve, { once: true }));
  if (dialog.returnValue !== "ok") return;
  try {
    await call(`/files/${encodeURIComponent(file.id)}`, { method: "DELETE" });
  } catch (error) {
    if (error.status !== 404) {
      notice(`“${file.name}” could not be deleted: ${error.message}`);
      return;
    }
  }
  document.querySelector(`#file-list li[data-file-id="${CSS.escape(file.id)}"]`)?.remove();
  $("files-empty").hidden = $("file-list").children.length > 0;
  if (state.file && state.file.id === file.id) {
    history.pushState(null, "", "/");
    await route();
    notice(`“${file.name}” was deleted.`);
  }
}

function setUpload(phase, fraction) {
  const progress = $("upload-progress");
  if (phase === "upload") {
    progress.value = Math.round(fraction * 100);
    $("upload-phase").textContent = `Uploading… ${Math.round(fraction * 100)}%`;
  } else {
    progress.removeAttribute("value"); // indeterminate: the server reads and profiles it
    $("upload-phase").textContent = "Reading and profiling the data…";
  }
}

async function uploadFile(file) {
  if (!file) return;
  $("upload-error").hidden = true;
  $("upload-status").hidden = false;
  $("upload-name").textContent = file.name;
  $("upload-progress").value = 0;
  setUpload("upload", 0);
  try {
    const created = await upload(file, setUpload);
    $("upload-status").hidden = true;
    await loadFiles();
    toggleSidebar(false);
    navigate(`/?file=${encodeURIComponent(created.id)}`);
  } catch (error) {
    $("upload-status").hidden = true;
    $("upload-error").textContent = error.message;
    $("upload-error").hidden = false;
  } finally {
    $("file-input").value = "";
  }
}

function renderProfile(file) {
  $("dataset-name").textContent = file.name;
  $("dataset-meta").textContent = `${number(file.row_count)} rows · ${file.columns.length} columns`;
  $("columns-table").tBodies[0].replaceChildren(...file.columns.map((column) =>
    el("tr", {}, el("th", { scope: "row" }, column.name), el("td", {}, column.type), el("td", {}, column.role || ""))));
  const names = file.columns.map((column) => column.name);
  $("sample-table").tHead.replaceChildren(el("tr", {}, ...names.map((name) => el("th", { scope: "col" }, name))));
  $("sample-table").tBodies[0].replaceChildren(...(file.sample_rows || []).slice(0, 5).map((row) =>
    el("tr", {}, ...names.map((name) => el("td", {}, row[name] === null || row[name] === undefined ? "" : String(row[name]))))));
  const list = suggestions(file.columns).map((question) => {
    const button = el("button", { type: "button", class: "suggestion" }, question);
    button.addEventListener("click", () => ask(question));
    return button;
  });
  $("suggestion-list").replaceChildren(...list);
}

async function openDataset(fileId) {
  const generation = state.generation;
  let file;
  try {
    file = await call(`/files/${encodeURIComponent(fileId)}`);
  } catch (error) {
    showWelcome();
    notice(error.status === 404 ? "That dataset does not exist any more." : `The dataset could not be opened: ${error.message}`);
    return false;
  }
  if (generation !== state.generation) return false;
  state.file = file;
  renderProfile(file);
  $("welcome").hidden = true;
  $("dataset").hidden = false;
  $("chat").hidden = false;
  $("profile").open = !state.chatId;
  $("chat-link").hidden = true;
  $("messages").replaceChildren();
  $("suggestions").hidden = suggestionsHidden();
  return true;
}

const suggestionsHidden = () => $("suggestion-list").children.length === 0 || state.chatId !== null;

// ------------------------------------------------------------------ chats
function closeChat() {
  state.generation += 1;
  if (state.stream) state.stream.stop();
  state.stream = null;
  state.chatId = null;
  state.items.clear();
  state.requests.clear();
}

async function openChat(chatId) {
  let chat;
  try {
    chat = await call(`/chats/${encodeURIComponent(chatId)}`);
  } catch (error) {
    showWelcome();
    notice(error.status === 404 ? "This chat does not exist any more (its dataset may have been deleted)." : `The chat could not be opened: ${error.message}`);
    return;
  }
  state.chatId = chat.id;
  if (!(await openDataset(chat.file_id))) return;
  showChatLink();
  listen(null);
}

function showChatLink() {
  const link = $("chat-link");
  link.href = `/c/${encodeURIComponent(state.chatId)}`;
  link.hidden = false;
}

// Follow the chat's events. From now on (null): then read the history, so nothing falls
// between the two; from 0 for a chat this page just created (its whole history).
function listen(lastEventId) {
  const generation = state.generation;
  let first = true;
  state.stream = follow(state.chatId, {
    lastEventId,
    onEvent(type, data) {
      if (generation !== state.generation) return;
      if (type === "ready" && first) {
        first = false;
        if (lastEventId === null) loadHistory(generation);
      } else if (type === "message") {
        addMessage(data);
      } else if (type === "task") {
        setStage(data.request_id, data.status);
      }
    },
    onGone() {
      if (generation === state.generation) notice("This chat was deleted (its dataset is gone).");
    },
    onState(what) {
      $("chat").classList.toggle("reconnecting", what === "reconnecting");
    },
  });
}

async function loadHistory(generation) {
  try {
    for (const message of await allMessages(state.chatId)) {
      if (generation !== state.generation) return;
      addMessage(message);
    }
  } catch (error) {
    notice(error.status === 404 ? "This chat was deleted (its dataset is gone)." : `The messages could not be loaded: ${error.message}`);
    return;
  }
  // Questions still waiting for their answer: show where they are.
  for (const [requestId, item] of state.requests) {
    if (item.dataset.status !== "completed" && item.dataset.status !== "failed") {
      call(`/tasks/${encodeURIComponent(requestId)}`).then((task) => setStage(requestId, task.status)).catch(() => {});
    }
  }
}

// Pause the stream while the tab is hidden (browsers allow ~6 connections per server over
// HTTP/1.1, and each open tab would hold one); resume from the last event when visible.
document.addEventListener("visibilitychange", () => {
  if (!state.chatId) return;
  if (document.hidden && state.stream) {
    const last = state.stream.lastEventId;
    state.stream.stop();
    state.stream = { stop() {}, lastEventId: last, paused: true };
  } else if (!document.hidden && state.stream && state.stream.paused) {
    listen(state.stream.lastEventId);
  }
});

// ------------------------------------------------------------------ messages
function place(item, id) {
  const list = $("messages");
  if (id !== undefined) {
    for (const other of list.children) {
      if (!other.dataset.id || Number(other.dataset.id) > id) {
        list.insertBefore(item, other);
        return;
      }
    }
  }
  list.append(item);
}

function userItem(content, requestId) {
  const item = el("li", { class: "message user", "data-request-id": requestId, "data-stages": "" },
    el("div", { class: "bubble" }, content),
    el("div", { class: "stage", "aria-live": "polite" }));
  state.requests.set(requestId, item);
  return item;
}

function setStage(requestId, status, detail) {
  const item = state.requests.get(requestId);
  if (!item || !(status in RANK)) return;
  const current = item.dataset.status;
  if (current && RANK[status] < RANK[current]) return;
  item.dataset.status = status;
  if (!item.dataset.stages.split(" ").includes(status)) item.dataset.stages = `${item.dataset.stages} ${status}`.trim();
  const stage = item.querySelector(".stage");
  stage.textContent = detail || STAGES[status];
  stage.dataset.status = status;
}

function addMessage(message) {
  if (state.items.has(message.id)) return;
  let item;
  if (message.role === "user") {
    item = state.requests.get(message.request_id);
    if (item && !item.dataset.id) {
      item.remove(); // the question typed here: now it has its place
    } else {
      item = userItem(message.content, message.request_id);
    }
  } else {
    item = assistantItem(message);
    if (message.request_id) setStage(message.request_id, message.error ? "failed" : "completed");
  }
  item.dataset.id = message.id;
  state.items.set(message.id, item);
  place(item, message.id);
  $("suggestions").hidden = true;
  $("profile").open = false;
  item.scrollIntoView({ block: "nearest" });
}

function assistantItem(message) {
  const insightId = `insight-${message.id}`;
  const item = el("li", { class: `message assistant${message.error ? " error" : ""}`, "data-request-id": message.request_id },
    el("div", { class: "bubble" },
      message.error
        ? el("p", { class: "assistant-error" }, el("span", { class: "badge", "aria-hidden": "true" }, "!"), message.content)
        : el("p", { class: "insight", id: insightId }, message.content)));
  if (message.chart_id) {
    item.dataset.chartId = message.chart_id;
    const figure = el("figure", { class: "chart-card" },
      el("div", { class: "chart loading", role: "figure", "aria-describedby": insightId }, "Drawing the chart…"));
    item.querySelector(".bubble").append(figure);
    showChart(item, message, figure);
  }
  if ((message.alternatives || []).length) {
    const buttons = message.alternatives.map((alternative) => {
      const button = el("button", { type: "button", class: "suggestion" }, alternative.question);
      button.addEventListener("click", () => ask(alternative.question));
      return button;
    });
    item.querySelector(".bubble").append(el("div", { class: "alternatives" }, el("span", { class: "muted" }, "Or did you mean:"), ...buttons));
  }
  return item;
}

async function showChart(item, message, figure) {
  const generation = state.generation;
  const box = figure.querySelector(".chart");
  let chart;
  try {
    chart = await call(`/charts/${encodeURIComponent(message.chart_id)}`);
    if (generation !== state.generation) return;
    box.textContent = "";
    box.classList.remove("loading");
    await draw(box, chart, message.content);
  } catch (error) {
    box.classList.remove("loading");
    box.textContent = error.status === 404 ? "This chart is no longer available." : `The chart could not be drawn: ${error.message}`;
    return;
  }
  if (generation !== state.generation) return;
  box.dataset.drawn = "true";
  // The benchmark's measure: from pressing Enter (or picking a chip) to the chart drawn.
  const mark = `ask:${message.request_id}`;
  if (performance.getEntriesByName(mark).length) {
    requestAnimationFrame(() => performance.measure(`answer:${message.request_id}`, mark));
  }
  const readings = chipsFor(chart, state.file.columns, (edit) => revise(chart, edit, figure));
  const downloads = el("div", { class: "downloads" }, el("span", { class: "muted" }, "Download"),
    ...DOWNLOADS.map(([label, kind]) => {
      const button = el("button", { type: "button", class: "link", "data-download": kind }, label);
      button.addEventListener("click", () => download(chart, kind).catch((error) => figureError(figure, error)));
      return button;
    }));
  figure.append(readings, downloads);
  item.scrollIntoView({ block: "nearest" });
}

function figureError(figure, error) {
  let line = figure.querySelector(".figure-error");
  if (!line) {
    line = el("p", { class: "figure-error error-text", role: "alert" });
    figure.append(line);
  }
  line.textContent = error ? error.message : "";
  line.hidden = !error;
}

// The chart of the latest answer: what a follow-up builds on.
function lastChartId() {
  const answers = [...$("messages").querySelectorAll("li.assistant[data-chart-id]")];
  return answers.length ? answers[answers.length - 1].dataset.chartId : null;
}

// Send with the same request id until the server takes it (503: QStash unreachable).
async function submit(path, body, requestId) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await send(path, { method: "POST", json: body });
    if (response.status === 202) return;
    let message = `${response.status} ${response.statusText}`;
    try {
      message = (await response.json()).message || message;
    } catch {
      // not JSON
    }
    if (response.status !== 503 || attempt >= 4) throw new ApiError(response.status, message);
    setStage(requestId, "enqueue_failed");
    await sleep(1000 * 2 ** attempt);
  }
}

async function ask(text) {
  const prompt = text.trim();
  if (!prompt || !state.file) return;
  const requestId = randomId("req");
  // A new chat gets its id now (its first question creates it), so that a second question
  // sent before the first is accepted goes to the same chat.
  state.chatId = state.chatId || randomId("chat");
  const chatId = state.chatId;
  const item = userItem(prompt, requestId);
  place(item);
  setStage(requestId, "sending");
  $("suggestions").hidden = true;
  item.scrollIntoView({ block: "nearest" });
  performance.mark(`ask:${requestId}`);
  try {
    await submit("/analyze", { prompt, file_id: state.file.id, chat_id: chatId, request_id: requestId,
      last_chart_id: lastChartId() }, requestId);
  } catch (error) {
    setStage(requestId, "failed", `Not sent: ${error.message}`);
    return;
  }
  setStage(requestId, "queued");
  if (!state.stream && chatId === state.chatId) {
    history.replaceState(null, "", `/c/${encodeURIComponent(chatId)}`);
    showChatLink();
    listen(0);
  }
}

async function revise(chart, edit, figure) {
  const requestId = randomId("req");
  figure.classList.add("busy");
  figureError(figure, null);
  performance.mark(`ask:${requestId}`);
  try {
    await submit(`/charts/${encodeURIComponent(chart.id)}/revisions`, { edit, request_id: requestId }, requestId);
    setStage(requestId, "queued");
  } catch (error) {
    figureError(figure, error);
  } finally {
    figure.classList.remove("busy");
  }
}

// ------------------------------------------------------------------ wiring
function toggleSidebar(open) {
  const toggle = $("sidebar-toggle");
  const show = open ?? toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(show));
  $("sidebar").classList.toggle("open", show);
}

function wire() {
  const question = $("question");
  const grow = () => {
    question.style.height = "auto";
    question.style.height = `${Math.min(question.scrollHeight, 200)}px`;
  };
  question.addEventListener("input", grow);
  question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = question.value;
    if (!text.trim()) return;
    question.value = "";
    grow();
    ask(text);
  });
  $("new-chat").addEventListener("click", () => navigate(`/?file=${encodeURIComponent(state.file.id)}`));
  $("files-more").addEventListener("click", () => loadFiles(true));
  $("sidebar-toggle").addEventListener("click", () => toggleSidebar());
  $("file-input").addEventListener("change", () => uploadFile($("file-input").files[0]));
  const zone = $("dropzone");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    uploadFile(event.dataTransfer.files[0]);
  });
  window.addEventListener("popstate", route);
}

wire();
loadFiles();
route();
