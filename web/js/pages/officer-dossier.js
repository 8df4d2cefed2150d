// officer-dossier.html?code=: one dossier for an officer (GET /api/officer/dossiers/{code}): the
// applicant's answers (labels from the procedure's schema), attachments (downloaded with the officer's
// token), the status panel (status, step and its due time, appointment, flags, apology draft), the
// history, the notifications sent, the printable slips, and the actions allowed now for this officer.
// Each action sends expectedVersion; a 409 or 4xx shows the server's problem in the error summary and
// keeps what was typed; a 202 re-renders the status at once and then re-fetches the dossier.

import { api, ApiError, saveBlob, seg } from "../api.js";
import { getOfficerProfile, officerApi, officerBlob, rememberAgencyName, requireOfficer } from "../officer-auth.js";
import { initOfficerLayout, renderOfficerState } from "../officer-layout.js";
import { el, setText } from "../i18n.js";
import { showMessage } from "../layout.js";
import { hideErrorSummary, showErrorSummary } from "../error-summary.js";
import { addressBook, renderAnswers } from "../answers.js";
import { allowedActions, extendPrefill, renderActions, restoreValues, typedValues } from "../officer-actions.js";
import {
  AUDIENCES, dossierFlags, formatDateTime, formatSize, HISTORY_EVENTS, labelOf, ROLES, shortHash, statusLabel,
} from "../format.js";

const $ = (id) => document.getElementById(id);
const code = new URLSearchParams(location.search).get("code");
const address = addressBook(api);
let profile = null;
let current = null; // the last GET /api/officer/dossiers/{code} answer
let procedure = null; // the catalogue entry (schema, required documents)
let officerNames = new Map();
let actionsView = null;

async function main() {
  if (!requireOfficer()) return;
  profile = initOfficerLayout();
  if (!code) {
    $("loading").hidden = true;
    showMessage($("page-message"), "error", { vi: "Thiếu mã hồ sơ.", en: "The application code is missing." });
    return;
  }
  setText($("dossier-heading"), { vi: `Hồ sơ ${code}`, en: `Application ${code}` });
  document.addEventListener("portal:langchange", () => {
    if (current) renderAll(current, { keepTyped: true });
  });
  officerNames = await loadOfficerNames();
  await reload();
}

/** Names of the officers for the history (the development directory; subjects are shown otherwise). */
async function loadOfficerNames() {
  try {
    const list = await api("/api/auth/dev/officers", { auth: false });
    return new Map(list.map((o) => [o.subject, o.fullName]));
  } catch {
    return new Map();
  }
}

/** Fetches the dossier (and the procedure once) and renders everything. */
async function reload({ keepTyped = false } = {}) {
  let answer;
  try {
    answer = await officerApi(`/api/officer/dossiers/${seg(code)}`);
  } catch (error) {
    $("loading").hidden = true;
    if (error instanceof ApiError && error.status === 401) return;
    const text = error instanceof ApiError && error.status === 404
      ? { vi: "Không tìm thấy hồ sơ này.", en: "This application was not found." }
      : error instanceof ApiError && error.status === 403
        ? { vi: "Bạn không có quyền xem hồ sơ này.", en: "You may not see this application." }
        : { vi: "Không tải được hồ sơ. Vui lòng thử lại.", en: "The application could not be loaded. Please try again." };
    showMessage($("page-message"), "error", text, error instanceof ApiError ? error.detail || null : null);
    return;
  }
  if (!procedure && answer.dossier?.procedure?.code) {
    try {
      procedure = await api(`/api/catalogue/procedures/${seg(answer.dossier.procedure.code)}`, { auth: false });
    } catch {
      procedure = null; // answers are then labelled by their keys
    }
  }
  current = answer;
  if (rememberAgencyName(answer.dossier?.agency?.code, answer.dossier?.agency?.name)) {
    profile = getOfficerProfile();
    renderOfficerState(document.querySelector("[data-auth-state]"), profile);
  }
  $("loading").hidden = true;
  $("dossier").hidden = false;
  renderAll(answer, { keepTyped });
}

