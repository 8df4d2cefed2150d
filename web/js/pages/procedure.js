// procedure.html?code=: everything about one procedure (GET /api/catalogue/procedures/{code}) and the
// "Nộp hồ sơ trực tuyến" button to its e-Form. Values the catalogue could not confirm are marked.

import { api, ApiError, seg } from "../api.js";
import { isSignedIn, signInUrl } from "../auth.js";
import { el, setText } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { DOCUMENT_FORMS, formatTypes, formatVnd, labelOf, LEVELS, ONLINE_MODES } from "../format.js";

const $ = (id) => document.getElementById(id);
const code = new URLSearchParams(location.search).get("code");
const UNCONFIRMED = { vi: "chưa xác nhận", en: "unconfirmed" };

async function main() {
  await initLayout();
  if (!code) {
    $("loading").hidden = true;
    showMessage($("page-message"), "error", { vi: "Thiếu mã thủ tục.", en: "The procedure code is missing." },
      { vi: "Hãy chọn một thủ tục trong danh mục.", en: "Choose a procedure from the catalogue." });
    return;
  }
  let p;
  try {
    p = await api(`/api/catalogue/procedures/${seg(code)}`, { auth: false });
  } catch (error) {
    $("loading").hidden = true;
    const notFound = error instanceof ApiError && error.status === 404;
    showMessage($("page-message"), "error", notFound
      ? { vi: `Không tìm thấy thủ tục có mã ${code}.`, en: `No procedure with code ${code}.` }
      : { vi: "Không tải được thông tin thủ tục. Vui lòng thử lại sau.", en: "The procedure could not be loaded. Please try again later." });
    return;
  }
  render(p);
  $("loading").hidden = true;
  $("procedure").hidden = false;
}

/** A small "chưa xác nhận" badge when the catalogue lists the value as unconfirmed. */
function unconfirmedBadge(p, name) {
  if (!(p.unconfirmed || []).includes(name)) return null;
  return setText(el("span", { class: "badge badge--unconfirmed" }), UNCONFIRMED);
}

function render(p) {
  const title = { vi: `${p.name} – Cổng Dịch vụ công tỉnh Tây Ninh`, en: `${p.nameEn || p.name} – Tay Ninh Public Service Portal` };
  setText(document.querySelector("title"), title);
  setText($("procedure-caption"), { vi: `Mã thủ tục ${p.code}`, en: `Procedure code ${p.code}` });
  $("procedure-name").textContent = p.name;
  $("procedure-name-en").textContent = p.nameEn || "";
  $("procedure-name-en").hidden = !p.nameEn;
  const href = `form.html?code=${encodeURIComponent(p.code)}`;
  // Not signed in: straight to the sign-in page, which comes back to the e-Form (no detour through the form page).
  $("apply-link").href = isSignedIn() ? href : signInUrl(href);

  // Key facts.
  const facts = $("facts");
  const fact = (label, value, extra) => {
    const row = el("div", { class: "summary-list-row" });
    const dd = el("dd", { class: "summary-list-value" });
    if (value instanceof Node) dd.append(value);
    else setText(dd, value);
    if (extra) dd.append(" ", extra);
    row.append(setText(el("dt", { class: "summary-list-key" }), label), dd);
    facts.append(row);
  };
  fact({ vi: "Mã thủ tục", en: "Code" }, p.code);
  fact({ vi: "Cấp thực hiện", en: "Level" }, labelOf(LEVELS, p.level));
  fact({ vi: "Cơ quan thực hiện", en: "Agency" }, p.agency?.name || "");
  fact({ vi: "Lĩnh vực", en: "Field" }, p.field?.name || "");
  fact({ vi: "Thời hạn giải quyết", en: "Processing time" }, p.processingTime?.text || "", unconfirmedBadge(p, "processingTime"));
  fact({ vi: "Phí, lệ phí", en: "Fees" }, formatVnd(p.feeTotalVnd ?? (p.fees || []).reduce((s, f) => s + (f.amountVnd || 0), 0)), unconfirmedBadge(p, "fees"));
  fact({ vi: "Mức độ dịch vụ", en: "Online service" }, setText(el("span", { class: `badge badge--${p.onlineMode}` }), labelOf(ONLINE_MODES, p.onlineMode)));
  if (p.resultName) fact({ vi: "Kết quả", en: "Result" }, p.resultName);

  // Fees.
  const fees = $("fees");
  if ((p.fees || []).length) {
    const list = el("ul", { class: "list" });
    for (const fee of p.fees) {
      const li = el("li");
      li.append(el("strong", {}, fee.name), document.createTextNode(": "), setText(el("span"), formatVnd(fee.amountVnd)));
      if (fee.note) li.append(document.createTextNode(` (${fee.note})`));
      list.append(li);
    }
    fees.append(list);
  } else {
    fees.append(setText(el("p"), { vi: "Không thu phí, lệ phí.", en: "No fees." }));
  }
  const feesBadge = unconfirmedBadge(p, "fees");
  if (feesBadge) fees.append(setText(el("p", { class: "hint" }), { vi: "Mức phí chưa được xác nhận với văn bản hiện hành.", en: "The fees have not been confirmed against current regulations." }));

  renderDocuments(p.requiredDocuments || []);

  const legal = $("legal");
  for (const text of p.legalBasis || []) legal.append(el("li", {}, text));

  const faq = $("faq");
  if (!(p.faq || []).length) $("faq-section").hidden = true;
  for (const entry of p.faq || []) {
    const details = el("details", { class: "details" });
    details.append(el("summary", {}, entry.q), el("div", { class: "details-text" }, entry.a));
    faq.append(details);
  }
}

