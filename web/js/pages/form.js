// form.html?code=: the e-Form of a procedure. Steps: fill in (live ajv validation, draft autosave,
// attachments) -> "Kiểm tra lại thông tin" (check answers) -> submit (multipart, progress, idempotent retry).

import { api, ApiError, seg } from "../api.js";
import { clearToken, isSignedIn, redirectToSignIn, requireSignIn } from "../auth.js";
import { setText, t } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { renderForm } from "../form-renderer.js";
import { compileForm, mapErrors } from "../validation.js";
import { renderAttachments } from "../attachments.js";
import { createDraftSaver, keepLocalDraft } from "../draft.js";
import { renderCheckAnswers } from "../check-answers.js";
import { forgetIdempotencyKey, submitDossier } from "../submit.js";
import { focusField, hideErrorSummary, showErrorSummary } from "../error-summary.js";
import { formatDateTime } from "../format.js";

const code = new URLSearchParams(location.search).get("code");
const NOTICE_KEY = "portal.formNotice";
const $ = (id) => document.getElementById(id);

const state = {
  procedure: null,
  model: null,
  attachments: null,
  validate: null,
  draft: null,
  touched: new Set(),
  errors: new Map(), // fieldId -> {vi,en} currently shown
  summaryShown: false,
  submitting: false,
};

// Address lists are fetched once per page.
const addressSource = (() => {
  let provinces = null;
  const wards = new Map();
  return {
    provinces: () => (provinces ||= api("/api/address/provinces", { auth: false })),
    wards: (provinceCode) => {
      if (!wards.has(provinceCode)) {
        wards.set(provinceCode, api(`/api/address/provinces/${seg(provinceCode)}/wards`, { auth: false }).catch((e) => {
          wards.delete(provinceCode);
          throw e;
        }));
      }
      return wards.get(provinceCode);
    },
  };
})();

async function main() {
  if (!code) {
    await initLayout();
    showMessage($("page-message"), "error", { vi: "Thiếu mã thủ tục.", en: "The procedure code is missing." });
    $("form-loading").hidden = true;
    return;
  }
  $("back-link").href = `procedure.html?code=${encodeURIComponent(code)}`;
  if (!requireSignIn()) return;
  const me = await initLayout();
  if (!isSignedIn()) {
    redirectToSignIn(); // the token expired (GET /api/me said 401)
    return;
  }

  let procedure;
  try {
    procedure = await api(`/api/catalogue/procedures/${seg(code)}`);
  } catch (error) {
    $("form-loading").hidden = true;
    const notFound = error instanceof ApiError && error.status === 404;
    showMessage($("page-message"), "error", notFound
      ? { vi: `Không tìm thấy thủ tục có mã ${code}.`, en: `No procedure with code ${code}.` }
      : { vi: "Không tải được biểu mẫu. Vui lòng thử lại sau.", en: "The form could not be loaded. Please try again later." });
    return;
  }
  state.procedure = procedure;
  setText($("form-caption"), { vi: procedure.name, en: procedure.nameEn || procedure.name });
  const title = { vi: `Nộp hồ sơ: ${procedure.name} – Cổng Dịch vụ công tỉnh Tây Ninh`, en: `Apply: ${procedure.nameEn || procedure.name} – Tay Ninh Public Service Portal` };
  setText(document.querySelector("title"), title);

  state.validate = compileForm(procedure.form);
  state.model = renderForm(procedure.form, $("eform-fields"), {
    address: addressSource,
    onChange: onFieldChange,
    onBlur: onFieldBlur,
  });
  state.attachments = renderAttachments(procedure.requiredDocuments || [], $("attachments"), {
    onChange: (field, message) => {
      if (message) state.errors.set(field.key, message);
      else state.errors.delete(field.key);
      refreshSummary();
    },
  });
  if (!(procedure.requiredDocuments || []).length) $("attachments-section").hidden = true;

  state.draft = createDraftSaver({ code, getData: () => state.model.getData(), statusEl: $("draft-status") });
  await state.model.ready();
  const saved = await state.draft.load();
  if (saved) {
    state.model.setData(saved.data);
    const when = formatDateTime(saved.savedAt);
    setText($("draft-status"), { vi: `Đã khôi phục bản nháp lưu lúc ${when}`, en: `Restored the draft saved at ${when}` });
  } else {
    state.model.prefill(me);
  }

  const notice = sessionStorage.getItem(NOTICE_KEY);
  if (notice) {
    sessionStorage.removeItem(NOTICE_KEY);
    showMessage($("page-message"), "info", JSON.parse(notice));
  }

  $("form-loading").hidden = true;
  $("eform").hidden = false;
  wireSteps();
}

