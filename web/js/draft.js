// Draft autosave for an e-Form: debounced PUT /api/drafts/{code} {"data": ...}, a last save when the page
// is hidden (keepalive), and restore with GET (404 = no draft). A copy is also kept in sessionStorage so
// answers survive an expired sign-in (the server cannot be written then). Files are never drafted.

import { api, apiOrNull, ApiError, seg } from "./api.js";
import { getToken } from "./auth.js";
import { setText } from "./i18n.js";
import { formatTime } from "./format.js";

const DEBOUNCE_MS = 1500;
const localKey = (code) => `portal.draft.${code}`;

/** Saves a copy in this tab (used before a redirect to sign-in). */
export function keepLocalDraft(code, data) {
  try {
    sessionStorage.setItem(localKey(code), JSON.stringify({ data, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the server draft is still there.
  }
}

function readLocalDraft(code) {
  try {
    const text = sessionStorage.getItem(localKey(code));
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * Creates the saver. getData() gives the current answers; statusEl is an aria-live="polite" element.
 * Returns { load(), schedule(), saveNow(), discard(), stop() }.
 */
export function createDraftSaver({ code, getData, statusEl }) {
  let timer = null;
  let dirty = false;
  let stopped = false;
  let lastSaved = null;

  const status = (text) => {
    if (statusEl) setText(statusEl, text);
  };

  /** Saves at once; force also saves (and reports) when nothing changed since the last save. */
  async function saveNow({ keepalive = false, force = false } = {}) {
    clearTimeout(timer);
    timer = null;
    if (stopped || !getToken()) return;
    const data = getData();
    const json = JSON.stringify(data);
    keepLocalDraft(code, data);
    if (json === lastSaved && !force) {
      dirty = false;
      return;
    }
    if (!keepalive) status({ vi: "Đang lưu nháp…", en: "Saving draft…" });
    try {
      const saved = await api(`/api/drafts/${seg(code)}`, { method: "PUT", body: { data }, keepalive });
      lastSaved = json;
      dirty = false;
      const time = formatTime(saved?.savedAt || new Date());
      status({ vi: `Đã lưu nháp lúc ${time}`, en: `Draft saved at ${time}` });
    } catch (error) {
      if (keepalive) return;
      if (error instanceof ApiError && error.status === 401) {
        status({ vi: "Phiên đăng nhập đã hết hạn: bản nháp được giữ tạm trên trình duyệt này.", en: "Your sign-in has expired: the draft is kept in this browser tab." });
      } else {
        status({ vi: "Chưa lưu được bản nháp lên máy chủ. Thông tin vẫn còn trên trang này.", en: "Could not save the draft to the server. Your answers are still on this page." });
      }
    }
  }

  function schedule() {
    if (stopped) return;
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(() => saveNow(), DEBOUNCE_MS);
  }

  // A last save when the page is hidden or left (tab switch, close, navigation).
  const onHide = () => {
    if (dirty && !stopped) saveNow({ keepalive: true });
  };
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") onHide();
  });
  window.addEventListener("pagehide", onHide);

  return {
    /** The newest draft: server or this tab's copy; null when there is none. */
    async load() {
      let server = null;
      try {
        server = await apiOrNull(`/api/drafts/${seg(code)}`);
      } catch {
        server = null;
      }
      const local = readLocalDraft(code);
      const newest = [server, local].filter((d) => d && d.data)
        .sort((a, b) => Date.parse(b.savedAt || 0) - Date.parse(a.savedAt || 0))[0] || null;
      if (newest && newest === server) lastSaved = JSON.stringify(server.data);
      return newest;
    },
    schedule,
    saveNow,
    /** After a successful submission: stop saving and delete the draft. */
    async discard() {
      stopped = true;
      clearTimeout(timer);
      try {
        sessionStorage.removeItem(localKey(code));
      } catch {
        // nothing stored
      }
      try {
        await api(`/api/drafts/${seg(code)}`, { method: "DELETE" });
      } catch {
        // The server may already have removed it with the submission.
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
