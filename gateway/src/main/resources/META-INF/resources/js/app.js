// The page shell: a hash router, the navigation state, and who is using this browser.
import { athletePage, athletesPage, cataloguePage } from './physio.js';
import { planPage, progressPage, runner, startPage, todayPage } from './runner.js';
import { clearStaleStatus, h, problemBox } from './ui.js';

const ROUTES = [
  [/^#\/start$/, 'start', 'Start a plan', startPage],
  [/^#\/today$/, 'today', 'Today', todayPage],
  [/^#\/plan$/, 'plan', 'My plan', planPage],
  [/^#\/progress$/, 'progress', 'Progress', progressPage],
  [/^#\/physio$/, 'physio', 'Athletes', athletesPage],
  [/^#\/physio\/athletes\/(.+)$/, 'physio', 'Athlete', (main, id) => athletePage(main, decodeURIComponent(id))],
  [/^#\/catalogue$/, 'catalogue', 'Exercises and evidence', cataloguePage],
];

const main = document.getElementById('main');

async function show() {
  if (!location.hash || location.hash === '#/') {
    location.replace(runner.id ? '#/today' : '#/start');
    return;
  }
  const route = ROUTES.find(([pattern]) => pattern.test(location.hash));
  if (!route) {
    main.replaceChildren(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Go to the start')));
    return;
  }
  const [pattern, nav, title, render] = route;
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.nav === nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  document.title = `${title} · PhysioRun`;
  clearStaleStatus();
  main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  try {
    await render(main, ...location.hash.match(pattern).slice(1));
  } catch (error) {
    main.replaceChildren(h('h1', {}, title), problemBox(error, 'This page could not be loaded'));
  }
  // Move focus to the new page's heading, as a page load would, so keyboard and screen reader users follow.
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

function showWho() {
  const who = document.getElementById('who');
  const id = runner.id;
  who.replaceChildren(...(id ? [`Runner: ${id} `, h('button', {
    type: 'button', class: 'secondary', id: 'forget',
    onclick: () => { runner.forget(); location.hash = '#/start'; },
  }, 'Not you?')] : []));
}

window.addEventListener('hashchange', show);
window.addEventListener('runnerchange', showWho);
showWho();
show();
