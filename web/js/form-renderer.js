// Renders an e-Form from its JSON Schema + x-ui annotations into GOV.UK-style fields, and reads the
// answers back as data for ajv and the server. Each rendered field is a small controller object:
//   get() -> value (undefined when empty), set(value), setError(message|null), find(pathSegments)
// Field ids are dotted paths ("applicant.fullName", "members.0.fullName"); the HTML input id is
// "f-" + path with "." -> "-", hints are "<id>-hint" and errors "<id>-error".

import { el, setText, t } from "./i18n.js";
import {
  conditionallyRequired, hintOf, labelOf, optionsOf, propertyOrder, requiredNames, resolve, widgetOf, xui,
} from "./schema.js";
import { formatDate } from "./format.js";
import { todayInVietnam } from "./validation.js";

/** HTML id of the input for a field path. */
export const inputIdOf = (path) => `f-${path.replace(/\./g, "-")}`;

const TEXT = {
  optional: { vi: " (không bắt buộc)", en: " (optional)" },
  choose: { vi: "Chọn", en: "Choose" },
  errorPrefix: { vi: "Lỗi: ", en: "Error: " },
  yes: { vi: "Có", en: "Yes" },
  no: { vi: "Không", en: "No" },
  empty: { vi: "Chưa nhập", en: "Not provided" },
  province: { vi: "Tỉnh/Thành phố", en: "Province/City" },
  ward: { vi: "Phường/Xã/Đặc khu", en: "Ward/Commune/Special zone" },
  wardFirst: { vi: "Chọn tỉnh/thành phố trước", en: "Choose a province first" },
  wardLoading: { vi: "Đang tải danh sách…", en: "Loading…" },
  wardNone: { vi: "Chưa có danh sách phường/xã của tỉnh/thành phố này", en: "No ward list for this province yet" },
  detail: { vi: "Số nhà, đường, thôn/ấp/khu phố", en: "House number, street, hamlet/quarter" },
  remove: { vi: "Xóa", en: "Remove" },
  add: { vi: "Thêm", en: "Add" },
  noItems: { vi: "Chưa có mục nào.", en: "No items yet." },
  maxReached: { vi: "Đã đủ số lượng tối đa", en: "Maximum reached" },
};

const PREFILL_AUTOCOMPLETE = {
  "citizen.fullName": "name", "citizen.phone": "tel", "citizen.email": "email", "citizen.dateOfBirth": "bday",
  "citizen.cccd": "off",
};

const join = (a, b) => (a ? `${a}.${b}` : String(b));
const lowerFirst = (s = "") => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
const isEmpty = (v) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
const same = (a, b) => a === b || (a != null && b != null && typeof a !== "object" && String(a) === String(b));

/**
 * Reads a number as Vietnamese users type it: "1.000.000" (dots group thousands), "2,5" (comma decimal),
 * or plain "1000000" / "2.5". Anything else stays a string so ajv reports "must be number".
 */
function parseNumber(text) {
  let n = text.replace(/\s/g, "");
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(n)) n = n.replace(/\./g, "").replace(",", ".");
  else n = n.replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : text;
}

/** Common parts of every field: label, hint, error message, visibility. */
class Field {
  constructor(ctx, node, path, name, { required = false, parent = null, contextLabel = null } = {}) {
    this.ctx = ctx;
    this.node = node;
    this.ui = xui(node);
    this.path = path;
    this.name = name;
    this.required = required;
    this.parent = parent;
    this.widget = widgetOf(node);
    this.label = labelOf(node, name);
    this.hint = hintOf(node);
    this.inputId = inputIdOf(path);
    this.hintId = `${this.inputId}-hint`;
    this.errorId = `${this.inputId}-error`;
    this.contextName = contextLabel; // repeat items are named "Thành viên 2" rather than by their schema label
    this.wrapper = null;
    this.errorEl = null;
  }

