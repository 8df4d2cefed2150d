// Submitting a dossier: POST /api/dossiers as multipart/form-data (procedureCode, form JSON, files as
// "doc:<documentId>") through XMLHttpRequest so upload progress can be shown. The Idempotency-Key is made
// once per submission attempt and kept in sessionStorage, so a retry after a network error reuses it and
// the server does not create a second dossier.

import { getToken } from "./auth.js";
import { normaliseErrors } from "./api.js";

const keyName = (code) => `portal.idempotency.${code}`;

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The key of the pending attempt for this procedure, created on first use. */
export function idempotencyKey(code) {
  let key = sessionStorage.getItem(keyName(code));
  if (!key) {
    key = newKey();
    sessionStorage.setItem(keyName(code), key);
  }
  return key;
}

/** Forgets the key once the server has given a final answer (created, or rejected the content). */
export function forgetIdempotencyKey(code) {
  sessionStorage.removeItem(keyName(code));
}

/**
 * Sends the dossier. onProgress(fraction 0..1) during upload.
 * Resolves to { status, body, errors, title, detail } for any HTTP answer; status 0 = network failure.
 */
export function submitDossier({ code, data, attachments, onProgress }) {
  const body = new FormData();
  body.append("procedureCode", code);
  body.append("form", JSON.stringify(data));
  for (const { doc, files } of attachments) {
    for (const file of files) body.append(`doc:${doc.id}`, file, file.name);
  }
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/dossiers");
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    const token = getToken();
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Idempotency-Key", idempotencyKey(code));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let parsed = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      resolve({
        status: xhr.status,
        body: parsed,
        title: parsed?.title || "",
        detail: parsed?.detail || "",
        errors: normaliseErrors(parsed?.errors),
      });
    };
    xhr.onerror = () => resolve({ status: 0, body: null, title: "", detail: "", errors: {} });
    xhr.ontimeout = xhr.onerror;
    xhr.send(body);
  });
}
