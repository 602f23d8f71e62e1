// Talking to the services through the gateway. Every failure becomes an ApiError that carries the
// service's problem+json (title, detail, field errors, and for a refused intake the triage rules).
// The gateway adds the logged-in person's access token to each call; the page proves its changes are its own
// with the session's CSRF token (see the gateway's CsrfGuard).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title);
    this.status = status;
    this.problem = problem;
  }
}

const CSRF_HEADER = 'X-CSRF-Token';
const CSRF_PROBLEM = '/problems/cross-site-request';
const RETURN_KEY = 'physiorun.afterLogin';

/** Who is logged in in this browser (username, roles, clinicId, athleteId), or null; set by loadSession(). */
export const account = { user: null };
let csrfToken = null;

// The service worker (sw.js) marks the copies it answers with when the network is out of reach.
const STORED_AT = 'X-PhysioRun-Stored-At';

/** When the data of the page on show was stored, if any of it came from this device's copy (else null). */
export const offlineCopy = { storedAt: null };

function noteCopy(response) {
  const storedAt = response.headers.get(STORED_AT);
  if (storedAt && (!offlineCopy.storedAt || storedAt < offlineCopy.storedAt)) {
    offlineCopy.storedAt = storedAt;
  }
}

/** Asks the gateway who is logged in; null when nobody is. */
export async function loadSession() {
  let response;
  try {
    response = await fetch('/auth/me', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw noConnection();
  }
  if (response.status === 401) {
    account.user = null;
    csrfToken = null;
    return null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, { title: `Error ${response.status}`, status: response.status,
      detail: 'PhysioRun could not tell who is logged in. Please try again in a moment.' });
  }
  const { csrfToken: token, ...user } = await response.json();
  csrfToken = token;
  account.user = user;
  return user;
}

/** To Keycloak's login page through the gateway, and back to this page of PhysioRun afterwards. */
export function logIn() {
  sessionStorage.setItem(RETURN_KEY, location.hash);
  location.assign('/login');
}

/** The page the person was on when they went to log in, once (null if none). */
export function takeReturnPage() {
  const hash = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return hash || null;
}

function noConnection() {
  return new ApiError(0, {
    title: 'No connection',
    detail: 'PhysioRun could not be reached. Check your connection, then try again.',
  });
}

/**
 * A call to a service. relogin: false leaves an ended session to the caller (an ApiError with status 401) instead
 * of going to the login page: the offline queue waits for the login instead.
 */
export async function api(path, { method = 'GET', body, relogin = true } = {}) {
  const send = async () => {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET' && csrfToken) {
      headers[CSRF_HEADER] = csrfToken;
    }
    try {
      return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw noConnection();
    }
  };
  const read = async (response) => {
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json().catch(() => null) : null;
  };
  let response = await send();
  noteCopy(response);
  let data = await read(response);
  // A login in another tab (or a restart of the gateway with a new key) changes the token: fetch it, then try once more.
  if (response.status === 403 && data?.type === CSRF_PROBLEM && await loadSession()) {
    response = await send();
    data = await read(response);
  }
  // The session has ended (logged out elsewhere, or idle too long): log in again, then come back here.
  if (response.status === 401 && relogin && !(await loadSession().catch(() => null))) {
    logIn();
  }
  if (!response.ok) {
    throw new ApiError(response.status, data && data.title ? data : {
      title: `Error ${response.status}`,
      status: response.status,
      detail: 'The server could not handle this request. Please try again in a moment.',
    });
  }
  return data;
}

/** Like api(), but a 404 gives null instead of an error: "not there (yet)" is an answer for these calls. */
export async function apiOrNull(path) {
  try {
    return await api(path);
  } catch (error) {
    if (error.status === 404) {
      return null;
    }
    throw error;
  }
}

/**
 * A random UUID for a session's eventId. crypto.randomUUID only exists on HTTPS or localhost pages, and the
 * gateway may be served over plain HTTP on a clinic network, so fall back to getRandomValues (RFC 4122 v4).
 */
export function newEventId() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Calls check() every intervalMs until it returns something truthy, or gives up with null after timeoutMs. */
export async function poll(check, { intervalMs = 700, timeoutMs = 20000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) {
      return result;
    }
    if (Date.now() + intervalMs > deadline) {
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// Reference data that does not change while a page is open: fetched once.
let exercises;
let citations;

export function catalogue() {
  exercises ??= api('/api/exercises').catch((error) => {
    exercises = undefined;
    throw error;
  });
  return exercises;
}

export function allCitations() {
  citations ??= api('/api/citations').catch((error) => {
    citations = undefined;
    throw error;
  });
  return citations;
}
