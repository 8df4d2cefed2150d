// slip.html?code=&kind=receipt|supplement|refusal|apology|control[&as=officer]: the printable slips
// a dossier gets, laid out like the official forms (Circular 03/2025/TT-VPCP, formerly 01/2018/TT-VPCP):
// receipt and appointment, supplement request (every missing item), refusal (reason), apology with a new
// appointment date (from the Extended event or the drafted apology), and the processing control slip.
// &as=officer reads GET /api/officer/dossiers/{code} with the officer's token; otherwise the applicant's token
// (a slip names the applicant, so a look-up by phone number does not open it).

import { api, ApiError, seg } from "../api.js";
import { isSignedIn, redirectToSignIn } from "../auth.js";
import { getOfficerProfile, getOfficerToken, officerApi, officerSignInUrl } from "../officer-auth.js";
import { renderOfficerState } from "../officer-layout.js";
import { el, setText } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { formatDateTime, formatOfficialDate, formatOfficialDateTime, formatSize } from "../format.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const code = params.get("code");
const kind = params.get("kind") || "receipt";
const asOfficer = params.get("as") === "officer";

/** The slips, with the event that makes each one apply. */
const KINDS = {
  receipt: { title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", label: { vi: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", en: "Receipt and appointment" }, needs: "Received" },
  supplement: { title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", label: { vi: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", en: "Request for missing documents" }, needs: "SupplementRequested" },
  refusal: { title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", label: { vi: "Phiếu từ chối tiếp nhận giải quyết hồ sơ", en: "Refusal slip" }, needs: "RefusedAtIntake" },
  apology: { title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", label: { vi: "Phiếu xin lỗi và hẹn lại ngày trả kết quả", en: "Apology with a new date" }, needs: "Extended" },
  control: { title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", label: { vi: "Phiếu kiểm soát quá trình giải quyết hồ sơ", en: "Processing control slip" }, needs: null },
  result: { title: "PHIẾU TRẢ KẾT QUẢ VÀ THÔNG TIN XÁC THỰC", label: { vi: "Phiếu trả kết quả (mã QR xác thực)", en: "Result slip with verification QR" }, needs: "ResultIssued" },
};

async function main() {
  if (asOfficer) {
    officerHeader();
  } else {
    await initLayout();
  }
  $("print-button").addEventListener("click", () => window.print());
  const fail = (text, detail) => {
    $("loading").hidden = true;
    showMessage($("page-message"), "error", text, detail);
  };
  if (!code) return fail({ vi: "Thiếu mã hồ sơ.", en: "The application code is missing." });
  if (!KINDS[kind]) return fail({ vi: "Không có loại phiếu này.", en: "There is no such slip." });
  $("back-link").href = asOfficer ? `officer-dossier.html?code=${encodeURIComponent(code)}` : `track.html?code=${encodeURIComponent(code)}`;

  let data;
  try {
    data = await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      if (asOfficer) location.assign(officerSignInUrl());
      else redirectToSignIn();
      return undefined;
    }
    const text = error instanceof ApiError && error.status === 404
      ? { vi: "Không tìm thấy hồ sơ: kiểm tra mã hồ sơ.", en: "Application not found: check the code." }
      : error instanceof ApiError && error.status === 403
        ? { vi: "Bạn không có quyền xem hồ sơ này.", en: "You are not allowed to see this application." }
        : { vi: "Không tải được phiếu. Vui lòng thử lại sau.", en: "The slip could not be loaded. Please try again later." };
    return fail(text, error instanceof ApiError ? error.detail || null : null);
  }
  if (!data) return undefined; // redirected to sign in

  renderKindLinks(data);
  const spec = KINDS[kind];
  const applies = kind === "control" || data.events.some((e) => e.type === spec.needs) || (kind === "apology" && data.apology);
  if (!applies) {
    return fail({
      vi: `Hồ sơ ${code} chưa có “${spec.label.vi}”.`,
      en: `Application ${code} has no “${spec.label.en}”.`,
    });
  }
  render(data);
  $("loading").hidden = true;
  $("slip").hidden = false;
  $("print-button").hidden = false;
  $("slip-kinds").hidden = false;
  return undefined;
}

function officerHeader() {
  const header = document.querySelector(".site-header");
  header.classList.add("site-header--officer");
  const brand = header.querySelector(".brand");
  brand.href = "officer.html";
  brand.querySelector(".brand-name").textContent = "Cổng xử lý hồ sơ – cán bộ";
  brand.querySelector(".brand-en").textContent = "Case-handling console – officers";
  const nav = header.querySelector(".site-nav ul");
  nav.replaceChildren();
  for (const [href, text] of [["officer.html", { vi: "Hồ sơ cần xử lý", en: "Inbox" }], ["verify.html", { vi: "Xác thực kết quả", en: "Verify a result" }]]) {
    const li = el("li");
    li.append(el("a", { href }, text));
    nav.append(li);
  }
  initLayout().then(() => renderOfficerState(document.querySelector("[data-auth-state]"), getOfficerProfile()));
}

/**
 * Loads what the slip needs, normalised: {dossier, events:[{type, at, reason, text}], apology, control, procedure}.
 */
async function load() {
  let dossier;
  let events;
  let apology = null;
  let control = [];
  if (asOfficer) {
    if (!getOfficerToken()) {
      location.assign(officerSignInUrl());
      return null;
    }
    const answer = await officerApi(`/api/officer/dossiers/${seg(code)}`);
    dossier = answer.dossier;
    events = (answer.instance?.historyEvents || []).map((e) => ({ type: e.eventType, at: e.at, reason: e.reason || null, text: e.text || "" }));
    apology = answer.instance?.customStatus?.apology || null;
    control = await officerApi(`/api/officer/dossiers/${seg(code)}/control-slip`).catch(() => []);
  } else {
    // Slips name the applicant: the applicant's sign-in only (a phone look-up shows status and dates only).
    if (!isSignedIn()) {
      redirectToSignIn();
      return null;
    }
    dossier = await api(`/api/dossiers/${seg(code)}`);
    events = (dossier.timeline || []).map((e) => ({ type: e.kind, at: e.at, reason: null, text: e.text || "" }));
    control = await api(`/api/dossiers/${seg(code)}/control-slip`).catch(() => []);
  }
  let procedure = null;
  try {
    procedure = await api(`/api/catalogue/procedures/${seg(dossier.procedure.code)}`, { auth: false });
  } catch {
    procedure = null;
  }
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { dossier, events, apology, control, procedure };
}

function renderKindLinks(data) {
  const list = $("slip-kind-links");
  list.replaceChildren();
  for (const [key, spec] of Object.entries(KINDS)) {
    const applies = key === "control" || data.events.some((e) => e.type === spec.needs) || (key === "apology" && data.apology);
    if (!applies) continue;
    const li = el("li");
    const href = `slip.html?code=${encodeURIComponent(code)}&kind=${key}${asOfficer ? "&as=officer" : ""}`;
    const link = el("a", { href }, spec.label);
    if (key === kind) link.setAttribute("aria-current", "page");
    li.append(link);
    list.append(li);
  }
}

/* ---------- Reading what the server wrote ---------- */

/** "17:00 ngày 23/11/2026" -> ISO in Vietnam time, or null. */
function parseVnTime(text) {
  const m = /(\d{1,2}):(\d{2})\s+ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text || "");
  if (!m) return null;
  const pad = (n) => String(n).padStart(2, "0");
  return `${m[5]}-${pad(m[4])}-${pad(m[3])}T${pad(m[1])}:${m[2]}:00+07:00`;
}