  /**
   * The label used in messages, made unique by its groups: "Họ, chữ đệm và tên (Thông tin người mẹ)",
   * "Tỉnh/Thành phố (Người nộp hồ sơ, Nơi cư trú)", "Ngày sinh (Thành viên 2)".
   */
  get messageLabel() {
    const names = [];
    for (let f = this.parent; f && f.path !== ""; f = f.parent) {
      if (f instanceof RepeatField) continue;
      names.unshift(f.contextName || f.label);
    }
    if (!names.length) return this.label;
    return { vi: `${this.label.vi} (${names.map((n) => n.vi).join(", ")})`, en: `${this.label.en} (${names.map((n) => n.en).join(", ")})` };
  }

  /** Builds the hint and error elements shared by all widgets. */
  buildHintAndError() {
    const parts = [];
    if (this.hint) parts.push(setText(el("div", { class: "hint", id: this.hintId }), this.hint));
    this.errorEl = el("p", { class: "error-message", id: this.errorId, hidden: true });
    parts.push(this.errorEl);
    return parts;
  }

  /** aria-describedby value: hint (when any) and error (always present, empty when no error). */
  describedBy() {
    return [this.hint ? this.hintId : null, this.errorId].filter(Boolean).join(" ");
  }

  /** Label text plus "(không bắt buộc)" for optional fields. */
  labelContent(target) {
    target.append(setText(el("span"), this.label));
    if (!this.required && this.widget !== "checkbox") target.append(setText(el("span", { class: "optional" }), TEXT.optional));
    return target;
  }

  visible() {
    for (let f = this; f; f = f.parent) if (f.wrapper?.hidden) return false;
    return true;
  }

  setVisible(show) {
    if (!this.wrapper || this.wrapper.hidden === !show) return;
    this.wrapper.hidden = !show;
    if (!show) this.clearErrors();
  }

  /** Shows or clears this field's own error ({vi,en} or string). */
  setError(message) {
    if (!this.errorEl) return;
    this.errorEl.replaceChildren();
    const hasError = Boolean(message);
    this.errorEl.hidden = !hasError;
    this.wrapper?.classList.toggle("form-group--error", hasError);
    if (hasError) {
      this.errorEl.append(setText(el("span", { class: "visually-hidden" }), TEXT.errorPrefix), setText(el("span"), message));
    }
    for (const input of this.ownInputs()) {
      if (hasError) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }

  clearErrors() {
    this.setError(null);
  }

  ownInputs() {
    return this.wrapper ? [...this.wrapper.querySelectorAll(`[data-path="${CSS.escape(this.path)}"]`)] : [];
  }

  /** The element a "go to this field" link should focus. */
  focusTarget() {
    return document.getElementById(this.inputId)
      || this.wrapper?.querySelector("input:not([type=hidden]), select, textarea, button");
  }

  find(segments) {
    return segments.length === 0 ? this : null;
  }

  updateVisibility() {}

  *leaves() {
    yield this;
  }
}

/** A single question: text, textarea, number, date, select, radio, checkbox, cccd, phone, email. */
class LeafField extends Field {
  constructor(ctx, node, path, name, opts) {
    super(ctx, node, path, name, opts);
    this.options = optionsOf(node);
    this.build();
  }

  build() {
    const w = this.widget;
    if (w === "radio" || (w === "checkbox" && this.options.length && this.node.type === "array")) {
      this.buildChoices(w === "radio" ? "radio" : "checkbox");
      return;
    }
    this.wrapper = el("div", { class: "form-group", "data-field": this.path });
    if (w === "checkbox") {
      this.buildSingleCheckbox();
      return;
    }
    const label = this.labelContent(el("label", { class: "label", for: this.inputId }));
    this.input = this.buildInput();
    this.wrapper.append(label, ...this.buildHintAndError(), this.input);
  }

