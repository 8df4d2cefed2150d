// officer.html: the inbox of the officer's agency (GET /api/officer/inbox), earliest due first, a page at a
// time (the server filters, sorts and pages; "Trang trước"/"Trang sau" follow its cursor), with the flags
// "Quá hạn" (overdue), "Sắp đến hạn" (apology drafted) and "Bước quá hạn" (step overdue), filters (role
// mine/all, procedure, status, step) kept in the URL, and a refresh of the current page every 30 s announced politely.

import { ApiError } from "../api.js";
import { officerApi, requireOfficer } from "../officer-auth.js";
import { initOfficerLayout } from "../officer-layout.js";
import { el, setText, t } from "../i18n.js";
import { showMessage } from "../layout.js";
import { dossierFlags as flagsOf, formatDateTime, formatTime, labelOf, ROLES, STATUSES, statusLabel } from "../format.js";

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 30_000;
const PAGE_SIZE = 25;
let lastItems = null;
// Cursor of each page visited, the current one last (null: the first page); the server's cursor of the page after it.
let cursors = [null];
let nextCursor = null;
let lastLoadedAt = null;
let loading = null;

async function main() {
  if (!requireOfficer()) return;
  const profile = initOfficerLayout();
  if (profile?.agencyName || profile?.agencyCode) $("inbox-agency").textContent = profile.agencyName || profile.agencyCode;
  readFiltersFromUrl();
  fillStatusOptions();
  $("inbox-filters").addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters();
  });
  $("inbox-filters").addEventListener("change", () => applyFilters());
  $("filters-reset").addEventListener("click", (event) => {
    event.preventDefault();
    $("filter-role-mine").checked = true;
    for (const name of ["procedure", "status", "step"]) $(`filter-${name}`).value = "";
    applyFilters();
  });
  $("inbox-refresh").addEventListener("click", () => load());
  $("inbox-next").addEventListener("click", () => turnPage(+1));
  $("inbox-previous").addEventListener("click", () => turnPage(-1));
  document.addEventListener("portal:langchange", () => {
    if (lastItems) render(lastItems);
    renderCount();
  });
  setInterval(() => {
    if (!document.hidden) load();
  }, REFRESH_MS);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && lastLoadedAt && Date.now() - lastLoadedAt > REFRESH_MS) load();
  });
  await load();
}

function currentFilters() {
  return {
    role: document.querySelector('input[name="role"]:checked')?.value || "mine",
    procedure: $("filter-procedure").value,
    status: $("filter-status").value,
    step: $("filter-step").value,
  };
}

function readFiltersFromUrl() {
  const params = new URLSearchParams(location.search);
  const role = params.get("role") === "all" ? "all" : "mine";
  $(`filter-role-${role}`).checked = true;
  for (const name of ["procedure", "status", "step"]) {
    const value = params.get(name);
    if (value) ensureOption($(`filter-${name}`), value, { vi: value, en: value }).selected = true;
  }
}

function applyFilters() {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(currentFilters())) if (value && !(name === "role" && value === "mine")) params.set(name, value);
  const query = params.toString();
  history.replaceState(null, "", query ? `officer.html?${query}` : "officer.html");
  cursors = [null];
  load();
}

async function turnPage(step) {
  if (step > 0 && !nextCursor) return;
  if (step < 0 && cursors.length === 1) return;
  if (step > 0) cursors.push(nextCursor);
  else cursors.pop();
  await load();
  // Continue from the top of the new page (the table region takes focus; its caption says which page).
  $("inbox").focus();
}

function renderPager() {
  const pager = $("inbox-pager");
  const page = cursors.length;
  pager.hidden = page === 1 && !nextCursor;
  $("inbox-previous").disabled = page === 1;
  $("inbox-next").disabled = !nextCursor;
  setText($("inbox-page"), { vi: `Trang ${page}`, en: `Page ${page}` });
}