/** Any answer changed: autosave, and re-check the field live once it has been touched. */
function onFieldChange(field, type) {
  state.touched.add(field.path);
  state.draft?.schedule();
  if (type === "change" || state.errors.has(field.path)) validateField(field);
  // Fields shown or hidden by a change lose their stale errors.
  for (const id of [...state.errors.keys()]) {
    const f = state.model.fieldAt(id);
    if (f && !f.visible()) state.errors.delete(id);
  }
  refreshSummary();
}

function onFieldBlur(field) {
  if (state.touched.has(field.path) || state.errors.has(field.path)) validateField(field);
}

/** describe(fieldId) for validation messages: the field's label in context and its widget. */
function describe(id) {
  const field = state.model.fieldAt(id);
  if (!field) return null;
  return { label: field.messageLabel, widget: field.widget, itemLabel: field.itemLabel };
}

function formErrors() {
  return mapErrors(state.validate(state.model.getData()), describe);
}

/** Re-validates one field (and its parts, for an address) and shows or clears its message. */
function validateField(field) {
  const errors = formErrors();
  const fields = field.parts ? [...field.parts()] : [field];
  for (const f of fields) {
    const message = errors[f.path] || null;
    f.setError(message);
    if (message) state.errors.set(f.path, message);
    else state.errors.delete(f.path);
  }
  refreshSummary();
}

/** Shows a full set of errors (client or server) at the fields and in the summary. */
function showAllErrors(errors, { focus = true } = {}) {
  state.model.clearErrors();
  state.attachments.clearErrors();
  state.errors.clear();
  for (const [id, message] of Object.entries(errors)) {
    if (state.attachments.showError(id, message)) {
      state.errors.set(id, message);
      continue;
    }
    const field = state.model.nearest(id);
    const key = field ? field.path : id;
    if (field && !state.errors.has(key)) field.setError(message);
    if (!state.errors.has(key)) state.errors.set(key, message);
  }
  renderSummary(focus);
}