  buildInput() {
    const common = { id: this.inputId, name: this.path, "aria-describedby": this.describedBy(), dataset: { path: this.path } };
    const auto = PREFILL_AUTOCOMPLETE[this.ui.prefill];
    let input;
    switch (this.widget) {
      case "textarea":
        input = el("textarea", { ...common, class: "textarea", rows: "4" });
        break;
      case "select":
        input = el("select", { ...common, class: "select" });
        this.fillSelect(input, this.options);
        break;
      case "date":
        // A date of birth ("x-maxDate": "today") cannot be picked after today; validation.js refuses it if typed.
        input = el("input", { ...common, type: "date", class: "input input--date", autocomplete: auto,
          max: this.node["x-maxDate"] === "today" ? todayInVietnam() : null });
        break;
      case "number":
        input = el("input", { ...common, type: "text", class: "input input--w10", spellcheck: "false",
          inputmode: this.node.type === "integer" ? "numeric" : "decimal" });
        break;
      case "cccd":
        input = el("input", { ...common, type: "text", class: "input input--w20", inputmode: "numeric", maxlength: "12",
          autocomplete: "off", spellcheck: "false" });
        break;
      case "phone":
        input = el("input", { ...common, type: "tel", class: "input input--w20", autocomplete: auto || "tel", spellcheck: "false" });
        break;
      case "email":
        input = el("input", { ...common, type: "email", class: "input", autocomplete: auto || "email", spellcheck: "false" });
        break;
      default:
        input = el("input", { ...common, type: "text", class: "input", autocomplete: auto });
    }
    if (this.required) input.setAttribute("aria-required", "true");
    return input;
  }

  /** Options of a select; keeps a pending value until its option exists (address lists load later). */
  fillSelect(select, options, placeholder = TEXT.choose) {
    select.replaceChildren(setText(el("option", { value: "" }), placeholder));
    for (const option of options) select.append(setText(el("option", { value: String(option.value) }), option.label));
    this.options = options;
    if (this.pending !== undefined) this.set(this.pending);
  }

  buildSingleCheckbox() {
    this.input = el("input", { class: "checkbox-input", type: "checkbox", id: this.inputId, name: this.path,
      "aria-describedby": this.describedBy(), dataset: { path: this.path } });
    if (this.required) this.input.setAttribute("aria-required", "true");
    const label = setText(el("label", { class: "checkbox-label", for: this.inputId }), this.label);
    const item = el("div", { class: "checkbox" });
    item.append(this.input, label);
    this.wrapper.append(...this.buildHintAndError(), item);
  }

  buildChoices(type) {
    this.wrapper = el("div", { class: "form-group", "data-field": this.path });
    const fieldset = el("fieldset", { class: "fieldset", "aria-describedby": this.describedBy() });
    const legend = this.labelContent(el("legend", { class: "fieldset-legend" }));
    const list = el("div", { class: type === "radio" ? "radios" : "checkboxes" });
    this.choiceInputs = this.options.map((option, index) => {
      const id = index === 0 ? this.inputId : `${this.inputId}--${index}`;
      const input = el("input", { class: `${type}-input`, type, id, name: this.path, value: String(option.value), dataset: { path: this.path } });
      const item = el("div", { class: type });
      item.append(input, setText(el("label", { class: `${type}-label`, for: id }), option.label));
      list.append(item);
      return input;
    });
    fieldset.append(legend, ...this.buildHintAndError(), list);
    this.wrapper.append(fieldset);
  }

  /** The option whose value is this string (option values may be numbers or booleans in the schema). */
  optionOf(text) {
    return this.options.find((o) => String(o.value) === text);
  }