function renderAll(answer, { keepTyped }) {
  const { dossier, instance } = answer;
  $("dossier-procedure").textContent = dossier.procedure?.name || "";
  setText(document.querySelector("title"), {
    vi: `Hồ sơ ${dossier.code} – Cổng xử lý hồ sơ`, en: `Application ${dossier.code} – Case-handling console`,
  });
  renderStatus(instance.customStatus, dossier, instance);
  const kept = keepTyped ? typedValues($("actions")) : {};
  renderActionForms(instance.customStatus);
  restoreValues($("actions"), kept);
  renderSlipLinks(dossier, instance);
  renderAnswers($("answers"), procedure?.form || null, dossier.form, { address }).catch(() => {});
  renderAttachments(dossier);
  renderHistory(instance.historyEvents || []);
  renderNotifications(answer.notifications || []);
}

/* ---------- Status panel ---------- */

function renderStatus(s, dossier, instance) {
  const panel = $("status-panel");
  panel.replaceChildren();
  panel.append(setText(el("h2", { id: "status-title" }), { vi: "Tình trạng hồ sơ", en: "Status" }));
  const status = el("p", { class: "status-line" });
  status.append(setText(el("strong", { class: "tag", "data-testid": "dossier-status" }), statusLabel(s.status, s.statusText)));
  const flags = dossierFlags(s);
  if (flags.length) {
    const list = el("span", { class: "flags", "data-testid": "dossier-flags" });
    for (const flag of flags) list.append(setText(el("strong", { class: `flag flag--${flag.key}` }), flag.text));
    status.append(document.createTextNode(" "), list);
  }
  panel.append(status);

  const facts = el("dl", { class: "summary-list" });
  const fact = (label, value, testid) => {
    if (value == null || value === "") return;
    const row = el("div", { class: "summary-list-row" });
    const dd = el("dd", { class: "summary-list-value", "data-testid": testid || null });
    if (value instanceof Node) dd.append(value);
    else setText(dd, value);
    row.append(setText(el("dt", { class: "summary-list-key" }), label), dd);
    facts.append(row);
  };
  fact({ vi: "Người nộp", en: "Applicant" }, dossier.applicantName);
  fact({ vi: "Nộp lúc", en: "Submitted" }, formatDateTime(dossier.submittedAt));
  if (s.step) {
    const step = el("span");
    step.append(el("span", {}, s.step.name || s.step.id), document.createTextNode(" — "), setText(el("span"), labelOf(ROLES, s.step.role)));
    fact({ vi: "Bước hiện tại", en: "Current step" }, step, "current-step");
    if (s.step.dueAt) {
      const due = el("span");
      due.append(el("time", { datetime: s.step.dueAt }, formatDateTime(s.step.dueAt)));
      if (s.step.overdue) due.append(document.createTextNode(" "), setText(el("strong", { class: "flag flag--step" }), { vi: "Bước quá hạn", en: "Step overdue" }));
      fact({ vi: "Hạn của bước", en: "Step due" }, due, "step-due");
    }
  } else if (s.actingRole) {
    fact({ vi: "Đang chờ", en: "Waiting for" }, labelOf(ROLES, s.actingRole));
  }
  if (s.appointmentAt) {
    const appointment = el("span");
    appointment.append(el("time", { datetime: s.appointmentAt }, formatDateTime(s.appointmentAt)));
    // What the date means now is worded by the server (the dossier view's appointmentNote), for the status it was read in.
    const note = dossier?.status === s.status ? dossier.appointmentNote : null;
    if (note) appointment.append(setText(el("span", { class: "secondary-text" }), { vi: ` (${note.vi})`, en: ` (${note.en})` }));
    fact({ vi: "Ngày hẹn trả kết quả", en: "Result due" }, appointment, "appointment");
  }
  if (s.supplement || dossier.supplement) {
    const sup = s.supplement || dossier.supplement;
    const box = el("div");
    const list = el("ul", { class: "list missing-list" });
    for (const item of sup.missing || []) list.append(el("li", {}, item));
    box.append(list);
    if (sup.dueAt) box.append(setText(el("p"), { vi: `Hạn bổ sung: ${formatDateTime(sup.dueAt)}`, en: `Due: ${formatDateTime(sup.dueAt)}` }));
    fact({ vi: "Đang chờ bổ sung", en: "Waiting for" }, box);
  }
  if (s.lastReason) fact({ vi: "Lý do gần nhất", en: "Last reason" }, s.lastReason);
  const resultSha = s.resultSha256 || dossier.result?.sha256;
  if (resultSha) {
    const result = el("span");
    result.append(el("code", { class: "hash", title: resultSha }, shortHash(resultSha)), document.createTextNode(" "));
    result.append(setText(el("a", { href: `verify.html?code=${encodeURIComponent(dossier.code)}&sha256=${resultSha}` }), { vi: "Xác thực", en: "Verify" }));
    fact({ vi: "Kết quả (SHA-256)", en: "Result (SHA-256)" }, result, "result-sha256");
  }
  fact({ vi: "Mã trạng thái quốc gia", en: "National status code" }, String(s.nationalStatusCode ?? ""));
  fact({ vi: "Phiên bản", en: "Version" }, String(s.version ?? ""), "dossier-version");
  if (instance?.runtimeStatus && instance.runtimeStatus !== "Running") {
    fact({ vi: "Quy trình", en: "Lifecycle" }, instance.runtimeStatus === "Completed" ? { vi: "Đã kết thúc", en: "Completed" } : { vi: "Đã dừng", en: "Terminated" });
  }
  panel.append(facts);

  if (s.apology) {
    const box = el("div", { class: "apology-draft", "data-testid": "apology-draft" });
    box.append(setText(el("h3", { class: "heading-s" }), { vi: "Thư xin lỗi đã soạn sẵn (chưa gửi)", en: "Drafted apology (not sent yet)" }));
    box.append(setText(el("p"), {
      vi: `Hẹn hiện tại: ${formatDateTime(s.apology.appointmentAt)}. Đề xuất hẹn lại: ${formatDateTime(s.apology.proposedAppointmentAt)}.`,
      en: `Current appointment: ${formatDateTime(s.apology.appointmentAt)}. Proposed new date: ${formatDateTime(s.apology.proposedAppointmentAt)}.`,
    }));
    box.append(el("p", { class: "quote" }, s.apology.draftText || ""));
    box.append(setText(el("p", { class: "hint" }), { vi: "Dùng thao tác “Gia hạn” để gửi thư xin lỗi và ngày hẹn mới cho người nộp.", en: "Use “Extend” to send the apology and the new date." }));
    panel.append(box);
  }
}

