// Shared header behaviour for every page: sign-in state (GET /api/me), sign-out,
// the language toggle and the current-page marker in the navigation.
// The header and footer markup is static HTML in each page, so it shows before JS runs.

import { api, ApiError } from "./api.js";
import { clearToken, forgetLocalData, getToken, signInUrl } from "./auth.js";
import { applyLang, el, getLang, setLang, setText } from "./i18n.js";

let mePromise = null;

/** The signed-in citizen's profile (GET /api/me), or null when signed out or the token expired. */
export function loadMe() {
  if (!mePromise) {
    mePromise = getToken()
      ? api("/api/me").catch((error) => {
          if (error instanceof ApiError && error.status === 401) {
            clearToken();
            return null;
          }
          return null;
        })
      : Promise.resolve(null);
  }
  return mePromise;
}

/** Wires the header; resolves to the citizen's profile or null. */
export async function initLayout() {
  applyLang();
  markCurrentPage();
  wireLanguageToggle();
  const me = await loadMe();
  renderAuthState(me);
  return me;
}

/** Marks the navigation link of this page with aria-current="page". */
export function markCurrentPage() {
  const page = location.pathname.split("/").pop() || "index.html";
  for (const link of document.querySelectorAll(".site-nav a")) {
    if (link.getAttribute("href") === page) link.setAttribute("aria-current", "page");
  }
}

/** Shows and wires the header's language toggle. */
export function wireLanguageToggle() {
  const button = document.querySelector("[data-lang-toggle]");
  if (!button) return;
  const render = () => {
    const toEnglish = getLang() === "vi";
    button.textContent = toEnglish ? "English" : "Tiếng Việt";
    button.lang = toEnglish ? "en" : "vi";
    button.setAttribute("aria-label", toEnglish ? "Switch to English" : "Chuyển sang tiếng Việt");
  };
  render();
  button.hidden = false;
  button.addEventListener("click", () => {
    setLang(getLang() === "vi" ? "en" : "vi");
    render();
  });
}

function renderAuthState(me) {
  const slot = document.querySelector("[data-auth-state]");
  if (!slot) return;
  slot.replaceChildren();
  if (me) {
    const who = el("span", { class: "auth-name" });
    who.append(el("span", {}, { vi: "Xin chào, ", en: "Hello, " }), el("strong", { "data-testid": "signed-in-name" }, me.fullName));
    const out = el("button", { type: "button", class: "link-button" }, { vi: "Đăng xuất", en: "Sign out" });
    out.addEventListener("click", () => {
      clearToken();
      forgetLocalData();
      location.assign("index.html");
    });
    slot.append(who, out);
  } else if (getToken()) {
    // Signed in, but the profile could not be loaded (network): still offer sign-out.
    const out = el("button", { type: "button", class: "link-button" }, { vi: "Đăng xuất", en: "Sign out" });
    out.addEventListener("click", () => {
      clearToken();
      forgetLocalData();
      location.assign("index.html");
    });
    slot.append(out);
  } else {
    const here = location.pathname.endsWith("signin.html") ? null : signInUrl();
    const link = el("a", { href: here || "signin.html" }, { vi: "Đăng nhập", en: "Sign in" });
    slot.append(link);
  }
}

/** Replaces the content of a status/message box with a notification (type: info|error|success). */
export function showMessage(container, type, text, detail) {
  container.replaceChildren();
  container.hidden = false;
  container.className = `notice notice--${type}`;
  const heading = el("p", { class: "notice-title" });
  setText(heading, text);
  container.append(heading);
  if (detail) container.append(el("p", {}, detail));
}
