// Sign-in state of an officer (cán bộ): the bearer token lives in sessionStorage "portal.officerToken",
// a different key from the citizen's "portal.token", so a citizen and an officer can be signed in in the
// same browser. The profile chosen at sign-in (name, title, agency, roles) is kept beside it for the header.

import { api, apiBlob, ApiError } from "./api.js";
import { currentRelativeUrl } from "./auth.js";

const TOKEN_KEY = "portal.officerToken";
const PROFILE_KEY = "portal.officer";

/** The officer's bearer token, or null. */
export function getOfficerToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Stores the token and the profile ({subject, fullName, title, agencyCode, agencyName, roles}). */
export function setOfficerSession(token, profile) {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
}

/** The profile stored at sign-in, or null. */
export function getOfficerProfile() {
  try {
    return JSON.parse(sessionStorage.getItem(PROFILE_KEY) || "null");
  } catch {
    return null;
  }
}

/** Records the agency's name in the stored profile when it was not known at sign-in; true when it changed. */
export function rememberAgencyName(agencyCode, agencyName) {
  const profile = getOfficerProfile();
  if (!profile || !agencyName || profile.agencyCode !== agencyCode || profile.agencyName === agencyName) return false;
  sessionStorage.setItem(PROFILE_KEY, JSON.stringify({ ...profile, agencyName }));
  return true;
}

/** Forgets the officer's token and profile (sign-out, or the server said 401). */
export function clearOfficerSession() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(PROFILE_KEY);
  } catch {
    // Nothing stored.
  }
}

/** URL of the officer sign-in page that comes back to returnUrl (default: this page). */
export function officerSignInUrl(returnUrl = currentRelativeUrl()) {
  return `officer-signin.html?returnUrl=${encodeURIComponent(returnUrl)}`;
}

/** Redirects to the officer sign-in when no token is stored; returns false in that case. */
export function requireOfficer() {
  if (getOfficerToken()) return true;
  location.replace(officerSignInUrl());
  return false;
}

/** A 401 means the token expired or is not an officer's: forget it and sign in again. */
function signInAgainOn401(error) {
  if (error instanceof ApiError && error.status === 401) {
    clearOfficerSession();
    location.assign(officerSignInUrl());
  }
  throw error;
}

/** api() with the officer's token (same options: method, body, headers, signal). */
export function officerApi(path, options = {}) {
  return api(path, { ...options, token: getOfficerToken() }).catch(signInAgainOn401);
}

/** apiBlob() with the officer's token. */
export function officerBlob(path, options = {}) {
  return apiBlob(path, { ...options, token: getOfficerToken() }).catch(signInAgainOn401);
}