/* ---------- Actions ---------- */

function renderActionForms(s) {
  const container = $("actions");
  const roles = profile?.roles || [];
  const actions = allowedActions(s, roles);
  if (!actions.length) {
    container.replaceChildren(setText(el("p", { "data-testid": "no-actions" }), roles.length
      ? { vi: "Hiện không có thao tác nào dành cho vai trò của bạn ở bước này.", en: "There is nothing for your role to do at this step." }
      : { vi: "Không xác định được vai trò của bạn; hãy đăng nhập lại.", en: "Your roles are unknown; sign in again." }));
    actionsView = null;
    return;
  }
  const prefill = {};
  const extend = extendPrefill(s.apology);
  if (extend) prefill.Extend = extend;
  // The return form starts on the channel the citizen chose on the e-Form, and warns when another is picked.
  if (current?.dossier?.requestedReturnChannel) prefill.ReturnResult = { channel: current.dossier.requestedReturnChannel };
  actionsView = renderActions(container, actions, {
    code,
    version: s.version,
    prefill,
    submit: {
      invalid: (items) => showErrorSummary($("error-summary"), items),
      send: sendAction,
    },
  });
}

async function sendAction(action, request, entry) {
  hideErrorSummary($("error-summary"));
  $("action-message").hidden = true;
  let instance;
  try {
    instance = await officerApi(request.path, { method: "POST", body: request.body, headers: request.headers });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    showActionError(action, error, entry);
    return;
  }
  // 202: the new status at once, then the whole dossier again.
  const s = instance.customStatus;
  showMessage($("action-message"), "success",
    { vi: `Đã thực hiện: ${action.label.vi}.`, en: `Done: ${action.label.en}.` },
    { vi: `Trạng thái mới: ${s.statusText || statusLabel(s.status).vi}.`, en: `New status: ${statusLabel(s.status, s.statusText).en}.` });
  $("action-message").setAttribute("role", "status");
  if (current) {
    current = { ...current, instance: { ...current.instance, ...instance, historyEvents: current.instance.historyEvents } };
    renderStatus(s, current.dossier, current.instance);
    renderActionForms(s);
  }
  $("action-message").focus();
  $("action-message").scrollIntoView({ block: "start" });
  await reload();
}