  get() {
    if (!this.visible()) return undefined;
    const w = this.widget;
    if (this.choiceInputs) {
      const chosen = this.choiceInputs.filter((i) => i.checked).map((i) => this.optionOf(i.value).value);
      if (w === "radio") return chosen[0];
      return chosen.length ? chosen : undefined;
    }
    if (w === "checkbox") return this.input.checked;
    if (w === "select") return this.input.value === "" ? this.pending : this.optionOf(this.input.value)?.value;
    const raw = this.input.value;
    if (w === "cccd") return raw.replace(/\s+/g, "") || undefined;
    if (w === "phone") return raw.replace(/[\s.()-]+/g, "") || undefined;
    const value = raw.trim();
    if (w === "date" && value === "" && this.input.validity?.badInput) return "invalid-date"; // half-typed: "Ngày không hợp lệ"
    if (value === "") return undefined;
    if (w === "number") return parseNumber(value);
    return value;
  }

  set(value) {
    const w = this.widget;
    if (this.choiceInputs) {
      const values = Array.isArray(value) ? value : [value];
      this.choiceInputs.forEach((input) => {
        input.checked = values.some((v) => v !== undefined && same(input.value, v));
      });
      return;
    }
    if (w === "checkbox") {
      this.input.checked = value === true;
      return;
    }
    if (w === "select") {
      const index = this.options.findIndex((o) => same(o.value, value));
      this.input.value = index >= 0 ? String(this.options[index].value) : "";
      this.pending = index >= 0 || isEmpty(value) ? undefined : value; // option list not loaded yet
      return;
    }
    this.input.value = value == null ? "" : String(value);
  }

  /** Text shown on the check-your-answers page. */
  display() {
    const value = this.get();
    if (isEmpty(value)) return this.widget === "checkbox" && !this.choiceInputs ? TEXT.no : TEXT.empty;
    if (this.widget === "checkbox" && !this.choiceInputs) return value ? TEXT.yes : TEXT.no;
    if (this.options.length) {
      const values = Array.isArray(value) ? value : [value];
      const labels = values.map((v) => this.options.find((o) => same(o.value, v))?.label || { vi: String(v), en: String(v) });
      return { vi: labels.map((l) => l.vi).join(", "), en: labels.map((l) => l.en).join(", ") };
    }
    if (this.widget === "date") return formatDate(value);
    return String(value);
  }
}

/** An object: the form root, or a group rendered as a fieldset with a legend. */
class ObjectField extends Field {
  constructor(ctx, node, path, name, opts = {}) {
    super(ctx, node, path, name, opts);
    this.isRoot = path === "";
    this.legendText = opts.legend || this.label;
    this.depth = opts.depth || 0;
    this.children = new Map();
    this.build(opts);
  }

  build(opts) {
    const required = requiredNames(this.node);
    const conditional = conditionallyRequired(this.node, this.ctx.root);
    const body = el("div", { class: "fieldset-body" });
    for (const name of propertyOrder(this.node)) {
      const child = resolve(this.node.properties[name], this.ctx.root);
      const field = createField(this.ctx, child, join(this.path, name), name, {
        required: required.has(name) || (xui(child).visibleWhen && conditional.has(name)),
        parent: this,
        depth: this.depth + 1,
      });
      if (field.ui.visibleWhen) field.wrapper.classList.add("conditional");
      this.children.set(name, field);
      body.append(field.wrapper);
    }
    if (this.isRoot) {
      this.wrapper = el("div", { class: "eform" });
      this.wrapper.append(body);
      return;
    }
    this.wrapper = el("div", { class: "form-group form-group--group", "data-field": this.path });
    const fieldset = el("fieldset", { class: "fieldset", id: this.inputId, "aria-describedby": this.describedBy() });
    const legend = el("legend", { class: `fieldset-legend ${this.depth <= 1 ? "fieldset-legend--m" : "fieldset-legend--s"}` });
    if (this.depth <= 1) legend.append(setText(el("h2", { class: "fieldset-heading" }), this.legendText));
    else legend.append(setText(el("span"), this.legendText));
    if (opts.removeButton) this.wrapper.classList.add("repeat-item");
    fieldset.append(legend, ...this.buildHintAndError(), body);
    if (opts.removeButton) fieldset.append(opts.removeButton);
    this.wrapper.append(fieldset);
  }

