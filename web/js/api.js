// Fetch wrapper for the portal API: adds the bearer token, parses JSON and
// turns application/problem+json answers into ApiError {status, title, detail, errors, current}.
// The citizen's token is used by default; officer pages pass their own with the `token` option.

import { getToken } from "./auth.js";

/** An error answer from the API (or the network). */
export class ApiError extends Error {
  constructor({ status = 0, title = "", detail = "", errors = {}, current = null } = {}) {
    super(detail || title || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status; // 0 = network error, no answer
    this.title = title;
    this.detail = detail;
    this.errors = errors || {}; // { "<fieldId>": ["message", ...] }
    this.current = current; // 409 from the lifecycle: {code, version, status, statusText, allowedEvents}
  }
}

/** Reads an error body (problem+json or anything else) into an ApiError. */
export async function toApiError(status, bodyText, contentType = "") {
  let problem = {};
  if (bodyText && /json/i.test(contentType)) {
    try {
      problem = JSON.parse(bodyText);
    } catch {
      problem = {};
    }
  }
  return new ApiError({
    status,
    title: problem.title || defaultTitle(status),
    detail: problem.detail || "",
    errors: normaliseErrors(problem.errors),
    current: problem.current && typeof problem.current === "object" ? problem.current : null,
  });
}

/** Server errors may be {field: "msg"} or {field: ["msg"]}; always give arrays. */
export function normaliseErrors(errors) {
  const result = {};
  if (!errors || typeof errors !== "object") return result;
  for (const [key, value] of Object.entries(errors)) {
    result[key] = Array.isArray(value) ? value.map(String) : [String(value)];
  }
  return result;
}

function defaultTitle(status) {
  if (status === 0) return "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.";
  if (status === 401) return "Bạn cần đăng nhập.";
  if (status === 403) return "Bạn không có quyền thực hiện thao tác này.";
  if (status === 404) return "Không tìm thấy.";
  if (status >= 500) return "Hệ thống đang bận. Vui lòng thử lại sau.";
  return "Yêu cầu không hợp lệ.";
}

/**
 * Calls the API. Options: method, body (object -> JSON; a FormData is sent as multipart), headers, signal,
 * auth (default true: send the token when there is one), token (send this bearer token instead of the
 * citizen's), keepalive. Resolves to the parsed JSON (or null for 204); rejects with ApiError.
 */
export async function api(path, { method = "GET", body, headers = {}, signal, auth = true, token: explicitToken, keepalive = false } = {}) {
  const finalHeaders = { Accept: "application/json, application/problem+json", ...headers };
  const token = explicitToken !== undefined ? explicitToken : auth ? getToken() : null;
  if (token) finalHeaders.Authorization = `Bearer ${token}`;
  let payload;
  if (body instanceof FormData) {
    payload = body; // the browser sets multipart/form-data with its boundary
  } else if (body !== undefined) {
    finalHeaders["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers: finalHeaders, body: payload, signal, keepalive, credentials: "same-origin" });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, title: defaultTitle(0) });
  }
  const contentType = response.headers.get("Content-Type") || "";
  const text = response.status === 204 ? "" : await response.text();
  if (!response.ok) throw await toApiError(response.status, text, contentType);
  if (!text) return null;
  return /json/i.test(contentType) ? JSON.parse(text) : text;
}

/**
 * Downloads a file the API only gives with a token: fetch, then a blob.
 * Options: token (bearer; null sends none), signal. Resolves to {blob, fileName}; rejects with ApiError.
 */
export async function apiBlob(path, { token = null, signal } = {}) {
  const headers = { Accept: "*/*" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { headers, signal, credentials: "same-origin" });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, title: defaultTitle(0) });
  }
  if (!response.ok) throw await toApiError(response.status, await response.text(), response.headers.get("Content-Type") || "");
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get("Content-Disposition")) };
}

/** The file name of a Content-Disposition header (filename* first), or null. */
export function fileNameOf(disposition) {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/** Hands a blob to the browser as a download named fileName (an object URL, revoked afterwards). */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName || "tai-lieu";
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Like api(), but a 404 resolves to null. */
export async function apiOrNull(path, options) {
  try {
    return await api(path, options);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Encodes one path segment. */
export const seg = (value) => encodeURIComponent(String(value));
