// Reading the e-Form JSON Schema (2020-12 subset) for rendering: local $ref resolution,
// "x-ui" annotations, field order, required and conditionally required names.

/** Resolves a local "$ref" ("#/$defs/x") against the root schema; sibling keywords (x-ui, title...) win. */
export function resolve(node, root) {
  let current = node || {};
  const seen = new Set();
  while (current && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) break; // recursive schemas are not rendered deeper
    seen.add(current.$ref);
    const target = lookup(root, current.$ref);
    const { $ref, ...siblings } = current;
    const merged = { ...target, ...siblings };
    if (target?.["x-ui"] || siblings["x-ui"]) merged["x-ui"] = { ...(target?.["x-ui"] || {}), ...(siblings["x-ui"] || {}) };
    current = merged;
  }
  return current;
}

function lookup(root, ref) {
  if (!ref.startsWith("#")) return {};
  const parts = ref.slice(1).split("/").filter(Boolean).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let value = root;
  for (const part of parts) value = value?.[part];
  return value || {};
}

/** The x-ui annotations of a (resolved) schema node. */
export function xui(node) {
  return node?.["x-ui"] || {};
}

/** The widget for a node: x-ui.widget, else inferred from type and format. */
export function widgetOf(node) {
  const declared = xui(node).widget;
  if (declared) return declared;
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== "null") : node.type;
  if (type === "object") return "group";
  if (type === "array") return "repeat";
  if (type === "boolean") return "checkbox";
  if (type === "integer" || type === "number") return "number";
  if (node.enum || xui(node).options) return "select";
  if (node.format === "date") return "date";
  if (node.format === "email") return "email";
  return "text";
}

/** Property names in display order: x-ui.order first, then any others in declaration order. */
export function propertyOrder(node) {
  const names = Object.keys(node.properties || {});
  const order = (xui(node).order || []).filter((name) => names.includes(name));
  return [...order, ...names.filter((name) => !order.includes(name))];
}

/** Names the object always requires. */
export function requiredNames(node) {
  return new Set(node.required || []);
}

/** Names that some if/then of this object requires (conditional fields, shown with x-ui.visibleWhen). */
export function conditionallyRequired(node, root) {
  const names = new Set();
  const visit = (schema) => {
    const s = resolve(schema, root);
    if (!s || typeof s !== "object") return;
    for (const branch of [s.then, s.else]) {
      for (const name of resolve(branch, root)?.required || []) names.add(name);
    }
    for (const part of s.allOf || []) visit(part);
  };
  visit(node);
  return names;
}

/** Options for select/radio: x-ui.options, else the enum values as their own labels. */
export function optionsOf(node) {
  const ui = xui(node);
  if (Array.isArray(ui.options) && ui.options.length) {
    return ui.options.map((o) => ({ value: o.value, label: typeof o.label === "string" ? { vi: o.label, en: o.label } : o.label }));
  }
  const values = node.enum || node.items?.enum || [];
  return values.map((v) => ({ value: v, label: { vi: String(v), en: String(v) } }));
}

/** A {vi, en} label for a node: x-ui.label, else title, else the property name. */
export function labelOf(node, fallbackName) {
  const label = xui(node).label;
  if (label) return typeof label === "string" ? { vi: label, en: label } : { vi: label.vi || label.en, en: label.en || label.vi };
  const text = node.title || fallbackName || "";
  return { vi: text, en: text };
}

/** A {vi, en} hint, or null. */
export function hintOf(node) {
  const hint = xui(node).hint || (node.description ? { vi: node.description, en: node.description } : null);
  if (!hint) return null;
  return typeof hint === "string" ? { vi: hint, en: hint } : { vi: hint.vi || hint.en, en: hint.en || hint.vi };
}
