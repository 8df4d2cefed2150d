// track.html: "Hồ sơ của tôi" for a signed-in citizen (GET /api/dossiers), a look-up by code + phone
// (GET /api/dossiers/{code}?phone=, no sign-in), and ?code= for the owner (GET /api/dossiers/{code}).
// Shows status, appointment date, the timeline (newest first) and the documents with their SHA-256.

import { api, ApiError, seg } from "../api.js";
import { el, setText } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { formatDateTime, formatSize, shortHash } from "../format.js";
import { hideErrorSummary, showErrorSummary } from "../error-summary.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const PHONE = /^(0|\+84)(3|5|7|8|9)[0-9]{8}$/;
let me = null;
let shown = null; // the dossier on screen, re-rendered on a language change

const MESSAGES = {
  notFound: { vi: "Không tìm thấy hồ sơ: kiểm tra mã hồ sơ và số điện thoại", en: "Application not found: check the code and the phone number" },
  forbidden: { vi: "Bạn không có quyền xem hồ sơ này", en: "You are not allowed to see this application" },
  forbiddenDetail: {
    vi: "Hồ sơ chỉ hiển thị cho người đã nộp. Hãy đăng nhập đúng tài khoản đã nộp hồ sơ, hoặc tra cứu bằng số điện thoại của người nộp.",
    en: "Only the applicant can see it. Sign in with the account that submitted it, or look it up with the applicant's phone number.",
  },
  failed: { vi: "Không tra cứu được hồ sơ. Vui lòng thử lại sau.", en: "The look-up failed. Please try again later." },
};

async function main() {
  me = await initLayout();
  const code = params.get("code");
  if (code) $("lookup-code").value = code;
  $("lookup-form").addEventListener("submit", onLookup);
  document.addEventListener("portal:langchange", () => {
    if (shown) renderDossier(shown, false);
  });

  const work = [];
  if (me) work.push(loadMine());
  if (code && params.get("phone")) {
    $("lookup-phone").value = params.get("phone");
    work.push(lookup(code, params.get("phone")));
  } else if (code && me) {
    work.push(loadOwn(code));
  } else if (code) {
    showMessage($("page-message"), "info", { vi: "Nhập số điện thoại của người nộp để xem hồ sơ này, hoặc đăng nhập.", en: "Enter the applicant's phone number to see this application, or sign in." });
  }
  await Promise.all(work);
}

async function loadMine() {
  const section = $("my-dossiers");
  section.hidden = false;
  const container = $("my-list");
  let list;
  try {
    list = await api("/api/dossiers");
  } catch {
    container.replaceChildren(setText(el("p"), { vi: "Không tải được danh sách hồ sơ của bạn.", en: "Your applications could not be loaded." }));
    return;
  }
  container.replaceChildren();
  if (!list.length) {
    container.append(setText(el("p"), { vi: "Bạn chưa nộp hồ sơ nào.", en: "You have not submitted any application yet." }));
    return;
  }
  const heads = [
    { vi: "Mã hồ sơ", en: "Code" }, { vi: "Thủ tục", en: "Procedure" }, { vi: "Trạng thái", en: "Status" },
    { vi: "Ngày nộp", en: "Submitted" }, { vi: "Ngày hẹn trả kết quả", en: "Result due" },
  ];
  const table = el("table", { class: "table table--stack", "data-testid": "my-dossiers" });
  const headRow = el("tr");
  for (const head of heads) headRow.append(setText(el("th", { scope: "col" }), head));
  const thead = el("thead");
  thead.append(headRow);
  const tbody = el("tbody");
  for (const d of list) {
    const row = el("tr");
    const codeCell = el("th", { scope: "row" });
    const link = el("a", { href: `track.html?code=${encodeURIComponent(d.code)}` }, d.code);
    codeCell.append(link);
    row.append(codeCell);
    const cell = (head, value) => row.append(setText(el("td", { "data-label": head.vi }), value));
    cell(heads[1], d.procedureName || "");
    cell(heads[2], d.statusText || d.status || "");
    cell(heads[3], formatDateTime(d.submittedAt));
    cell(heads[4], formatDateTime(d.appointmentDate));
    tbody.append(row);
  }
  table.append(thead, tbody);
  container.append(table);
}

/** The owner's view (with the token). */
async function loadOwn(code) {
  await show(() => api(`/api/dossiers/${seg(code)}`), code);
}

/** The look-up by code and phone number, without the token. */
async function lookup(code, phone) {
  const ok = await show(() => api(`/api/dossiers/${seg(code)}?phone=${encodeURIComponent(phone)}`, { auth: false }), code);
  if (ok) {
    try {
      sessionStorage.setItem(`portal.lookupPhone.${code}`, phone); // lets the receipt page load it too
    } catch {
      // The receipt page will ask to sign in instead.
    }
  }
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

function renderDossier(d, focus) {
  shown = d;
  const section = $("result");
  section.replaceChildren();
  section.hidden = false;
  section.append(setText(el("h2", { id: "result-title", class: "heading-m" }), { vi: `Hồ sơ ${d.code}`, en: `Application ${d.code}` }));
  const status = el("p");
  status.append(setText(el("span"), { vi: "Trạng thái: ", en: "Status: " }), el("strong", { class: "tag", "data-testid": "dossier-status" }, d.statusText || String(d.status)));
  section.append(status);

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
  fact({ vi: "Ngày hẹn trả kết quả", en: "Result due" }, formatDateTime(d.appointmentDate));
  section.append(facts);

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

  const actions = el("div", { class: "button-group" });
  actions.append(setText(el("a", { class: "button button--secondary", href: `receipt.html?code=${encodeURIComponent(d.code)}` }), { vi: "In giấy tiếp nhận", en: "Print the receipt" }));
  section.append(actions);
  if (focus) {
    section.scrollIntoView({ block: "start" });
    section.focus();
  }
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
