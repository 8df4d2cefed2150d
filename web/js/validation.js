// e-Form validation in the browser with ajv (the same JSON Schema the server checks), the portal's two
// rules a schema cannot state (no control characters in text answers, no date after today where the schema
// says "x-maxDate": "today"; the server's FormSchema applies the same), and the mapping of errors to field
// ids ("/applicant/fullName" -> "applicant.fullName") with clear Vietnamese (and English) messages that
// name the field's label.

import { createValidator } from "../vendor/ajv.bundle.js";

/**
 * Compiles a form schema; the returned function (data, today?) gives the error list ([] when valid): ajv's
 * errors, then the portal's rules as errors of the same shape (keyword "controlCharacter" or "maxDate").
 * today is "YYYY-MM-DD", by default today in Vietnam.
 */
export function compileForm(schema) {
  const ajv = createValidator();
  const validate = ajv.compile(schema);
  return (data, today = todayInVietnam()) => {
    const errors = validate(data) ? [] : [...(validate.errors || [])];
    return [...errors, ...portalRuleErrors(schema, data, today, errors)];
  };
}

/** Today's date in Vietnam (Asia/Ho_Chi_Minh) as "YYYY-MM-DD", the day the server judges dates of birth by. */
export function todayInVietnam(now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

// C0 controls, DEL and C1 controls; a textarea may hold tab, line feed and carriage return.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The portal's rules over every string answer, as ajv-shaped errors (the server's FormSchema applies the same). */
export function portalRuleErrors(schema, data, today, ajvErrors = []) {
  const errors = [];
  const badFormat = new Set(ajvErrors.filter((e) => e.keyword === "format").map((e) => e.instancePath));
  const visit = (value, tokens) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...tokens, String(i)]));
    } else if (value && typeof value === "object") {
      for (const [name, inner] of Object.entries(value)) visit(inner, [...tokens, name]);
    } else if (typeof value === "string") {
      const instancePath = tokens.map((t) => "/" + t.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
      const schemas = schemasAt(schema, tokens, data);
      const multiLine = schemas.some((s) => s["x-ui"]?.widget === "textarea");
      if ((multiLine ? CONTROL_EXCEPT_LINES : CONTROL).test(value)) {
        errors.push({ keyword: "controlCharacter", instancePath, params: {}, message: "must not contain control characters" });
      }
      if (schemas.some((s) => s["x-maxDate"] === "today") && !badFormat.has(instancePath) && DATE.test(value) && value > today) {
        errors.push({ keyword: "maxDate", instancePath, params: { limit: today }, message: "must not be after today" });
      }
    }
  };
  visit(data, []);
  return errors;
}

/**
 * The schemas that may apply at an instance location (tokens from the root): the declarations of the property in
 * every schema applying to its parent through $ref, allOf and if/then/else (either branch), as the server's SchemaMap.
 */
export function schemasAt(root, tokens, data) {
  let schemas = closure(root, [root]);
  let value = data;
  for (const token of tokens) {
    const isItem = Array.isArray(value);
    const next = [];
    for (const s of schemas) {
      if (!s || typeof s !== "object") continue;
      if (isItem) {
        if (s.items !== undefined) next.push(s.items);
      } else if (s.properties && Object.hasOwn(s.properties, token)) {
        next.push(s.properties[token]);
      }
    }
    schemas = closure(root, next);
    value = value == null ? undefined : value[token];
  }
  return schemas.filter((s) => s && typeof s === "object");
}

function closure(root, start) {
  const order = [...start];
  const seen = new Set();
  const result = [];
  for (let i = 0; i < order.length; i++) {
    const s = order[i];
    if (seen.has(s)) continue;
    seen.add(s);
    result.push(s);
    if (!s || typeof s !== "object") continue;
    if (typeof s.$ref === "string") order.push(lookupRef(root, s.$ref));
    if (Array.isArray(s.allOf)) order.push(...s.allOf);
    for (const branch of ["if", "then", "else"]) if (s[branch] !== undefined) order.push(s[branch]);
  }
  return result;
}

function lookupRef(root, ref) {
  const hash = ref.indexOf("#");
  const pointer = hash < 0 ? "" : decodeURIComponent(ref.slice(hash + 1));
  let value = root;
  for (const part of pointer.split("/").slice(1)) value = value?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  return value;
}

/** "/members/0/fullName" -> "members.0.fullName" (JSON Pointer unescaped). */
export function pointerToPath(pointer = "") {
  return pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");
}

/** The field id an ajv error belongs to: required errors name the missing property. */
export function fieldIdOf(error) {
  const base = pointerToPath(error.instancePath);
  const join = (name) => (base ? `${base}.${name}` : name);
  if (error.keyword === "required") return join(error.params.missingProperty);
  if (error.keyword === "dependentRequired") return join(error.params.missingProperty);
  if (error.keyword === "additionalProperties") return join(error.params.additionalProperty);
  return base;
}

// Keywords that only say "a sub-schema failed"; the sub-schema's own errors carry the detail.
const WRAPPER_KEYWORDS = new Set(["if", "then", "else", "allOf", "anyOf", "oneOf", "not", "$ref"]);

/**
 * Maps ajv errors to { fieldId: {vi, en} }, one message per field (the first, which is the most basic:
 * "required" before "pattern"). describe(fieldId) -> { label: {vi,en}, widget, itemLabel } | null.
 */
