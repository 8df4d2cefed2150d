// Display formats. Times are shown in Vietnam time (UTC+07:00, no DST) whatever the browser's zone.

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n) => String(n).padStart(2, "0");

/** Date parts in Vietnam time for an ISO string ("2025-07-01T08:30:00+07:00"); a plain "YYYY-MM-DD" is taken as is. */
export function vnParts(value) {
  if (!value) return null;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) return { year: +dateOnly[1], month: +dateOnly[2], day: +dateOnly[3], hour: null, minute: null };
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const d = new Date(time + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** dd/MM/yyyy */
export function formatDate(value) {
  const p = vnParts(value);
  return p ? `${pad(p.day)}/${pad(p.month)}/${p.year}` : value || "";
}

/** dd/MM/yyyy HH:mm (date only when there is no time) */
export function formatDateTime(value) {
  const p = vnParts(value);
  if (!p) return value || "";
  const date = `${pad(p.day)}/${pad(p.month)}/${p.year}`;
  return p.hour == null ? date : `${date} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** HH:mm of a Date in Vietnam time (draft status). */
export function formatTime(value) {
  const p = vnParts(value instanceof Date ? value.toISOString() : value);
  return p && p.hour != null ? `${pad(p.hour)}:${pad(p.minute)}` : "";
}

/** "08 giờ 30 phút, ngày 01/07/2025" as on the official receipt slip. */
export function formatOfficialDateTime(value) {
  const p = vnParts(value);
  if (!p) return value || "";
  const date = `ngày ${pad(p.day)}/${pad(p.month)}/${p.year}`;
  return p.hour == null ? date : `${pad(p.hour)} giờ ${pad(p.minute)} phút, ${date}`;
}

/** Money in Vietnamese đồng: 50000 -> "50.000 đ"; 0 -> "Miễn phí". */
export function formatVnd(amount, { freeText = { vi: "Miễn phí", en: "Free" } } = {}) {
  if (amount == null || Number.isNaN(Number(amount))) return { vi: "Không rõ", en: "Unknown" };
  if (Number(amount) === 0) return freeText;
  const text = `${Number(amount).toLocaleString("vi-VN").replace(/,/g, ".")} đ`;
  return { vi: text, en: text };
}

/** File size: 1536 -> "1,5 KB". */
export function formatSize(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB"];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0).replace(".", ",")} ${units[unit]}`;
}

/** "application/pdf" -> "PDF"; a list becomes "PDF, JPG, PNG". */
export function formatTypes(types = []) {
  const names = { "application/pdf": "PDF", "image/jpeg": "JPG", "image/png": "PNG", "image/tiff": "TIFF",
    "application/msword": "DOC", "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/xml": "XML", "application/zip": "ZIP" };
  return types.map((type) => names[type] || type.split("/").pop().toUpperCase()).join(", ");
}

/** Shortens a SHA-256 hex digest for display: first 12 and last 6 characters. */
export function shortHash(hash = "") {
  return hash.length > 20 ? `${hash.slice(0, 12)}…${hash.slice(-6)}` : hash;
}

/** Labels for the catalogue's enumerations. */
export const LEVELS = {
  province: { vi: "Cấp tỉnh", en: "Province" },
  district: { vi: "Cấp huyện", en: "District" },
  commune: { vi: "Cấp xã", en: "Commune" },
};

export const ONLINE_MODES = {
  full: { vi: "Trực tuyến toàn trình", en: "Fully online" },
  partial: { vi: "Trực tuyến một phần", en: "Partly online" },
};

export const DOCUMENT_FORMS = {
  original: { vi: "Bản chính", en: "Original" },
  copy: { vi: "Bản sao", en: "Copy" },
  certifiedCopy: { vi: "Bản sao có chứng thực", en: "Certified copy" },
  electronic: { vi: "Bản điện tử", en: "Electronic" },
};

/** Label for an enumeration value, falling back to the raw value. */
export function labelOf(table, value) {
  return table[value] || { vi: String(value ?? ""), en: String(value ?? "") };
}

/** Dossier statuses (the server sends statusText in Vietnamese; English here for the toggle and filters). */
export const STATUSES = {
  submitted: { vi: "Mới đăng ký", en: "Submitted" },
  awaitingPayment: { vi: "Chờ nộp phí, lệ phí", en: "Awaiting payment" },
  received: { vi: "Đã tiếp nhận", en: "Received" },
  refusedAtIntake: { vi: "Từ chối tiếp nhận", en: "Refused at intake" },
  supplementRequested: { vi: "Yêu cầu bổ sung hồ sơ", en: "Supplement requested" },
  inProgress: { vi: "Đang xử lý", en: "In progress" },
  extended: { vi: "Đang xử lý (đã gia hạn)", en: "In progress (extended)" },
  approved: { vi: "Đã phê duyệt, chờ lãnh đạo ký ban hành kết quả", en: "Approved, awaiting the leader's signature" },
  rejected: { vi: "Không giải quyết", en: "Rejected" },
  processingStopped: { vi: "Dừng xử lý", en: "Processing stopped" },
  resultIssued: { vi: "Đã có kết quả", en: "Result issued" },
  resultReturned: { vi: "Đã trả kết quả", en: "Result returned" },
  withdrawn: { vi: "Đã rút hồ sơ", en: "Withdrawn" },
};

/** A dossier's status as {vi, en}: the server's Vietnamese wording first, the table's English. */
export function statusLabel(status, statusText) {
  const known = STATUSES[status] || STATUSES[String(status || "").replace(/^./, (c) => c.toLowerCase())];
  return { vi: statusText || known?.vi || String(status ?? ""), en: known?.en || statusText || String(status ?? "") };
}

/** Roles of people acting on a dossier. */
export const ROLES = {
  citizen: { vi: "Công dân", en: "Citizen" },
  desk: { vi: "Bộ phận một cửa", en: "One-stop desk" },
  specialist: { vi: "Chuyên viên xử lý", en: "Specialist" },
  head: { vi: "Lãnh đạo phòng", en: "Head of department" },
  leader: { vi: "Lãnh đạo cơ quan", en: "Agency leader" },
  admin: { vi: "Quản trị", en: "Administrator" },
  system: { vi: "Hệ thống", en: "System" },
};

/** "Bộ phận một cửa, Chuyên viên xử lý" for a list of roles. */
export function rolesLabel(roles = []) {
  const labels = roles.map((role) => labelOf(ROLES, role));
  return { vi: labels.map((l) => l.vi).join(", "), en: labels.map((l) => l.en).join(", ") };
}

/** Lifecycle events as they appear in the history (eventType). */
export const HISTORY_EVENTS = {
  Submitted: { vi: "Nộp hồ sơ", en: "Submitted" },
  Received: { vi: "Tiếp nhận", en: "Received" },
  PaymentRequested: { vi: "Yêu cầu nộp phí", en: "Payment requested" },
  PaymentConfirmed: { vi: "Đã nộp phí", en: "Payment confirmed" },
  RefusedAtIntake: { vi: "Từ chối tiếp nhận", en: "Refused at intake" },
  SupplementRequested: { vi: "Yêu cầu bổ sung", en: "Supplement requested" },
  SupplementProvided: { vi: "Công dân bổ sung hồ sơ", en: "Supplement provided" },
  Forwarded: { vi: "Chuyển bước", en: "Forwarded" },
  Approved: { vi: "Phê duyệt", en: "Approved" },
  Rejected: { vi: "Không giải quyết", en: "Rejected" },
  Extended: { vi: "Gia hạn, xin lỗi", en: "Extended with apology" },
  ProcessingStopped: { vi: "Dừng xử lý", en: "Processing stopped" },
  ResultIssued: { vi: "Ký, ban hành kết quả", en: "Result issued" },
  ResultReturned: { vi: "Trả kết quả", en: "Result returned" },
  Withdrawn: { vi: "Rút hồ sơ", en: "Withdrawn" },
  StepOverdue: { vi: "Bước quá hạn", en: "Step overdue" },
  ApologyDrafted: { vi: "Soạn thư xin lỗi", en: "Apology drafted" },
  BecameOverdue: { vi: "Quá hạn", en: "Overdue" },
  SupplementOverdue: { vi: "Quá hạn bổ sung", en: "Supplement overdue" },
  RatingRequested: { vi: "Mời đánh giá", en: "Rating requested" },
};

/** Who a notification went to. */
export const AUDIENCES = {
  applicant: { vi: "Người nộp hồ sơ", en: "Applicant" },
  officers: { vi: "Cán bộ xử lý", en: "Officers" },
  agencyHead: { vi: "Thủ trưởng cơ quan", en: "Head of the agency" },
};

/** How a result is returned (ReturnResult channel). */
export const RETURN_CHANNELS = {
  desk: { vi: "Tại Bộ phận một cửa", en: "At the one-stop desk" },
  post: { vi: "Qua dịch vụ bưu chính công ích", en: "By public postal service" },
  online: { vi: "Trực tuyến (bản điện tử)", en: "Online (electronic copy)" },
};

/** "ngày 01 tháng 07 năm 2025" as dates are written on official slips. */
export function formatOfficialDate(value) {
  const p = vnParts(value);
  return p ? `ngày ${pad(p.day)} tháng ${pad(p.month)} năm ${p.year}` : value || "";
}

/** The warning flags of an inbox item or a dossier's status, most serious first. */
export function dossierFlags(item = {}) {
  const flags = [];
  if (item.overdue) flags.push({ key: "overdue", text: { vi: "Quá hạn", en: "Overdue" } });
  if (item.dueSoon) flags.push({ key: "due-soon", text: { vi: "Sắp đến hạn", en: "Due soon" } });
  if (item.stepOverdue || item.step?.overdue) flags.push({ key: "step", text: { vi: "Bước quá hạn", en: "Step overdue" } });
  return flags;
}