  focusTarget() {
    for (const leaf of this.leaves()) if (leaf.visible()) return leaf.focusTarget();
    return null;
  }

  get() {
    if (!this.isRoot && !this.visible()) return undefined;
    const data = {};
    for (const [name, field] of this.children) {
      if (!field.visible()) continue; // hidden conditional fields are removed from the data
      const value = field.get();
      if (value === undefined) continue;
      if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0 && !field.required) continue;
      data[name] = value;
    }
    return data;
  }

  set(value) {
    const data = value && typeof value === "object" ? value : {};
    for (const [name, field] of this.children) field.set(data[name]);
    this.updateVisibility();
  }

  /** Applies x-ui.visibleWhen: a field shows when its sibling's current value equals the given value. */
  updateVisibility() {
    for (const field of this.children.values()) {
      const rule = field.ui.visibleWhen;
      if (rule) {
        const sibling = this.children.get(rule.field);
        const current = sibling && sibling.visible() ? sibling.get() : undefined;
        field.setVisible(same(current, rule.equals));
      }
      field.updateVisibility();
    }
  }

  clearErrors() {
    this.setError(null);
    for (const field of this.children.values()) field.clearErrors();
  }

  find(segments) {
    if (segments.length === 0) return this;
    const child = this.children.get(segments[0]);
    return child ? child.find(segments.slice(1)) : null;
  }

  *leaves() {
    for (const field of this.children.values()) yield* field.leaves();
  }
}

/** Address: province select, ward select (loaded for the chosen province), and a detail text box. */
class AddressField extends ObjectField {
  build() {
    const ctx = this.ctx;
    const required = requiredNames(this.node);
    const props = this.node.properties || {};
    const part = (name, label, widget) => {
      const node = { ...resolve(props[name] || { type: "string" }, ctx.root) };
      node["x-ui"] = { ...(node["x-ui"] || {}), label, widget };
      return new LeafField(ctx, node, join(this.path, name), name, {
        required: required.has(name) || this.required, parent: this,
      });
    };
    this.province = part("province", TEXT.province, "select");
    this.ward = part("ward", TEXT.ward, "select");
    this.detail = part("detail", TEXT.detail, "text");
    this.detail.input.setAttribute("autocomplete", this.ui.prefill === "citizen.address" ? "street-address" : "off");
    this.children = new Map([["province", this.province], ["ward", this.ward], ["detail", this.detail]]);
    this.ward.input.disabled = true;
    this.ward.fillSelect(this.ward.input, [], TEXT.wardFirst);

    this.wrapper = el("div", { class: "form-group form-group--group", "data-field": this.path });
    const fieldset = el("fieldset", { class: "fieldset", id: this.inputId, "aria-describedby": this.describedBy() });
    const legend = this.labelContent(el("legend", { class: "fieldset-legend fieldset-legend--s" }));
    fieldset.append(legend, ...this.buildHintAndError(), this.province.wrapper, this.ward.wrapper, this.detail.wrapper);
    this.wrapper.append(fieldset);

    this.provincesLoaded = ctx.address.provinces().then((list) => {
      this.province.fillSelect(this.province.input, list.map((p) => ({ value: p.code, label: { vi: p.name, en: p.name } })));
    }).catch(() => {});
    ctx.readyPromises.push(this.provincesLoaded);
    this.province.input.addEventListener("change", () => {
      this.ward.pending = undefined; // a new province: the old ward no longer applies
      this.loadWards(this.province.get());
    });
  }

