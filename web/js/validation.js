// e-Form validation in the browser with ajv (the same JSON Schema the server checks), and the mapping
// of ajv errors to field ids ("/applicant/fullName" -> "applicant.fullName") with clear Vietnamese
// (and English) messages that name the field's label.

import { createValidator } from "../vendor/ajv.bundle.js";

/** Compiles a form schema; the returned function gives ajv's error list ([] when valid). */
export function compileForm(schema) {
  const ajv = createValidator();
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : [...(validate.errors || [])]);
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
  return { required: 0, type: 1, minLength: 2, format: 3, pattern: 3 }[error.keyword] ?? 5;
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
    default:
      return both(`${L.vi} không hợp lệ`, `${L.en} is not valid`);
  }
}

function lower(text = "") {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}
