// signin.html?returnUrl=: development sign-in. Lists the test citizens (GET /api/auth/dev/citizens),
// gets a token for the chosen one (POST /api/auth/dev/token), stores it and goes back to returnUrl.

import { api, ApiError } from "../api.js";
import { clearToken, rememberSubject, safeReturnUrl, setToken } from "../auth.js";
import { el, setText } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { hideErrorSummary, showErrorSummary } from "../error-summary.js";

const $ = (id) => document.getElementById(id);
const returnUrl = safeReturnUrl(new URLSearchParams(location.search).get("returnUrl"));
const CHOOSE = { vi: "Vui lòng chọn một công dân để đăng nhập", en: "Choose a citizen to sign in" };

async function main() {
  await initLayout();
  let citizens;
  try {
    citizens = await api("/api/auth/dev/citizens", { auth: false });
  } catch (error) {
    $("citizens").replaceChildren();
    showMessage($("page-message"), "error", { vi: "Không tải được danh sách công dân thử nghiệm.", en: "The test citizens could not be loaded." },
      error instanceof ApiError ? error.detail || null : null);
    $("signin-form").hidden = true;
    return;
  }
  renderCitizens(citizens);
  $("signin-form").addEventListener("submit", onSubmit);
}

function renderCitizens(citizens) {
  const list = $("citizens");
  list.replaceChildren();
  citizens.forEach((citizen, index) => {
    const id = index === 0 ? "citizen" : `citizen-${index}`;
    const item = el("div", { class: "radio" });
    const input = el("input", { class: "radio-input", type: "radio", name: "subject", id, value: citizen.subject });
    const label = el("label", { class: "radio-label", for: id }, citizen.fullName);
    item.append(input, label);
    list.append(item);
  });
}

function setError(message) {
  const error = $("citizen-error");
  error.replaceChildren();
  error.hidden = !message;
  $("citizen-group").classList.toggle("form-group--error", Boolean(message));
  if (message) {
    error.append(setText(el("span", { class: "visually-hidden" }), { vi: "Lỗi: ", en: "Error: " }), setText(el("span"), message));
    showErrorSummary($("error-summary"), [{ href: "#citizen", text: message }]);
  } else {
    hideErrorSummary($("error-summary"));
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
  try {
    const token = await api("/api/auth/dev/token", { method: "POST", body: { subject: chosen.value }, auth: false });
    clearToken();
    rememberSubject(chosen.value);
    setToken(token.access_token);
    location.assign(returnUrl);
  } catch (error) {
    button.disabled = false;
    const message = error instanceof ApiError && error.errors.subject ? error.errors.subject[0] : null;
    setError(message ? { vi: message, en: message } : { vi: "Không đăng nhập được. Vui lòng thử lại.", en: "Sign-in failed. Please try again." });
  }
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