function ensureOption(select, value, label) {
  let option = [...select.options].find((o) => o.value === value);
  if (!option) {
    option = setText(el("option", { value }), label);
    select.append(option);
  }
  return option;
}

function fillStatusOptions() {
  const select = $("filter-status");
  for (const [value, label] of Object.entries(STATUSES)) {
    const existing = [...select.options].find((o) => o.value === value);
    if (existing) setText(existing, label);
    else select.append(setText(el("option", { value }), label));
  }
}

/** Procedures and steps seen in the agency's whole inbox become filter options. */
function fillOptionsFrom(items) {
  const procedures = new Map();
  const steps = new Map();
  for (const item of items) {
    if (item.procedureCode) procedures.set(item.procedureCode, item.procedureName || item.procedureCode);
    if (item.stepId) steps.set(item.stepId, item.stepName || item.stepId);
  }
  for (const [code, name] of procedures) setText(ensureOption($("filter-procedure"), code, name), { vi: `${name} (${code})`, en: `${name} (${code})` });
  for (const [id, name] of steps) setText(ensureOption($("filter-step"), id, name), { vi: name, en: name });
}

async function load() {
  if (loading) return loading;
  const filters = currentFilters();
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  params.set("pageSize", String(PAGE_SIZE));
  const cursor = cursors[cursors.length - 1];
  if (cursor) params.set("next", cursor);
  loading = (async () => {
    try {
      const [answer, everything] = await Promise.all([
        officerApi(`/api/officer/inbox?${params}`),
        // Filter options from the agency's most urgent hundred lines (a procedure or step seen there).
        officerApi("/api/officer/inbox?role=all&pageSize=100").catch(() => null),
      ]);
      if (everything) fillOptionsFrom(everything.items || []);
      const items = answer.items || [];
      lastItems = items;
      nextCursor = answer.next || null;
      lastLoadedAt = Date.now();
      $("page-message").hidden = true;
      render(items);
      renderCount();
      renderPager();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return; // redirected to sign in
      const detail = error instanceof ApiError ? error.detail || error.title : null;
      showMessage($("page-message"), "error", { vi: "Không tải được hộp hồ sơ. Hệ thống sẽ thử lại sau 30 giây.", en: "The inbox could not be loaded. It will retry in 30 seconds." }, detail);
      if (!lastItems) $("inbox").replaceChildren();
    } finally {
      loading = null;
    }
  })();
  return loading;
}

function renderCount() {
  if (!lastItems) return;
  const n = lastItems.length;
  const urgent = lastItems.filter((i) => i.overdue || i.dueSoon || i.stepOverdue).length;
  const page = cursors.length;
  const paged = page > 1 || nextCursor;
  const count = {
    vi: `${paged ? `Trang ${page}: ` : ""}Có ${n} hồ sơ${urgent ? `, ${urgent} hồ sơ cần chú ý` : ""}.`,
    en: `${paged ? `Page ${page}: ` : ""}${n} application${n === 1 ? "" : "s"}${urgent ? `, ${urgent} needing attention` : ""}.`,
  };
  // The live region only changes when the count does, so a refresh every 30 s stays quiet.
  if ($("inbox-count").dataset.vi !== count.vi || $("inbox-count").textContent !== t(count)) setText($("inbox-count"), count);
  const time = lastLoadedAt ? formatTime(new Date(lastLoadedAt)) : "";
  setText($("inbox-updated"), { vi: `Cập nhật lúc ${time}, tự làm mới mỗi 30 giây.`, en: `Updated at ${time}; refreshes every 30 seconds.` });
}

const HEADS = [
  { vi: "Mã hồ sơ", en: "Code" },
  { vi: "Thủ tục, người nộp", en: "Procedure, applicant" },
  { vi: "Trạng thái", en: "Status" },
  { vi: "Bước hiện tại", en: "Current step" },
  { vi: "Hạn xử lý bước", en: "Step due" },
  { vi: "Ngày hẹn trả", en: "Result due" },
  { vi: "Cảnh báo", en: "Flags" },
];

