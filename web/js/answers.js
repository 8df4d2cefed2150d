// Read-only view of a dossier's e-Form answers for officers (and slips): walks the procedure's JSON
// Schema for labels (x-ui.label), option labels, dates and addresses, falling back to the raw keys for
// anything the schema does not describe. Groups become headed sections; repeats become numbered items.

import { el, setText } from "./i18n.js";
import { labelOf, optionsOf, propertyOrder, resolve, widgetOf } from "./schema.js";
import { formatDate } from "./format.js";

const TEXT = {
  yes: { vi: "Có", en: "Yes" },
  no: { vi: "Không", en: "No" },
  empty: { vi: "(để trống)", en: "(blank)" },
  general: { vi: "Thông tin chung", en: "General" },
  item: { vi: "Mục", en: "Item" },
};

const isObject = (value) => value && typeof value === "object" && !Array.isArray(value);

/**
 * Renders the answers into container. schema may be null (keys are then used as labels).
 * address: { provinces(): Promise<[{code,name}]>, wards(code): Promise<[{code,name}]> } to name address codes.
 * Resolves when the address names are filled in.
 */
export async function renderAnswers(container, schema, data, { address } = {}) {
  container.replaceChildren();
  const pending = [];
  const root = schema ? resolve(schema, schema) : {};
  const general = [];
  const sections = [];

  const labelFor = (node, name) => labelOf(node || {}, humanise(name));

  /** A leaf value as {vi,en} text, or a promise-backed element for addresses. */
  const display = (node, value) => {
    if (value === undefined || value === null || value === "") return TEXT.empty;
    if (typeof value === "boolean") return value ? TEXT.yes : TEXT.no;
    const options = node ? optionsOf(node) : [];
    if (Array.isArray(value)) {
      const labels = value.map((v) => options.find((o) => o.value === v)?.label || { vi: String(v), en: String(v) });
      return { vi: labels.map((l) => l.vi).join(", "), en: labels.map((l) => l.en).join(", ") };
    }
    const option = options.find((o) => o.value === value);
    if (option) return option.label;
    if (node?.format === "date" || (node && widgetOf(node) === "date")) return { vi: formatDate(value), en: formatDate(value) };
    return { vi: String(value), en: String(value) };
  };

  const addressText = (value, dd) => {
    const parts = [value.detail, value.ward, value.province].filter(Boolean);
    dd.textContent = parts.join(", ");
    if (!address || !value.province) return;
    pending.push((async () => {
      try {
        const provinces = await address.provinces();
        const province = provinces.find((p) => p.code === value.province)?.name || value.province;
        let ward = value.ward;
        if (value.ward) ward = (await address.wards(value.province)).find((w) => w.code === value.ward)?.name || value.ward;
        dd.textContent = [value.detail, ward, province].filter(Boolean).join(", ");
      } catch {
        // Codes stay visible.
      }
    })());
  };

  /** Adds the answers of an object node to rows; nested groups become their own sections. */
  const walk = (node, value, rows, prefix) => {
    const names = node?.properties ? propertyOrder(node) : [];
    const extra = Object.keys(value || {}).filter((k) => !names.includes(k));
    for (const name of [...names, ...extra]) {
      if (!(name in (value || {}))) continue;
      const child = node?.properties?.[name] ? resolve(node.properties[name], schema || {}) : null;
      const answer = value[name];
      const label = labelFor(child, name);
      const widget = child ? widgetOf(child) : isObject(answer) ? "group" : Array.isArray(answer) && answer.some(isObject) ? "repeat" : "text";
      const fullLabel = prefix ? { vi: `${prefix.vi}: ${label.vi}`, en: `${prefix.en}: ${label.en}` } : label;
      if (widget === "address" || (isObject(answer) && "province" in answer && "ward" in answer)) {
        rows.push({ label: fullLabel, address: answer });
      } else if (widget === "group" && isObject(answer)) {
        if (rows === general && !prefix) {
          const section = { title: label, rows: [] };
          sections.push(section);
          walk(child, answer, section.rows, null);
        } else {
          walk(child, answer, rows, fullLabel);
        }
      } else if (widget === "repeat" && Array.isArray(answer)) {
        const itemNode = child?.items ? resolve(child.items, schema || {}) : null;
        const declared = child?.["x-ui"]?.itemLabel;
        const itemLabel = declared ? (typeof declared === "string" ? { vi: declared, en: declared } : { vi: declared.vi, en: declared.en || declared.vi }) : TEXT.item;
        answer.forEach((item, index) => {
          const title = { vi: `${label.vi}: ${itemLabel.vi} ${index + 1}`, en: `${label.en}: ${itemLabel.en} ${index + 1}` };
          if (isObject(item)) {
            const section = { title, rows: [] };
            sections.push(section);
            walk(itemNode, item, section.rows, null);
          } else {
            rows.push({ label: title, value: display(itemNode, item) });
          }
        });
        if (!answer.length) rows.push({ label: fullLabel, value: TEXT.empty });
      } else {
        rows.push({ label: fullLabel, value: display(child, answer) });
      }
    }
  };

  walk(root, isObject(data) ? data : {}, general, null);
  const all = general.length ? [{ title: TEXT.general, rows: general }, ...sections] : sections;
  for (const section of all) {
    if (!section.rows.length) continue;
    container.append(setText(el("h3", { class: "heading-s" }), section.title));
    const dl = el("dl", { class: "summary-list summary-list--two" });
    for (const row of section.rows) {
      const item = el("div", { class: "summary-list-row" });
      const dd = el("dd", { class: "summary-list-value" });
      if (row.address) addressText(row.address, dd);
      else setText(dd, row.value);
      item.append(setText(el("dt", { class: "summary-list-key" }), row.label), dd);
      dl.append(item);
    }
    container.append(dl);
  }
  await Promise.all(pending);
}

/** "dateOfBirth" -> "date of birth" when the schema gives no label. */
function humanise(name) {
  return String(name).replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
}

/** Address look-ups with a cache, from the public address API. */
export function addressBook(api) {
  let provinces = null;
  const wards = new Map();
  return {
    provinces() {
      provinces ??= api("/api/address/provinces", { auth: false });
      return provinces;
    },
    wards(code) {
      if (!wards.has(code)) wards.set(code, api(`/api/address/provinces/${encodeURIComponent(code)}/wards`, { auth: false }));
      return wards.get(code);
    },
  };
}
