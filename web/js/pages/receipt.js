// receipt.html?code=: the printable "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", laid out like the official
// slip. Reads GET /api/dossiers/{code}, signed in as the applicant (it names the applicant).

import { api, ApiError, seg } from "../api.js";
import { isSignedIn, redirectToSignIn } from "../auth.js";
import { el, setText } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { formatOfficialDateTime, formatSize, vnParts } from "../format.js";

const $ = (id) => document.getElementById(id);
const code = new URLSearchParams(location.search).get("code");

async function main() {
  await initLayout();
  $("print-button").addEventListener("click", () => window.print());
  if (!code) {
    $("loading").hidden = true;
    showMessage($("page-message"), "error", { vi: "Thiếu mã hồ sơ.", en: "The application code is missing." });
    return;
  }
  $("back-link").href = `track.html?code=${encodeURIComponent(code)}`;
  if (!isSignedIn()) {
    redirectToSignIn();
    return;
  }
  let dossier;
  try {
    dossier = await api(`/api/dossiers/${seg(code)}`);
  } catch (error) {
    $("loading").hidden = true;
    if (error instanceof ApiError && error.status === 401) {
      redirectToSignIn();
      return;
    }
    const text = error instanceof ApiError && error.status === 404
      ? { vi: "Không tìm thấy hồ sơ: kiểm tra mã hồ sơ.", en: "Application not found: check the code." }
      : error instanceof ApiError && error.status === 403
        ? { vi: "Bạn không có quyền xem hồ sơ này.", en: "You are not allowed to see this application." }
        : { vi: "Không tải được giấy tiếp nhận. Vui lòng thử lại sau.", en: "The receipt could not be loaded. Please try again later." };
    showMessage($("page-message"), "error", text);
    return;
  }
  let procedure = null;
  try {
    procedure = await api(`/api/catalogue/procedures/${seg(dossier.procedure.code)}`, { auth: false });
  } catch {
    procedure = null; // the slip still prints without the processing time wording
  }
  render(dossier, procedure);
  $("loading").hidden = true;
  $("receipt").hidden = false;
  $("print-button").hidden = false;
}

function render(d, procedure) {
  const agency = d.agency?.name || procedure?.agency?.name || "";
  $("receipt-agency").textContent = agency;
  const p = vnParts(d.submittedAt);
  const pad = (n) => String(n).padStart(2, "0");
  $("receipt-place").textContent = p ? `Tây Ninh, ngày ${pad(p.day)} tháng ${pad(p.month)} năm ${p.year}` : "Tây Ninh";
  $("receipt-code").textContent = d.code;
  const qr = $("receipt-qr");
  qr.src = `/api/dossiers/${seg(d.code)}/qr.svg`;
  qr.alt = `Mã QR tra cứu hồ sơ ${d.code}`;

  const details = $("receipt-details");
  details.replaceChildren();
  const line = (label, value) => {
    const para = el("p");
    para.append(document.createTextNode(`${label}: `), el("strong", {}, value));
    details.append(para);
  };
  details.append(el("p", {}, `${agency || "Cơ quan giải quyết"} tiếp nhận hồ sơ của:`));
  line("Ông/Bà", d.applicantName || "");
  line("Nội dung yêu cầu giải quyết", d.procedure?.name || "");
  details.append(el("p", {}, "Thành phần hồ sơ nộp gồm:"));
  const list = el("ol", { class: "list list--number" });
  const byDocument = new Map();
  for (const doc of d.documents || []) {
    if (!byDocument.has(doc.documentId)) byDocument.set(doc.documentId, { name: doc.name, files: [] });
    byDocument.get(doc.documentId).files.push(doc);
  }
  for (const { name, files } of byDocument.values()) {
    list.append(el("li", {}, `${name} (${files.length} tệp: ${files.map((f) => `${f.fileName}, ${formatSize(f.size)}`).join("; ")})`));
  }
  if (!byDocument.size) list.append(el("li", {}, "Tờ khai điện tử (không có tệp đính kèm)"));
  details.append(list);
  line("Số lượng hồ sơ", "01 bộ");
  if (procedure?.processingTime?.text) line("Thời gian giải quyết hồ sơ theo quy định", procedure.processingTime.text);
  line("Thời gian nhận hồ sơ", formatOfficialDateTime(d.submittedAt));
  line("Thời gian trả kết quả giải quyết hồ sơ (ngày hẹn trả kết quả)", formatOfficialDateTime(d.appointmentDate));
  line("Hình thức nộp", "Trực tuyến qua Cổng Dịch vụ công");
  $("receipt-sign-applicant").textContent = d.applicantName || "";
  setText(document.querySelector("title"), {
    vi: `Giấy tiếp nhận hồ sơ ${d.code} – Cổng Dịch vụ công tỉnh Tây Ninh`,
    en: `Receipt ${d.code} – Tay Ninh Public Service Portal`,
  });
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
