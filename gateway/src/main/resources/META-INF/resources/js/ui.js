// Building blocks shared by the runner's and the physiotherapist's pages.
import { allCitations } from './api.js';

/** h('p', {class: 'x'}, 'text', child): an element with attributes (on* are listeners) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value);
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** Says something to everyone, screen readers included, in the status bar under the header. */
export function announce(message) {
  const status = document.getElementById('status');
  status.textContent = message;
  status.dataset.at = Date.now();
}

/** On a new page, a message from a while ago no longer applies; one said just before it (a new plan) still does. */
export function clearStaleStatus() {
  const status = document.getElementById('status');
  if (Date.now() - Number(status.dataset.at || 0) > 3000) {
    status.textContent = '';
  }
}

/** A problem+json as a person reads it: what went wrong, why, and which fields. */
export function problemBox(error, heading = 'Something went wrong') {
  const problem = error.problem || { title: heading, detail: error.message };
  const fields = problem.errors || [];
  return h('div', { class: 'problem', role: 'alert' },
    h('h2', {}, problem.title || heading),
    problem.detail ? h('p', {}, problem.detail) : null,
    fields.length ? h('ul', {}, fields.map((f) => h('li', {}, h('strong', {}, fieldLabel(f.field)), `: ${plainWords(f.message)}`))) : null);
}

// Bean Validation's wording for a missing value, said the way a form would.
function plainWords(message) {
  return /^must not be (null|blank|empty)$/.test(message) ? 'please fill this in' : message;
}

const FIELD_LABELS = {
  athleteId: 'Runner id', injuryDate: 'Injury date', side: 'Injured side', grade: 'Grade',
  suspectedSource: 'Where the pain seems to come from', clinicianConfirmed: 'Confirmed by a clinician',
  mechanism: 'How it happened', timeZone: 'Time zone', exercise: 'Exercise', performedAt: 'When',
  sets: 'Sets', reps: 'Repetitions', holdSeconds: 'Hold (seconds)', distanceMetres: 'Distance (metres)',
  efforts: 'Sprint efforts', intensityPercent: 'Sprint intensity', loadKg: 'Extra load', painDuring: 'Pain during',
  painAfter: 'Pain afterwards', tightness: 'Tightness or a pull', fullRange: 'Full range', notes: 'Notes',
};

function fieldLabel(field) {
  return FIELD_LABELS[field] || field;
}

/** Puts each field error next to its input (matched by name) and marks the input invalid. */
export function markFieldErrors(form, errors = []) {
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
  }
  for (const message of form.querySelectorAll('.field-error')) {
    message.textContent = '';
  }
  for (const { field, message } of errors) {
    const input = form.elements[field];
    const slot = form.querySelector(`[data-error-for="${field}"]`);
    // A group of radio buttons comes back as a list: mark each button of the group.
    const inputs = input instanceof RadioNodeList ? [...input] : [input];
    for (const one of inputs) {
      if (one && one.setAttribute) {
        one.setAttribute('aria-invalid', 'true');
      }
    }
    if (slot) {
      slot.textContent = plainWords(message);
    }
  }
}

/** A labelled form field with a hint and a slot for its error, tied together for screen readers. */
export function field(id, label, control, hint) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.id = id;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h('div', { class: 'field', 'data-field': control.name },
    h('label', { for: id }, label),
    hint ? h('span', { class: 'hint', id: hintId }, hint) : null,
    control,
    h('span', { class: 'field-error', id: errorId, 'data-error-for': control.name }));
}