  /** Loads the wards of a province into the ward select, then re-selects a pending ward. */
  async loadWards(provinceCode) {
    const select = this.ward.input;
    this.wardRequest = provinceCode;
    if (!provinceCode) {
      select.disabled = true;
      this.ward.fillSelect(select, [], TEXT.wardFirst);
      return;
    }
    select.disabled = true;
    this.ward.fillSelect(select, [], TEXT.wardLoading);
    let wards = [];
    try {
      wards = await this.ctx.address.wards(provinceCode);
    } catch {
      wards = [];
    }
    if (this.wardRequest !== provinceCode) return; // the user picked another province meanwhile
    this.ward.fillSelect(select, wards.map((w) => ({ value: w.code, label: { vi: w.name, en: w.name } })),
      wards.length ? TEXT.choose : TEXT.wardNone);
    select.disabled = wards.length === 0;
  }

  set(value) {
    const data = value && typeof value === "object" ? value : {};
    this.detail.set(data.detail);
    this.ward.set(undefined);
    this.ward.pending = data.ward || undefined;
    const province = data.province || undefined;
    this.province.set(province);
    this.provincesLoaded.then(() => {
      if (this.province.get() === province) return this.loadWards(province);
      return undefined;
    });
  }

  get() {
    if (!this.visible()) return undefined;
    const data = {};
    for (const [name, field] of this.children) {
      const value = field.get();
      if (value !== undefined) data[name] = value;
    }
    return data;
  }

  /** One line: "12 đường Hùng Vương, Phường Tân Ninh, Tây Ninh". */
  display() {
    const parts = [this.detail.get(), t(this.ward.display()), t(this.province.display())];
    const empty = t(TEXT.empty);
    const filled = parts.filter((p) => p && p !== empty);
    return filled.length ? filled.join(", ") : TEXT.empty;
  }

  updateVisibility() {}

  focusTarget() {
    return this.province.input;
  }

  *leaves() {
    yield this;
  }

  /** The address parts, for error display (leaves() yields the address as one answer). */
  *parts() {
    yield* this.children.values();
  }
}

/** A list of items (x-ui.widget "repeat"): add/remove within minItems..maxItems. */
class RepeatField extends Field {
  constructor(ctx, node, path, name, opts) {
    super(ctx, node, path, name, opts);
    this.itemNode = resolve(node.items || { type: "string" }, ctx.root);
    const itemLabel = this.ui.itemLabel || xui(this.itemNode).label || { vi: "Mục", en: "Item" };
    this.itemLabel = typeof itemLabel === "string" ? { vi: itemLabel, en: itemLabel } : itemLabel;
    this.min = Number.isInteger(node.minItems) ? node.minItems : 0;
    this.max = Number.isInteger(node.maxItems) ? node.maxItems : Infinity;
    this.items = [];
    this.build();
    this.renderItems(this.min);
  }

  build() {
    this.wrapper = el("div", { class: "form-group form-group--group", "data-field": this.path });
    const fieldset = el("fieldset", { class: "fieldset", id: this.inputId, "aria-describedby": this.describedBy() });
    const legend = el("legend", { class: "fieldset-legend fieldset-legend--m" });
    legend.append(this.labelContent(el("h2", { class: "fieldset-heading" })));
    this.list = el("div", { class: "repeat-list" });
    this.emptyNote = setText(el("p", { class: "body" }), TEXT.noItems);
    this.addButton = el("button", { type: "button", class: "button button--secondary", dataset: { action: "add" } });
    this.addButton.append(setText(el("span"), {
      vi: `${TEXT.add.vi} ${lowerFirst(this.itemLabel.vi)}`, en: `${TEXT.add.en} ${lowerFirst(this.itemLabel.en)}`,
    }));
    this.maxNote = setText(el("p", { class: "hint", hidden: true }), {
      vi: `${TEXT.maxReached.vi} (${this.max}).`, en: `${TEXT.maxReached.en} (${this.max}).`,
    });
    this.addButton.addEventListener("click", () => this.add());
    fieldset.append(legend, ...this.buildHintAndError(), this.emptyNote, this.list, this.addButton, this.maxNote);
    this.wrapper.append(fieldset);
  }

