// The physiotherapist's pages: the athletes with their alerts, one athlete's history, the catalogue.
import { allCitations, api, apiOrNull, catalogue } from './api.js';
import {
  capacityCheck, citationText, exerciseCard, formatDateTime, h, readable, sessionsTable, timeline,
} from './ui.js';

/** Exercise names as the athlete's plan prescribed them, then as the catalogue has them, then the slug in words. */
async function exerciseNames(plan) {
  const names = new Map((await catalogue()).map((e) => [e.slug, e.name]));
  for (const exercise of (plan?.phases || []).flatMap((p) => p.exercises)) {
    names.set(exercise.slug, exercise.name);
  }
  names.set('easy-run', 'Easy run');
  return (slug) => names.get(slug) || readable(slug);
}

/** The athlete's active plan, for its phase and exercise names; the page does without it if it cannot be read. */
async function activePlan(athleteId) {
  try {
    const plans = await api(`/api/plans?athleteId=${encodeURIComponent(athleteId)}`);
    return plans.find((p) => p.status === 'ACTIVE') || plans[0] || null;
  } catch {
    return null;
  }
}

export async function athletesPage(main) {
  const athletes = await api('/api/progress');
  main.replaceChildren(
    h('h1', {}, 'Athletes'),
    h('p', { class: 'lead' }, 'Everyone with an active plan. Alerts are sessions above the pain ceiling and drops back a phase, newest first. '
      + '"Needs review" marks an athlete with something flagged for you to look at, such as a session logged late.'),
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => athletesPage(main) }, 'Refresh')),
    athletes.length ? athletesTable(athletes) : h('p', {}, 'No athlete has an active plan yet.'));
}

function athletesTable(athletes) {
  const columns = ['Athlete', 'Phase', 'Last session', 'Alerts'];
  const row = (a) => h('tr', { 'data-athlete': a.athleteId, 'data-needs-review': (a.reviewFlags || []).length ? 'true' : null },
    h('td', { 'data-label': columns[0] }, h('a', { href: `#/physio/athletes/${encodeURIComponent(a.athleteId)}` }, a.athleteId),
      (a.reviewFlags || []).length ? [' ', h('span', { class: 'tag review' }, 'Needs review')] : null),
    h('td', { 'data-label': columns[1] }, `Phase ${a.phase}`,
      a.sprintLevel ? ` · sprints at ${a.sprintLevel}%` : '',
      a.returnToRunCleared ? [' ', h('span', { class: 'tag ok' }, 'Cleared')] : null),
    h('td', { 'data-label': columns[2] }, a.lastSessionAt ? formatDateTime(a.lastSessionAt) : 'None yet'),
    h('td', { 'data-label': columns[3] }, (a.reviewFlags || []).length || a.alerts.length
      ? [reviewList(a.reviewFlags || []), alertList(a.alerts)] : h('span', { class: 'muted' }, 'None')));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: 'athletes' },
    h('caption', {}, `${athletes.length} athlete${athletes.length === 1 ? '' : 's'} with an active plan`),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, athletes.map(row))));
}

/** What to review, newest first: each flag says in words which decision a late session has called into question. */
function reviewList(flags) {
  if (!flags.length) {
    return null;
  }
  const newestFirst = [...flags].sort((a, b) => Date.parse(b.flaggedAt) - Date.parse(a.flaggedAt));
  return h('ul', { class: 'review-flags' }, newestFirst.map((flag) => h('li', {},
    h('strong', {}, 'To review'), ': ', flag.message, ' ',
    h('time', { datetime: flag.flaggedAt, class: 'muted' }, `(${formatDateTime(flag.flaggedAt)})`))));
}

function alertList(alerts) {
  if (!alerts.length) {
    return null;
  }
  return h('ul', { class: 'alerts' }, alerts.map((alert) => h('li', {},
    h('strong', {}, alertTitle(alert.type)), ': ', alert.summary, ' ',
    h('time', { datetime: alert.decidedAt, class: 'muted' }, `(${formatDateTime(alert.decidedAt)})`))));
}

function alertTitle(type) {
  return type.endsWith('pain-ceiling-exceeded') ? 'Pain above the ceiling' : 'Dropped back a phase';
}

export async function athletePage(main, athleteId) {
  const id = encodeURIComponent(athleteId);
  const [check, events, sessions, plan] = await Promise.all([
    apiOrNull(`/api/progress/${id}`), apiOrNull(`/api/progress/${id}/events`),
    apiOrNull(`/api/progress/${id}/sessions`), activePlan(athleteId)]);
  const name = await exerciseNames(plan);
  const phaseName = (number) => plan?.phases.find((p) => p.number === number)?.name || '';
  if (!check) {
    main.replaceChildren(h('h1', {}, athleteId), h('p', { class: 'notice' }, 'This athlete has no active plan.'),
      h('p', {}, h('a', { href: '#/physio' }, 'Back to the athletes')));
    return;
  }
  const flags = check.reviewFlags || [];
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/physio' }, '← All athletes')),
    h('h1', {}, athleteId),
    h('p', { class: 'lead' }, `Day ${check.day} · phase ${check.phase}`
      + `${check.sprintLevel ? ` · sprints at ${check.sprintLevel}%` : ''}${check.returnToRunCleared ? ' · cleared to return to running' : ''}`),
    flags.length ? h('section', { class: 'card review', id: 'review-flags', 'aria-labelledby': 'review-heading' },
      h('h2', { id: 'review-heading' }, 'Needs your review'),
      h('p', {}, 'PhysioRun has flagged these for a physiotherapist to look at. The decisions stand; each note says what to check with the athlete.'),
      reviewList(flags)) : null,
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'timeline-heading' },
        h('h2', { id: 'timeline-heading' }, 'Progression timeline'), timeline(events || [], name, { reviewFlags: flags })),
      h('section', { class: 'card', 'aria-labelledby': 'gate-heading' },
        h('h2', { id: 'gate-heading' }, 'Capacity check'), capacityCheck(check, phaseName))),
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