/** The "Lý do: …" at the end of an event's text. */
function reasonIn(text) {
  const m = /Lý do:\s*(.+?)\.?\s*$/.exec(text || "");
  return m ? m[1] : null;
}

const last = (events, type) => [...events].reverse().find((e) => e.type === type) || null;

/* ---------- Rendering ---------- */

function render({ dossier, events, apology, control, procedure }) {
  const spec = KINDS[kind];
  const agency = dossier.agency?.name || procedure?.agency?.name || "";
  $("slip-agency").textContent = agency.toUpperCase();
  $("slip-title").textContent = spec.title;
  $("slip-code").textContent = dossier.code;
  const qr = $("slip-qr");
  const sha = dossier.result?.sha256 || dossier.resultSha256;
  if (kind === "result" && sha) {
    // The result slip's QR opens the public verification page for this result.
    qr.src = `/api/verify/${seg(dossier.code)}/qr.svg?sha256=${encodeURIComponent(sha)}`;
    qr.alt = `Mã QR xác thực kết quả hồ sơ ${dossier.code}`;
  } else {
    qr.src = `/api/dossiers/${seg(dossier.code)}/qr.svg`;
    qr.alt = `Mã QR tra cứu hồ sơ ${dossier.code}`;
  }
  setText(document.querySelector("title"), {
    vi: `${spec.label.vi} – hồ sơ ${dossier.code}`,
    en: `${spec.label.en} – application ${dossier.code}`,
  });
  const details = $("slip-details");
  details.replaceChildren();
  $("slip-table").replaceChildren();
  $("slip-signatures").replaceChildren();
  const ctx = { dossier, events, apology, control, procedure, agency, details };
  const place = ({ receipt: receiptSlip, supplement: supplementSlip, refusal: refusalSlip, apology: apologySlip, control: controlSlip, result: resultSlip })[kind](ctx);
  $("slip-place").textContent = `Tây Ninh, ${formatOfficialDate(place || new Date().toISOString())}`;
}

