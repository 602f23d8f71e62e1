// The page shell: who is logged in, the pages their role opens, a hash router and the navigation.
import { athletePage, athletesPage, cataloguePage } from './physio.js';
import { planPage, progressPage, startPage, todayPage } from './runner.js';
import { account, loadSession, logIn, offlineCopy, takeReturnPage } from './api.js';
import { queuedOnDevice, registerServiceWorker, sendQueued } from './offline.js';
import { clearStaleStatus, formatDateTime, h, problemBox } from './ui.js';

// Who sees what: a runner their own plan; physiotherapists and clinic admins the athletes of their clinic (the
// services decide what each may read; these are the pages that make sense for them); anyone the catalogue.
const RUNNER = 'runner';
const STAFF = 'staff';
const VISITOR = 'visitor';
const NO_ROLE = 'no-role';

const ROUTES = [
  [/^#\/welcome$/, 'welcome', 'Welcome', [VISITOR, NO_ROLE], welcomePage],
  [/^#\/start$/, 'start', 'Start a plan', [RUNNER], startPage],
  [/^#\/today$/, 'today', 'Today', [RUNNER], todayPage],
  [/^#\/plan$/, 'plan', 'My plan', [RUNNER], planPage],
  [/^#\/progress$/, 'progress', 'Progress', [RUNNER], progressPage],
  [/^#\/physio$/, 'physio', 'Athletes', [STAFF], athletesPage],
  [/^#\/physio\/athletes\/(.+)$/, 'physio', 'Athlete', [STAFF], (main, id) => athletePage(main, decodeURIComponent(id))],
  [/^#\/catalogue$/, 'catalogue', 'Exercises and evidence', [STAFF, VISITOR], cataloguePage],
];

const HOME = { [RUNNER]: '#/today', [STAFF]: '#/physio', [VISITOR]: '#/welcome', [NO_ROLE]: '#/welcome' };

const NAV = {
  [RUNNER]: ['Runner', [['#/today', 'today', 'Today'], ['#/plan', 'plan', 'My plan'], ['#/progress', 'progress', 'Progress'],
    ['#/start', 'start', 'New plan']]],
  [STAFF]: ['Clinic', [['#/physio', 'physio', 'Athletes'], ['#/catalogue', 'catalogue', 'Exercises and evidence']]],
  [VISITOR]: ['Without logging in', [['#/catalogue', 'catalogue', 'Exercises and evidence']]],
};

const ROLE_NAMES = { physio: 'Physiotherapist', 'clinic-admin': 'Clinic administrator', runner: 'Runner' };

const main = document.getElementById('main');
let audience = VISITOR;
let user = null;

function audienceOf(person) {
  if (!person) return VISITOR;
  if (person.roles.includes('physio') || person.roles.includes('clinic-admin')) return STAFF;
  if (person.roles.includes('runner')) return RUNNER;
  return NO_ROLE;
}

function welcomePage(page) {
  if (audience === NO_ROLE) {
    page.replaceChildren(h('h1', {}, 'No PhysioRun role yet'),
      h('p', {}, `You are logged in as ${user.username}, but your account is not set up as a runner or as clinic staff. `
        + 'Please ask your clinic to give you access.'));
    return;
  }
  page.replaceChildren(
    h('h1', {}, 'Welcome to PhysioRun'),
    h('p', { class: 'lead' }, 'A phased, evidence-based way back to running after a hamstring strain.'),
    h('p', {}, 'Log in to see your plan, log your sessions and follow your progress. Physiotherapists see the athletes of their clinic.'),
    h('p', {}, h('a', { class: 'button', href: '/login', onclick: rememberPage }, 'Log in')),
    h('p', {}, 'Or read about ', h('a', { href: '#/catalogue' }, 'the exercises and the evidence behind them'), ' first.'));
  // Logged out with sessions still on this device: only their owner's login sends them.
  queuedOnDevice().then((count) => {
    if (count && page.isConnected) {
      page.querySelector('h1').after(h('p', { class: 'notice', id: 'queued-on-device' },
        `${count === 1 ? 'A session' : `${count} sessions`} logged on this device ${count === 1 ? 'is' : 'are'} waiting to `
          + 'be sent. Log in as the runner who logged them to send them.'));
    }
  });
}

/** The login comes back to the start page; remember this one to return to. */
function rememberPage(event) {
  event.preventDefault();
  logIn();
}

async function show() {
  if (!location.hash || location.hash === '#/') {
    location.replace(HOME[audience]);
    return;
  }
  const route = ROUTES.find(([pattern]) => pattern.test(location.hash));
  if (!route) {
    main.replaceChildren(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Go to the start')));
    return;
  }
  const [pattern, nav, title, audiences, render] = route;
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.nav === nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  document.title = `${title} · PhysioRun`;
  clearStaleStatus();
  // Each page draws into a view of its own: one still loading when the next is opened then draws out of sight.
  const view = h('div', { class: 'view' });
  main.replaceChildren(view);
  if (!audiences.includes(audience)) {
    notForThisAccount(view, title);
  } else {
    view.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
    offlineCopy.storedAt = null;
    try {
      await render(view, ...location.hash.match(pattern).slice(1));
    } catch (error) {
      view.replaceChildren(h('h1', {}, title), problemBox(error, 'This page could not be loaded'));
    }
  }
  if (!view.isConnected) {
    return;
  }
  if (offlineCopy.storedAt) {
    view.querySelector('h1')?.after(h('p', { class: 'notice', id: 'offline-copy', role: 'status' },
      `Offline copy: this page shows your data as last refreshed on ${formatDateTime(offlineCopy.storedAt)}.`));
  }
  // Move focus to the new page's heading, as a page load would, so keyboard and screen reader users follow.
  const heading = view.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

function notForThisAccount(view, title) {
  if (audience === VISITOR) {
    view.replaceChildren(h('h1', {}, title), h('p', {}, 'Please log in to see this page.'),
      h('p', {}, h('a', { class: 'button', href: '/login', onclick: rememberPage }, 'Log in')));
  } else {
    view.replaceChildren(h('h1', {}, title), h('p', {}, 'This page is not part of your account.'),
      h('p', {}, h('a', { href: '#/' }, 'Go to your start page')));
  }
}

/** The header: who is logged in, with their role and clinic, and the way in or out. */
function showAccount() {
  const who = document.getElementById('who');
  if (!user) {
    who.replaceChildren(h('a', { class: 'button secondary', href: '/login', onclick: rememberPage }, 'Log in'));
    return;
  }
  const role = user.roles.map((r) => ROLE_NAMES[r]).find(Boolean);
  who.replaceChildren(
    h('span', { class: 'who-text' }, 'Logged in as ', h('strong', { id: 'who-name' }, user.username),
      role ? ` · ${role}` : '', user.clinicId ? ` · Clinic ${user.clinicId}` : ''),
    // A form, not a link: only a POST from this page logs out (the gateway refuses one from another site).
    h('form', { method: 'post', action: '/logout', class: 'logout' }, h('button', { type: 'submit', class: 'secondary' }, 'Log out')));
}

function showNav() {
  const nav = document.getElementById('nav');
  const entry = NAV[audience];
  if (!entry) {
    nav.hidden = true;
    return;
  }
  const [groupTitle, links] = entry;
  nav.replaceChildren(h('ul', { class: 'nav-group' },
    h('li', {}, h('span', { class: 'nav-title' }, groupTitle)),
    links.map(([href, key, label]) => h('li', {}, h('a', { href, 'data-nav': key }, label)))));
  nav.hidden = false;
}

async function start() {
  registerServiceWorker();
  try {
    user = await loadSession();
  } catch (error) {
    main.replaceChildren(h('h1', {}, 'PhysioRun'), problemBox(error, 'PhysioRun could not be reached'));
    return;
  }
  audience = audienceOf(user);
  // Back from Keycloak: to the page the person was on before logging in. Keycloak's return from a logout leaves
  // a state parameter in the address, which the page has no use for.
  const back = user ? takeReturnPage() : null;
  const backAllowed = back && ROUTES.some(([pattern, , , audiences]) => pattern.test(back) && audiences.includes(audience));
  if (back || location.search) {
    history.replaceState(null, '', `${location.pathname}${backAllowed ? back : location.hash}`);
  }
  showAccount();
  showNav();
  window.addEventListener('hashchange', show);
  await show();
  // Sessions logged without a connection go out now and whenever the network comes back (offline.js).
  if (audience === RUNNER) {
    window.addEventListener('online', () => account.user && sendQueued());
    sendQueued();
  }
}

// The skip link must not change the address: the router would take "#main" for a page.
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
start();