  itemContext(index) {
    return { vi: `${this.itemLabel.vi} ${index + 1}`, en: `${this.itemLabel.en} ${index + 1}` };
  }

  /** Rebuilds count items (paths are re-numbered, so a removal shifts the later items up). */
  renderItems(count) {
    this.list.replaceChildren();
    this.items = [];
    for (let index = 0; index < count; index += 1) {
      const context = this.itemContext(index);
      const itemPath = join(this.path, index);
      let field;
      const remove = el("button", { type: "button", class: "button button--warning button--small", dataset: { action: "remove" } });
      remove.append(setText(el("span"), TEXT.remove), setText(el("span", { class: "visually-hidden" }), { vi: ` ${context.vi}`, en: ` ${context.en}` }));
      remove.addEventListener("click", () => this.remove(index));
      if (widgetOf(this.itemNode) === "group") {
        field = new ObjectField(this.ctx, this.itemNode, itemPath, String(index), {
          required: true, parent: this, legend: context, contextLabel: context, depth: 2, removeButton: remove,
        });
      } else {
        field = createField(this.ctx, { ...this.itemNode, "x-ui": { ...xui(this.itemNode), label: context } }, itemPath, String(index),
          { required: true, parent: this });
        field.wrapper.classList.add("repeat-item");
        field.wrapper.append(remove);
      }
      field.removeButton = remove;
      this.items.push(field);
      this.list.append(field.wrapper);
    }
    this.updateButtons();
  }

  updateButtons() {
    const atMax = this.items.length >= this.max;
    this.addButton.hidden = atMax;
    this.maxNote.hidden = !atMax || this.max === Infinity;
    this.emptyNote.hidden = this.items.length > 0;
    for (const item of this.items) item.removeButton.hidden = this.items.length <= this.min;
  }

  add() {
    if (this.items.length >= this.max) return;
    const data = this.items.map((item) => item.get());
    this.renderItems(data.length + 1);
    data.forEach((value, index) => this.items[index].set(value));
    this.updateVisibility();
    this.items[this.items.length - 1].focusTarget()?.focus();
    this.ctx.changed(this);
  }

  remove(index) {
    if (this.items.length <= this.min) return;
    const data = this.items.map((item) => item.get());
    data.splice(index, 1);
    this.renderItems(data.length);
    data.forEach((value, i) => this.items[i].set(value));
    this.updateVisibility();
    const next = this.items[Math.min(index, this.items.length - 1)];
    (next ? next.focusTarget() : this.addButton).focus();
    this.ctx.changed(this);
  }

  get() {
    if (!this.visible()) return undefined;
    const values = this.items.map((item) => {
      const v = item.get();
      return v === undefined && widgetOf(this.itemNode) === "group" ? {} : v;
    }).filter((v) => v !== undefined);
    return values.length || this.required ? values : undefined;
  }

  set(value) {
    const data = Array.isArray(value) ? value : [];
    this.renderItems(Math.min(Math.max(data.length, this.min), this.max));
    data.slice(0, this.max).forEach((v, i) => this.items[i].set(v));
  }

  updateVisibility() {
    for (const item of this.items) item.updateVisibility();
  }

  clearErrors() {
    this.setError(null);
    for (const item of this.items) item.clearErrors();
  }

  focusTarget() {
    return this.items[0]?.focusTarget() || this.addButton;
  }

  find(segments) {
    if (segments.length === 0) return this;
    const item = this.items[Number(segments[0])];
    return item ? item.find(segments.slice(1)) : null;
  }

  *leaves() {
    for (const item of this.items) yield* item.leaves();
  }
}

/** Chooses the controller class for a schema node. */
function createField(ctx, node, path, name, opts) {
  const widget = widgetOf(node);
  if (widget === "address") return new AddressField(ctx, node, path, name, opts);
  if (widget === "group") return new ObjectField(ctx, node, path, name, opts);
  if (widget === "repeat") return new RepeatField(ctx, node, path, name, opts);
  return new LeafField(ctx, node, path, name, opts);
}