function line(details, label, value) {
  const p = el("p");
  p.append(document.createTextNode(`${label}: `), el("strong", {}, value || "…"));
  details.append(p);
}

function para(details, text) {
  details.append(el("p", {}, text));
}

function signatures(left, right) {
  const box = $("slip-signatures");
  box.replaceChildren();
  for (const side of [left, right]) {
    const div = el("div");
    if (side) {
      const title = el("p");
      title.append(el("strong", {}, side.title));
      const note = el("p");
      note.append(el("em", {}, side.note));
      div.append(title, note);
      if (side.name) div.append(el("p", { class: "slip-signer" }, side.name));
    }
    box.append(div);
  }
}

/** Name of the officer who finished a step (from the control slip). */
function officerOf(control, stepIndex = 0) {
  return control?.[stepIndex]?.officer || "";
}

/** The desk officer who received the dossier: the intake line ("tiep-nhan") of the control slip, named by the server. */
function receivingOfficer(control) {
  return (control || []).find((l) => l.step === "tiep-nhan" && l.endedAt)?.officer || "";
}

function receiptSlip({ dossier, events, control, procedure, agency, details }) {
  const received = last(events, "Received");
  para(details, `${agency || "Cơ quan giải quyết"} tiếp nhận hồ sơ của:`);
  line(details, "Ông/Bà", dossier.applicantName);
  line(details, "Nội dung yêu cầu giải quyết", dossier.procedure?.name);
  para(details, "1. Thành phần hồ sơ nộp gồm:");
  const list = el("ol", { class: "list list--number" });
  const byDocument = new Map();
  for (const doc of dossier.documents || []) {
    if (!byDocument.has(doc.documentId)) byDocument.set(doc.documentId, { name: doc.name, files: [] });
    byDocument.get(doc.documentId).files.push(doc);
  }
  for (const { name, files } of byDocument.values()) {
    list.append(el("li", {}, `${name} (${files.length} tệp: ${files.map((f) => `${f.fileName}, ${formatSize(f.size)}`).join("; ")})`));
  }
  if (!byDocument.size) list.append(el("li", {}, "Tờ khai điện tử (không có tệp đính kèm)"));
  details.append(list);
  line(details, "2. Số lượng hồ sơ", "01 bộ");
  if (procedure?.processingTime?.text) line(details, "3. Thời gian giải quyết hồ sơ theo quy định", procedure.processingTime.text);
  line(details, "4. Thời gian nhận hồ sơ", formatOfficialDateTime(received?.at || dossier.submittedAt));
  const appointment = parseVnTime(received?.text) || dossier.appointmentDate;
  line(details, "5. Thời gian trả kết quả giải quyết hồ sơ (ngày hẹn trả kết quả)", formatOfficialDateTime(appointment));
  line(details, "6. Hình thức nộp", "Trực tuyến qua Cổng Dịch vụ công");
  $("slip-note").textContent = "Vào sổ theo dõi hồ sơ. Quét mã QR hoặc tra cứu bằng mã hồ sơ trên Cổng Dịch vụ công để biết tình trạng giải quyết.";
  signatures(
    { title: "NGƯỜI NỘP HỒ SƠ", note: "(Nộp trực tuyến)", name: dossier.applicantName },
    { title: "NGƯỜI TIẾP NHẬN HỒ SƠ", note: "(Ký và ghi rõ họ tên)", name: receivingOfficer(control) },
  );
  return received?.at;
}

