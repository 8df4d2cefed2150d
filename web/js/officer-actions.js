// The officer's actions on a dossier (raiseEvent): which are offered now (customStatus.allowedEvents
// filtered by the officer's roles and the acting role of the current step), one small form per action,
// client checks, and the request itself with expectedVersion so that a stale page gets 409.
// The server has the last word: its problem detail is shown when it refuses.

import { el, setText } from "./i18n.js";
import { formatDateTime, formatSize, RETURN_CHANNELS } from "./format.js";
import { seg } from "./api.js";

const REASON_REQUIRED = { vi: "Vui lòng nhập lý do", en: "Enter the reason" };

/**
 * Every action. roles: who may do it whatever the step; step: the acting role whose step it finishes
 * (Forward at the specialist's step, Approve/Reject at the head's, IssueResult at the leader's, ReturnResult at the desk's).
 */
export const ACTIONS = [
  { event: "Receive", kind: "primary", roles: ["desk"], label: { vi: "Tiếp nhận", en: "Receive" },
    title: { vi: "Tiếp nhận hồ sơ", en: "Receive the application" },
    hint: { vi: "Hồ sơ đầy đủ, hợp lệ: tiếp nhận và bắt đầu tính thời hạn giải quyết; hệ thống gửi giấy tiếp nhận và hẹn trả kết quả cho người nộp.", en: "Complete and valid: receive it and start the clock; the applicant gets the receipt and appointment." },
    fields: [] },
  { event: "ConfirmPayment", kind: "primary", roles: ["desk"], label: { vi: "Xác nhận đã nộp phí", en: "Confirm payment" },
    title: { vi: "Xác nhận đã nộp phí, lệ phí", en: "Confirm the fee was paid" },
    hint: { vi: "Người nộp đã nộp đủ phí, lệ phí (đã có biên lai).", en: "The applicant has paid (a receipt exists)." },
    fields: [] },
  { event: "Forward", kind: "primary", step: "specialist", label: { vi: "Chuyển bước", en: "Forward" },
    title: { vi: "Chuyển bước / Trình duyệt", en: "Forward for approval" },
    hint: { vi: "Đã thẩm định xong: chuyển hồ sơ sang bước tiếp theo để lãnh đạo xem xét, phê duyệt.", en: "Examination done: forward to the next step for approval." },
    fields: [{ type: "reason", optional: true, label: { vi: "Ý kiến thẩm định", en: "Examination note" } }] },
  { event: "Approve", kind: "primary", step: "head", label: { vi: "Phê duyệt", en: "Approve" },
    title: { vi: "Phê duyệt hồ sơ", en: "Approve the application" },
    hint: { vi: "Đồng ý với kết quả thẩm định; chuyển lãnh đạo cơ quan ký, ban hành kết quả.", en: "Agree with the examination; pass on for signing." },
    fields: [] },
  { event: "IssueResult", kind: "primary", step: "leader", label: { vi: "Ký, ban hành kết quả", en: "Sign and issue the result" },
    title: { vi: "Ký, ban hành kết quả", en: "Sign and issue the result" },
    hint: { vi: "Tải lên văn bản kết quả đã ký số (PDF). Mã SHA-256 của tệp được ghi lại để người dân xác thực.", en: "Upload the digitally signed result (PDF). Its SHA-256 is recorded so anyone can verify it." },
    fields: [{ type: "file" }] },
  { event: "ReturnResult", kind: "primary", step: "desk", label: { vi: "Trả kết quả", en: "Return the result" },
    title: { vi: "Trả kết quả cho người nộp", en: "Return the result to the applicant" },
    hint: { vi: "Ghi nhận hình thức đã trả kết quả.", en: "Record how the result was returned." },
    fields: [{ type: "channel" }] },
  { event: "RequestSupplement", kind: "secondary", roles: ["desk", "specialist"], label: { vi: "Yêu cầu bổ sung", en: "Request a supplement" },
    title: { vi: "Yêu cầu bổ sung, hoàn thiện hồ sơ", en: "Ask for missing documents" },
    hint: { vi: "Nêu đầy đủ một lần tất cả giấy tờ, nội dung cần bổ sung. Thời hạn giải quyết tạm dừng cho đến khi người nộp bổ sung.", en: "List everything missing at once. The clock stops until the applicant supplements." },
    fields: [{ type: "reason" }, { type: "missing" }] },
  { event: "Extend", kind: "secondary", roles: ["head", "leader"], label: { vi: "Gia hạn", en: "Extend" },
    title: { vi: "Gia hạn, gửi phiếu xin lỗi và hẹn lại ngày trả", en: "Extend with an apology and a new date" },
    hint: { vi: "Hệ thống gửi phiếu xin lỗi và ngày hẹn mới cho người nộp, và văn bản giải trình cho thủ trưởng cơ quan.", en: "The applicant gets the apology and the new date; the head of the agency gets the explanation." },
    fields: [{ type: "reason", label: { vi: "Lý do chậm trễ (nội dung thư xin lỗi)", en: "Reason for the delay (apology text)" } }, { type: "workingDays" }] },
  { event: "RefuseAtIntake", kind: "danger", roles: ["desk"], label: { vi: "Từ chối tiếp nhận", en: "Refuse" },
    title: { vi: "Từ chối tiếp nhận hồ sơ", en: "Refuse the application at intake" },
    hint: { vi: "Hồ sơ không thuộc thẩm quyền hoặc không đủ điều kiện: nêu rõ lý do; người nộp nhận phiếu từ chối.", en: "Not eligible or not this agency's: give the reason; the applicant gets the refusal slip." },
    fields: [{ type: "reason" }] },
  { event: "Reject", kind: "danger", step: "head", label: { vi: "Không giải quyết", en: "Reject" },
    title: { vi: "Không giải quyết hồ sơ", en: "Reject the application" },
    hint: { vi: "Hồ sơ không đủ điều kiện giải quyết: nêu rõ lý do, căn cứ.", en: "The application cannot be granted: give the reason and basis." },
    fields: [{ type: "reason" }] },
  { event: "StopProcessing", kind: "danger", roles: ["head", "leader", "admin"], label: { vi: "Dừng xử lý", en: "Stop processing" },
    title: { vi: "Dừng xử lý hồ sơ", en: "Stop processing" },
    hint: { vi: "Dừng giải quyết hồ sơ (ví dụ theo đề nghị của cơ quan có thẩm quyền): nêu rõ lý do.", en: "Stop processing (e.g. at another authority's request): give the reason." },
    fields: [{ type: "reason" }] },
];

