// Bilingual text: Vietnamese first, English secondary.
// Any element carrying data-vi / data-en attributes is switched by applyLang();
// pages create such elements through setText() so a language toggle needs no re-render.

const STORAGE_KEY = "portal.lang";

/** Current language: "vi" (default) or "en". */
export function getLang() {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

/** Picks the current language from a {vi, en} pair (a plain string is returned as is). */
export function t(text) {
  if (text == null) return "";
  if (typeof text === "string") return text;
  return (getLang() === "en" && text.en) || text.vi || text.en || "";
}

/** Sets an element's text from a {vi, en} pair and remembers both for later toggles. */
export function setText(el, text) {
  if (typeof text === "string") {
    el.textContent = text;
    delete el.dataset.vi;
    delete el.dataset.en;
    return el;
  }
  el.dataset.vi = text?.vi ?? "";
  el.dataset.en = text?.en || text?.vi || "";
  el.textContent = t(text);
  return el;
}

/** Sets a translatable attribute (e.g. aria-label) from a {vi, en} pair. */
export function setAttrText(el, attr, text) {
  el.setAttribute(attr, t(text));
  el.dataset[`vi${capital(attr)}`] = text.vi;
  el.dataset[`en${capital(attr)}`] = text.en || text.vi;
  el.dataset.i18nAttr = attr;
  return el;
}

function capital(attr) {
  return attr.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
}

/** Creates an element with optional class and {vi,en} text. */
export function el(tag, props = {}, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key in node && typeof value !== "string") node[key] = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  if (text != null) setText(node, text);
  return node;
}

/** Switches every translatable element under root to the current language. */
export function applyLang(root = document) {
  const lang = getLang();
  document.documentElement.lang = lang;
  for (const node of root.querySelectorAll("[data-vi]")) {
    const value = lang === "en" ? node.dataset.en || node.dataset.vi : node.dataset.vi;
    if (value != null) node.textContent = value;
  }
  for (const node of root.querySelectorAll("[data-i18n-attr]")) {
    const attr = node.dataset.i18nAttr;
    const key = `${lang}${capital(attr)}`;
    const value = node.dataset[key] ?? node.dataset[`vi${capital(attr)}`];
    if (value != null) node.setAttribute(attr, value);
  }
  const title = document.querySelector("title");
  if (title?.dataset.vi) document.title = lang === "en" ? title.dataset.en : title.dataset.vi;
}

/** Stores the language, re-labels the page and tells listeners (pages re-render dynamic text). */
export function setLang(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang === "en" ? "en" : "vi");
  } catch {
    // Private mode: the toggle still works for this page.
  }
  applyLang();
  document.dispatchEvent(new CustomEvent("portal:langchange", { detail: { lang: getLang() } }));
}
