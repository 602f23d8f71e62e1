// Talking to the services through the gateway. Every failure becomes an ApiError that carries the
// service's problem+json (title, detail, field errors, and for a refused intake the triage rules).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, {
      title: 'No connection',
      detail: 'PhysioRun could not be reached. Check your connection, then try again.',
    });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
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