/** The actions this officer may take now. */
export function allowedActions(customStatus, roles = []) {
  const allowed = new Set(customStatus?.allowedEvents || []);
  const acting = customStatus?.actingRole;
  return ACTIONS.filter((action) => {
    if (!allowed.has(action.event)) return false;
    if (action.step) return acting === action.step && roles.includes(acting);
    return action.roles.some((role) => roles.includes(role));
  });
}

const idOf = (event, name) => `act-${event}-${name}`;

/** Field builders: each returns { id, key (server error key), wrapper, read(): value, check(): {vi,en}|null }. */
function reasonField(action, spec, prefill) {
  const id = idOf(action.event, "reason");
  const optional = Boolean(spec.optional);
  const label = spec.label || { vi: "Lý do", en: "Reason" };
  const wrapper = el("div", { class: "form-group" });
  const labelEl = el("label", { class: "label", for: id });
  labelEl.append(setText(el("span"), label));
  if (optional) labelEl.append(setText(el("span", { class: "optional" }), { vi: " (không bắt buộc)", en: " (optional)" }));
  const hintId = `${id}-hint`;
  const hint = prefill?.reasonHint ? setText(el("div", { class: "hint", id: hintId }), prefill.reasonHint) : null;
  const error = el("p", { class: "error-message", id: `${id}-error`, hidden: true });
  const input = el("textarea", { class: "textarea", id, name: "reason", rows: 3, "aria-describedby": `${hint ? `${hintId} ` : ""}${id}-error` });
  if (!optional) input.setAttribute("aria-required", "true");
  if (prefill?.reason) {
    input.value = prefill.reason;
    input.rows = 6;
  }
  wrapper.append(labelEl, ...(hint ? [hint] : []), error, input);
  return {
    id, key: "reason", wrapper, error, input,
    read: () => input.value.trim() || undefined,
    check: () => {
      if (!optional && !input.value.trim()) return REASON_REQUIRED;
      // The drafted apology leaves "[nêu rõ lý do …]" for the officer to replace.
      if (/\[[^\]]*\]/.test(input.value)) return { vi: "Thay phần trong ngoặc vuông [...] bằng nội dung cụ thể", en: "Replace the text in square brackets [...] with the actual reason" };
      return null;
    },
  };
}

