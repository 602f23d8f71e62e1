// The service worker: keeps the app's files and the runner's own data on the device, so that Today and My plan
// open without a network. Everything is network-first: online the pages get the newest answer (and the copy is
// renewed); offline they get the last copy, marked with the time it was stored.
// A classic script, not a module: older mobile browsers run only those as service workers.

const SHELL = 'physiorun-shell-v1';
const DATA = 'physiorun-data';
// The page reads this header to say how old the data it shows is (api.js).
const STORED_AT = 'X-PhysioRun-Stored-At';
const ME = '/auth/me';

const SHELL_FILES = ['/', '/css/app.css', '/js/app.js', '/js/api.js', '/js/charts.js', '/js/offline.js', '/js/physio.js',
  '/js/runner.js', '/js/ui.js', '/webjars/chart.js/dist/chart.umd.min.js', '/manifest.json', '/icons/icon.svg',
  '/icons/icon-192.png', '/icons/icon-512.png'];

// The runner's data: who is logged in, the plan with its prescriptions, the schedule, the capacity check, the
// week's count, and the exercises with their evidence. Nothing else of the services is kept.
const DATA_PATHS = [/^\/auth\/me$/, /^\/api\/plans$/, /^\/api\/plans\/[^/]+\/schedule$/, /^\/api\/progress\/[^/]+$/,
  /^\/api\/progress\/[^/]+\/adherence$/, /^\/api\/exercises$/, /^\/api\/citations$/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('physiorun-shell') && n !== SHELL).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method === 'POST' && url.pathname === '/logout') {
    // The next person on this device must not see this one's data. Their queue of sessions stays (offline.js).
    event.waitUntil(caches.delete(DATA));
    return;
  }
  if (request.method !== 'GET') {
    return;
  }
  if (request.mode === 'navigate' && url.pathname === '/') {
    event.respondWith(networkFirst(request, SHELL, '/'));
  } else if (SHELL_FILES.includes(url.pathname)) {
    event.respondWith(networkFirst(request, SHELL, url.pathname));
  } else if (DATA_PATHS.some((path) => path.test(url.pathname))) {
    event.respondWith(networkFirst(request, DATA, request.url));
  }
});

async function networkFirst(request, cacheName, key) {
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    const copy = await (await caches.open(cacheName)).match(key, { ignoreVary: true });
    if (copy) {
      return copy;
    }
    throw offline;
  }
  if (response.ok && response.type === 'basic') {
    await keep(cacheName, key, response.clone());
  } else if (response.status === 401 && new URL(request.url).pathname === ME) {
    // Logged out, or the login has expired: the data kept is no longer anyone's to see.
    await caches.delete(DATA);
  }
  return response;
}

async function keep(cacheName, key, response) {
  const body = await response.blob();
  if (cacheName === DATA && new URL(key, self.location.origin).pathname === ME && await anotherPerson(body)) {
    await caches.delete(DATA);
  }
  const headers = new Headers(response.headers);
  headers.set(STORED_AT, new Date().toISOString());
  await (await caches.open(cacheName)).put(key, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

/** Whether the person now logged in is not the one whose data is kept. */
async function anotherPerson(body) {
  const kept = await (await caches.open(DATA)).match(new URL(ME, self.location.origin).href, { ignoreVary: true });
  if (!kept) {
    return false;
  }
  try {
    return (await kept.json()).username !== JSON.parse(await body.text()).username;
  } catch {
    return true;
  }
}