function render(items) {
  const container = $("inbox");
  const focusedHref = container.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
  container.replaceChildren();
  if (!items.length) {
    const filters = currentFilters();
    const filtered = filters.procedure || filters.status || filters.step;
    container.append(setText(el("p", { class: "inbox-empty", "data-testid": "inbox-empty" }), filtered
      ? { vi: "Không có hồ sơ nào phù hợp với bộ lọc.", en: "No application matches the filters." }
      : filters.role === "mine"
        ? { vi: "Không có hồ sơ nào đang chờ bạn xử lý. Chọn “Tất cả hồ sơ của cơ quan” để xem các hồ sơ khác.", en: "Nothing is waiting for you. Choose “All of the agency” to see the others." }
        : { vi: "Cơ quan chưa có hồ sơ nào.", en: "The agency has no applications yet." }));
    return;
  }
  const table = el("table", { class: "table table--stack inbox-table", id: "inbox-table", "data-testid": "inbox-table" });
  const page = cursors.length;
  const caption = setText(el("caption", { class: "visually-hidden" }), { vi: `Hồ sơ, hạn gần nhất trước, trang ${page}`, en: `Applications, earliest due first, page ${page}` });
  const headRow = el("tr");
  for (const head of HEADS) headRow.append(setText(el("th", { scope: "col" }), head));
  const thead = el("thead");
  thead.append(headRow);
  const tbody = el("tbody");
  for (const item of items) {
    const flags = flagsOf(item);
    const row = el("tr", { class: flags.length ? `inbox-row inbox-row--${flags[0].key}` : "inbox-row", "data-code": item.code });
    const codeCell = el("th", { scope: "row", class: "inbox-code" });
    const link = el("a", { href: `officer-dossier.html?code=${encodeURIComponent(item.code)}` });
    // Break a long code only after the agency part: "000.00.72.H53-" / "261122-0009".
    const cut = item.code.indexOf("-") + 1;
    link.append(item.code.slice(0, cut), el("wbr"), item.code.slice(cut));
    codeCell.append(link);
    row.append(codeCell);
    const cell = (head, ...content) => {
      const td = el("td", { "data-label": t(head) });
      td.append(...content);
      row.append(td);
      return td;
    };
    const what = el("span", { class: "inbox-procedure" }, item.procedureName || item.procedureCode);
    cell(HEADS[1], what, el("span", { class: "inbox-applicant" }, item.applicantName || ""));
    cell(HEADS[2], setText(el("span", { class: "tag" }), statusLabel(item.status, item.statusText)));
    const step = el("span");
    if (item.stepName) step.append(el("span", { class: "inbox-step" }, item.stepName));
    if (item.actingRole) step.append(setText(el("span", { class: "inbox-role" }), labelOf(ROLES, item.actingRole)));
    cell(HEADS[3], step);
    cell(HEADS[4], el("time", { datetime: item.dueAt || "" }, formatDateTime(item.dueAt)));
    cell(HEADS[5], el("time", { datetime: item.appointmentAt || "" }, formatDateTime(item.appointmentAt)));
    const flagCell = el("span", { class: "flags" });
    for (const flag of flags) flagCell.append(setText(el("strong", { class: `flag flag--${flag.key}` }), flag.text));
    if (!flags.length) flagCell.append(setText(el("span", { class: "secondary-text" }), { vi: "Trong hạn", en: "On time" }));
    cell(HEADS[6], flagCell);
    tbody.append(row);
  }
  table.append(caption, thead, tbody);
  const wrap = el("div", { class: "table-wrap" });
  wrap.append(table);
  container.append(wrap);
  if (focusedHref) container.querySelector(`a[href="${CSS.escape(focusedHref)}"]`)?.focus();
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