function summaryItems() {
  const items = [];
  for (const [id, message] of state.errors) {
    let target = null;
    if (id.startsWith("documents.")) target = document.getElementById(`f-${id.replace(/\./g, "-")}`);
    else target = state.model.fieldAt(id)?.focusTarget() || null;
    items.push({ href: target?.id ? `#${target.id}` : null, text: message, node: target });
  }
  // In page order, so the list reads like the form.
  items.sort((a, b) => {
    if (!a.node || !b.node) return a.node ? 1 : b.node ? -1 : 0;
    return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return items;
}

function renderSummary(focus) {
  const items = summaryItems();
  state.summaryShown = items.length > 0;
  showErrorSummary($("error-summary"), items, { onLinkClick: showFormStep, focus });
  const titleEl = document.querySelector("title");
  const base = titleEl.dataset.vi ? t({ vi: titleEl.dataset.vi, en: titleEl.dataset.en }) : document.title;
  document.title = items.length ? `${t({ vi: "Lỗi", en: "Error" })}: ${base}` : base;
}

/** Keeps a visible summary in step with live validation (without moving focus). */
function refreshSummary() {
  if (!state.summaryShown) return;
  renderSummary(false);
}

function wireSteps() {
  $("eform").addEventListener("submit", (event) => {
    event.preventDefault();
    const errors = { ...formErrors(), ...state.attachments.validate() };
    if (Object.keys(errors).length) {
      showAllErrors(errors);
      return;
    }
    hideErrorSummary($("error-summary"));
    state.summaryShown = false;
    state.errors.clear();
    state.model.clearErrors();
    state.attachments.clearErrors();
    state.draft.saveNow();
    showCheckStep(true);
  });
  $("save-draft").addEventListener("click", () => state.draft.saveNow({ force: true }));
  $("check-back").addEventListener("click", (event) => {
    event.preventDefault();
    history.back();
  });
  $("submit-dossier").addEventListener("click", submit);
  window.addEventListener("popstate", () => {
    if (history.state?.step === "check") showCheckStep(false);
    else showFormStep();
  });
  document.addEventListener("portal:langchange", () => {
    if (!$("step-check").hidden) renderCheck();
    if (state.summaryShown) renderSummary(false);
  });
}

function renderCheck() {
  renderCheckAnswers($("check-answers"), state.model, state.attachments, {
    onChangeLink: (id) => {
      showFormStep();
      if (history.state?.step === "check") history.replaceState({ step: "form" }, "");
      focusField(id);
    },
  });
}

function showCheckStep(push) {
  renderCheck();
  $("step-form").hidden = true;
  $("step-check").hidden = false;
  $("submit-message").hidden = true;
  if (push) history.pushState({ step: "check" }, "", location.href);
  window.scrollTo(0, 0);
  $("check-title").focus();
}

function showFormStep() {
  $("step-check").hidden = true;
  $("step-form").hidden = false;
}

function setBusy(busy) {
  state.submitting = busy;
  $("submit-dossier").disabled = busy;
  $("step-check").setAttribute("aria-busy", String(busy));
  $("upload-progress").hidden = !busy;
}

function setProgress(fraction) {
  const percent = Math.round(fraction * 100);
  $("upload-bar").value = percent;
  setText($("upload-text"), { vi: `Đang tải lên: ${percent}%`, en: `Uploading: ${percent}%` });
}

/** "Nộp hồ sơ": multipart POST with progress; handles 201, 400, 401, 409 and network failures. */
async function submit() {
  if (state.submitting) return;
  const data = state.model.getData();
  const message = $("submit-message");
  message.hidden = true;
  setBusy(true);
  setProgress(0);
  const result = await submitDossier({ code, data, attachments: state.attachments.chosen(), onProgress: setProgress });
  setBusy(false);

  if (result.status === 201 || result.status === 200) {
    forgetIdempotencyKey(code);
    await state.draft.discard();
    try {
      sessionStorage.setItem("portal.lastDossier", JSON.stringify(result.body));
    } catch {
      // the confirmation page reloads it from the API
    }
    location.assign(`confirm.html?code=${encodeURIComponent(result.body.code)}`);
    return;
  }
  if (result.status === 400 || result.status === 422) {
    forgetIdempotencyKey(code); // the server kept nothing; the corrected dossier is a new attempt
    const errors = Object.fromEntries(Object.entries(result.errors).map(([id, list]) => [id, { vi: list.join(". "), en: list.join(". ") }]));
    if (!Object.keys(errors).length) errors.form = { vi: result.detail || result.title || "Hồ sơ chưa hợp lệ.", en: result.detail || result.title || "The application is not valid." };
    showFormStep();
    history.replaceState({ step: "form" }, "");
    showAllErrors(errors);
    return;
  }
  if (result.status === 401) {
    keepLocalDraft(code, data);
    sessionStorage.setItem(NOTICE_KEY, JSON.stringify({
      vi: "Phiên đăng nhập đã hết hạn. Thông tin bạn đã nhập được giữ lại; vui lòng chọn lại các tệp đính kèm rồi nộp lại.",
      en: "Your sign-in expired. Your answers were kept; please choose the attachments again and resubmit.",
    }));
    clearToken();
    redirectToSignIn(`form.html?code=${encodeURIComponent(code)}`);
    return;
  }
  if (result.status === 409) {
    forgetIdempotencyKey(code);
    showMessage(message, "error", { vi: "Yêu cầu nộp này trùng với một lần nộp trước.", en: "This submission clashes with an earlier one." },
      { vi: `${result.detail || ""} Vui lòng kiểm tra “Hồ sơ của tôi” ở trang Tra cứu hồ sơ trước khi nộp lại.`, en: "Please check “My applications” on the tracking page before trying again." });
    message.focus();
    return;
  }
  if (result.status === 0 || result.status >= 500) {
    showMessage(message, "error", { vi: "Chưa gửi được hồ sơ do lỗi kết nối hoặc máy chủ đang bận.", en: "The application was not sent: connection problem or server busy." },
      { vi: "Bấm “Nộp hồ sơ” để thử lại. Hồ sơ sẽ không bị nộp hai lần.", en: "Press “Submit” to try again. It will not be submitted twice." });
    message.focus();
    return;
  }
  if (result.status === 413) {
    showMessage(message, "error", { vi: "Tệp đính kèm quá lớn.", en: "The attachments are too large." },
      { vi: result.detail || "Vui lòng giảm dung lượng tệp rồi nộp lại.", en: "Please make the files smaller and try again." });
    message.focus();
    return;
  }
  forgetIdempotencyKey(code);
  showMessage(message, "error", { vi: result.title || "Không nộp được hồ sơ.", en: result.title || "The application could not be submitted." },
    result.detail ? { vi: result.detail, en: result.detail } : null);
  message.focus();
}

main().catch((error) => {
  console.error(error);
  $("form-loading").hidden = true;
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang. Vui lòng tải lại trang.", en: "Something went wrong. Please reload the page." });
});
