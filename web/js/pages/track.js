// track.html: "Hồ sơ của tôi" for a signed-in citizen (GET /api/dossiers), a look-up by code + phone
// (POST /api/dossiers/track with both in the body, no sign-in: status, dates and timeline only), and ?code=
// for the owner (GET /api/dossiers/{code}). The owner also sees an open supplement request with the form to
// answer it (POST /api/dossiers/{code}/supplement), the result ("Tải kết quả", its SHA-256 and the
// verification link), the documents with their SHA-256, the notifications sent to the applicant and links
// to the printable slips.

import { api, apiBlob, ApiError, saveBlob, seg } from "../api.js";
import { getToken, signInUrl } from "../auth.js";
import { el, setText } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { formatDateTime, formatSize, HISTORY_EVENTS, labelOf, shortHash } from "../format.js";
import { hideErrorSummary, showErrorSummary } from "../error-summary.js";
import { renderAttachments } from "../attachments.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const PHONE = /^(0|\+84)(3|5|7|8|9)[0-9]{8}$/;
let me = null;
let shown = null; // the dossier on screen, re-rendered on a language change
let access = { phone: null }; // how the dossier on screen was read: the owner's token, or the phone number
const procedures = new Map(); // catalogue entries by code (required documents for the supplement form)
const notificationsOf = new Map(); // notifications by dossier code
let supplementForm = null; // the attachments controller of the supplement form on screen

const MESSAGES = {
  notFound: { vi: "Không tìm thấy hồ sơ: kiểm tra mã hồ sơ và số điện thoại", en: "Application not found: check the code and the phone number" },
  forbidden: { vi: "Bạn không có quyền xem hồ sơ này", en: "You are not allowed to see this application" },
  forbiddenDetail: {
    vi: "Hồ sơ chỉ hiển thị cho người đã nộp. Hãy đăng nhập đúng tài khoản đã nộp hồ sơ, hoặc tra cứu bằng số điện thoại của người nộp.",
    en: "Only the applicant can see it. Sign in with the account that submitted it, or look it up with the applicant's phone number.",
  },
  failed: { vi: "Không tra cứu được hồ sơ. Vui lòng thử lại sau.", en: "The look-up failed. Please try again later." },
  tooMany: { vi: "Bạn đã tra cứu quá nhiều lần; vui lòng thử lại sau ít phút hoặc đăng nhập.", en: "Too many look-ups; try again in a few minutes or sign in." },
  signInForMore: {
    vi: "Tra cứu bằng số điện thoại chỉ cho biết trạng thái, các mốc thời gian và quá trình xử lý. Để xem nội dung hồ sơ, giấy tờ đã nộp, thông báo và tải kết quả, hãy ",
    en: "A look-up by phone number shows the status, dates and progress only. To see the application, its documents and messages, and to download the result, ",
  },
};

async function main() {
  me = await initLayout();
  const code = params.get("code");
  if (code) $("lookup-code").value = code;
  $("lookup-form").addEventListener("submit", onLookup);
  document.addEventListener("portal:langchange", () => {
    // Texts switch by themselves (data-vi/data-en); re-rendering would drop files chosen for a supplement.
    if (shown && !supplementForm?.hasFiles()) renderDossier(shown, false);
  });

  const work = [];
  if (me) work.push(loadMine());
  if (code && me) {
    work.push(loadOwn(code));
  } else if (code) {
    showMessage($("page-message"), "info", { vi: "Nhập số điện thoại của người nộp để xem hồ sơ này, hoặc đăng nhập.", en: "Enter the applicant's phone number to see this application, or sign in." });
  }
  await Promise.all(work);
}

const MY_HEADS = [
  { vi: "Mã hồ sơ", en: "Code" }, { vi: "Thủ tục", en: "Procedure" }, { vi: "Trạng thái", en: "Status" },
  { vi: "Ngày nộp", en: "Submitted" }, { vi: "Ngày hẹn trả kết quả", en: "Result due" },
];
const MY_PAGE_SIZE = 10;