function resultSlip({ dossier, events, control, agency, details }) {
  const issued = last(events, "ResultIssued");
  const sha = dossier.result?.sha256 || "";
  para(details, `${agency || "Cơ quan giải quyết"} đã giải quyết xong hồ sơ của:`);
  line(details, "Ông/Bà", dossier.applicantName);
  line(details, "Nội dung yêu cầu giải quyết", dossier.procedure?.name);
  line(details, "Thời gian ban hành kết quả", formatOfficialDateTime(issued?.at));
  line(details, "Mã xác thực (SHA-256) của kết quả điện tử", sha);
  $("slip-note").textContent = "Quét mã QR hoặc mở trang “Xác thực kết quả” trên Cổng Dịch vụ công, nhập mã hồ sơ và mã SHA-256 (hoặc chọn tệp kết quả) để kiểm tra đây đúng là văn bản cơ quan đã ban hành.";
  signatures(
    { title: "NGƯỜI NHẬN KẾT QUẢ", note: "(Ký và ghi rõ họ tên)", name: dossier.applicantName },
    { title: "NGƯỜI TRẢ KẾT QUẢ", note: "(Ký và ghi rõ họ tên)", name: officerOf(control, (control?.length || 1) - 1) },
  );
  return issued?.at;
}

function supplementSlip({ dossier, events, control, agency, details }) {
  const requested = last(events, "SupplementRequested");
  const open = dossier.supplement;
  let missing = open?.missing || [];
  let dueAt = open?.dueAt || null;
  let reason = open?.reason || requested?.reason || null;
  if (!open && requested) {
    const m = /\(lần \d+\):\s*(.+?)\.\s*Tạm dừng/.exec(requested.text);
    if (m) missing = m[1].split(/;\s*/).filter(Boolean);
    dueAt = parseVnTime(/hạn bổ sung\s+([^.]+)/.exec(requested.text)?.[1]);
    reason ??= reasonIn(requested.text);
  }
  const received = last(events, "Received");
  para(details, `Hồ sơ của: Ông/Bà ${dossier.applicantName || "…"}`);
  line(details, "Nội dung yêu cầu giải quyết", dossier.procedure?.name);
  para(details, `${received ? `Ngày ${formatDateTime(received.at).split(" ")[0]}, ` : ""}${agency || "Cơ quan giải quyết"} đã nhận hồ sơ của Ông/Bà. Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau (yêu cầu một lần, đầy đủ):`);
  const list = el("ol", { class: "list list--number", "data-testid": "slip-missing" });
  for (const item of missing) list.append(el("li", {}, item));
  if (!missing.length) list.append(el("li", {}, requested?.text || "…"));
  details.append(list);
  if (reason) line(details, "Lý do", reason);
  if (dueAt) line(details, "Thời hạn bổ sung", formatOfficialDateTime(dueAt));
  para(details, "Thời gian chờ bổ sung không tính vào thời hạn giải quyết. Ông/Bà bổ sung trực tuyến tại mục “Tra cứu hồ sơ” trên Cổng Dịch vụ công, hoặc tại Bộ phận tiếp nhận và trả kết quả. Nếu có vướng mắc, Ông/Bà liên hệ bộ phận này để được hướng dẫn.");
  signatures(null, { title: "NGƯỜI HƯỚNG DẪN", note: "(Ký và ghi rõ họ tên)", name: officerOf(control, 0) });
  return requested?.at;
}