function missingField(action) {
  const id = idOf(action.event, "missing");
  const wrapper = el("div", { class: "form-group" });
  const label = setText(el("label", { class: "label", for: id }), { vi: "Giấy tờ, nội dung cần bổ sung", en: "What is missing" });
  const hint = setText(el("div", { class: "hint", id: `${id}-hint` }), {
    vi: "Mỗi dòng một mục, ví dụ: Bản sao Giấy chứng nhận kết hôn của cha mẹ.",
    en: "One item per line, for example: a copy of the parents' marriage certificate.",
  });
  const error = el("p", { class: "error-message", id: `${id}-error`, hidden: true });
  const input = el("textarea", { class: "textarea", id, name: "missing", rows: 4, "aria-describedby": `${id}-hint ${id}-error`, "aria-required": "true" });
  wrapper.append(label, hint, error, input);
  const lines = () => input.value.split(/\r?\n/).map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim()).filter(Boolean);
  return {
    id, key: "missing", wrapper, error, input,
    read: () => lines(),
    check: () => (lines().length ? null : { vi: "Liệt kê ít nhất một giấy tờ, nội dung cần bổ sung", en: "List at least one missing item" }),
  };
}

function workingDaysField(action, prefill) {
  const id = idOf(action.event, "workingDays");
  const wrapper = el("div", { class: "form-group" });
  const label = setText(el("label", { class: "label", for: id }), { vi: "Số ngày làm việc gia hạn", en: "Working days to extend by" });
  const hintText = prefill?.daysHint
    ? prefill.daysHint
    : { vi: "Từ 1 đến 30 ngày làm việc (không tính thứ Bảy, Chủ nhật, ngày lễ, Tết).", en: "1 to 30 working days (weekends and public holidays do not count)." };
  const hint = setText(el("div", { class: "hint", id: `${id}-hint` }), hintText);
  const error = el("p", { class: "error-message", id: `${id}-error`, hidden: true });
  const input = el("input", { class: "input input--w10", id, name: "workingDays", type: "text", inputmode: "numeric", pattern: "[0-9]*",
    autocomplete: "off", "aria-describedby": `${id}-hint ${id}-error`, "aria-required": "true" });
  wrapper.append(label, hint, error, input);
  const value = () => Number(input.value.trim());
  return {
    id, key: "workingDays", wrapper, error, input,
    read: () => value(),
    check: () => (/^\d+$/.test(input.value.trim()) && value() >= 1 && value() <= 30 ? null
      : { vi: "Nhập số ngày làm việc gia hạn, từ 1 đến 30", en: "Enter a number of working days from 1 to 30" }),
  };
}

function fileField(action) {
  const id = idOf(action.event, "file");
  const wrapper = el("div", { class: "form-group" });
  const label = setText(el("label", { class: "label", for: id }), { vi: "Văn bản kết quả đã ký số (tệp PDF)", en: "Signed result (PDF file)" });
  const hint = setText(el("div", { class: "hint", id: `${id}-hint` }), { vi: "Một tệp PDF, tối đa 20 MB.", en: "One PDF file, up to 20 MB." });
  const error = el("p", { class: "error-message", id: `${id}-error`, hidden: true });
  const input = el("input", { class: "file-upload", id, name: "file", type: "file", accept: "application/pdf,.pdf", "aria-describedby": `${id}-hint ${id}-error`, "aria-required": "true" });
  const chosen = el("p", { class: "file-list", "aria-live": "polite" });
  input.addEventListener("change", () => {
    const file = input.files[0];
    chosen.textContent = file ? `${file.name} (${formatSize(file.size)})` : "";
  });
  wrapper.append(label, hint, error, input, chosen);
  return {
    id, key: "file", wrapper, error, input,
    read: () => input.files[0],
    check: () => {
      const file = input.files[0];
      if (!file) return { vi: "Chọn tệp kết quả đã ký (PDF)", en: "Choose the signed result (PDF)" };
      if (!(file.type === "application/pdf" || /\.pdf$/i.test(file.name))) return { vi: "Kết quả phải là tệp PDF", en: "The result must be a PDF file" };
      if (file.size > 20 * 1024 * 1024) return { vi: "Tệp kết quả lớn hơn 20 MB", en: "The file is larger than 20 MB" };
      if (file.size === 0) return { vi: "Tệp kết quả rỗng", en: "The file is empty" };
      return null;
    },
  };
}

/**
 * The return channel. prefill.channel: what the citizen chose on the e-Form (desk, post, online): it is checked at first,
 * said in the hint, and picking another channel shows a warning (a polite live region) before the result is recorded.
 */
