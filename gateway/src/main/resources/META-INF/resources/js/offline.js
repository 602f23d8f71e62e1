// Sessions logged without a network wait on this device (IndexedDB) until the gateway has taken them (202).
// Each keeps its eventId, so sending one twice (a lost answer, two tabs) still counts it once. Each belongs to the
// person who logged it, and only that person's login sends it: another person's queue stays untouched.
import { account, api, ApiError, loadSession } from './api.js';

const DB = 'physiorun-offline';
const STORE = 'sessions';

/** What the queue does, for the pages: 'change' (kept, sent, refused or discarded), 'sent' and 'expired'. */
export const queueEvents = new EventTarget();

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'eventId' }).createIndex('owner', 'owner');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** One transaction on the store; resolves with the result of the request work() returns, once committed. */
async function withStore(mode, work) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request?.result);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

function changed() {
  queueEvents.dispatchEvent(new Event('change'));
}

/** Keeps a session of the person logged in, to send later; name is the exercise's, for the page. */
export async function keepSession(session, name) {
  await withStore('readwrite', (store) => store.put({
    eventId: session.eventId, owner: account.user.username, session, name, refusal: null,
  }));
  changed();
}

/** The sessions the person logged in has waiting on this device, oldest performed first. */
export async function queuedSessions() {
  if (!account.user) {
    return [];
  }
  const entries = await withStore('readonly', (store) => store.index('owner').getAll(account.user.username));
  return entries.sort((a, b) => (a.session.performedAt || '').localeCompare(b.session.performedAt || ''));
}

/** How many sessions wait on this device, whoever logged them: a reason to log in. */
export function queuedOnDevice() {
  return withStore('readonly', (store) => store.count());
}

export async function discardSession(eventId) {
  await withStore('readwrite', (store) => store.delete(eventId));
  changed();
}

let sending = null;

/**
 * Sends the waiting sessions of the person logged in, one by one; each leaves the queue only once accepted.
 * Without a connection (or with a service down) the rest waits for the next try; with the login ended it waits for
 * the next login; a refused session stays, with the service's reason, until the runner fixes or discards it.
 */
export function sendQueued() {
  sending ??= sendAll().finally(() => {
    sending = null;
  });
  return sending;
}

async function sendAll() {
  // Who is logged in now, not when the page was opened: another tab may have logged out, or in as someone else.
  // Without a connection the page's own idea stands (the sends fail anyway).
  const owner = account.user?.username;
  const now = await loadSession().catch(() => account.user);
  if (!owner || now?.username !== owner) {
    queueEvents.dispatchEvent(new Event('expired'));
    return;
  }
  for (const entry of await queuedSessions()) {
    if (entry.refusal) {
      continue;
    }
    try {
      const accepted = await api('/api/sessions', { method: 'POST', body: entry.session, relogin: false });
      await withStore('readwrite', (store) => store.delete(entry.eventId));
      queueEvents.dispatchEvent(new CustomEvent('sent', { detail: { entry, accepted } }));
    } catch (error) {
      if (!isRefusal(error)) {
        if (error.status === 401 && !(await loadSession().catch(() => null))) {
          queueEvents.dispatchEvent(new Event('expired'));
        }
        break;
      }
      entry.refusal = error.problem;
      await withStore('readwrite', (store) => store.put(entry));
    }
    changed();
  }
}

/** A refusal the runner has to act on (bad values), as opposed to a failure that a later try may get past. */
export function isRefusal(error) {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401;
}

/** The service worker keeps the pages and the runner's data for use without a network (sw.js). */
export function registerServiceWorker() {
  if ('serviceWorker' in navigator) {
    // Without it the app works as before, online only: nothing to tell the runner.
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  }
}
