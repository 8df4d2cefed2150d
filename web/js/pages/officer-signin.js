// officer-signin.html?returnUrl=: development sign-in for officers. Lists the test officers
// (GET /api/auth/dev/officers) with name, title and roles, gets a token for the chosen one
// (POST /api/auth/dev/token), keeps it under sessionStorage "portal.officerToken" (not the citizen's key)
// and goes back to returnUrl (default: the inbox).

import { api, ApiError } from "../api.js";
import { safeReturnUrl } from "../auth.js";
import { clearOfficerSession, setOfficerSession } from "../officer-auth.js";
import { initOfficerLayout } from "../officer-layout.js";
import { el, setText } from "../i18n.js";
import { showMessage } from "../layout.js";
import { hideErrorSummary, showErrorSummary } from "../error-summary.js";
import { rolesLabel } from "../format.js";

const $ = (id) => document.getElementById(id);
const returnUrl = safeReturnUrl(new URLSearchParams(location.search).get("returnUrl"), "officer.html");
const CHOOSE = { vi: "Vui lòng chọn một cán bộ để đăng nhập", en: "Choose an officer to sign in" };
let officers = [];

async function main() {
  initOfficerLayout();
  try {
    officers = await api("/api/auth/dev/officers", { auth: false });
  } catch (error) {
    $("officers").replaceChildren();
    showMessage($("page-message"), "error", { vi: "Không tải được danh sách cán bộ thử nghiệm.", en: "The test officers could not be loaded." },
      error instanceof ApiError ? error.detail || null : null);
    $("signin-form").hidden = true;
    return;
  }
  renderOfficers(officers);
  $("signin-form").addEventListener("submit", onSubmit);
}

function renderOfficers(list) {
  const container = $("officers");
  container.replaceChildren();
  list.forEach((officer, index) => {
    const id = index === 0 ? "officer" : `officer-${index}`;
    const item = el("div", { class: "radio" });
    const input = el("input", { class: "radio-input", type: "radio", name: "subject", id, value: officer.subject, "aria-describedby": `${id}-hint` });
    const text = el("div", { class: "radio-text" });
    const label = el("label", { class: "radio-label", for: id });
    label.append(el("strong", {}, officer.fullName));
    const hint = el("span", { class: "radio-hint", id: `${id}-hint` });
    hint.append(el("span", { class: "radio-hint-line" }, officer.title || ""));
    const roles = el("span", { class: "radio-hint-line" });
    roles.append(setText(el("span"), { vi: "Vai trò: ", en: "Roles: " }), setText(el("span"), rolesLabel(officer.roles || [])),
      document.createTextNode(` · ${officer.agencyCode}`));
    hint.append(roles);
    text.append(label, hint);
    item.append(input, text);
    container.append(item);
  });
}

function setError(message) {
  const error = $("officer-error");
  error.replaceChildren();
  error.hidden = !message;
  $("officer-group").classList.toggle("form-group--error", Boolean(message));
  if (message) {
    error.append(setText(el("span", { class: "visually-hidden" }), { vi: "Lỗi: ", en: "Error: " }), setText(el("span"), message));
    showErrorSummary($("error-summary"), [{ href: "#officer", text: message }]);
  } else {
    hideErrorSummary($("error-summary"));
  }
}

/**
 * The agency's name, best effort (the code is shown otherwise): the catalogue's facets list the agencies
 * that own procedures; a commune's agency is found on one of its dossiers instead.
 */
async function agencyName(code, token) {
  try {
    const facets = await api("/api/catalogue/facets", { auth: false });
    const name = facets.agencies?.find((a) => a.id === code)?.name;
    if (name) return name;
    const inbox = await api("/api/officer/inbox?role=all&pageSize=1", { token });
    const first = inbox.items?.[0];
    if (!first) return null;
    const answer = await api(`/api/officer/dossiers/${encodeURIComponent(first.code)}`, { token });
    return answer.dossier?.agency?.code === code ? answer.dossier.agency.name : null;
  } catch {
    return null;
  }
}

async function onSubmit(event) {
  event.preventDefault();
  const chosen = document.querySelector('input[name="subject"]:checked');
  if (!chosen) {
    setError(CHOOSE);
    return;
  }
  setError(null);
  const button = $("signin-button");
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    const token = await api("/api/auth/dev/token", { method: "POST", body: { subject: chosen.value }, auth: false });
    const officer = officers.find((o) => o.subject === chosen.value) || { subject: chosen.value, roles: [] };
    clearOfficerSession();
    setOfficerSession(token.access_token, { ...officer, agencyName: await agencyName(officer.agencyCode, token.access_token) });
    location.assign(returnUrl);
  } catch (error) {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    const message = error instanceof ApiError && error.errors.subject ? error.errors.subject[0] : null;
    setError(message ? { vi: message, en: message } : { vi: "Không đăng nhập được. Vui lòng thử lại.", en: "Sign-in failed. Please try again." });
  }
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
