// The physiotherapist's pages: the athletes with their alerts, one athlete's history, the catalogue.
import { allCitations, api, apiOrNull, catalogue } from './api.js';
import {
  announce, capacityCheck, citationText, exerciseCard, formatDateTime, h, namesList, readable, sessionsTable, timeline,
} from './ui.js';
import { adherenceCard } from './charts.js';

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
  // Names for the exercises an athlete fell short on; the slugs in words will do if the catalogue cannot be read.
  const [athletes, name] = await Promise.all([api('/api/progress'), exerciseNames(null).catch(() => readable)]);
  main.replaceChildren(
    h('h1', {}, 'Athletes'),
    h('p', { class: 'lead' }, 'Everyone with an active plan. Adherence is the share of the sessions planned over the last 7 days '
      + 'that the athlete logged. Alerts are sessions above the pain ceiling and drops back a phase, newest first. '
      + '"Needs review" marks an athlete with something flagged for you to look at, such as a session logged late.'),
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => athletesPage(main) }, 'Refresh')),
    athletes.length ? athletesTable(athletes, name) : h('p', {}, 'No athlete has an active plan yet.'));
}

/** The last 7 days' adherence of one athlete, null when nothing was planned (or the service did not say). */
const adherencePercent = (a) => a.adherence7d?.percent ?? null;
const isAdherenceLow = (a) => a.adherenceLow ?? (adherencePercent(a) != null && adherencePercent(a) < 50);

/** Athletes by adherence, lowest or highest first; those with nothing planned last either way, ties as they came. */
function byAdherence(athletes, direction) {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...athletes].sort((a, b) => {
    const [x, y] = [adherencePercent(a), adherencePercent(b)];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y);
  });
}

const SORT_NEXT = { none: 'ascending', ascending: 'descending', descending: 'none' };
const SORT_WORDS = {
  none: 'Athletes shown in the usual order.',
  ascending: 'Athletes sorted by adherence over the last 7 days, lowest first.',
  descending: 'Athletes sorted by adherence over the last 7 days, highest first.',
};
const SORT_ICONS = { none: '↕', ascending: '↑', descending: '↓' };

function adherenceCell(a, exerciseName) {
  const tally = a.adherence7d;
  const percent = adherencePercent(a);
  if (percent === null) {
    return [h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, 'Nothing planned in the last 7 days')];
  }
  const missed = tally.missed || [];
  return h('span', {},
    h('strong', { class: 'percent' }, `${percent}%`),
    isAdherenceLow(a) ? [' ', h('span', { class: 'tag low' }, 'Below 50%')] : null,
    h('br'), h('span', { class: 'hint' }, `${tally.done} of ${tally.prescribed} sessions`),
    missed.length ? [h('br'), h('span', { class: 'hint' }, `Fewer than planned: ${namesList(missed, exerciseName)}`)] : null);
}

function athletesTable(athletes, exerciseName = readable) {
  const columns = ['Athlete', 'Phase', 'Last session', 'Adherence (7 days)', 'Alerts'];
  const row = (a) => h('tr', {
    'data-athlete': a.athleteId, 'data-needs-review': (a.reviewFlags || []).length ? 'true' : null,
    'data-adherence': adherencePercent(a) ?? '', class: isAdherenceLow(a) ? 'adherence-low' : null,
  },
    h('td', { 'data-label': columns[0] }, h('a', { href: `#/physio/athletes/${encodeURIComponent(a.athleteId)}` }, a.athleteId),
      (a.reviewFlags || []).length ? [' ', h('span', { class: 'tag review' }, 'Needs review')] : null),
    h('td', { 'data-label': columns[1] }, `Phase ${a.phase}`,
      a.sprintLevel ? ` · sprints at ${a.sprintLevel}%` : '',
      a.returnToRunCleared ? [' ', h('span', { class: 'tag ok' }, 'Cleared')] : null),
    h('td', { 'data-label': columns[2] }, a.lastSessionAt ? formatDateTime(a.lastSessionAt) : 'None yet'),
    h('td', { 'data-label': columns[3], class: 'adherence' }, adherenceCell(a, exerciseName)),
    h('td', { 'data-label': columns[4] }, (a.reviewFlags || []).length || (a.alerts || []).length
      ? [reviewList(a.reviewFlags || []), alertList(a.alerts || [])] : h('span', { class: 'muted' }, 'None')));

  // The adherence column sorts: lowest first, highest first, then back to the order the list came in.
  let order = 'none';
  const tbody = h('tbody', {}, athletes.map(row));
  const icon = h('span', { class: 'sort-icon', 'aria-hidden': 'true' }, SORT_ICONS[order]);
  const sortHeader = h('th', { scope: 'col', class: 'sortable' });
  const sortButton = h('button', { type: 'button', class: 'sort', id: 'sort-adherence', onclick: () => {
    order = SORT_NEXT[order];
    if (order === 'none') {
      sortHeader.removeAttribute('aria-sort');
    } else {
      sortHeader.setAttribute('aria-sort', order);
    }
    icon.textContent = SORT_ICONS[order];
    tbody.replaceChildren(...(order === 'none' ? athletes : byAdherence(athletes, order)).map(row));
    announce(SORT_WORDS[order]);
  } }, columns[3], ' ', icon);
  sortHeader.append(sortButton);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: 'athletes' },
    h('caption', {}, `${athletes.length} athlete${athletes.length === 1 ? '' : 's'} with an active plan`,
      h('span', { class: 'visually-hidden' }, '. The adherence column header is a button that sorts the list.')),
    h('thead', { class: 'has-sort' }, h('tr', {}, columns.map((c, i) => (i === 3 ? sortHeader : h('th', { scope: 'col' }, c))))),
    tbody));
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
  if (type.endsWith('pain-ceiling-exceeded')) {
    return 'Pain above the ceiling';
  }
  return type.endsWith('adherence-low') ? 'Fewer sessions than planned' : 'Dropped back a phase';
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
  const adherence = adherenceCard(athleteId, name, {
    intro: 'Each week, the sessions the plan set out beside those the athlete logged; sessions beyond the prescription are not counted.',
  });
  // replaceChildren would write out a null as the word: leave out the parts this athlete does not have.
  main.replaceChildren(...[
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
    adherence.node,
    h('section', { class: 'card', 'aria-labelledby': 'sessions-heading' },
      h('h2', { id: 'sessions-heading' }, 'Sessions'), sessionsTable(sessions || [], name)),
  ].filter(Boolean));
  adherence.load();
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