/**
 * Renders the form into container. options.address = { provinces(), wards(code) } (promises of lists);
 * options.onChange(field, eventType) is called after any answer changes, options.onBlur(field) when a field loses focus.
 */
export function renderForm(schema, container, options) {
  const ctx = {
    root: schema,
    address: options.address,
    readyPromises: [],
    changed: (field) => {
      root.updateVisibility();
      options.onChange?.(field, "change");
    },
  };
  const root = new ObjectField(ctx, schema, "", "", { required: true, depth: 0 });
  const intro = hintOf(schema);
  if (intro && xui(schema).hint) container.append(setText(el("p", { class: "hint" }), intro));
  container.append(root.wrapper);

  const fieldOfEvent = (event) => {
    const path = event.target?.dataset?.path;
    return path == null ? null : model.fieldAt(path);
  };
  root.wrapper.addEventListener("input", (event) => {
    const field = fieldOfEvent(event);
    if (field) options.onChange?.(field, "input");
  });
  root.wrapper.addEventListener("change", (event) => {
    const field = fieldOfEvent(event);
    if (!field) return;
    root.updateVisibility();
    options.onChange?.(field, "change");
  });
  root.wrapper.addEventListener("focusout", (event) => {
    const field = fieldOfEvent(event);
    // Radios: only when focus leaves the whole group.
    if (field && !(field.choiceInputs && field.wrapper.contains(event.relatedTarget))) options.onBlur?.(field);
  });

  const model = {
    root,
    element: root.wrapper,
    /** Resolves once option lists (provinces) are loaded. */
    ready: () => Promise.all(ctx.readyPromises),
    getData: () => root.get(),
    setData(data) {
      root.set(data || {});
      root.updateVisibility();
    },
    /** The field at exactly this dotted path, or null. */
    fieldAt: (path) => (path === "" ? root : root.find(String(path).split("."))),
    /** The field at this path or its nearest rendered ancestor (server errors may name an object). */
    nearest(path) {
      const segments = String(path).split(".");
      while (segments.length) {
        const field = root.find(segments);
        if (field && field !== root) return field;
        segments.pop();
      }
      return null;
    },
    /** Every answer (leaf or address) in order, visible ones only. */
    answers: () => [...root.leaves()].filter((f) => f.visible()),
    clearErrors: () => root.clearErrors(),
    /** Pre-fills empty fields from the citizen's profile (x-ui.prefill "citizen.<property>"). */
    prefill(me) {
      if (!me) return;
      const visit = (field) => {
        const source = field.ui.prefill;
        if (source?.startsWith("citizen.") && !(field.parent instanceof RepeatField)) {
          const value = me[source.slice("citizen.".length)];
          if (!isEmpty(value)) applyPrefill(field, value);
        }
        if (field instanceof ObjectField && !(field instanceof AddressField)) for (const child of field.children.values()) visit(child);
      };
      visit(root);
      root.updateVisibility();
    },
  };
  return model;
}

/** Puts a profile value into a field unless the citizen already typed something. */
function applyPrefill(field, value) {
  if (field instanceof AddressField) {
    const current = field.get() || {};
    if (!current.province && !current.ward && !current.detail) field.set(value);
    return;
  }
  if (!isEmpty(field.get()) && field.widget !== "checkbox") return;
  if (field.options?.length) {
    // Gender and similar codes: match the option value, else a Vietnamese/English alias.
    const aliases = { male: ["male", "nam", "m"], female: ["female", "nu", "nữ", "f"] };
    const key = String(value).toLowerCase();
    const match = field.options.find((o) => same(o.value, value))
      || field.options.find((o) => (aliases[key] || []).includes(String(o.value).toLowerCase()));
    if (match) field.set(match.value);
    return;
  }
  field.set(value);
}

export { LeafField, ObjectField, AddressField, RepeatField };