function channelField(action, prefill) {
  const id = idOf(action.event, "channel");
  const chosen = prefill?.channel && RETURN_CHANNELS[prefill.channel] ? prefill.channel : null;
  const wrapper = el("div", { class: "form-group" });
  const fieldset = el("fieldset", { class: "fieldset", id, "aria-describedby": `${id}-hint ${id}-warning ${id}-error` });
  fieldset.append(setText(el("legend", { class: "fieldset-legend" }), { vi: "Hình thức trả kết quả", en: "How the result was returned" }));
  const hint = el("div", { class: "hint", id: `${id}-hint` });
  if (chosen) {
    setText(hint, { vi: `Người nộp đã chọn nhận kết quả: ${RETURN_CHANNELS[chosen].vi}.`, en: `The applicant chose: ${RETURN_CHANNELS[chosen].en}.` });
  } else {
    setText(hint, { vi: "Người nộp không chọn hình thức nhận kết quả trên tờ khai.", en: "The applicant did not choose how to receive the result." });
  }
  const warning = el("p", { class: "notice notice--warning", id: `${id}-warning`, role: "status", "aria-live": "polite", "data-testid": "channel-warning", hidden: true });
  fieldset.append(hint);
  const error = el("p", { class: "error-message", id: `${id}-error`, hidden: true });
  const radios = el("div", { class: "radios" });
  let first = null;
  for (const [value, text] of Object.entries(RETURN_CHANNELS)) {
    const radioId = `${id}-${value}`;
    const item = el("div", { class: "radio" });
    const input = el("input", { class: "radio-input", type: "radio", name: "channel", id: radioId, value });
    if (value === chosen) input.checked = true;
    first ??= input;
    item.append(input, setText(el("label", { class: "radio-label", for: radioId }), text));
    radios.append(item);
  }
  fieldset.append(error, radios);
  wrapper.append(fieldset, warning);
  const read = () => radios.querySelector("input:checked")?.value;
  const warn = () => {
    const value = read();
    const changed = Boolean(chosen && value && value !== chosen);
    warning.hidden = !changed;
    if (changed) {
      setText(warning, {
        vi: `Lưu ý: người nộp đã chọn “${RETURN_CHANNELS[chosen].vi}”, bạn đang ghi nhận “${RETURN_CHANNELS[value].vi}”. Chỉ đổi khi người nộp đồng ý.`,
        en: `Note: the applicant chose “${RETURN_CHANNELS[chosen].en}”; you are recording “${RETURN_CHANNELS[value].en}”. Change it only if the applicant agreed.`,
      });
    } else {
      setText(warning, "");
    }
  };
  radios.addEventListener("change", warn);
  return {
    id: first.id, key: "channel", wrapper, error, input: first,
    read,
    check: () => (read() ? null : { vi: "Chọn hình thức trả kết quả", en: "Choose how the result was returned" }),
  };
}

/**
 * Renders one form per action into container.
 * options: { code, version, prefill: {Extend: {reason, reasonHint, daysHint}}, send(action, request) -> Promise, onErrors(items) }
 * send receives { path, body (object or FormData), headers } and must resolve or reject with ApiError.
 */
export function renderActions(container, actions, { code, version, prefill = {}, submit }) {
  container.replaceChildren();
  const forms = [];
  for (const action of actions) {
    const form = el("form", { class: `action-form action-form--${action.kind}`, id: `action-${action.event}`, novalidate: true,
      "aria-labelledby": `action-${action.event}-title`, "data-event": action.event });
    form.append(setText(el("h3", { id: `action-${action.event}-title`, class: "heading-s" }), action.title));
    form.append(setText(el("p", { class: "hint" }), action.hint));
    const fields = action.fields.map((spec) => {
      if (spec.type === "reason") return reasonField(action, spec, prefill[action.event]);
      if (spec.type === "missing") return missingField(action);
      if (spec.type === "workingDays") return workingDaysField(action, prefill[action.event]);
      if (spec.type === "file") return fileField(action);
      return channelField(action, prefill[action.event]);
    });
    for (const field of fields) form.append(field.wrapper);
    const buttonClass = action.kind === "danger" ? "button button--warning" : action.kind === "secondary" ? "button button--secondary" : "button";
    const button = setText(el("button", { type: "submit", class: buttonClass, id: `action-${action.event}-button` }), action.label);
    const status = el("p", { class: "action-status", role: "status", "aria-live": "polite" });
    form.append(button, status);
    container.append(form);

    const entry = { action, form, fields, button, status };
    forms.push(entry);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (button.disabled) return;
      clearErrors(entry);
      const problems = fields.map((field) => ({ field, message: field.check() })).filter((p) => p.message);
      if (problems.length) {
        for (const { field, message } of problems) showFieldError(field, message);
        submit.invalid(problems.map(({ field, message }) => ({ href: `#${field.id}`, text: message })), entry);
        return;
      }
      busy(entry, true);
      try {
        await submit.send(action, requestOf(action, fields, code, version), entry);
      } finally {
        busy(entry, false);
      }
    });
  }
  return {
    forms,
    /** Shows server field errors (keys like "reason", "missing", "workingDays", "file", "channel") at the fields of one form. */
    showServerErrors(entry, errors) {
      const items = [];
      for (const [key, messages] of Object.entries(errors || {})) {
        const field = entry.fields.find((f) => f.key.toLowerCase() === key.toLowerCase() || key.toLowerCase().startsWith(`${f.key.toLowerCase()}[`));
        const text = { vi: messages.join(" "), en: messages.join(" ") };
        if (field) {
          showFieldError(field, text);
          items.push({ href: `#${field.id}`, text });
        } else {
          items.push({ href: null, text });
        }
      }
      return items;
    },
  };
}

