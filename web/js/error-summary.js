// GOV.UK-style error summary: a focusable alert at the top of the page listing every error
// as a link to the field's input. Clicking a link focuses the input and scrolls its label into view.

import { el, setText } from "./i18n.js";

const TITLE = { vi: "Có lỗi cần sửa", en: "There is a problem" };

/**
 * Shows the summary in container. items: [{ href: "#f-applicant-fullName" | null, text: {vi,en}|string }].
 * onLinkClick(id) may prepare the page (e.g. show the form step) before focusing. Returns the container.
 */
export function showErrorSummary(container, items, { onLinkClick, focus = true } = {}) {
  container.replaceChildren();
  if (!items.length) {
    hideErrorSummary(container);
    return container;
  }
  container.hidden = false;
  container.className = "error-summary";
  container.setAttribute("role", "alert");
  container.setAttribute("tabindex", "-1");
  container.setAttribute("aria-labelledby", "error-summary-title");
  const title = setText(el("h2", { class: "error-summary-title", id: "error-summary-title" }), TITLE);
  const list = el("ul", { class: "error-summary-list" });
  for (const item of items) {
    const li = el("li");
    if (item.href) {
      const link = setText(el("a", { href: item.href }), item.text);
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const id = item.href.slice(1);
        onLinkClick?.(id);
        focusField(id);
      });
      li.append(link);
    } else {
      li.append(setText(el("span"), item.text));
    }
    list.append(li);
  }
  container.append(title, list);
  if (focus) {
    container.scrollIntoView({ block: "start" });
    container.focus();
  }
  return container;
}

export function hideErrorSummary(container) {
  container.hidden = true;
  container.replaceChildren();
}

/** Focuses an input by id; its label/legend is scrolled into view so the question is visible too. */
export function focusField(id) {
  const input = document.getElementById(id);
  if (!input) return;
  const legend = input.closest("fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const anchor = (input.type === "radio" || input.type === "checkbox" || input.tagName === "FIELDSET") && legend ? legend : label || input;
  anchor.scrollIntoView({ block: "start" });
  input.focus({ preventScroll: true });
}