function showActionError(action, error, entry) {
  const apiError = error instanceof ApiError ? error : new ApiError({ status: 0, title: String(error?.message || error) });
  const items = [];
  const fieldItems = actionsView ? actionsView.showServerErrors(entry, apiError.errors) : [];
  const heading = { vi: `${action.label.vi}: ${apiError.detail || apiError.title}`, en: `${action.label.en}: ${apiError.detail || apiError.title}` };
  if (!fieldItems.length || apiError.status !== 400) items.push({ href: null, text: heading });
  items.push(...fieldItems);
  if (apiError.status === 409 && apiError.current) {
    const c = apiError.current;
    items.push({ href: null, text: {
      vi: `Hồ sơ hiện ở trạng thái “${c.statusText || c.status}” (phiên bản ${c.version}). Nhấn “Tải lại hồ sơ” để xem thay đổi; nội dung bạn đã nhập được giữ lại.`,
      en: `The application is now “${c.statusText || c.status}” (version ${c.version}). Use “Reload” to see the change; what you typed is kept.`,
    } });
  }
  const summary = showErrorSummary($("error-summary"), items, { focus: true });
  if (apiError.status === 409) {
    const reloadButton = setText(el("button", { type: "button", class: "button button--secondary button--small", id: "reload-dossier" }), { vi: "Tải lại hồ sơ", en: "Reload" });
    reloadButton.addEventListener("click", async () => {
      reloadButton.disabled = true;
      reloadButton.setAttribute("aria-busy", "true");
      await reload({ keepTyped: true });
      hideErrorSummary($("error-summary"));
      $("status-panel").scrollIntoView({ block: "start" });
    });
    summary.append(reloadButton);
  }
}

/* ---------- Slips ---------- */

