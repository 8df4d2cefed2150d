// verify.html?code=&sha256=: public verification of an issued result (GET /api/verify/{code}?sha256=).
// The SHA-256 is typed (or comes from the query), or computed in the browser from the PDF the person
// holds (crypto.subtle.digest; the file is never uploaded). Shows "Kết quả hợp lệ" or "Không xác thực được".

import { api, ApiError, seg } from "../api.js";
import { el, setText } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { formatDateTime, formatSize } from "../format.js";
import { hideErrorSummary, showErrorSummary } from "../error-summary.js";

const $ = (id) => document.getElementById(id);
const HEX64 = /^[0-9a-f]{64}$/;
let shown = null;

async function main() {
  await initLayout();
  const params = new URLSearchParams(location.search);
  if (params.get("code")) $("verify-code").value = params.get("code");
  if (params.get("sha256")) $("verify-sha256").value = params.get("sha256");
  $("verify-form").addEventListener("submit", (event) => {
    event.preventDefault();
    verify();
  });
  $("verify-file").addEventListener("change", onFile);
  document.addEventListener("portal:langchange", () => {
    if (shown) renderResult(shown, false);
  });
  if (params.get("code") && params.get("sha256")) await verify({ focusResult: false });
}

/** SHA-256 of a file as lower-case hex, computed on this device. */
async function sha256Hex(file) {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function onFile() {
  const file = $("verify-file").files[0];
  const status = $("verify-file-status");
  setFieldError("file", null);
  if (!file) {
    status.textContent = "";
    return;
  }
  if (!globalThis.crypto?.subtle) {
    setFieldError("file", { vi: "Trình duyệt này không tính được mã SHA-256; hãy nhập mã in trên trang tra cứu hồ sơ.", en: "This browser cannot compute SHA-256; type the code shown on the tracking page." });
    return;
  }
  setText(status, { vi: `Đang tính mã SHA-256 của ${file.name}…`, en: `Computing the SHA-256 of ${file.name}…` });
  try {
    const hash = await sha256Hex(file);
    $("verify-sha256").value = hash;
    setText(status, { vi: `Đã tính mã SHA-256 của “${file.name}” (${formatSize(file.size)}).`, en: `SHA-256 of “${file.name}” (${formatSize(file.size)}) computed.` });
    if ($("verify-code").value.trim()) await verify();
  } catch {
    setFieldError("file", { vi: "Không đọc được tệp đã chọn.", en: "The file could not be read." });
    status.textContent = "";
  }
}

function setFieldError(name, message) {
  const error = $(`verify-${name}-error`);
  const input = $(`verify-${name}`);
  error.replaceChildren();
  error.hidden = !message;
  input.closest(".form-group").classList.toggle("form-group--error", Boolean(message));
  if (message) {
    error.append(setText(el("span", { class: "visually-hidden" }), { vi: "Lỗi: ", en: "Error: " }), setText(el("span"), message));
    input.setAttribute("aria-invalid", "true");
  } else {
    input.removeAttribute("aria-invalid");
  }
}

async function verify({ focusResult = true } = {}) {
  const code = $("verify-code").value.trim();
  const sha = $("verify-sha256").value.trim().toLowerCase();
  const errors = {};
  if (!code) errors.code = { vi: "Nhập mã hồ sơ", en: "Enter the application code" };
  if (!sha) errors.sha256 = { vi: "Nhập mã SHA-256, hoặc chọn tệp kết quả để tự tính", en: "Enter the SHA-256, or choose the result file to compute it" };
  else if (!HEX64.test(sha)) errors.sha256 = { vi: "Mã SHA-256 gồm đúng 64 ký tự 0–9, a–f", en: "A SHA-256 is exactly 64 characters 0–9, a–f" };
  showErrors(errors);
  if (Object.keys(errors).length) return;
  $("verify-sha256").value = sha;
  const button = $("verify-button");
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    const answer = await api(`/api/verify/${seg(code)}?sha256=${encodeURIComponent(sha)}`, { auth: false });
    $("page-message").hidden = true;
    history.replaceState(null, "", `verify.html?code=${encodeURIComponent(code)}&sha256=${sha}`);
    renderResult({ ...answer, sha256: sha }, focusResult);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400 && Object.keys(error.errors).length) {
      const mapped = {};
      for (const [key, messages] of Object.entries(error.errors)) mapped[key === "sha256" ? "sha256" : "code"] = { vi: messages[0], en: messages[0] };
      showErrors(mapped);
    } else {
      showMessage($("page-message"), "error", { vi: "Không kiểm tra được lúc này. Vui lòng thử lại sau.", en: "The check failed. Please try again later." },
        error instanceof ApiError ? error.detail || null : null);
      $("page-message").focus();
    }
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

function showErrors(errors) {
  const items = [];
  for (const name of ["code", "sha256"]) {
    setFieldError(name, errors[name] || null);
    if (errors[name]) items.push({ href: `#verify-${name}`, text: errors[name] });
  }
  if (items.length) {
    $("verify-result").hidden = true;
    shown = null;
    showErrorSummary($("error-summary"), items);
  } else {
    hideErrorSummary($("error-summary"));
  }
}

function renderResult(answer, focus) {
  shown = answer;
  const box = $("verify-result");
  box.replaceChildren();
  box.hidden = false;
  box.className = `verify-result verify-result--${answer.valid ? "valid" : "invalid"}`;
  box.dataset.testid = "verify-result";
  box.append(setText(el("h2", { "data-testid": "verify-verdict" }), answer.valid
    ? { vi: "Kết quả hợp lệ", en: "The result is valid" }
    : { vi: "Không xác thực được", en: "Could not be verified" }));
  if (answer.message) box.append(el("p", {}, answer.message));
  const facts = el("dl", { class: "summary-list summary-list--two" });
  const fact = (label, value, mono) => {
    if (!value) return;
    const row = el("div", { class: "summary-list-row" });
    row.append(setText(el("dt", { class: "summary-list-key" }), label), el("dd", { class: `summary-list-value${mono ? " hash" : ""}` }, value));
    facts.append(row);
  };
  fact({ vi: "Mã hồ sơ", en: "Application code" }, answer.code);
  if (answer.valid) {
    fact({ vi: "Thủ tục", en: "Procedure" }, answer.procedureName);
    fact({ vi: "Cơ quan ban hành", en: "Issued by" }, answer.agencyName);
    fact({ vi: "Thời gian ban hành", en: "Issued at" }, formatDateTime(answer.issuedAt));
  }
  fact({ vi: "Mã SHA-256 đã kiểm tra", en: "SHA-256 checked" }, answer.sha256, true);
  box.append(facts);
  if (!answer.valid) {
    box.append(setText(el("p"), {
      vi: "Kiểm tra lại mã hồ sơ và đúng tệp kết quả đã tải từ Cổng Dịch vụ công. Một tệp đã bị sửa dù chỉ một ký tự sẽ có mã SHA-256 khác.",
      en: "Check the code and that the file is the one downloaded from the portal. A file changed by even one character has a different SHA-256.",
    }));
  }
  if (focus) {
    box.scrollIntoView({ block: "start" });
    box.focus();
  }
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
