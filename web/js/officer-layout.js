// Header of the officer console ("Cổng xử lý hồ sơ – cán bộ"): who is signed in (name, agency, roles)
// from the profile kept at sign-in, "Đăng xuất", the language toggle and the current-page marker.
// The markup is static HTML in each officer page, like the citizen pages.

import { clearOfficerSession, getOfficerProfile, getOfficerToken, officerSignInUrl } from "./officer-auth.js";
import { applyLang, el, setText } from "./i18n.js";
import { markCurrentPage, wireLanguageToggle } from "./layout.js";
import { rolesLabel } from "./format.js";

/** Wires the officer header; returns the stored profile (or null when signed out). */
export function initOfficerLayout() {
  applyLang();
  markCurrentPage();
  wireLanguageToggle();
  const profile = getOfficerToken() ? getOfficerProfile() : null;
  renderOfficerState(document.querySelector("[data-auth-state]"), profile);
  return profile;
}

/** Fills a header slot with the officer's name, agency, roles and "Đăng xuất" (or a sign-in link). */
export function renderOfficerState(slot, profile) {
  if (!slot) return;
  slot.replaceChildren();
  slot.classList.add("officer-state");
  if (getOfficerToken()) {
    const who = el("div", { class: "officer-who", "data-testid": "officer-identity" });
    who.append(el("strong", { class: "officer-name", "data-testid": "officer-name" }, profile?.fullName || "Cán bộ"));
    const agency = profile?.agencyName || profile?.agencyCode;
    if (agency) who.append(el("span", { class: "officer-agency", "data-testid": "officer-agency" }, agency));
    if (profile?.roles?.length) {
      const roles = el("span", { class: "officer-roles", "data-testid": "officer-roles" });
      roles.append(setText(el("span"), { vi: "Vai trò: ", en: "Roles: " }), setText(el("span"), rolesLabel(profile.roles)));
      who.append(roles);
    }
    const out = el("button", { type: "button", class: "link-button" }, { vi: "Đăng xuất", en: "Sign out" });
    out.addEventListener("click", () => {
      clearOfficerSession();
      location.assign("officer-signin.html");
    });
    slot.append(who, out);
  } else {
    const here = location.pathname.endsWith("officer-signin.html") ? "officer-signin.html" : officerSignInUrl();
    slot.append(el("a", { href: here }, { vi: "Đăng nhập cán bộ", en: "Officer sign-in" }));
  }
}
