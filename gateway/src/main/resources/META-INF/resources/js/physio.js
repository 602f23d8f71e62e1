// The physiotherapist's pages: the athletes with their alerts, one athlete's history, the catalogue.
import { allCitations, api, apiOrNull, catalogue } from './api.js';
import {
  capacityCheck, citationText, exerciseCard, formatDateTime, h, sessionsTable, timeline,
} from './ui.js';

async function exerciseNames() {
  const names = new Map((await catalogue()).map((e) => [e.slug, e.name]));
  names.set('easy-run', 'Easy run');
  return (slug) => names.get(slug) || slug;
}

export async function athletesPage(main) {
  const athletes = await api('/api/progress');
  main.replaceChildren(
    h('h1', {}, 'Athletes'),
    h('p', { class: 'lead' }, 'Everyone with an active plan. Alerts are sessions above the pain ceiling and drops back a phase, newest first.'),
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => athletesPage(main) }, 'Refresh')),
    athletes.length ? athletesTable(athletes) : h('p', {}, 'No athlete has an active plan yet.'));
}

function athletesTable(athletes) {
  const columns = ['Athlete', 'Phase', 'Last session', 'Alerts'];
  const row = (a) => h('tr', { 'data-athlete': a.athleteId },
    h('td', { 'data-label': columns[0] }, h('a', { href: `#/physio/athletes/${encodeURIComponent(a.athleteId)}` }, a.athleteId)),
    h('td', { 'data-label': columns[1] }, `Phase ${a.phase}`,
      a.sprintLevel ? ` · sprints at ${a.sprintLevel}%` : '',
      a.returnToRunCleared ? [' ', h('span', { class: 'tag ok' }, 'Cleared')] : null),
    h('td', { 'data-label': columns[2] }, a.lastSessionAt ? formatDateTime(a.lastSessionAt) : 'None yet'),
    h('td', { 'data-label': columns[3] }, a.alerts.length ? alertList(a.alerts) : h('span', { class: 'muted' }, 'None')));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: 'athletes' },
    h('caption', {}, `${athletes.length} athlete${athletes.length === 1 ? '' : 's'} with an active plan`),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, athletes.map(row))));
}

function alertList(alerts) {
  return h('ul', { class: 'alerts' }, alerts.map((alert) => h('li', {},
    h('strong', {}, alertTitle(alert.type)), ': ', alert.summary, ' ',
    h('time', { datetime: alert.decidedAt, class: 'muted' }, `(${formatDateTime(alert.decidedAt)})`))));
}

function alertTitle(type) {
  return type.endsWith('pain-ceiling-exceeded') ? 'Pain above the ceiling' : 'Dropped back a phase';
}

export async function athletePage(main, athleteId) {
  const id = encodeURIComponent(athleteId);
  const [check, events, sessions, name] = await Promise.all([
    apiOrNull(`/api/progress/${id}`), apiOrNull(`/api/progress/${id}/events`),
    apiOrNull(`/api/progress/${id}/sessions`), exerciseNames()]);
  if (!check) {
    main.replaceChildren(h('h1', {}, athleteId), h('p', { class: 'notice' }, 'This athlete has no active plan.'),
      h('p', {}, h('a', { href: '#/physio' }, 'Back to the athletes')));
    return;
  }
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/physio' }, '← All athletes')),
    h('h1', {}, athleteId),
    h('p', { class: 'lead' }, `Day ${check.day} · phase ${check.phase}`
      + `${check.sprintLevel ? ` · sprints at ${check.sprintLevel}%` : ''}${check.returnToRunCleared ? ' · cleared to run' : ''}`),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'timeline-heading' },
        h('h2', { id: 'timeline-heading' }, 'Progression timeline'), timeline(events || [], name)),
      h('section', { class: 'card', 'aria-labelledby': 'gate-heading' },
        h('h2', { id: 'gate-heading' }, 'Capacity check'), capacityCheck(check, () => ''))),
    h('section', { class: 'card', 'aria-labelledby': 'sessions-heading' },
      h('h2', { id: 'sessions-heading' }, 'Sessions'), sessionsTable(sessions || [], name)));
}

export async function cataloguePage(main) {
  const [exercises, citations] = await Promise.all([catalogue(), allCitations()]);
  const phases = [...new Set(exercises.map((e) => e.phase))].sort();
  main.replaceChildren(
    h('h1', {}, 'Exercises and evidence'),
    h('p', { class: 'lead' }, 'The exercises of the framework by phase, with their doses, and the papers they rest on.'),
    ...phases.map((phase) => h('section', { class: 'card', 'aria-labelledby': `phase-${phase}-heading` },
      h('h2', { id: `phase-${phase}-heading` }, `Phase ${phase}`),
      exercises.filter((e) => e.phase === phase).map((e) => exerciseCard(e, 'h3')))),
    h('section', { class: 'card', id: 'citations', 'aria-labelledby': 'citations-heading' },
      h('h2', { id: 'citations-heading' }, 'Citations'),
      h('ul', { class: 'plain' }, citations.map((c) => h('li', { class: 'citation', 'data-citation': c.id },
        citationText(c),
        c.findings ? h('p', {}, c.findings) : null,
        c.note ? h('p', { class: 'hint' }, c.note) : null)))));
}