const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** An ISO date as a Date at local midnight (no time zone shift). */
function localDate(isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/** An ISO date (2026-11-26) as a local calendar date, without the time zone moving it a day. */
export function formatDate(isoDate) {
  if (!isoDate) {
    return '';
  }
  return dateFormat.format(localDate(isoDate));
}

export function formatDateTime(instant) {
  return instant ? dateTimeFormat.format(new Date(instant)) : '';
}

const dayMonthFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** A Monday-to-Sunday week of the adherence answer as a short range of days: "2–8 Mar". */
export function weekLabel(week) {
  const start = localDate(week.weekStart);
  const end = localDate(week.weekEnd);
  return dayMonthFormat.formatRange ? dayMonthFormat.formatRange(start, end)
    : `${dayMonthFormat.format(start)} – ${dayMonthFormat.format(end)}`;
}

/** Planned against done as a person says it: "15 of 21 sessions (71%)", or that nothing was planned. */
export function tallyText(tally) {
  if (!tally || !tally.prescribed) {
    return 'no sessions planned';
  }
  const percent = tally.percent ?? Math.round((100 * tally.done) / tally.prescribed);
  return `${tally.done} of ${tally.prescribed} session${tally.prescribed === 1 ? '' : 's'} (${percent}%)`;
}

const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** Exercise slugs as their names in a sentence: "Glider and Single-Leg Romanian Deadlift (SL RDL)". */
export function namesList(slugs = [], exerciseName = readable) {
  return listFormat.format(slugs.map((slug) => exerciseName(slug)));
}

/** Today's date in the browser's time zone, as an ISO date. */
export function todayIso(offsetDays = 0) {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function range(min, max, unit) {
  if (min == null) {
    return null;
  }
  return max != null && max !== min ? `${min}-${max}${unit}` : `${min}${unit}`;
}

/** A structured dose as a runner reads it: "3 × 30-45 s hold", "3 × 8 reps each leg, 4 s lowering". */
function doseText(dosage) {
  if (!dosage) {
    return '';
  }
  const reps = range(dosage.repsMin, dosage.repsMax, '');
  const hold = range(dosage.holdSecondsMin, dosage.holdSecondsMax, ' s hold');
  const distance = range(dosage.distanceMetresMin, dosage.distanceMetresMax, ' m');
  let text;
  if (reps && distance) {
    text = `${reps} efforts of ${distance}`;
  } else {
    text = `${dosage.sets} × ${reps ? `${reps} reps` : hold || distance || ''}`;
  }
  const extras = [
    dosage.perSide ? 'each leg' : null,
    dosage.lowerSeconds ? `${dosage.lowerSeconds} s lowering` : null,
  ].filter(Boolean);
  return [text, ...extras].join(', ');
}

function frequencyText(frequency) {
  if (!frequency) {
    return '';
  }
  const times = range(frequency.timesMin, frequency.timesMax, '');
  const per = frequency.per === 'DAY' ? 'day' : 'week';
  if (times === '1') {
    return `once a ${per}`;
  }
  return times === '2' ? `twice a ${per}` : `${times} times a ${per}`;
}

/**
 * One exercise with its dose, instructions and, on demand, the evidence behind it. For a runner (forRunner), the
 * phase 4 drills say their own rule: any pain or tightness means going back to phase 3, not the 3/10 ceiling.
 */
export function exerciseCard(exercise, headingLevel = 'h3', { forRunner = false } = {}) {
  const dosage = exercise.dosage || {};
  const drill = forRunner && isPhase4Drill(exercise.slug);
  let painText = '';
  if (drill) {
    painText = ' · any pain or tightness: back to phase 3';
  } else if (dosage.painCeiling != null) {
    painText = ` · keep pain at ${dosage.painCeiling}/10 or less`;
  }
  return h('article', { class: 'exercise', 'data-exercise': exercise.slug },
    h(headingLevel, {}, exercise.name),
    h('p', {},
      h('span', { class: 'dose' }, doseText(dosage)),
      dosage.frequency ? ` · ${frequencyText(dosage.frequency)}` : '',
      painText),
    drill ? drillRule() : null,
    exercise.focus ? h('p', { class: 'muted' }, exercise.focus) : null,
    exercise.instructions ? h('p', {}, exercise.instructions) : null,
    dosage.notes ? h('p', { class: 'hint' }, dosage.notes) : null,
    exercise.progressionNote ? h('p', {}, h('strong', {}, 'Moving on: '), exercise.progressionNote) : null,
    (exercise.citations || []).length ? evidence(exercise) : null);
}

/** The citations behind an exercise, fetched only when the reader opens them. */
function evidence(exercise) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading the evidence…'));
  const details = h('details', {}, h('summary', {}, `Evidence for ${exercise.name}`), body);
  details.addEventListener('toggle', async () => {
    if (!details.open || body.dataset.loaded) {
      return;
    }
    try {
      const byId = new Map((await allCitations()).map((c) => [c.id, c]));
      body.replaceChildren(...exercise.citations.map((claim) => h('div', { class: 'citation' },
        h('p', {}, claim.claim),
        byId.has(claim.id) ? citationText(byId.get(claim.id)) : h('p', { class: 'muted' }, claim.id))));
      body.dataset.loaded = 'true';
    } catch (error) {
      body.replaceChildren(problemBox(error, 'The evidence could not be loaded'));
    }
  });
  return details;
}

/** A reference in the usual order, with a DOI link where the DOI was verified. */
export function citationText(citation) {
  const where = [citation.journal, citation.year, citation.volume && `${citation.volume}${citation.issue ? `(${citation.issue})` : ''}`,
    citation.pages].filter(Boolean).join(', ');
  return h('p', { class: 'reference' },
    `${citation.authors.replace(/\.$/, '')}. ${citation.title}. ${where}.`,
    citation.doi ? [' ', h('a', { href: `https://doi.org/${citation.doi}`, rel: 'noopener' }, `doi:${citation.doi}`)] : null);
}

/**
 * The capacity check: what the next step is and each of its criteria, met or not, with where the runner is.
 * "Cleared to return to running" rests on returnToRunCleared alone: no next gate does not mean cleared.
 */
export function capacityCheck(check, phaseName) {
  if (check.returnToRunCleared) {
    return h('p', { class: 'notice cleared' }, 'Cleared to return to running: every gate of the programme is open.');
  }
  if (!check.nextGate) {
    return h('p', { class: 'notice' }, 'There is no next step to show just now. Your physiotherapist can tell you where you stand.');
  }
  const gate = check.nextGate;
  let next;
  if (gate.toPhase) {
    next = `Next: phase ${gate.toPhase}${phaseName(gate.toPhase) ? ` (${phaseName(gate.toPhase)})` : ''}`;
  } else if (gate.toSprintLevel) {
    next = `Next: sprints at ${gate.toSprintLevel}% effort`;
  } else {
    next = 'Next: clearance to return to running';
  }
  const criteria = gate.criteria || [];
  const metCount = criteria.filter((c) => c.met).length;
  return h('div', { class: 'capacity', 'data-to-phase': gate.toPhase || '' },
    h('p', {}, h('strong', {}, next), ` · ${metCount} of ${criteria.length} criteria met`),
    h('ul', { class: 'plain criteria' }, criteria.map((c) => h('li', { class: c.met ? 'met' : 'unmet', 'data-criterion': c.id },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, c.met ? '✓' : '○'),
      h('div', {},
        h('span', { class: `tag ${c.met ? 'ok' : 'no'}` }, c.met ? 'Met' : 'Not yet'), ' ',
        h('strong', {}, c.description),
        h('br'),
        h('span', { class: 'detail' }, c.detail))))));
}