export function mapErrors(errors, describe) {
  const result = {};
  const ordered = [...errors].sort((a, b) => rank(a) - rank(b));
  for (const error of ordered) {
    if (WRAPPER_KEYWORDS.has(error.keyword)) continue;
    const id = fieldIdOf(error);
    if (result[id]) continue;
    result[id] = messageFor(error, describe(id) || fallback(id));
  }
  return result;
}

function rank(error) {
  return { required: 0, additionalProperties: 0, type: 1, controlCharacter: 2, minLength: 2, format: 3, pattern: 3, maxDate: 4 }[error.keyword] ?? 5;
}

function fallback(id) {
  const name = id.split(".").pop() || id;
  return { label: { vi: name, en: name }, widget: "text" };
}

/** A clear message for one ajv error, in both languages. */
export function messageFor(error, field) {
  const L = field.label || { vi: "", en: "" };
  const p = error.params || {};
  const both = (vi, en) => ({ vi, en });
  const choose = ["select", "radio"].includes(field.widget);
  switch (error.keyword) {
    case "required":
      if (choose) return both(`Vui lòng chọn ${L.vi}`, `Select ${L.en}`);
      if (field.widget === "checkbox") return both(`Vui lòng đánh dấu vào ô “${L.vi}”`, `Tick the box “${L.en}”`);
      if (field.widget === "repeat") return both(`Vui lòng thêm ${lower(field.itemLabel?.vi || L.vi)}`, `Add ${lower(field.itemLabel?.en || L.en)}`);
      if (field.widget === "address") return both(`Vui lòng nhập ${L.vi}`, `Enter ${L.en}`);
      return both(`Vui lòng nhập ${L.vi}`, `Enter ${L.en}`);
    case "pattern":
      if (field.widget === "cccd") return both("Số CCCD phải gồm 12 chữ số", "The citizen ID number must be 12 digits");
      if (field.widget === "phone") {
        return both("Số điện thoại di động không hợp lệ (ví dụ 0912345678)", "Enter a valid Vietnamese mobile number (e.g. 0912345678)");
      }
      if (choose) return both(`Vui lòng chọn ${L.vi}`, `Select ${L.en}`);
      return both(`${L.vi} không đúng định dạng`, `${L.en} is not in the right format`);
    case "format":
      if (p.format === "date") return both(`Ngày không hợp lệ (${L.vi})`, `Enter a real date (${L.en})`);
      if (p.format === "email") return both("Địa chỉ email không hợp lệ (ví dụ ten@example.com)", "Enter a valid email address (e.g. name@example.com)");
      return both(`${L.vi} không đúng định dạng`, `${L.en} is not in the right format`);
    case "minLength":
      if (p.limit <= 1) return both(`Vui lòng nhập ${L.vi}`, `Enter ${L.en}`);
      return both(`${L.vi} phải có ít nhất ${p.limit} ký tự`, `${L.en} must be at least ${p.limit} characters`);
    case "maxLength":
      return both(`${L.vi} không được dài quá ${p.limit} ký tự`, `${L.en} must be ${p.limit} characters or fewer`);
    case "minimum":
      return both(`${L.vi} phải lớn hơn hoặc bằng ${p.limit}`, `${L.en} must be ${p.limit} or more`);
    case "maximum":
      return both(`${L.vi} phải nhỏ hơn hoặc bằng ${p.limit}`, `${L.en} must be ${p.limit} or less`);
    case "exclusiveMinimum":
      return both(`${L.vi} phải lớn hơn ${p.limit}`, `${L.en} must be more than ${p.limit}`);
    case "exclusiveMaximum":
      return both(`${L.vi} phải nhỏ hơn ${p.limit}`, `${L.en} must be less than ${p.limit}`);
    case "type":
      if (p.type === "integer") return both(`${L.vi} phải là số nguyên`, `${L.en} must be a whole number`);
      if (p.type === "number") return both(`${L.vi} phải là số`, `${L.en} must be a number`);
      return both(`${L.vi} không hợp lệ`, `${L.en} is not valid`);
    case "enum":
      return both(`Vui lòng chọn ${L.vi} trong danh sách`, `Select ${L.en} from the list`);
    case "const":
      if (field.widget === "checkbox") return both(`Vui lòng đánh dấu vào ô “${L.vi}”`, `Tick the box “${L.en}”`);
      return both(`${L.vi} không hợp lệ`, `${L.en} is not valid`);
    case "minItems": {
      const item = field.itemLabel || { vi: "mục", en: "items" };
      return both(`Cần ít nhất ${p.limit} ${lower(item.vi)}`, `Add at least ${p.limit} ${lower(item.en)}`);
    }
    case "maxItems": {
      const item = field.itemLabel || { vi: "mục", en: "items" };
      return both(`Chỉ được tối đa ${p.limit} ${lower(item.vi)}`, `Add no more than ${p.limit} ${lower(item.en)}`);
    }
    case "additionalProperties": {
      const name = p.additionalProperty;
      return both(`Trường “${name}” không có trong biểu mẫu này; vui lòng bỏ thông tin này`, `The field “${name}” is not part of this form; please remove it`);
    }
    case "controlCharacter":
      return both(`${L.vi} chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL); vui lòng nhập lại`,
        `${L.en} contains a control character that is not allowed (such as NUL); please type it again`);
    case "maxDate":
      return both(`${L.vi} không được sau ngày hôm nay`, `${L.en} cannot be after today`);
    default:
      return both(`${L.vi} không hợp lệ`, `${L.en} is not valid`);
  }
}

function lower(text = "") {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}
