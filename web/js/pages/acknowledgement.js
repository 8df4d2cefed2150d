// acknowledgement.html?code=: the printable "Xác nhận đã nộp hồ sơ trực tuyến", available right after submission.
// It is not a receipt: the "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (slip.html?kind=receipt) exists only once the desk
// has received the dossier, and this page links to it then. Reads GET /api/dossiers/{code}, signed in as the applicant.

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
        : { vi: "Không tải được xác nhận. Vui lòng thử lại sau.", en: "The acknowledgement could not be loaded. Please try again later." };
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
  line("Người nộp", d.applicantName || "");
  line("Thủ tục", d.procedure?.name || "");
  line("Cơ quan giải quyết", agency);
  line("Thời gian nộp trực tuyến", formatOfficialDateTime(d.submittedAt));
  details.append(el("p", {}, "Giấy tờ đã đính kèm:"));
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
  if (procedure?.processingTime?.text) line("Thời hạn giải quyết theo quy định", procedure.processingTime.text);
  // What the date means comes from the server (appointmentNote), for the state the dossier is in now.
  const note = d.appointmentNote?.vi;
  line(d.appointmentProvisional ? "Ngày hẹn trả kết quả dự kiến" : "Ngày hẹn trả kết quả",
    `${formatOfficialDateTime(d.appointmentDate)}${note ? ` (${note})` : ""}`);
  line("Tình trạng hiện nay", d.statusText || "");

  // Once the desk has received it, the legal receipt exists: say so and link to it.
  const received = (d.timeline || []).some((e) => e.kind === "Received");
  if (received) {
    const box = $("receipt-notice");
    box.hidden = false;
    box.replaceChildren();
    const para = el("p", { class: "notice" });
    para.append(setText(el("span"), { vi: "Hồ sơ đã được tiếp nhận. ", en: "The application has been received. " }),
      setText(el("a", { href: `slip.html?code=${encodeURIComponent(d.code)}&kind=receipt`, "data-testid": "receipt-slip-link" }),
        { vi: "In giấy tiếp nhận hồ sơ và hẹn trả kết quả", en: "Print the receipt and appointment slip" }));
    box.append(para);
  }
  setText(document.querySelector("title"), {
    vi: `Xác nhận đã nộp hồ sơ ${d.code} – Cổng Dịch vụ công tỉnh Tây Ninh`,
    en: `Acknowledgement of online submission ${d.code} – Tay Ninh Public Service Portal`,
  });
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