// ---------------------------------------------------------------- phase 4 drills

/** The drills of phase 4, where any pain or tightness (not pain above 3/10) sends the runner back to phase 3. */
const PHASE_4_DRILLS = new Set(['a-skips', 'sprint-build-ups']);

export function isPhase4Drill(slug) {
  return PHASE_4_DRILLS.has(slug);
}

/** The phase 4 drill rule as a notice, wherever the runner sees these drills to do or to log them. */
export function drillRule() {
  return h('p', { class: 'notice drill-rule' },
    h('strong', {}, 'Any pain or tightness means going back to phase 3. '),
    'The 3/10 pain ceiling of the earlier phases does not apply to A-skips and sprints: even slight pain or '
      + 'tightness means stopping, logging what you felt, and returning to the phase 3 exercises.');
}

// ---------------------------------------------------------------- words for the services' codes

/** A slug or id as words, when there is nothing better: "single-leg-rdl" -> "Single leg rdl". */
export function readable(slug) {
  const words = String(slug ?? '').replace(/[-_:]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : '';
}

/**
 * The reason behind a progression decision, in words, from its criterion id. The one place that knows these
 * ids: the runner's Progress page and the physiotherapist's timeline both show events through it.
 */
export function criterionText(id, exerciseName = readable) {
  const [kind, ...rest] = String(id).split(':');
  const arg = rest.join(':');
  switch (kind) {
    case 'min-day': return 'the earliest day for this step had come';
    case 'streak': return `consecutive pain-free sessions of ${exerciseName(arg)} at the prescribed dose`;
    case 'easy-run': return 'a pain-free easy run in the last 7 days';
    case 'sprint-level': return `sprint sessions completed at ${arg}% effort`;
    case 'pain-ceiling': return 'pain above the ceiling of 3/10';
    default: break;
  }
  switch (id) {
    case 'clearance:sprints': return 'two sprint sessions at 90% effort or more, pain-free and without tightness';
    case 'clearance:drill': return 'A-skips pain-free and without tightness';
    case 'clearance:min-days': return '14 days of phase 4 had passed';
    case 'regression:tightness': return 'tightness or a pull in A-skips or a sprint session';
    case 'regression:pain': return 'pain in A-skips or a sprint session';
    case 'adherence-7-days': return 'fewer than half of the sessions planned for the last 7 days were logged';
    default: return readable(id).toLowerCase();
  }
}

/** The advice that comes back when a session is logged: these two ask the runner to stop; the rest inform. */
const WARNING_ADVICE = new Set(['pain-above-ceiling', 'phase-4-pain-or-tightness']);

// Used only when the server sends a code without its message.
const ADVICE_WORDS = {
  'pain-above-ceiling': 'Your pain went above 3/10. Stop this exercise for today and contact your physiotherapist before you do it again.',
  'phase-4-pain-or-tightness': 'Any pain or tightness in A-skips or sprints means going back to phase 3. Stop the drills for today and contact your physiotherapist.',
  'beyond-prescribed-frequency': 'This is more often than your plan prescribes. The session is kept, but it does not add to your progress: rest is part of the plan.',
  'above-prescribed-effort': 'This was faster than the effort your plan prescribes, so it does not count toward your sprint level. Stay at the prescribed effort.',
  'below-prescribed-effort': 'This was below the effort your plan prescribes, so it does not count toward your sprint level.',
  'too-soon-after-last-sprint': 'This sprint session came too soon after the last one: leave at least two days between sprint sessions.',
  'logged-too-late': 'This session was logged too long after it was done, so it is kept but does not count toward your progress.',
  'out-of-phase': 'This exercise belongs to a later phase. The session is kept, and counts toward no gate.',
};

export function isWarning(code) {
  return WARNING_ADVICE.has(code);
}

/**
 * What the service said about a session just logged, warnings first: a stop-and-call-your-physio answer is an
 * alert (role="alert"); the rest are information (role="status"). Returns the boxes, empty when there is nothing.
 */
export function adviceBoxes(advice = []) {
  const item = (a) => h('li', { 'data-advice': a.code }, a.message || ADVICE_WORDS[a.code] || readable(a.code));
  const warnings = advice.filter((a) => isWarning(a.code));
  const notes = advice.filter((a) => !isWarning(a.code));
  return [
    warnings.length ? h('div', { class: 'advice-box warning', role: 'alert', tabindex: '-1' },
      h('h3', {}, 'Please read this before you carry on'),
      h('ul', {}, warnings.map(item))) : null,
    notes.length ? h('div', { class: 'advice-box info', role: 'status', tabindex: '-1' },
      h('h3', {}, 'About this session'),
      h('ul', {}, notes.map(item))) : null,
  ].filter(Boolean);
}

// Used only when a session comes without its explanation.
const NOT_COUNTED_WORDS = {
  'beyond-prescribed-frequency': 'More often than prescribed that day or week: kept, but it adds nothing to the count.',
  'above-prescribed-effort': 'Above the prescribed sprint effort, so it counts toward nothing.',
  'below-prescribed-effort': 'Below the prescribed sprint effort, so it counts toward nothing.',
  'too-soon-after-last-sprint': 'Too soon after the previous sprint session: sprint sessions need at least two days between them.',
  'out-of-phase': 'It belongs to a later phase, so it counts toward no gate.',
  'before-phase-began': 'Done before the current phase began, so it counts toward the earlier phase only.',
  'before-regression': 'Done before the step back to phase 3: only sessions done and logged since then count now.',
  'logged-too-late': 'Logged too long after it was done, so it is kept but counts toward no gate.',
  'not-at-dose': 'Below the prescribed dose, so it does not count toward the next step.',
};

/** Why a session did not count, in words: the service's explanation, or our words for its code. */
export function notCountedText(session) {
  return session.explanation || NOT_COUNTED_WORDS[session.notCountedBecause] || 'It does not count toward the next step.';
}

function isOutOfPhase(session) {
  return session.outOfPhase || session.notCountedBecause === 'out-of-phase';
}

/** Who entered a session, when it was not the runner. */
function enteredByText(session) {
  switch (session.enteredBy) {
    case 'physio': return 'Entered by the physiotherapist';
    case 'producer': return 'Entered by the clinic\'s system';
    default: return null;
  }
}

const EVENT_PREFIX = 'physiorun.progression.';

/** A progression event (or an alert's type) in plain words. */
function eventText(type, data = {}, exerciseName = readable) {
  switch (type.replace(EVENT_PREFIX, '')) {
    case 'phase-advanced': return `Moved on from phase ${data.fromPhase} to phase ${data.toPhase}`;
    case 'phase-regressed': return `Back from phase ${data.fromPhase} to phase ${data.toPhase}${data.reason ? `: ${data.reason}` : ''}`;
    case 'sprint-level-advanced': return `Sprints up from ${data.fromLevel}% to ${data.toLevel}% effort`;
    // A decision of the past, said as one: whether the runner is cleared now is the capacity check's to say.
    case 'return-to-run-cleared': return 'Clearance to return to running given';
    case 'pain-ceiling-exceeded': return `Pain above the ceiling: ${data.pain}/10 in ${exerciseName(data.exercise)}`;
    case 'adherence-low': return adherenceLowText(data, exerciseName);
    default: return readable(type.replace(EVENT_PREFIX, ''));
  }
}

/** A low-adherence notice: the share of planned sessions logged in the last 7 days, and which exercises fell short. */
function adherenceLowText(data, exerciseName) {
  const missed = Array.isArray(data.missed) ? data.missed : [];
  const share = data.percent != null ? `${data.percent}%` : 'under half';
  return `Adherence fell to ${share} over the last 7 days`
    + `${missed.length ? `: fewer ${namesList(missed, exerciseName)} sessions than planned` : ''}`;
}

function isAlert(type) {
  return /pain-ceiling-exceeded|phase-regressed/.test(type);
}

const isType = (event, name) => event.type === EVENT_PREFIX + name;
const eventTime = (event) => event.data?.decidedAt || event.time;

/**
 * The progression events, oldest first, as a timeline, each with the reasons it rests on in words. A clearance
 * that a later step back withdrew says so. reviewFlags (the physiotherapist's page only) join in at their time.
 */
export function timeline(events, exerciseName = readable, { reviewFlags = [] } = {}) {
  if (!events.length && !reviewFlags.length) {
    return h('p', { class: 'muted' }, 'No progression decisions yet.');
  }
  // A step back after a clearance withdraws it (protocol 4a, rule 4); events come oldest first.
  const withdrawn = (index) => events.slice(index + 1).some((e) => isType(e, 'phase-regressed'));
  const items = [
    ...events.map((event, index) => ({ at: Date.parse(eventTime(event)), node: eventItem(event, exerciseName, withdrawn(index)) })),
    ...reviewFlags.map((flag) => ({ at: Date.parse(flag.flaggedAt), node: h('li', { class: 'review' },
      h('time', { datetime: flag.flaggedAt }, formatDateTime(flag.flaggedAt)),
      h('strong', {}, 'Flagged for your review: '), flag.message) })),
  ];
  // Stable: events with the same instant keep their order.
  items.sort((a, b) => (a.at || 0) - (b.at || 0));
  return h('ol', { class: 'timeline' }, items.map((i) => i.node));
}

function eventItem(event, exerciseName, withdrawn) {
  const data = event.data || {};
  const criteria = data.criteria || [];
  let kind = '';
  if (isAlert(event.type)) {
    kind = 'alert';
  } else if (isType(event, 'adherence-low')) {
    kind = 'attention';
  }
  return h('li', { class: kind, 'data-type': event.type.replace(EVENT_PREFIX, '') },
    h('time', { datetime: eventTime(event) }, formatDateTime(eventTime(event))),
    h('strong', {}, eventText(event.type, data, exerciseName)),
    isType(event, 'return-to-run-cleared') && withdrawn ? [' ', h('span', { class: 'tag no' }, 'Later withdrawn')] : null,
    isType(event, 'phase-regressed') && data.clearanceRevoked
      ? h('p', { class: 'withdrawn' }, 'The clearance to return to running was withdrawn.') : null,
    criteria.length ? h('p', { class: 'hint reasons' }, `Because of: ${criteria.map((c) => criterionText(c, exerciseName)).join('; ')}.`) : null);
}

/**
 * The sessions logged, newest first, as a table that stacks into cards on a phone: for each, whether it counts
 * toward the next step and, if not, why; and who entered it when that was not the runner.
 */
export function sessionsTable(sessions, exerciseName = readable) {
  if (!sessions.length) {
    return h('p', { class: 'muted' }, 'No sessions logged yet.');
  }
  const columns = ['When', 'Exercise', 'What was done', 'Pain', 'Does it count?'];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
    h('caption', {}, 'Sessions logged, newest first'),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, sessions.map((s) => h('tr', { 'data-counted': s.counted === undefined ? null : String(s.counted) },
      h('td', { 'data-label': columns[0] }, h('span', {}, formatDateTime(s.performedAt), whoAndWhen(s))),
      h('td', { 'data-label': columns[1] }, exerciseName(s.exercise)),
      h('td', { 'data-label': columns[2] }, doneText(s)),
      h('td', { 'data-label': columns[3] }, `${s.painDuring}/10${s.painAfter != null ? `, after ${s.painAfter}/10` : ''}`),
      // One span, so that the tags stay together when the table stacks into cards.
      h('td', { 'data-label': columns[4] }, h('span', {}, countsCell(s))))))));
}

