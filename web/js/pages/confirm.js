// confirm.html?code=: "Nộp hồ sơ thành công" with the dossier code, its QR code, the appointment date
// and what happens next. Data from GET /api/dossiers/{code}, or the submission answer kept in this tab.

import { api, seg } from "../api.js";
import { isSignedIn } from "../auth.js";
import { el, setText } from "../i18n.js";
import { initLayout, showMessage } from "../layout.js";
import { formatDateTime } from "../format.js";

const $ = (id) => document.getElementById(id);
const code = new URLSearchParams(location.search).get("code");

async function main() {
  await initLayout();
  if (!code) {
    showMessage($("page-message"), "error", { vi: "Thiếu mã hồ sơ.", en: "The application code is missing." });
    return;
  }
  $("dossier-code").textContent = code;
  const qr = $("qr");
  qr.src = `/api/dossiers/${seg(code)}/qr.svg`;
  qr.alt = `Mã QR để tra cứu hồ sơ ${code}`;
  qr.hidden = false;
  $("acknowledgement-link").href = `acknowledgement.html?code=${encodeURIComponent(code)}`;
  $("track-link").href = `track.html?code=${encodeURIComponent(code)}`;

  let dossier = null;
  if (isSignedIn()) {
    try {
      dossier = await api(`/api/dossiers/${seg(code)}`);
    } catch {
      dossier = null;
    }
  }
  if (!dossier) {
    try {
      const kept = JSON.parse(sessionStorage.getItem("portal.lastDossier") || "null");
      if (kept?.code === code) dossier = kept;
    } catch {
      dossier = null;
    }
  }
  if (dossier) renderFacts(dossier);
}

function renderFacts(d) {
  const facts = $("confirm-facts");
  const row = (label, value) => {
    const item = el("div", { class: "summary-list-row" });
    item.append(setText(el("dt", { class: "summary-list-key" }), label), setText(el("dd", { class: "summary-list-value" }), value));
    facts.append(item);
  };
  if (d.procedure?.name) row({ vi: "Thủ tục", en: "Procedure" }, d.procedure.name);
  if (d.submittedAt) row({ vi: "Thời gian nộp", en: "Submitted" }, formatDateTime(d.submittedAt));
  if (d.appointmentDate) {
    // What the date means now is worded by the server (appointmentNote), never decided here.
    const note = d.appointmentNote;
    row({ vi: "Ngày hẹn trả kết quả", en: "Result due" }, note
      ? { vi: `${formatDateTime(d.appointmentDate)} (${note.vi})`, en: `${formatDateTime(d.appointmentDate)} (${note.en})` }
      : formatDateTime(d.appointmentDate));
  }
  if (d.statusText) row({ vi: "Trạng thái", en: "Status" }, d.statusText);
}

main().catch((error) => {
  console.error(error);
  showMessage($("page-message"), "error", { vi: "Đã xảy ra lỗi khi tải trang.", en: "Something went wrong." });
});