function refusalSlip({ dossier, events, control, agency, details }) {
  const refused = last(events, "RefusedAtIntake");
  const reason = refused?.reason || reasonIn(refused?.text) || dossier.lastReason || "…";
  para(details, `${agency || "Cơ quan giải quyết"} nhận hồ sơ đề nghị “${dossier.procedure?.name || "…"}” của Ông/Bà ${dossier.applicantName || "…"}, nộp ${formatOfficialDateTime(dossier.submittedAt)}.`);
  para(details, "Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, cơ quan thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
  const reasonLine = el("p", { class: "slip-reason", "data-testid": "slip-reason" });
  reasonLine.append(el("strong", {}, reason));
  details.append(reasonLine);
  para(details, "Xin thông báo để Ông/Bà biết và thực hiện.");
  signatures(null, { title: "NGƯỜI TIẾP NHẬN HỒ SƠ", note: "(Ký và ghi rõ họ tên)", name: receivingOfficer(control) });
  return refused?.at;
}

function apologySlip({ dossier, events, apology, control, agency, details }) {
  const extended = last(events, "Extended");
  const received = last(events, "Received");
  // A drafted apology is newer than any extension (an extension clears the draft), so it wins.
  const draft = apology || null;
  let oldDate;
  let newDate;
  let reason;
  if (draft) {
    oldDate = draft.appointmentAt;
    newDate = draft.proposedAppointmentAt;
    reason = null;
    $("slip-subtitle").hidden = false;
    $("slip-subtitle").textContent = "(Dự thảo do hệ thống soạn sẵn — chưa gửi người nộp)";
  } else {
    const m = /ngày hẹn mới\s+(.+?)\s*\(thay cho\s+(.+?)\)/.exec(extended?.text || "");
    newDate = (m && parseVnTime(m[1])) || dossier.appointmentDate;
    oldDate = m ? parseVnTime(m[2]) : null;
    reason = extended?.reason || reasonIn(extended?.text) || dossier.lastReason;
  }
  para(details, `${received ? `Ngày ${formatDateTime(received.at).split(" ")[0]}, ` : ""}${agency || "Cơ quan giải quyết"} tiếp nhận giải quyết hồ sơ của Ông/Bà ${dossier.applicantName || "…"}.`);
  line(details, "Nội dung yêu cầu giải quyết", dossier.procedure?.name);
  if (oldDate) line(details, "Thời gian hẹn trả kết quả giải quyết hồ sơ", formatOfficialDateTime(oldDate));
  para(details, "Tuy nhiên đến nay, cơ quan chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn.");
  if (draft) {
    details.append(el("p", { class: "quote", "data-testid": "slip-reason" }, draft.draftText || ""));
  } else {
    line(details, "Lý do", reason);
  }
  para(details, "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Cơ quan thành thật xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả:");
  const dateLine = el("p", { "data-testid": "slip-new-date" });
  dateLine.append(el("strong", {}, formatOfficialDateTime(newDate)));
  details.append(dateLine);
  signatures(null, { title: "THỦ TRƯỞNG CƠ QUAN", note: "(Ký tên, đóng dấu)", name: "" });
  return draft ? null : extended?.at;
}

function controlSlip({ dossier, events, control, agency, details }) {
  const received = last(events, "Received");
  line(details, "Kèm theo hồ sơ của", dossier.applicantName);
  line(details, "Nội dung yêu cầu giải quyết", dossier.procedure?.name);
  line(details, "Cơ quan giải quyết", agency);
  line(details, "Thời gian nhận hồ sơ", formatOfficialDateTime(received?.at || dossier.submittedAt));
  line(details, "Thời gian hẹn trả kết quả", formatOfficialDateTime(dossier.appointmentDate));
  line(details, "Tình trạng", dossier.statusText || dossier.status);
  const wrap = el("div", { class: "slip-table-wrap", tabindex: "0", role: "region", "aria-label": "Bảng kiểm soát quá trình giải quyết" });
  const table = el("table", { class: "slip-table", "data-testid": "control-slip" });
  const heads = ["STT", "Bước xử lý", "Cán bộ xử lý", "Bắt đầu", "Hạn xử lý", "Kết thúc", "Kết quả (đúng hạn / trễ hạn)"];
  const thead = el("thead");
  const headRow = el("tr");
  for (const head of heads) headRow.append(el("th", { scope: "col" }, head));
  thead.append(headRow);
  const tbody = el("tbody");
  control.forEach((step, index) => {
    const row = el("tr");
    const outcome = step.endedAt == null ? "Đang xử lý" : step.onTime === false ? "Trễ hạn" : step.onTime === true ? "Đúng hạn" : "";
    for (const value of [String(index + 1), step.stepName || step.step, step.officer || "", formatDateTime(step.startedAt), formatDateTime(step.dueAt), formatDateTime(step.endedAt), outcome]) {
      row.append(el("td", {}, value || ""));
    }
    tbody.append(row);
  });
  if (!control.length) {
    const row = el("tr");
    row.append(el("td", { colspan: String(heads.length) }, "Chưa có bước xử lý nào."));
    tbody.append(row);
  }
  table.append(thead, tbody);
  wrap.append(table);
  $("slip-table").append(wrap);
  $("slip-note").textContent = "Phiếu kiểm soát được lập tự động từ lịch sử xử lý hồ sơ trên hệ thống một cửa điện tử.";
  signatures(null, null);
  $("slip-signatures").hidden = true;
  return new Date().toISOString();
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