function whoAndWhen(s) {
  const who = enteredByText(s);
  // Logged well after it was done (over an hour): say when it reached PhysioRun.
  const late = s.loggedAt && s.performedAt && Date.parse(s.loggedAt) - Date.parse(s.performedAt) > 3600 * 1000;
  return [
    who ? [h('br'), h('span', { class: 'hint entered-by' }, who)] : null,
    late ? [h('br'), h('span', { class: 'hint' }, `logged ${formatDateTime(s.loggedAt)}`)] : null,
  ];
}

function countsCell(s) {
  const outOfPhase = isOutOfPhase(s);
  let verdict = null;
  if (outOfPhase) {
    verdict = h('span', { class: 'tag no' }, 'Out of phase: counts toward no gate');
  } else if (s.counted === true) {
    verdict = h('span', { class: 'tag ok' }, 'Counts');
  } else if (s.counted === false) {
    verdict = h('span', { class: 'tag no' }, 'Does not count');
  }
  let explanation = null;
  if (outOfPhase) {
    explanation = s.explanation || 'It belongs to a later phase than the one reached when it was done.';
  } else if (s.counted === false) {
    explanation = notCountedText(s);
  }
  return [
    verdict, verdict ? ' ' : null,
    outOfPhase ? null : [
      h('span', { class: `tag ${s.atDose ? 'ok' : 'no'}` }, s.atDose ? 'At dose' : 'Below dose'), ' ',
      h('span', { class: `tag ${s.painFree ? 'ok' : 'bad'}` }, s.painFree ? 'Pain-free' : 'Painful'),
    ],
    s.tightness ? [' ', h('span', { class: 'tag bad' }, 'Tightness')] : null,
    explanation ? h('span', { class: 'why' }, h('br'), explanation) : null,
  ];
}

function doneText(s) {
  const parts = [];
  if (s.efforts != null) {
    parts.push(`${s.efforts} efforts`);
  } else if (s.sets != null) {
    parts.push(`${s.sets} sets`);
  }
  if (s.reps != null) parts.push(`${s.reps} reps`);
  if (s.holdSeconds != null) parts.push(`${s.holdSeconds} s hold`);
  if (s.distanceMetres != null) parts.push(`${s.distanceMetres} m`);
  if (s.intensityPercent != null) parts.push(`at ${s.intensityPercent}%`);
  if (s.loadKg != null) parts.push(`+${s.loadKg} kg`);
  if (s.fullRange) parts.push('full range');
  return parts.join(', ');
}
