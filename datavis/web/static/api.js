// The public API, as this page calls it: JSON in and out, one error shape, and the API key.
// When the server answers 401 the page asks for a key once, keeps it for the browser
// session (sessionStorage: gone when the tab closes) and sends it as a bearer token.

const KEY_STORAGE = "datavis.apiKey";
let keyRequest = null; // one prompt at a time, however many requests were refused

export class ApiError extends Error {
  constructor(status, message, body = {}) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export function withKey(headers = {}) {
  const key = sessionStorage.getItem(KEY_STORAGE);
  return key ? { ...headers, Authorization: `Bearer ${key}` } : headers;
}

// Show the key dialog; resolves once a key was entered (and stored).
export function askForKey(refused) {
  if (!keyRequest) {
    keyRequest = new Promise((resolve) => {
      const dialog = document.getElementById("key-dialog");
      const input = document.getElementById("key-input");
      const error = document.getElementById("key-error");
      error.hidden = !refused;
      error.textContent = refused ? "That key was refused; check it and try again." : "";
      input.value = "";
      dialog.addEventListener("close", function done() {
        const key = input.value.trim();
        if (!key) {
          dialog.showModal(); // a key is needed to go on: ask again
          return;
        }
        dialog.removeEventListener("close", done);
        sessionStorage.setItem(KEY_STORAGE, key);
        keyRequest = null;
        resolve(key);
      });
      dialog.showModal();
      input.focus();
    });
  }
  return keyRequest;
}

// fetch() with the key; a 401 asks for one and tries again.
export async function send(path, { method = "GET", json, headers = {}, signal } = {}) {
  for (let refused = 0; ; refused += 1) {
    const init = { method, headers: withKey(headers), signal };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers["Content-Type"] = "application/json";
    }
    const response = await fetch(path, init);
    if (response.status !== 401 || refused >= 5) return response;
    await askForKey(refused > 0 || Boolean(sessionStorage.getItem(KEY_STORAGE)));
  }
}

async function errorOf(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  return new ApiError(response.status, body.message || `${response.status} ${response.statusText}`, body);
}

export async function call(path, options) {
  const response = await send(path, options);
  if (!response.ok) throw await errorOf(response);
  return response.status === 204 ? null : response.json();
}

export async function blob(path) {
  const response = await send(path);
  if (!response.ok) throw await errorOf(response);
  return response.blob();
}

// Every page of a paginated list (contract: `next_after` / `next_cursor`, null at the end).
export async function allMessages(chatId) {
  const messages = [];
  let after = null;
  for (;;) {
    const query = after === null ? "" : `?after=${encodeURIComponent(after)}`;
    const page = await call(`/chats/${encodeURIComponent(chatId)}/messages${query}`);
    messages.push(...page.messages);
    if (page.next_after === undefined || page.next_after === null || !page.messages.length) return messages;
    after = page.next_after;
  }
}

// Upload a file with progress (fetch cannot report upload progress; XMLHttpRequest can).
export function upload(file, onProgress) {
  const attempt = (refused) =>
    new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("POST", "/files");
      for (const [name, value] of Object.entries(withKey())) request.setRequestHeader(name, value);
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) onProgress("upload", event.loaded / event.total);
      });
      request.upload.addEventListener("load", () => onProgress("ingest", 1));
      request.addEventListener("error", () => reject(new ApiError(0, "The upload failed: the server could not be reached.")));
      request.addEventListener("load", async () => {
        let body = {};
        try {
          body = JSON.parse(request.responseText);
        } catch {
          // a non-JSON answer: reported by status below
        }
        if (request.status === 401 && refused < 5) {
          await askForKey(refused > 0 || Boolean(sessionStorage.getItem(KEY_STORAGE)));
          resolve(attempt(refused + 1));
        } else if (request.status === 201) {
          resolve(body);
        } else {
          reject(new ApiError(request.status, body.message || `The upload failed (${request.status}).`, body));
        }
      });
      const form = new FormData();
      form.append("file", file, file.name);
      request.send(form);
    });
  return attempt(0);
}
