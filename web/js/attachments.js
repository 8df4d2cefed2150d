// Attachments: one file input per required document of the procedure (thành phần hồ sơ),
// with accept types, several files allowed, and a client-side check of type and size.
// Error keys are "documents.<documentId>"; input ids "f-documents-<documentId>".

import { el, setText, t } from "./i18n.js";
import { DOCUMENT_FORMS, formatSize, formatTypes, labelOf } from "./format.js";
import { inputIdOf } from "./form-renderer.js";

const MAX_FILES = 10; // the server accepts at most 10 files per document

const EXTENSION_TYPES = {
  pdf: "application/pdf", jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", tif: "image/tiff", tiff: "image/tiff",
  doc: "application/msword", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xml: "application/xml", zip: "application/zip",
};

const TEXT = {
  optional: { vi: " (không bắt buộc)", en: " (optional)" },
  noFile: { vi: "Chưa chọn tệp nào", en: "No file chosen" },
  clear: { vi: "Bỏ các tệp đã chọn", en: "Remove chosen files" },
  chosen: { vi: "Tệp đã chọn:", en: "Chosen files:" },
  errorPrefix: { vi: "Lỗi: ", en: "Error: " },
};

/** A file's MIME type, from the browser or, when it gives none, from the extension. */
function typeOf(file) {
  if (file.type) return file.type;
  const ext = file.name.split(".").pop().toLowerCase();
  return EXTENSION_TYPES[ext] || "";
}

/** Hint: "Bản chính, 1 bản. Định dạng PDF, JPG, PNG; mỗi tệp tối đa 10 MB." */
function hintOf(doc) {
  const form = labelOf(DOCUMENT_FORMS, doc.form);
  const count = doc.count || 1;
  const types = formatTypes(doc.accept || []);
  const size = doc.maxSizeMb ? doc.maxSizeMb : null;
  return {
    vi: `${form.vi}, ${count} bản.${types ? ` Định dạng ${types};` : ""}${size ? ` mỗi tệp tối đa ${size} MB.` : ""}`,
    en: `${form.en}, ${count} ${count > 1 ? "copies" : "copy"}.${types ? ` Formats ${types};` : ""}${size ? ` up to ${size} MB per file.` : ""}`,
  };
}

/** Renders the inputs into container; returns { files(), validate(), showError(), fieldFor(key) }. */
export function renderAttachments(documents, container, { onChange } = {}) {
  const fields = new Map();
  for (const doc of documents) {
    const key = `documents.${doc.id}`;
    const id = inputIdOf(key);
    const wrapper = el("div", { class: "form-group", "data-field": key });
    const label = el("label", { class: "label", for: id });
    label.append(setText(el("span"), { vi: doc.name, en: doc.nameEn || doc.name }));
    if (!doc.mandatory) label.append(setText(el("span", { class: "optional" }), TEXT.optional));
    const hint = setText(el("div", { class: "hint", id: `${id}-hint` }), hintOf(doc));
    const error = el("p", { class: "error-message", id: `${id}-error`, hidden: true });
    const accept = (doc.accept || []).flatMap((type) => [type, ...Object.entries(EXTENSION_TYPES).filter(([, v]) => v === type).map(([ext]) => `.${ext}`)]);
    const input = el("input", { type: "file", class: "file-upload", id, name: `doc:${doc.id}`, multiple: true,
      accept: accept.join(","), "aria-describedby": `${id}-hint ${id}-error` });
    if (doc.mandatory) input.setAttribute("aria-required", "true");
    const list = el("ul", { class: "file-list", "aria-live": "polite", "data-testid": `files-${doc.id}` });
    const clear = el("button", { type: "button", class: "button button--secondary button--small", hidden: true });
    setText(clear, TEXT.clear);
    wrapper.append(label, hint, error, input, list, clear);
    container.append(wrapper);

    const field = { doc, key, id, wrapper, input, error, list, clear };
    fields.set(key, field);
    input.addEventListener("change", () => {
      renderList(field);
      const message = check(field);
      showError(field, message);
      onChange?.(field, message);
    });
    clear.addEventListener("click", () => {
      input.value = "";
      renderList(field);
      showError(field, null);
      input.focus();
      onChange?.(field, null);
    });
  }

  function renderList(field) {
    field.list.replaceChildren();
    const files = [...field.input.files];
    field.clear.hidden = files.length === 0;
    for (const file of files) {
      const li = el("li");
      li.append(el("span", { class: "file-name" }, file.name), document.createTextNode(` (${formatSize(file.size)})`));
      field.list.append(li);
    }
  }

  /** The first problem with a document's chosen files, as {vi,en}, or null. */
  function check(field) {
    const { doc } = field;
    const files = [...field.input.files];
    const name = { vi: doc.name, en: doc.nameEn || doc.name };
    if (files.length === 0) {
      return doc.mandatory ? { vi: `Vui lòng đính kèm ${name.vi}`, en: `Attach ${name.en}` } : null;
    }
    const messages = [];
    const accept = doc.accept || [];
    for (const file of files) {
      if (accept.length && !accept.includes(typeOf(file))) {
        messages.push({ vi: `Tệp “${file.name}” không đúng định dạng: chỉ nhận ${formatTypes(accept)}`,
          en: `“${file.name}” is not an accepted type: ${formatTypes(accept)} only` });
      } else if (doc.maxSizeMb && file.size > doc.maxSizeMb * 1024 * 1024) {
        messages.push({ vi: `Tệp “${file.name}” lớn hơn ${doc.maxSizeMb} MB`, en: `“${file.name}” is larger than ${doc.maxSizeMb} MB` });
      } else if (file.size === 0) {
        messages.push({ vi: `Tệp “${file.name}” rỗng`, en: `“${file.name}” is empty` });
      }
    }
    if (files.length > MAX_FILES) messages.push({ vi: `Chỉ được đính kèm tối đa ${MAX_FILES} tệp`, en: `Attach no more than ${MAX_FILES} files` });
    if (!messages.length) return null;
    return { vi: messages.map((m) => m.vi).join(". "), en: messages.map((m) => m.en).join(". ") };
  }

  function showError(field, message) {
    field.error.replaceChildren();
    field.error.hidden = !message;
    field.wrapper.classList.toggle("form-group--error", Boolean(message));
    if (message) {
      field.error.append(setText(el("span", { class: "visually-hidden" }), TEXT.errorPrefix), setText(el("span"), message));
      field.input.setAttribute("aria-invalid", "true");
    } else {
      field.input.removeAttribute("aria-invalid");
    }
  }

  return {
    fields,
    /** { key: {vi,en} } for every document with a problem (and shows them at the inputs). */
    validate() {
      const errors = {};
      for (const field of fields.values()) {
        const message = check(field);
        showError(field, message);
        if (message) errors[field.key] = message;
      }
      return errors;
    },
    /** Shows an error (e.g. from the server) at a document; false when the key is not a document. */
    showError(key, message) {
      const field = fields.get(key);
      if (!field) return false;
      showError(field, message);
      return true;
    },
    clearErrors() {
      for (const field of fields.values()) showError(field, null);
    },
    /** [{ doc, files: File[] }] in document order. */
    chosen() {
      return [...fields.values()].map((field) => ({ doc: field.doc, files: [...field.input.files] }));
    },
    hasFiles() {
      return [...fields.values()].some((field) => field.input.files.length > 0);
    },
    noFileText: () => t(TEXT.noFile),
  };
}