function requestOf(action, fields, code, version) {
  const path = `/api/instances/${seg(code)}/raiseEvent/${action.event}`;
  const values = Object.fromEntries(fields.map((field) => [field.key, field.read()]));
  if (action.event === "IssueResult") {
    const body = new FormData();
    body.append("file", values.file, values.file.name);
    if (values.reason) body.append("reason", values.reason);
    // Multipart has no JSON body: the version goes in If-Match.
    return { path, body, headers: version != null ? { "If-Match": `"${version}"` } : {} };
  }
  const body = { expectedVersion: version };
  for (const [key, value] of Object.entries(values)) if (value !== undefined) body[key] = value;
  return { path, body, headers: {} };
}

function busy(entry, on) {
  entry.button.disabled = on;
  if (on) {
    entry.button.setAttribute("aria-busy", "true");
    setText(entry.status, { vi: "Đang gửi…", en: "Sending…" });
  } else {
    entry.button.removeAttribute("aria-busy");
    if (entry.status.dataset.vi === "Đang gửi…") setText(entry.status, "");
  }
}

function showFieldError(field, message) {
  field.error.replaceChildren();
  field.error.hidden = false;
  field.error.append(setText(el("span", { class: "visually-hidden" }), { vi: "Lỗi: ", en: "Error: " }), setText(el("span"), message));
  field.wrapper.classList.add("form-group--error");
  field.input.setAttribute("aria-invalid", "true");
}

function clearErrors(entry) {
  for (const field of entry.fields) {
    field.error.hidden = true;
    field.error.replaceChildren();
    field.wrapper.classList.remove("form-group--error");
    field.input.removeAttribute("aria-invalid");
  }
}

/** Values typed into the action forms, by input id (kept across a re-render). */
export function typedValues(container) {
  const values = {};
  for (const input of container.querySelectorAll("textarea, input[type=text], input[type=radio]:checked")) {
    if (input.type === "radio") values[`radio:${input.name}:${input.closest("form")?.id}`] = input.value;
    else if (input.value) values[input.id] = input.value;
  }
  return values;
}

/** Puts kept values back into re-rendered forms (fields that still exist). */
export function restoreValues(container, values) {
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith("radio:")) {
      const [, name, formId] = key.split(":");
      const input = container.querySelector(`#${CSS.escape(formId)} input[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
      if (input) input.checked = true;
    } else {
      const input = container.querySelector(`#${CSS.escape(key)}`);
      if (input) input.value = value;
    }
  }
}

/** Text for the Extend form when an apology has been drafted. */
export function extendPrefill(apology) {
  if (!apology) return null;
  return {
    reason: apology.draftText || "",
    reasonHint: { vi: "Đã điền sẵn từ thư xin lỗi hệ thống soạn; sửa nếu cần.", en: "Pre-filled from the drafted apology; edit as needed." },
    daysHint: apology.proposedAppointmentAt
      ? { vi: `Từ 1 đến 30 ngày làm việc. Đề xuất hẹn lại: ${formatDateTime(apology.proposedAppointmentAt)} (hẹn cũ ${formatDateTime(apology.appointmentAt)}).`,
        en: `1 to 30 working days. Proposed new date: ${formatDateTime(apology.proposedAppointmentAt)} (was ${formatDateTime(apology.appointmentAt)}).` }
      : null,
  };
}
