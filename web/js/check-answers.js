// The "Kiểm tra lại thông tin" (check your answers) step: every answer in a summary list with a
// "Sửa" (change) link back to its field, then the chosen attachments.

import { el, setText } from "./i18n.js";
import { AddressField, ObjectField, RepeatField } from "./form-renderer.js";
import { formatSize } from "./format.js";

const TEXT = {
  change: { vi: "Sửa", en: "Change" },
  general: { vi: "Thông tin khác", en: "Other details" },
  none: { vi: "Không có", en: "None" },
  attachments: { vi: "Tài liệu đính kèm", en: "Attachments" },
  noFile: { vi: "Chưa đính kèm", en: "Not attached" },
};

/**
 * Renders into container. onChangeLink(inputId) is called when a "Sửa" link is used
 * (the page shows the form step and focuses the field).
 */
export function renderCheckAnswers(container, model, attachments, { onChangeLink }) {
  container.replaceChildren();
  const sections = [];
  let general = null;

  const addRow = (section, field, label = field.label) => {
    const target = field.focusTarget();
    section.rows.push({ label, value: field.display ? field.display() : "", targetId: target?.id || field.inputId });
  };

  const walkGroup = (group, section, prefix) => {
    for (const field of group.children.values()) {
      if (!field.visible()) continue;
      if (field instanceof RepeatField) walkRepeat(field);
      else if (field instanceof ObjectField && !(field instanceof AddressField)) walkGroup(field, section, field.label);
      else addRow(section, field, prefix ? { vi: `${prefix.vi}: ${field.label.vi}`, en: `${prefix.en}: ${field.label.en}` } : field.label);
    }
  };

  const walkRepeat = (repeat) => {
    if (repeat.items.length === 0) {
      const section = { title: repeat.label, rows: [{ label: repeat.label, value: TEXT.none, targetId: repeat.focusTarget()?.id }] };
      sections.push(section);
      return;
    }
    repeat.items.forEach((item, index) => {
      const title = { vi: `${repeat.label.vi}: ${repeat.itemLabel.vi} ${index + 1}`, en: `${repeat.label.en}: ${repeat.itemLabel.en} ${index + 1}` };
      const section = { title, rows: [] };
      sections.push(section);
      if (item instanceof ObjectField && !(item instanceof AddressField)) walkGroup(item, section, null);
      else addRow(section, item);
    });
  };

  for (const field of model.root.children.values()) {
    if (!field.visible()) continue;
    if (field instanceof RepeatField) {
      general = null;
      walkRepeat(field);
    } else if (field instanceof ObjectField && !(field instanceof AddressField)) {
      general = null;
      const section = { title: field.label, rows: [] };
      sections.push(section);
      walkGroup(field, section, null);
    } else {
      if (!general) {
        general = { title: TEXT.general, rows: [] };
        sections.push(general);
      }
      addRow(general, field);
    }
  }

  for (const section of sections) {
    container.append(setText(el("h2", { class: "heading-m" }), section.title), summaryList(section.rows, onChangeLink));
  }

  // Attachments: names and sizes of the chosen files.
  const rows = attachments.chosen().map(({ doc, files }) => ({
    label: { vi: doc.name, en: doc.nameEn || doc.name },
    value: files.length ? files.map((f) => `${f.name} (${formatSize(f.size)})`) : TEXT.noFile,
    targetId: `f-documents-${doc.id}`,
  }));
  if (rows.length) container.append(setText(el("h2", { class: "heading-m" }), TEXT.attachments), summaryList(rows, onChangeLink));
}

function summaryList(rows, onChangeLink) {
  const dl = el("dl", { class: "summary-list" });
  for (const row of rows) {
    const item = el("div", { class: "summary-list-row" });
    const key = setText(el("dt", { class: "summary-list-key" }), row.label);
    const value = el("dd", { class: "summary-list-value" });
    if (Array.isArray(row.value)) {
      const list = el("ul", { class: "list" });
      for (const line of row.value) list.append(el("li", {}, line));
      value.append(list);
    } else {
      setText(value, row.value);
    }
    const actions = el("dd", { class: "summary-list-actions" });
    if (row.targetId) {
      const link = el("a", { href: `#${row.targetId}`, class: "link" });
      link.append(setText(el("span"), TEXT.change), setText(el("span", { class: "visually-hidden" }), { vi: ` ${row.label.vi}`, en: ` ${row.label.en}` }));
      link.addEventListener("click", (event) => {
        event.preventDefault();
        onChangeLink(row.targetId);
      });
      actions.append(link);
    }
    item.append(key, value, actions);
    dl.append(item);
  }
  return dl;
}