/** The citizen's own dossiers, newest first, a page at a time ("Xem thêm" appends the next page). */
async function loadMine() {
  const section = $("my-dossiers");
  section.hidden = false;
  const container = $("my-list");
  let page;
  try {
    page = await api(`/api/dossiers?pageSize=${MY_PAGE_SIZE}`);
  } catch {
    container.replaceChildren(setText(el("p"), { vi: "Không tải được danh sách hồ sơ của bạn.", en: "Your applications could not be loaded." }));
    return;
  }
  container.replaceChildren();
  if (!page.items?.length) {
    container.append(setText(el("p"), { vi: "Bạn chưa nộp hồ sơ nào.", en: "You have not submitted any application yet." }));
    return;
  }
  const table = el("table", { class: "table table--stack", "data-testid": "my-dossiers" });
  const headRow = el("tr");
  for (const head of MY_HEADS) headRow.append(setText(el("th", { scope: "col" }), head));
  const thead = el("thead");
  thead.append(headRow);
  const tbody = el("tbody");
  table.append(thead, tbody);
  const count = el("p", { class: "secondary-text", role: "status", "aria-live": "polite", "data-testid": "my-count" });
  const more = setText(el("button", { type: "button", class: "button button--secondary", "data-testid": "my-more" }), { vi: "Xem thêm hồ sơ", en: "Show more applications" });
  container.append(table, count, more);
  let next = appendMine(tbody, page.items, count, page.next, more);
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      const following = await api(`/api/dossiers?pageSize=${MY_PAGE_SIZE}&next=${encodeURIComponent(next)}`);
      const first = tbody.rows.length;
      next = appendMine(tbody, following.items || [], count, following.next, more);
      // Keyboard and screen-reader users continue from the first row just added.
      tbody.rows[first]?.querySelector("a")?.focus();
    } catch {
      setText(count, { vi: "Không tải được thêm hồ sơ; hãy thử lại.", en: "More applications could not be loaded; try again." });
    } finally {
      more.disabled = false;
    }
  });
}

function appendMine(tbody, items, count, next, more) {
  for (const d of items) {
    const row = el("tr");
    const codeCell = el("th", { scope: "row" });
    codeCell.append(el("a", { href: `track.html?code=${encodeURIComponent(d.code)}` }, d.code));
    row.append(codeCell);
    const cell = (head, value) => row.append(setText(el("td", { "data-label": head.vi }), value));
    cell(MY_HEADS[1], d.procedureName || "");
    cell(MY_HEADS[2], d.statusText || d.status || "");
    cell(MY_HEADS[3], formatDateTime(d.submittedAt));
    cell(MY_HEADS[4], formatDateTime(d.appointmentDate));
    tbody.append(row);
  }
  const n = tbody.rows.length;
  setText(count, next
    ? { vi: `Đang hiển thị ${n} hồ sơ mới nhất.`, en: `Showing your ${n} most recent applications.` }
    : { vi: `Đang hiển thị tất cả ${n} hồ sơ.`, en: `Showing all ${n} applications.` });
  more.hidden = !next;
  return next;
}

/** The owner's view (with the token). */
async function loadOwn(code) {
  access = { phone: null };
  await show(() => api(`/api/dossiers/${seg(code)}`), code);
}

/** The look-up by code and phone number, without the token (both in the body, never in a URL). */
async function lookup(code, phone) {
  access = { phone };
  await show(() => api("/api/dossiers/track", { method: "POST", body: { code, phone }, auth: false }), code);
}

