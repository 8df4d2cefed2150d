// Sign-in state for the citizen: the bearer token lives in sessionStorage ("portal.token"),
// so it ends with the browser tab. This module has no network code (api.js imports it).

const TOKEN_KEY = "portal.token";

/** The stored bearer token, or null. */
export function getToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Stores the bearer token after sign-in. */
export function setToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** Forgets the token (sign-out, or the server said 401). */
export function clearToken() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem("portal.me");
  } catch {
    // Nothing stored.
  }
}

/**
 * Forgets everything this tab kept for the citizen (draft copies, pending submission keys, last dossier):
 * on sign-out, and when another citizen signs in.
 */
export function forgetLocalData() {
  try {
    const prefixes = ["portal.draft.", "portal.idempotency.", "portal.lookupPhone.", "portal.lastDossier", "portal.formNotice", "portal.subject"];
    for (const key of Object.keys(sessionStorage)) {
      if (prefixes.some((p) => key.startsWith(p))) sessionStorage.removeItem(key);
    }
  } catch {
    // Nothing stored.
  }
}

/** Records who signed in; a different citizen than before starts with a clean tab. */
export function rememberSubject(subject) {
  try {
    if (sessionStorage.getItem("portal.subject") !== subject) forgetLocalData();
    sessionStorage.setItem("portal.subject", subject);
  } catch {
    // Storage disabled: nothing to forget either.
  }
}

/** True when a token is stored (it may still have expired: the server has the last word). */
export function isSignedIn() {
  return Boolean(getToken());
}

/** The current page as a relative URL, used as returnUrl. */
export function currentRelativeUrl() {
  const path = location.pathname.split("/").pop() || "index.html";
  return path + location.search + location.hash;
}

/** URL of the sign-in page that comes back to returnUrl (default: this page). */
export function signInUrl(returnUrl = currentRelativeUrl()) {
  return `signin.html?returnUrl=${encodeURIComponent(returnUrl)}`;
}

/** Sends the user to sign in, coming back here afterwards. */
export function redirectToSignIn(returnUrl) {
  location.assign(signInUrl(returnUrl));
}

/** Redirects to sign-in when no token is stored; returns false in that case. */
export function requireSignIn() {
  if (isSignedIn()) return true;
  location.replace(signInUrl());
  return false;
}

/**
 * A returnUrl is followed only if it stays on this site (no open redirect):
 * a relative path resolving to the same origin.
 */
export function safeReturnUrl(value, fallback = "index.html") {
  if (!value) return fallback;
  try {
    const url = new URL(value, location.href);
    if (url.origin !== location.origin || /^\s*[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