function renderSlipLinks(dossier, instance) {
  const kinds = new Set((instance.historyEvents || []).map((e) => e.eventType));
  const s = instance.customStatus;
  const link = (kind, text) => {
    const li = el("li");
    li.append(setText(el("a", { href: `slip.html?code=${encodeURIComponent(dossier.code)}&kind=${kind}&as=officer`, "data-slip": kind }), text));
    $("slip-links").append(li);
  };
  $("slip-links").replaceChildren();
  if (kinds.has("Received")) link("receipt", { vi: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", en: "Receipt and appointment slip" });
  if (kinds.has("SupplementRequested")) link("supplement", { vi: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", en: "Request for missing documents" });
  if (kinds.has("RefusedAtIntake")) link("refusal", { vi: "Phiếu từ chối tiếp nhận giải quyết hồ sơ", en: "Refusal slip" });
  if (kinds.has("ResultIssued")) link("result", { vi: "Phiếu trả kết quả (mã QR xác thực)", en: "Result slip with verification QR" });
  if (kinds.has("Extended") || s.apology) link("apology", { vi: s.apology && !kinds.has("Extended") ? "Phiếu xin lỗi và hẹn lại ngày trả kết quả (dự thảo)" : "Phiếu xin lỗi và hẹn lại ngày trả kết quả", en: "Apology with a new date" });
  link("control", { vi: "Phiếu kiểm soát quá trình giải quyết hồ sơ", en: "Processing control slip" });
}

/* ---------- Attachments ---------- */

function renderAttachments(dossier) {
  const container = $("attachments");
  container.replaceChildren();
  const docs = dossier.documents || [];
  if (!docs.length) {
    container.append(setText(el("p"), { vi: "Không có tệp đính kèm.", en: "No attachments." }));
    return;
  }
  const heads = [{ vi: "Thành phần hồ sơ", en: "Document" }, { vi: "Tệp", en: "File" }, { vi: "Dung lượng", en: "Size" }, { vi: "SHA-256", en: "SHA-256" }];
  const table = el("table", { class: "table table--stack", "data-testid": "attachments" });
  const headRow = el("tr");
  for (const head of heads) headRow.append(setText(el("th", { scope: "col" }), head));
  const thead = el("thead");
  thead.append(headRow);
  const tbody = el("tbody");
  for (const doc of docs) {
    const row = el("tr");
    row.append(el("td", { "data-label": heads[0].vi }, doc.name || doc.documentId));
    const fileCell = el("td", { "data-label": heads[1].vi });
    const button = el("button", { type: "button", class: "link-button file-name" });
    button.append(el("span", {}, doc.fileName), setText(el("span", { class: "visually-hidden" }), { vi: " (tải về)", en: " (download)" }));
    button.addEventListener("click", () => download(button, doc));
    fileCell.append(button);
    row.append(fileCell, el("td", { "data-label": heads[2].vi }, formatSize(doc.size)));
    const hash = el("td", { "data-label": heads[3].vi });
    hash.append(el("code", { title: doc.sha256 }, shortHash(doc.sha256)));
    row.append(hash);
    tbody.append(row);
  }
  table.append(thead, tbody);
  const wrap = el("div", { class: "table-wrap" });
  wrap.append(table);
  container.append(wrap, el("p", { class: "action-status", role: "status", "aria-live": "polite", id: "download-status" }));
}

async function download(button, doc) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  setText($("download-status"), { vi: `Đang tải ${doc.fileName}…`, en: `Downloading ${doc.fileName}…` });
  try {
    const { blob } = await officerBlob(`/api/officer/dossiers/${seg(code)}/documents/${seg(doc.sha256)}`);
    saveBlob(blob, doc.fileName);
    setText($("download-status"), { vi: `Đã tải ${doc.fileName}.`, en: `Downloaded ${doc.fileName}.` });
  } catch (error) {
    const detail = error instanceof ApiError ? error.detail || error.title : "";
    setText($("download-status"), { vi: `Không tải được ${doc.fileName}. ${detail}`, en: `${doc.fileName} could not be downloaded. ${detail}` });
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

/* ---------- History and notifications ---------- */

function actorName(entry) {
  if (entry.role === "citizen") return current?.dossier?.applicantName || "";
  if (entry.role === "system") return "";
  return officerNames.get(entry.actor) || entry.actor || "";
}

function renderHistory(events) {
  const container = $("history");
  container.replaceChildren();
  const list = el("ol", { class: "timeline", "data-testid": "history" });
  for (const entry of [...events].sort((a, b) => (b.sequence ?? 0) - (a.sequence ?? 0))) {
    const li = el("li");
    li.append(el("time", { datetime: entry.at }, formatDateTime(entry.at)));
    li.append(setText(el("strong", { class: "history-kind" }), labelOf(HISTORY_EVENTS, entry.eventType)));
    const who = [actorName(entry), entry.role ? labelOf(ROLES, entry.role) : null].filter(Boolean);
    if (who.length) {
      const actor = el("span", { class: "history-actor" });
      who.forEach((part, index) => {
        if (index) actor.append(document.createTextNode(" · "));
        actor.append(setText(el("span"), part));
      });
      li.append(actor);
    }
    if (entry.text) li.append(el("span", { class: "history-reason" }, entry.text));
    else if (entry.reason) li.append(el("span", { class: "history-reason" }, entry.reason));
    list.append(li);
  }
  if (!events.length) list.append(setText(el("li"), { vi: "Chưa có sự kiện.", en: "No events yet." }));
  container.append(list);
}

function renderNotifications(notifications) {
  const container = $("notifications");
  container.replaceChildren();
  if (!notifications.length) {
    container.append(setText(el("p"), { vi: "Chưa gửi thông báo nào.", en: "No notifications sent." }));
    return;
  }
  const list = el("ul", { class: "notifications", "data-testid": "notifications" });
  for (const n of [...notifications].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))) {
    const li = el("li");
    const meta = el("span", { class: "notification-meta" });
    meta.append(el("time", { datetime: n.at }, formatDateTime(n.at)), document.createTextNode(" · "), setText(el("span"), labelOf(AUDIENCES, n.audience)),
      document.createTextNode(" · "), setText(el("span"), labelOf(HISTORY_EVENTS, n.topic)));
    li.append(meta, el("span", {}, n.text));
    list.append(li);
  }
  container.append(list);
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