async function show(load, code) {
  $("page-message").hidden = true;
  try {
    const dossier = await load();
    renderDossier(dossier, true);
    history.replaceState(null, "", `track.html?code=${encodeURIComponent(code)}`);
    return true;
  } catch (error) {
    $("result").hidden = true;
    shown = null;
    const status = error instanceof ApiError ? error.status : 0;
    if (status === 400 && Object.keys(error.errors).length) {
      showFieldErrors(Object.fromEntries(Object.entries(error.errors).map(([k, v]) => [k, { vi: v[0], en: v[0] }])));
      return false;
    }
    if (status === 404) showMessage($("page-message"), "error", MESSAGES.notFound);
    else if (status === 429) showMessage($("page-message"), "error", MESSAGES.tooMany);
    else if (status === 403) showMessage($("page-message"), "error", MESSAGES.forbidden, MESSAGES.forbiddenDetail);
    else if (status === 401) showMessage($("page-message"), "error", { vi: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại hoặc tra cứu bằng số điện thoại.", en: "Your sign-in expired. Sign in again or look up with the phone number." });
    else showMessage($("page-message"), "error", MESSAGES.failed);
    $("page-message").focus();
    return false;
  }
}

/** Errors of the look-up form: at the fields and in the summary. Keys: code, phone. */
function showFieldErrors(errors) {
  const items = [];
  for (const name of ["code", "phone"]) {
    const message = errors[name];
    const error = $(`lookup-${name}-error`);
    const input = $(`lookup-${name}`);
    error.replaceChildren();
    error.hidden = !message;
    input.closest(".form-group").classList.toggle("form-group--error", Boolean(message));
    if (message) {
      error.append(setText(el("span", { class: "visually-hidden" }), { vi: "Lỗi: ", en: "Error: " }), setText(el("span"), message));
      input.setAttribute("aria-invalid", "true");
      items.push({ href: `#lookup-${name}`, text: message });
    } else {
      input.removeAttribute("aria-invalid");
    }
  }
  if (items.length) showErrorSummary($("error-summary"), items);
  else hideErrorSummary($("error-summary"));
}

async function onLookup(event) {
  event.preventDefault();
  const code = $("lookup-code").value.trim();
  const phone = $("lookup-phone").value.replace(/[\s.()-]+/g, "");
  const errors = {};
  if (!code) errors.code = { vi: "Vui lòng nhập Mã hồ sơ", en: "Enter the application code" };
  if (!phone) errors.phone = { vi: "Vui lòng nhập Số điện thoại của người nộp", en: "Enter the applicant's phone number" };
  else if (!PHONE.test(phone)) errors.phone = { vi: "Số điện thoại di động không hợp lệ (ví dụ 0912345678)", en: "Enter a valid Vietnamese mobile number (e.g. 0912345678)" };
  showFieldErrors(errors);
  if (Object.keys(errors).length) return;
  await lookup(code, phone);
}

function renderDossier(d, focus, notice) {
  shown = d;
  supplementForm = null;
  const section = $("result");
  section.replaceChildren();
  section.hidden = false;
  section.append(setText(el("h2", { id: "result-title", class: "heading-m" }), { vi: `Hồ sơ ${d.code}`, en: `Application ${d.code}` }));
  if (notice) {
    const box = el("div", { id: "dossier-notice", tabindex: "-1", role: "status" });
    showMessage(box, "success", notice.title, notice.detail);
    section.append(box);
  }
  const status = el("p");
  status.append(setText(el("span"), { vi: "Trạng thái: ", en: "Status: " }), el("strong", { class: "tag", "data-testid": "dossier-status" }, d.statusText || String(d.status)));
  section.append(status);
  const anonymous = Boolean(access.phone);
  if (anonymous && d.supplementRequested) {
    section.append(setText(el("p", { class: "tag" }), { vi: "Hồ sơ cần bổ sung giấy tờ.", en: "The application needs more documents." }));
  }
  if (d.supplement) section.append(supplementPanel(d));

  const facts = el("dl", { class: "summary-list summary-list--two" });
  const fact = (label, value) => {
    if (!value) return;
    const row = el("div", { class: "summary-list-row" });
    row.append(setText(el("dt", { class: "summary-list-key" }), label), setText(el("dd", { class: "summary-list-value" }), value));
    facts.append(row);
  };
  fact({ vi: "Mã hồ sơ", en: "Code" }, d.code);
  fact({ vi: "Thủ tục", en: "Procedure" }, d.procedure?.name);
  fact({ vi: "Người nộp", en: "Applicant" }, d.applicantName);
  fact({ vi: "Cơ quan giải quyết", en: "Agency" }, d.agency?.name);
  fact({ vi: "Thời gian nộp", en: "Submitted" }, formatDateTime(d.submittedAt));
  // What the date means in the present state is worded by the server (appointmentNote), in one place.
  const note = d.appointmentNote;
  fact({ vi: "Ngày hẹn trả kết quả", en: "Result due" }, d.appointmentDate
    ? { vi: `${formatDateTime(d.appointmentDate)}${note ? ` (${note.vi})` : ""}`, en: `${formatDateTime(d.appointmentDate)}${note ? ` (${note.en})` : ""}` }
    : null);
  if (d.lastReason && ["refusedAtIntake", "rejected", "processingStopped", "extended"].includes(d.status)) fact({ vi: "Lý do", en: "Reason" }, d.lastReason);
  section.append(facts);
  if (d.result) section.append(resultPanel(d));
  if (anonymous) {
    const more = el("p", { "data-testid": "sign-in-for-more" });
    more.append(setText(el("span"), MESSAGES.signInForMore),
      setText(el("a", { href: signInUrl(`track.html?code=${encodeURIComponent(d.code)}`) }), { vi: "đăng nhập bằng tài khoản đã nộp hồ sơ.", en: "sign in with the account that submitted it." }));
    section.append(more);
  }

  // Timeline, newest first.
  section.append(setText(el("h3", { class: "heading-s" }), { vi: "Quá trình xử lý (mới nhất trước)", en: "Progress (newest first)" }));
  const timeline = el("ol", { class: "timeline", "data-testid": "timeline" });
  const entries = [...(d.timeline || [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  for (const entry of entries) {
    const li = el("li");
    li.append(el("time", { datetime: entry.at }, formatDateTime(entry.at)), el("span", {}, entry.text || entry.kind));
    timeline.append(li);
  }
  if (!entries.length) timeline.append(setText(el("li"), { vi: "Chưa có cập nhật.", en: "No updates yet." }));
  section.append(timeline);
  if (anonymous) {
    finishRender(section, focus, notice);
    return;
  }

  // Documents with their fingerprints.
  section.append(setText(el("h3", { class: "heading-s" }), { vi: "Tài liệu đã nộp", en: "Documents submitted" }));
  const docs = d.documents || [];
  if (!docs.length) {
    section.append(setText(el("p"), { vi: "Không có tệp đính kèm.", en: "No attachments." }));
  } else {
    const heads = [{ vi: "Thành phần", en: "Document" }, { vi: "Tệp", en: "File" }, { vi: "Dung lượng", en: "Size" }, { vi: "Mã SHA-256", en: "SHA-256" }];
    const table = el("table", { class: "table table--stack" });
    const headRow = el("tr");
    for (const head of heads) headRow.append(setText(el("th", { scope: "col" }), head));
    const thead = el("thead");
    thead.append(headRow);
    const tbody = el("tbody");
    for (const doc of docs) {
      const row = el("tr");
      row.append(
        el("td", { "data-label": heads[0].vi }, doc.name || doc.documentId),
        el("td", { "data-label": heads[1].vi, class: "file-name" }, doc.fileName),
        el("td", { "data-label": heads[2].vi }, formatSize(doc.size)),
      );
      const hash = el("td", { "data-label": heads[3].vi });
      hash.append(el("code", { title: doc.sha256 }, shortHash(doc.sha256)));
      row.append(hash);
      tbody.append(row);
    }
    table.append(thead, tbody);
    const wrap = el("div", { class: "table-wrap" });
    wrap.append(table);
    section.append(wrap);
  }

  // Notifications sent to the applicant (loaded once per dossier).
  section.append(setText(el("h3", { class: "heading-s" }), { vi: "Thông báo đã gửi cho người nộp", en: "Messages sent to the applicant" }));
  const notes = el("div", { id: "notifications" });
  section.append(notes);
  renderNotifications(d.code, notes);

  section.append(slipLinks(d));
  // The receipt exists once the desk has received the dossier; before that, the acknowledgement of online submission.
  const actions = el("div", { class: "button-group" });
  actions.append(received(d)
    ? setText(el("a", { class: "button button--secondary", href: `slip.html?code=${encodeURIComponent(d.code)}&kind=receipt`, "data-testid": "print-receipt" }),
      { vi: "In giấy tiếp nhận hồ sơ và hẹn trả kết quả", en: "Print the receipt and appointment slip" })
    : setText(el("a", { class: "button button--secondary", href: `acknowledgement.html?code=${encodeURIComponent(d.code)}`, "data-testid": "print-acknowledgement" }),
      { vi: "In xác nhận đã nộp hồ sơ trực tuyến", en: "Print the acknowledgement of online submission" }));
  section.append(actions);
  if (d.canWithdraw) section.append(withdrawPanel(d));
  finishRender(section, focus, notice);
}

function finishRender(section, focus, notice) {
  if (notice) {
    $("dossier-notice").scrollIntoView({ block: "start" });
    $("dossier-notice").focus();
  } else if (focus) {
    section.scrollIntoView({ block: "start" });
    section.focus();
  }
}

/* ---------- Supplement request: what is missing, and the form to send it ---------- */

function supplementPanel(d) {
  const s = d.supplement;
  const panel = el("section", { class: "supplement-panel", id: "supplement", "aria-labelledby": "supplement-title", "data-testid": "supplement-request" });
  panel.append(setText(el("h3", { id: "supplement-title", class: "heading-m" }), { vi: "Hồ sơ cần bổ sung", en: "Your application needs more documents" }));
  panel.append(setText(el("p"), { vi: "Cơ quan giải quyết yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ với các nội dung sau:", en: "The agency asks you to provide:" }));
  const list = el("ul", { class: "list", "data-testid": "supplement-missing" });
  for (const item of s.missing || []) list.append(el("li", {}, item));
  panel.append(list);
  const facts = el("dl", { class: "summary-list summary-list--two" });
  const fact = (label, value) => {
    if (!value) return;
    const row = el("div", { class: "summary-list-row" });
    row.append(setText(el("dt", { class: "summary-list-key" }), label), setText(el("dd", { class: "summary-list-value" }), value));
    facts.append(row);
  };
  fact({ vi: "Lý do", en: "Reason" }, s.reason);
  fact({ vi: "Hạn bổ sung", en: "Due by" }, formatDateTime(s.dueAt));
  panel.append(facts);
  panel.append(setText(el("p", { class: "hint" }), {
    vi: "Thời gian chờ bổ sung không tính vào thời hạn giải quyết; ngày hẹn trả kết quả được tính lại khi Ông/Bà gửi bổ sung.",
    en: "The waiting time does not count; the result date is worked out again when you send the documents.",
  }));
  if (access.phone || !getToken()) {
    const p = el("p");
    p.append(setText(el("span"), { vi: "Để gửi giấy tờ bổ sung trực tuyến, ", en: "To send the documents online, " }),
      setText(el("a", { href: signInUrl(`track.html?code=${encodeURIComponent(d.code)}`) }), { vi: "đăng nhập bằng tài khoản đã nộp hồ sơ", en: "sign in with the account that submitted it" }),
      setText(el("span"), { vi: ", hoặc nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả.", en: ", or bring them to the one-stop desk." }));
    panel.append(p);
    return panel;
  }
  const form = el("form", { id: "supplement-form", novalidate: true, "aria-labelledby": "supplement-form-title" });
  form.append(setText(el("h4", { id: "supplement-form-title", class: "heading-s" }), { vi: "Gửi giấy tờ bổ sung", en: "Send the documents" }));
  form.append(setText(el("p", { class: "hint" }), { vi: "Đính kèm các giấy tờ được yêu cầu vào đúng thành phần hồ sơ (ít nhất một tệp).", en: "Attach the requested documents under the right item (at least one file)." }));
  const documentsBox = el("div", { id: "supplement-documents" });
  form.append(documentsBox);
  const noteId = "supplement-note";
  const noteGroup = el("div", { class: "form-group" });
  const noteLabel = el("label", { class: "label", for: noteId });
  noteLabel.append(setText(el("span"), { vi: "Ghi chú cho cơ quan giải quyết", en: "Note to the agency" }), setText(el("span", { class: "optional" }), { vi: " (không bắt buộc)", en: " (optional)" }));
  noteGroup.append(noteLabel, el("textarea", { class: "textarea", id: noteId, name: "note", rows: 3, maxlength: 1000 }));
  form.append(noteGroup);
  const progress = el("p", { class: "action-status", role: "status", "aria-live": "polite", id: "supplement-status" });
  const button = setText(el("button", { type: "submit", class: "button", id: "supplement-button" }), { vi: "Gửi bổ sung", en: "Send" });
  form.append(button, progress);
  panel.append(form);
  loadProcedure(d.procedure?.code).then((procedure) => {
    const docs = (procedure?.requiredDocuments || []).map((doc) => ({ ...doc, mandatory: false }));
    if (!docs.length) {
      documentsBox.append(setText(el("p"), { vi: "Không tải được danh sách thành phần hồ sơ. Vui lòng tải lại trang.", en: "The document list could not be loaded. Reload the page." }));
      button.disabled = true;
      return;
    }
    supplementForm = renderAttachments(docs, documentsBox);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sendSupplement(d, form, button, progress);
  });
  return panel;
}

async function loadProcedure(code) {
  if (!code) return null;
  if (!procedures.has(code)) procedures.set(code, api(`/api/catalogue/procedures/${seg(code)}`, { auth: false }).catch(() => null));
  return procedures.get(code);
}

async function sendSupplement(d, form, button, progress) {
  if (!supplementForm || button.disabled) return;
  const errors = supplementForm.validate();
  const items = Object.entries(errors).map(([key, text]) => ({ href: `#f-${key.replace(/\./g, "-")}`, text }));
  if (!items.length && !supplementForm.hasFiles()) {
    items.push({ href: `#${supplementForm.fields.values().next().value.id}`, text: { vi: "Đính kèm ít nhất một giấy tờ được yêu cầu bổ sung", en: "Attach at least one of the requested documents" } });
  }
  if (items.length) {
    showErrorSummary($("error-summary"), items);
    return;
  }
  hideErrorSummary($("error-summary"));
  const body = new FormData();
  for (const { doc, files } of supplementForm.chosen()) for (const file of files) body.append(`doc:${doc.id}`, file, file.name);
  const note = form.querySelector("#supplement-note").value.trim();
  if (note) body.append("note", note);
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  setText(progress, { vi: "Đang gửi giấy tờ bổ sung…", en: "Sending…" });
  try {
    const updated = await api(`/api/dossiers/${seg(d.code)}/supplement`, { method: "POST", body });
    notificationsOf.delete(d.code);
    renderDossier(updated, false, {
      title: { vi: "Đã gửi bổ sung hồ sơ", en: "Your documents were sent" },
      detail: {
        vi: `Trạng thái: ${updated.statusText || updated.status}. Ngày hẹn trả kết quả: ${formatDateTime(updated.appointmentDate)}.`,
        en: `Status: ${updated.statusText || updated.status}. Result due: ${formatDateTime(updated.appointmentDate)}.`,
      },
    });
  } catch (error) {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    setText(progress, "");
    const problem = error instanceof ApiError ? error : new ApiError({ status: 0 });
    const summary = [];
    for (const [key, messages] of Object.entries(problem.errors)) {
      const text = { vi: messages.join(" "), en: messages.join(" ") };
      const shownAtField = supplementForm.showError(key, text);
      summary.push({ href: shownAtField ? `#f-${key.replace(/\./g, "-")}` : null, text });
    }
    if (!summary.length || problem.status !== 400) summary.unshift({ href: null, text: { vi: problem.detail || problem.title, en: problem.detail || problem.title } });
    showErrorSummary($("error-summary"), summary);
  }
}

/* ---------- Withdrawal: ask for a reason, confirm, show the result ---------- */

function withdrawPanel(d) {
  const panel = el("section", { class: "withdraw-panel", id: "withdraw", "aria-labelledby": "withdraw-title", "data-testid": "withdraw" });
  panel.append(setText(el("h3", { id: "withdraw-title", class: "heading-s" }), { vi: "Rút hồ sơ", en: "Withdraw the application" }));
  panel.append(setText(el("p"), {
    vi: "Ông/Bà có thể rút hồ sơ khi chưa có kết quả. Hồ sơ đã rút không được tiếp tục giải quyết; muốn giải quyết lại, Ông/Bà phải nộp hồ sơ mới.",
    en: "You may withdraw the application while there is no result yet. A withdrawn application is not processed further; to apply again, submit a new one.",
  }));
  const open = setText(el("button", { type: "button", class: "button button--warning", id: "withdraw-open", "aria-expanded": "false", "aria-controls": "withdraw-form" }),
    { vi: "Rút hồ sơ", en: "Withdraw" });
  const form = el("form", { id: "withdraw-form", novalidate: true, hidden: true, "aria-labelledby": "withdraw-title" });
  const id = "withdraw-reason";
  const group = el("div", { class: "form-group" });
  const error = el("p", { class: "error-message", id: `${id}-error`, hidden: true });
  const textarea = el("textarea", { class: "textarea", id, name: "reason", rows: 3, maxlength: 1000, "aria-describedby": `${id}-hint ${id}-error` });
  group.append(setText(el("label", { class: "label", for: id }), { vi: "Lý do rút hồ sơ", en: "Why you are withdrawing" }),
    setText(el("div", { class: "hint", id: `${id}-hint` }), { vi: "Lý do được ghi vào nhật ký hồ sơ và gửi cho cơ quan giải quyết.", en: "The reason is recorded in the application's history and sent to the agency." }),
    error, textarea);
  const confirmBox = el("div", { class: "checkbox" });
  const confirmInput = el("input", { class: "checkbox-input", type: "checkbox", id: "withdraw-confirm", "aria-describedby": "withdraw-confirm-error" });
  const confirmError = el("p", { class: "error-message", id: "withdraw-confirm-error", hidden: true });
  confirmBox.append(confirmInput, setText(el("label", { class: "checkbox-label", for: "withdraw-confirm" }),
    { vi: `Tôi xác nhận rút hồ sơ ${d.code}.`, en: `I confirm I withdraw application ${d.code}.` }));
  const confirmGroup = el("div", { class: "form-group" });
  confirmGroup.append(confirmError, confirmBox);
  const status = el("p", { class: "action-status", role: "status", "aria-live": "polite" });
  const submit = setText(el("button", { type: "submit", class: "button button--warning", id: "withdraw-submit" }), { vi: "Xác nhận rút hồ sơ", en: "Confirm withdrawal" });
  const cancel = setText(el("button", { type: "button", class: "button button--secondary", id: "withdraw-cancel" }), { vi: "Không rút", en: "Keep the application" });
  const buttons = el("div", { class: "button-group" });
  buttons.append(submit, cancel);
  form.append(group, confirmGroup, buttons, status);
  panel.append(open, form);

  const toggle = (show) => {
    form.hidden = !show;
    open.hidden = show;
    open.setAttribute("aria-expanded", String(show));
    if (show) textarea.focus();
    else open.focus();
  };
  open.addEventListener("click", () => toggle(true));
  cancel.addEventListener("click", () => toggle(false));
  const showError = (box, input, message) => {
    box.replaceChildren();
    box.hidden = !message;
    input.closest(".form-group").classList.toggle("form-group--error", Boolean(message));
    if (message) {
      box.append(setText(el("span", { class: "visually-hidden" }), { vi: "Lỗi: ", en: "Error: " }), setText(el("span"), message));
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const reason = textarea.value.trim();
    const items = [];
    const reasonMessage = reason ? null : { vi: "Vui lòng nhập lý do rút hồ sơ", en: "Enter why you are withdrawing" };
    const confirmMessage = confirmInput.checked ? null : { vi: "Đánh dấu ô xác nhận để rút hồ sơ", en: "Tick the box to confirm" };
    showError(error, textarea, reasonMessage);
    showError(confirmError, confirmInput, confirmMessage);
    if (reasonMessage) items.push({ href: `#${id}`, text: reasonMessage });
    if (confirmMessage) items.push({ href: "#withdraw-confirm", text: confirmMessage });
    if (items.length) {
      showErrorSummary($("error-summary"), items);
      return;
    }
    hideErrorSummary($("error-summary"));
    submit.disabled = true;
    submit.setAttribute("aria-busy", "true");
    setText(status, { vi: "Đang rút hồ sơ…", en: "Withdrawing…" });
    try {
      const updated = await api(`/api/dossiers/${seg(d.code)}/withdraw`, { method: "POST", body: { reason } });
      notificationsOf.delete(d.code);
      renderDossier(updated, false, {
        title: { vi: "Đã rút hồ sơ", en: "The application was withdrawn" },
        detail: { vi: `Trạng thái: ${updated.statusText || updated.status}. Lý do: ${reason}`, en: `Status: ${updated.statusText || updated.status}. Reason: ${reason}` },
      });
    } catch (failure) {
      submit.disabled = false;
      submit.removeAttribute("aria-busy");
      setText(status, "");
      const problem = failure instanceof ApiError ? failure : new ApiError({ status: 0 });
      const messages = Object.values(problem.errors || {}).flat();
      const text = messages.length ? messages.join(" ") : problem.detail || problem.title || "";
      showErrorSummary($("error-summary"), [{ href: null, text: { vi: `Không rút được hồ sơ. ${text}`, en: `The application could not be withdrawn. ${text}` } }]);
    }
  });
  return panel;
}

/* ---------- Result ---------- */

function resultPanel(d) {
  const panel = el("section", { class: "result-panel", id: "result-download", "aria-labelledby": "result-download-title" });
  panel.append(setText(el("h3", { id: "result-download-title", class: "heading-m" }), { vi: "Kết quả giải quyết", en: "The result" }));
  panel.append(setText(el("p"), { vi: "Cơ quan đã ban hành kết quả điện tử cho hồ sơ này.", en: "The agency has issued an electronic result for this application." }));
  const button = setText(el("button", { type: "button", class: "button", id: "download-result" }), { vi: "Tải kết quả", en: "Download the result" });
  const status = el("p", { class: "action-status", role: "status", "aria-live": "polite" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    setText(status, { vi: "Đang tải kết quả…", en: "Downloading…" });
    try {
      const { blob } = await apiBlob(`/api/dossiers/${seg(d.code)}/result`, { token: getToken() });
      saveBlob(blob, `ket-qua-${d.code}.pdf`);
      setText(status, { vi: `Đã tải tệp ket-qua-${d.code}.pdf.`, en: `Downloaded ket-qua-${d.code}.pdf.` });
    } catch (error) {
      const detail = error instanceof ApiError ? error.detail || error.title : "";
      setText(status, { vi: `Không tải được kết quả. ${detail}`, en: `The result could not be downloaded. ${detail}` });
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  });
  panel.append(button, status);
  const hash = el("p");
  hash.append(setText(el("span"), { vi: "Mã SHA-256 của kết quả: ", en: "SHA-256 of the result: " }), el("code", { class: "hash", "data-testid": "result-sha256" }, d.result.sha256));
  panel.append(hash);
  panel.append(setText(el("a", { href: `verify.html?code=${encodeURIComponent(d.code)}&sha256=${encodeURIComponent(d.result.sha256)}` }),
    { vi: "Xác thực kết quả", en: "Verify the result" }));
  return panel;
}

/* ---------- Notifications and slips ---------- */

async function renderNotifications(code, container) {
  container.replaceChildren(setText(el("p", { class: "secondary-text" }), { vi: "Đang tải thông báo…", en: "Loading…" }));
  if (!notificationsOf.has(code)) {
    notificationsOf.set(code, api(`/api/dossiers/${seg(code)}/notifications`).catch(() => null));
  }
  const list = await notificationsOf.get(code);
  container.replaceChildren();
  if (!list) {
    notificationsOf.delete(code);
    container.append(setText(el("p"), { vi: "Không tải được thông báo.", en: "The messages could not be loaded." }));
    return;
  }
  if (!list.length) {
    container.append(setText(el("p"), { vi: "Chưa có thông báo nào.", en: "No messages yet." }));
    return;
  }
  const ul = el("ul", { class: "notifications", "data-testid": "notifications" });
  for (const n of [...list].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))) {
    const li = el("li");
    const meta = el("span", { class: "notification-meta" });
    meta.append(el("time", { datetime: n.at }, formatDateTime(n.at)), document.createTextNode(" · "), setText(el("span"), labelOf(HISTORY_EVENTS, n.topic)));
    li.append(meta, el("span", {}, n.text));
    ul.append(li);
  }
  container.append(ul);
}

/** Whether the desk has received the dossier (the receipt slip exists). */
function received(d) {
  return (d.timeline || []).some((e) => e.kind === "Received");
}

function slipLinks(d) {
  const kinds = new Set((d.timeline || []).map((e) => e.kind));
  const box = el("div");
  box.append(setText(el("h3", { class: "heading-s" }), { vi: "Phiếu, giấy tờ in", en: "Printable slips" }));
  const list = el("ul", { class: "slip-links", "data-testid": "slip-links" });
  const ack = el("li");
  ack.append(setText(el("a", { href: `acknowledgement.html?code=${encodeURIComponent(d.code)}` }), { vi: "Xác nhận đã nộp hồ sơ trực tuyến", en: "Acknowledgement of online submission" }));
  list.append(ack);
  const link = (kind, text) => {
    const li = el("li");
    li.append(setText(el("a", { href: `slip.html?code=${encodeURIComponent(d.code)}&kind=${kind}`, "data-slip": kind }), text));
    list.append(li);
  };
  if (kinds.has("Received")) link("receipt", { vi: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", en: "Receipt and appointment slip" });
  if (kinds.has("SupplementRequested")) link("supplement", { vi: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", en: "Request for missing documents" });
  if (kinds.has("RefusedAtIntake")) link("refusal", { vi: "Phiếu từ chối tiếp nhận giải quyết hồ sơ", en: "Refusal slip" });
  if (kinds.has("ResultIssued")) link("result", { vi: "Phiếu trả kết quả (mã QR xác thực)", en: "Result slip with verification QR" });
  if (kinds.has("Extended")) link("apology", { vi: "Phiếu xin lỗi và hẹn lại ngày trả kết quả", en: "Apology with a new date" });
  link("control", { vi: "Phiếu kiểm soát quá trình giải quyết hồ sơ", en: "Processing control slip" });
  box.append(list);
  return box;
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