function renderDocuments(documents) {
  const container = $("documents");
  if (!documents.length) {
    container.append(setText(el("p"), { vi: "Không yêu cầu giấy tờ đính kèm.", en: "No documents are required." }));
    return;
  }
  const table = el("table", { class: "table table--stack" });
  const caption = setText(el("caption", { class: "visually-hidden" }), { vi: "Giấy tờ cần nộp", en: "Documents to submit" });
  const heads = [
    { vi: "Tên giấy tờ", en: "Document" },
    { vi: "Bản chính/bản sao", en: "Original/copy" },
    { vi: "Số lượng", en: "Number" },
    { vi: "Bắt buộc", en: "Required" },
    { vi: "Định dạng, dung lượng", en: "File types, size" },
  ];
  const thead = el("thead");
  const headRow = el("tr");
  for (const head of heads) headRow.append(setText(el("th", { scope: "col" }), head));
  thead.append(headRow);
  const tbody = el("tbody");
  for (const doc of documents) {
    const row = el("tr");
    const cell = (label, value, tag = "td") => {
      const c = el(tag, tag === "th" ? { scope: "row" } : { "data-label": label.vi });
      setText(c, value);
      c.dataset.labelVi = label.vi;
      c.dataset.labelEn = label.en;
      row.append(c);
    };
    cell(heads[0], doc.name, "th");
    cell(heads[1], labelOf(DOCUMENT_FORMS, doc.form));
    cell(heads[2], String(doc.count ?? 1));
    cell(heads[3], doc.mandatory ? { vi: "Có", en: "Yes" } : { vi: "Không", en: "No" });
    const types = formatTypes(doc.accept || []);
    cell(heads[4], { vi: `${types}${doc.maxSizeMb ? `; tối đa ${doc.maxSizeMb} MB` : ""}`, en: `${types}${doc.maxSizeMb ? `; up to ${doc.maxSizeMb} MB` : ""}` });
    tbody.append(row);
  }
  table.append(caption, thead, tbody);
  container.append(table);
}

// The stacked (mobile) table shows column names from data-label: follow the language toggle.
document.addEventListener("portal:langchange", (event) => {
  for (const cell of document.querySelectorAll("td[data-label]")) {
    cell.dataset.label = event.detail.lang === "en" ? cell.dataset.labelEn : cell.dataset.labelVi;
  }
});

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
