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
  for (const child of children.flat()) {
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
  painAfter: 'Pain afterwards', notes: 'Notes',
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
    if (input && input.setAttribute) {
      input.setAttribute('aria-invalid', 'true');
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

/** An ISO date (2026-11-26) as a local calendar date, without the time zone moving it a day. */
export function formatDate(isoDate) {
  if (!isoDate) {
    return '';
  }
  const [year, month, day] = isoDate.split('-').map(Number);
  return dateFormat.format(new Date(year, month - 1, day));
}

export function formatDateTime(instant) {
  return instant ? dateTimeFormat.format(new Date(instant)) : '';
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

/** One exercise with its dose, instructions and, on demand, the evidence behind it. */
export function exerciseCard(exercise, headingLevel = 'h3') {
  const dosage = exercise.dosage || {};
  return h('article', { class: 'exercise', 'data-exercise': exercise.slug },
    h(headingLevel, {}, exercise.name),
    h('p', {},
      h('span', { class: 'dose' }, doseText(dosage)),
      dosage.frequency ? ` · ${frequencyText(dosage.frequency)}` : '',
      dosage.painCeiling != null ? ` · keep pain at ${dosage.painCeiling}/10 or less` : ''),
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

/** The capacity check: what the next step is and each of its criteria, met or not, with where the runner is. */
export function capacityCheck(check, phaseName) {
  if (!check.nextGate) {
    return h('p', { class: 'notice' }, 'Cleared to return to running: every gate of the programme is open.');
  }
  const gate = check.nextGate;
  let next;
  if (gate.toPhase) {
    next = `Next: phase ${gate.toPhase}${phaseName(gate.toPhase) ? ` (${phaseName(gate.toPhase)})` : ''}`;
  } else if (gate.toSprintLevel) {
    next = `Next: sprints at ${gate.toSprintLevel}% effort`;
  } else {
    next = 'Next: cleared to return to running';
  }
  const metCount = gate.criteria.filter((c) => c.met).length;
  return h('div', { class: 'capacity', 'data-to-phase': gate.toPhase || '' },
    h('p', {}, h('strong', {}, next), ` · ${metCount} of ${gate.criteria.length} criteria met`),
    h('ul', { class: 'plain criteria' }, gate.criteria.map((c) => h('li', { class: c.met ? 'met' : 'unmet', 'data-criterion': c.id },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, c.met ? '✓' : '○'),
      h('div', {},
        h('span', { class: `tag ${c.met ? 'ok' : 'no'}` }, c.met ? 'Met' : 'Not yet'), ' ',
        h('strong', {}, c.description),
        h('br'),
        h('span', { class: 'detail' }, c.detail))))));
}

const EVENT_PREFIX = 'physiorun.progression.';

/** A progression event (or an alert's type) in plain words. */
function eventText(type, data = {}, exerciseName = (slug) => slug) {
  switch (type.replace(EVENT_PREFIX, '')) {
    case 'phase-advanced': return `Moved on from phase ${data.fromPhase} to phase ${data.toPhase}`;
    case 'phase-regressed': return `Back from phase ${data.fromPhase} to phase ${data.toPhase}${data.reason ? `: ${data.reason}` : ''}`;
    case 'sprint-level-advanced': return `Sprints up from ${data.fromLevel}% to ${data.toLevel}% effort`;
    case 'return-to-run-cleared': return 'Cleared to return to running';
    case 'pain-ceiling-exceeded': return `Pain above the ceiling: ${data.pain}/10 in ${exerciseName(data.exercise)}`;
    default: return type;
  }
}

function isAlert(type) {
  return /pain-ceiling-exceeded|phase-regressed/.test(type);
}

/** The progression events, oldest first, as a timeline. */
export function timeline(events, exerciseName) {
  if (!events.length) {
    return h('p', { class: 'muted' }, 'No progression decisions yet.');
  }
  return h('ol', { class: 'timeline' }, events.map((event) => h('li', { class: isAlert(event.type) ? 'alert' : '' },
    h('time', { datetime: event.time }, formatDateTime(event.data.decidedAt || event.time)),
    h('strong', {}, eventText(event.type, event.data, exerciseName)),
    (event.data.criteria || []).length
      ? h('span', { class: 'hint' }, ` · based on: ${event.data.criteria.join(', ')}`) : null)));
}

/** The sessions counted, newest first, as a table that stacks into cards on a phone. */
export function sessionsTable(sessions, exerciseName) {
  if (!sessions.length) {
    return h('p', { class: 'muted' }, 'No sessions logged yet.');
  }
  const columns = ['When', 'Exercise', 'What was done', 'Pain', 'Counted as'];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
    h('caption', {}, 'Sessions logged, newest first'),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, sessions.map((s) => h('tr', {},
      h('td', { 'data-label': columns[0] }, formatDateTime(s.performedAt)),
      h('td', { 'data-label': columns[1] }, exerciseName(s.exercise)),
      h('td', { 'data-label': columns[2] }, doneText(s)),
      h('td', { 'data-label': columns[3] }, `${s.painDuring}/10${s.painAfter != null ? `, after ${s.painAfter}/10` : ''}`),
      // One span, so that the tags stay together when the table stacks into cards.
      h('td', { 'data-label': columns[4] }, h('span', {},
        s.outOfPhase ? h('span', { class: 'tag no' }, 'Out of phase') : [
          h('span', { class: `tag ${s.atDose ? 'ok' : 'no'}` }, s.atDose ? 'At dose' : 'Below dose'), ' ',
          h('span', { class: `tag ${s.painFree ? 'ok' : 'bad'}` }, s.painFree ? 'Pain-free' : 'Painful'),
        ],
        s.tightness ? [' ', h('span', { class: 'tag bad' }, 'Tightness')] : null)))))));
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
