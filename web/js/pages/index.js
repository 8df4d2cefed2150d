// index.html: catalogue search. Results update as the citizen types (debounced), with filters from
// GET /api/catalogue/facets; the query is kept in the URL so the page can be bookmarked and reloaded.

import { api, ApiError } from "../api.js";
import { el, setText } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { formatVnd, LEVELS, ONLINE_MODES, labelOf } from "../format.js";

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;
const FILTERS = ["level", "field", "agency", "onlineMode"];
const $ = (id) => document.getElementById(id);

let page = 1;
let controller = null;
let timer = null;
let lastResult = null;

async function main() {
  await initLayout();
  const params = new URLSearchParams(location.search);
  $("q").value = params.get("q") || "";
  page = Math.max(1, Number(params.get("page")) || 1);
  await loadFacets(params);
  wire();
  await search();
}

/** Fills the filter selects; a failure leaves them at "Tất cả" and search still works. */
async function loadFacets(params) {
  try {
    const facets = await api("/api/catalogue/facets", { auth: false });
    const fill = (id, list, key, table) => {
      const select = $(id);
      for (const item of list || []) {
        const value = item[key] ?? item.id ?? item.code; // the server may name an agency's key "id" or "code"
        select.append(setText(el("option", { value }), table?.[value] || { vi: item.name, en: item.nameEn || item.name }));
      }
      if (params.get(id)) select.value = params.get(id);
    };
    fill("level", facets.levels, "id", LEVELS);
    fill("field", facets.fields, "id");
    fill("agency", facets.agencies, "code");
    fill("onlineMode", facets.onlineModes, "id", ONLINE_MODES);
  } catch {
    // Filters are optional; the search box still works.
  }
}

function wire() {
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    page = 1;
    search();
  });
  $("q").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      page = 1;
      search();
    }, DEBOUNCE_MS);
  });
  for (const id of FILTERS) {
    $(id).addEventListener("change", () => {
      page = 1;
      search();
    });
  }
  $("clear-filters").addEventListener("click", (event) => {
    event.preventDefault();
    for (const id of FILTERS) $(id).value = "";
    $("q").value = "";
    page = 1;
    search();
    $("q").focus();
  });
  $("prev-page").addEventListener("click", () => {
    page = Math.max(1, page - 1);
    search().then(() => $("results-title").scrollIntoView());
  });
  $("next-page").addEventListener("click", () => {
    page += 1;
    search().then(() => $("results-title").scrollIntoView());
  });
  document.addEventListener("portal:langchange", () => {
    if (lastResult) renderResults(lastResult);
  });
}

function currentQuery() {
  const params = new URLSearchParams();
  const q = $("q").value.trim();
  if (q) params.set("q", q);
  for (const id of FILTERS) if ($(id).value) params.set(id, $(id).value);
  if (page > 1) params.set("page", String(page));
  return params;
}

/** Calls the API; a newer search aborts the one in flight so results never arrive out of order. */
async function search() {
  const params = currentQuery();
  history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  controller?.abort();
  controller = new AbortController();
  const apiParams = new URLSearchParams(params);
  apiParams.set("page", String(page));
  apiParams.set("pageSize", String(PAGE_SIZE));
  try {
    const result = await api(`/api/catalogue/procedures?${apiParams}`, { auth: false, signal: controller.signal });
    lastResult = result;
    $("page-message").hidden = true;
    renderResults(result);
  } catch (error) {
    if (error.name === "AbortError") return;
    const detail = error instanceof ApiError ? error.detail || error.title : "";
    showMessage($("page-message"), "error", { vi: "Không tải được danh mục thủ tục.", en: "The catalogue could not be loaded." }, detail || null);
    setText($("results-count"), { vi: "Chưa có kết quả.", en: "No results yet." });
  }
}

function renderResults(result) {
  const list = $("results");
  list.replaceChildren();
  const total = result.total ?? result.items.length;
  const q = $("q").value.trim();
  if (total === 0) {
    setText($("results-count"), q
      ? { vi: `Không tìm thấy thủ tục nào cho “${q}”. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.`, en: `No procedure matches “${q}”. Try other words or fewer filters.` }
      : { vi: "Không có thủ tục nào khớp bộ lọc.", en: "No procedure matches the filters." });
  } else {
    setText($("results-count"), { vi: `Tìm thấy ${total} thủ tục`, en: `${total} procedure${total === 1 ? "" : "s"} found` });
  }
  for (const item of result.items) list.append(resultItem(item));

  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  $("pager").hidden = pages <= 1;
  $("prev-page").hidden = page <= 1;
  $("next-page").hidden = page >= pages;
  setText($("page-info"), { vi: `Trang ${page}/${pages}`, en: `Page ${page} of ${pages}` });
}

function resultItem(item) {
  const li = el("li", { class: "result" });
  const title = el("h3", { class: "result-title" });
  const link = el("a", { href: `procedure.html?code=${encodeURIComponent(item.code)}` });
  setText(link, { vi: item.name, en: item.nameEn || item.name });
  title.append(link);

  const meta = el("p", { class: "result-meta" });
  meta.append(setText(el("span"), { vi: `Mã ${item.code}`, en: `Code ${item.code}` }), setText(el("span"), labelOf(LEVELS, item.level)));
  if (item.onlineMode) {
    meta.append(setText(el("span", { class: `badge badge--${item.onlineMode}` }), labelOf(ONLINE_MODES, item.onlineMode)));
  }

  const facts = el("dl", { class: "facts" });
  const fact = (label, value) => {
    const row = el("div");
    row.append(setText(el("dt"), label), setText(el("dd"), value));
    facts.append(row);
  };
  fact({ vi: "Cơ quan thực hiện", en: "Agency" }, item.agency?.name || "");
  fact({ vi: "Thời hạn giải quyết", en: "Processing time" }, item.processingTime?.text || "");
  fact({ vi: "Phí, lệ phí", en: "Fees" }, formatVnd(item.feeTotalVnd));
  li.append(title, meta, facts);
  return li;
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});

