// The runner's pages: intake with triage, today (due sessions, logging, capacity check), the plan, progress.
import { account, api, apiOrNull, logIn, newEventId, poll } from './api.js';
import {
  adviceBoxes, announce, capacityCheck, drillRule, exerciseCard, field, formatDate, formatDateTime, h, isPhase4Drill,
  markFieldErrors, notCountedText, problemBox, readable, sessionsTable, tallyText, timeline, todayIso,
} from './ui.js';
import { adherenceCard, painChart } from './charts.js';
import { discardSession, isRefusal, keepSession, queuedSessions, queueEvents, sendQueued } from './offline.js';

const EASY_RUN = 'easy-run';

async function activePlan(athleteId) {
  const plans = await api(`/api/plans?athleteId=${encodeURIComponent(athleteId)}`);
  return plans.find((p) => p.status === 'ACTIVE') || null;
}

function phaseNames(plan) {
  return (number) => plan.phases.find((p) => p.number === number)?.name || '';
}

function exerciseNames(plan) {
  const names = new Map(plan.phases.flatMap((p) => p.exercises.map((e) => [e.slug, e.name])));
  names.set(EASY_RUN, 'Easy run');
  return (slug) => names.get(slug) || readable(slug);
}

/** The logged-in runner's athlete id (from their account), or a page that says it is missing (and null). */
function athleteIdOrNotice(main) {
  const { athleteId } = account.user;
  if (!athleteId) {
    main.replaceChildren(h('h1', {}, 'Your account has no runner id yet'),
      h('p', {}, 'Your plan is kept under the runner id your clinic gives your account. Please ask your clinic to add it.'));
  }
  return athleteId || null;
}

/** The runner's active plan, or a page that says how to get one (and null). */
async function planOrGuide(main) {
  const athleteId = athleteIdOrNotice(main);
  if (!athleteId) {
    return null;
  }
  const plan = await activePlan(athleteId);
  if (!plan) {
    main.replaceChildren(h('h1', {}, 'No active plan'),
      h('p', {}, 'You have no active plan yet. Start with a few questions about the injury.'),
      h('p', {}, h('a', { class: 'button', href: '#/start' }, 'Make a plan')));
    return null;
  }
  return plan;
}

/**
 * The capacity check. progress-service learns of a new plan from Kafka a moment after the intake, so a 404
 * right after it means "not yet": ask again for a little while before saying so.
 */
async function loadCheck(athleteId, timeoutMs = 20000) {
  return poll(() => apiOrNull(`/api/progress/${encodeURIComponent(athleteId)}`), { timeoutMs });
}

// ---------------------------------------------------------------- intake

const SOURCES = [
  ['MUSCLE', 'The hamstring muscle (a strain)'],
  ['PROXIMAL_TENDON', 'The tendon near the sitting bone'],
  ['SCIATIC_NERVE', 'The sciatic nerve'],
  ['LUMBAR_REFERRED', 'The lower back'],
  ['UNSURE', 'Not sure'],
];

function radios(name, legend, options) {
  return h('fieldset', { class: 'field', 'data-field': name, 'aria-describedby': `${name}-error` },
    h('legend', {}, legend),
    h('div', { class: 'choices' }, options.map(([value, label]) => h('label', { class: 'check' },
      h('input', { type: 'radio', name, value }), label))),
    h('span', { class: 'field-error', id: `${name}-error`, 'data-error-for': name }));
}

export async function startPage(main) {
  const athleteId = athleteIdOrNotice(main);
  if (!athleteId) {
    return;
  }
  const result = h('div', { id: 'intake-result', tabindex: '-1' });
  const form = h('form', { id: 'intake', novalidate: true },
    h('div', { class: 'fields' },
      field('injury-date', 'Date of the injury', h('input', { name: 'injuryDate', type: 'date', max: todayIso() }),
        'This is day 1 of the programme.'),
      radios('side', 'Injured side', [['LEFT', 'Left'], ['RIGHT', 'Right']]),
      field('grade', 'Grade of the strain', h('select', { name: 'grade' },
        h('option', { value: '' }, 'Choose…'),
        h('option', { value: '1' }, 'Grade 1 (mild)'),
        h('option', { value: '2' }, 'Grade 2 (moderate)'),
        h('option', { value: '3' }, 'Grade 3 (severe or complete)')), 'As your clinician graded it.'),
      field('source', 'Where the pain seems to come from', h('select', { name: 'suspectedSource' },
        h('option', { value: '' }, 'Choose…'), SOURCES.map(([value, label]) => h('option', { value }, label)))),
      radios('mechanism', 'How it happened', [['SPRINTING', 'Running fast or sprinting'],
        ['STRETCHING', 'A stretch into a long position (a kick, a split, a slide)']])),
    h('p', {}, h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'clinicianConfirmed', id: 'confirmed' }),
      'A physiotherapist or doctor has confirmed that this is a hamstring muscle strain')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Make my plan')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = new FormData(form);
    const intake = {
      athleteId,
      injuryDate: values.get('injuryDate') || null,
      side: values.get('side'),
      grade: values.get('grade') ? Number(values.get('grade')) : null,
      suspectedSource: values.get('suspectedSource') || null,
      clinicianConfirmed: form.elements.clinicianConfirmed.checked,
      mechanism: values.get('mechanism'),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const plan = await api('/api/plans', { method: 'POST', body: intake });
      markFieldErrors(form);
      announce(`Your plan is ready: ${plan.phases.length} phases, starting with phase ${plan.currentPhase}.`);
      location.hash = '#/today';
    } catch (error) {
      markFieldErrors(form, error.problem?.errors);
      result.replaceChildren(error.problem?.rules ? referral(error.problem) : problemBox(error, 'The plan could not be made'));
      result.focus();
    } finally {
      button.disabled = false;
    }
  });

  main.replaceChildren(
    h('h1', {}, 'Start your return to running'),
    h('p', { class: 'lead' }, 'Answer a few questions about the injury. If the programme suits it, your phased plan is ready at once; if not, you will see why and what to do first.'),
    h('p', {}, 'A new plan replaces the one you have now, if any.'),
    h('section', { class: 'card', 'aria-labelledby': 'intake-heading' }, h('h2', { id: 'intake-heading' }, 'About the injury'), form),
    result);
}

/** A triage refusal: not an error but advice, one entry per rule that refused. */
function referral(problem) {
  return h('section', { class: 'referral', role: 'alert', 'aria-labelledby': 'referral-heading' },
    h('h2', { id: 'referral-heading' }, 'Please see a clinician before you start'),
    h('p', {}, problem.detail),
    h('ul', {}, problem.rules.map((rule) => h('li', { 'data-rule': rule.id },
      h('strong', {}, rule.reason), h('br'), h('span', { class: 'advice' }, rule.advice)))));
}

// ---------------------------------------------------------------- today

export async function todayPage(main) {
  const plan = await planOrGuide(main);
  if (!plan) {
    return;
  }
  const phaseName = phaseNames(plan);
  const phaseLine = h('p', { class: 'lead', id: 'phase-line' }, `Phase ${plan.currentPhase}: ${phaseName(plan.currentPhase)}`);
  const due = h('div', { id: 'due' }, h('p', { class: 'muted' }, 'Loading today’s sessions…'));
  const capacity = h('div', { id: 'capacity' }, h('p', { class: 'muted' }, 'Loading your capacity check…'));
  const week = h('div', { id: 'week-adherence' }, h('p', { class: 'muted' }, 'Loading your week…'));
  const log = logForm(plan);
  const queue = queueCard(log);
  main.replaceChildren(
    h('h1', {}, 'Today'), phaseLine,
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'due-heading' }, h('h2', { id: 'due-heading' }, 'Sessions due today'), due),
      h('section', { class: 'card', 'aria-labelledby': 'capacity-heading' },
        h('h2', { id: 'capacity-heading' }, 'Capacity check'), capacity),
      h('section', { class: 'card', 'aria-labelledby': 'week-heading' },
        h('h2', { id: 'week-heading' }, 'Your week so far'), week)),
    queue.card,
    h('section', { class: 'card', 'aria-labelledby': 'log-heading' }, h('h2', { id: 'log-heading' }, 'Log a session'), log.form));

  let phase = plan.currentPhase;
  const showCheck = (check) => {
    if (!check) {
      capacity.replaceChildren(h('p', { class: 'notice' }, 'Your progress tracking is still being set up. Reload the page in a minute.'));
      return;
    }
    phaseLine.textContent = `Day ${check.day} · Phase ${check.phase}: ${phaseName(check.phase)}`;
    capacity.replaceChildren(capacityCheck(check, phaseName));
  };
  const showWeek = async () => {
    try {
      const adherence = await apiOrNull(`/api/progress/${encodeURIComponent(plan.athleteId)}/adherence?weeks=1`);
      week.replaceChildren(weekSummary(adherence, phase, phaseName, exerciseNames(plan)));
    } catch {
      // Only a summary: the rest of the page does without it.
      week.replaceChildren(h('p', { class: 'muted' }, 'Your week’s count is not available just now. Your sessions are still saved as usual.'));
    }
  };
  const showDue = async () => {
    try {
      due.replaceChildren(dueList(await api(`/api/plans/${plan.planId}/schedule`), log));
    } catch (error) {
      due.replaceChildren(problemBox(error, 'Today’s sessions could not be loaded'));
    }
  };

  log.onCounted = async (session) => {
    const check = await loadCheck(plan.athleteId, 5000);
    showCheck(check);
    if (check && check.phase !== phase) {
      const moved = check.phase > phase;
      phase = check.phase;
      announce(moved
        ? `Well done: you have moved on to phase ${phase}, ${phaseName(phase)}.`
        : `You are back in phase ${phase}, ${phaseName(phase)}: take it easier for now.`);
      log.showPhase(phase);
      // plan-service hears of the new phase from Kafka too; give it a moment before asking for the schedule.
      setTimeout(showDue, 1500);
    } else {
      announce(countedText(session));
    }
    showWeek();
  };

  // Sessions sent from this device's queue get the answer a session logged online gets, one after the other.
  let outcomes = Promise.resolve();
  whileShown(main, 'sent', ({ detail: { entry, accepted } }) => {
    outcomes = outcomes.then(() => log.outcome(entry.session, accepted, entry.name)).catch(() => {
      announce(`${entry.name} was sent. Its count shows once the connection is back.`);
    });
  });
  whileShown(main, 'change', queue.show);
  whileShown(main, 'expired', queue.expired);
  queue.show();

  showDue();
  try {
    const check = await loadCheck(plan.athleteId);
    if (check) {
      phase = check.phase;
      log.showPhase(phase);
    }
    showCheck(check);
  } catch (error) {
    capacity.replaceChildren(problemBox(error, 'The capacity check could not be loaded'));
  }
  // Once progress-service knows the plan (the capacity check above waited for it), it can count the week too.
  showWeek();
}

/** Listens to the offline queue while this page is on show. */
function whileShown(page, type, listener) {
  const handle = (event) => (page.isConnected ? listener(event) : queueEvents.removeEventListener(type, handle));
  queueEvents.addEventListener(type, handle);
}

/** The sessions of this runner waiting on this device: to be sent, or refused and waiting to be fixed or discarded. */
function queueCard(log) {
  const note = h('div');
  const list = h('ul', { class: 'plain queued' });
  const card = h('section', { class: 'card', id: 'queue', 'aria-labelledby': 'queue-heading', hidden: true },
    h('h2', { id: 'queue-heading' }, 'Waiting to send'),
    h('p', { class: 'hint' }, 'Sessions logged on this device while there was no connection. They are sent when the '
      + 'network is back and counted once, however often they are sent.'),
    note, list);
  const show = async () => {
    const entries = await queuedSessions();
    card.hidden = !entries.length;
    list.replaceChildren(...entries.map((entry) => queuedItem(entry, log)));
  };
  const expired = () => note.replaceChildren(h('p', { class: 'notice' }, 'Your login has ended. Log in again to send these '
    + 'sessions: they stay on this device until then.'), h('p', {}, h('button', { type: 'button', onclick: logIn }, 'Log in')));
  return { card, show, expired };
}

function queuedItem(entry, log) {
  const line = [h('strong', {}, entry.name), ` · done ${formatDateTime(entry.session.performedAt)} `];
  if (!entry.refusal) {
    return h('li', { 'data-event-id': entry.eventId }, line, h('span', { class: 'tag no' }, 'Waiting to send'));
  }
  return h('li', { 'data-event-id': entry.eventId, class: 'refused' }, line, h('span', { class: 'tag bad' }, 'Not accepted'),
    problemBox({ problem: entry.refusal }, 'The session was not accepted'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Fix ${entry.name}`, onclick: () => log.fix(entry) }, 'Fix'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Discard ${entry.name}`,
        onclick: () => discardSession(entry.eventId) }, 'Discard')));
}

/**
 * This week so far: the sessions logged against those planned, then a short line for each exercise of the phase
 * the runner is in now. Kind words whatever the number: a missed session is not made up by doing two.
 */
function weekSummary(adherence, phase, phaseName, exerciseName) {
  const week = adherence?.weeks?.at(-1);
  if (!week) {
    return h('p', { class: 'muted' }, 'Your week’s count appears here once your progress is being tracked.');
  }
  const nameOf = (e) => e.name || exerciseName(e.exercise);
  const exercises = week.exercises || [];
  const current = exercises.filter((e) => e.phase === phase);
  // Days of this week spent in another phase (before moving on, or before a step back), one line per phase.
  const earlier = new Map();
  for (const e of exercises.filter((x) => x.phase !== phase)) {
    const sum = earlier.get(e.phase) || { prescribed: 0, done: 0 };
    sum.prescribed += e.prescribed;
    sum.done += e.done;
    earlier.set(e.phase, sum);
  }
  return h('div', { class: 'week-summary', 'data-percent': week.percent ?? '' },
    h('p', { class: 'week-headline' }, h('strong', {}, week.prescribed ? `This week: ${tallyText(week)}` : 'This week: no sessions due yet')),
    current.length ? h('ul', { class: 'plain week-exercises' }, current.map((e) => h('li', { 'data-exercise': e.exercise },
      h('span', {}, h('strong', {}, nameOf(e)), `: ${exerciseWeekText(e)}`),
      e.prescribed && e.done >= e.prescribed ? [' ', h('span', { class: 'tag ok' }, 'Up to date')] : null))) : null,
    current.length || earlier.size > 1
      ? [...earlier].filter(([, sum]) => sum.prescribed).map(([number, sum]) => h('p', { class: 'hint week-earlier' },
        `Earlier this week, in phase ${number}${phaseName(number) ? ` (${phaseName(number)})` : ''}: ${tallyText(sum)}.`))
      : null,
    !current.length && earlier.size ? h('p', { class: 'hint' },
      `So far this week counts the exercises of the phase you were in before. Your phase ${phase} exercises join the `
        + `count from your first full day in phase ${phase}.`) : null,
    weekEncouragement(week.percent),
    h('p', { class: 'hint' }, 'Today’s sessions are part of this count and add to it as you log them. Sessions beyond your plan do not add to it: rest is part of recovery.'));
}

function exerciseWeekText(e) {
  if (!e.prescribed) {
    return 'none due yet this week';
  }
  return e.done >= e.prescribed ? `${e.done} of ${e.prescribed}, all done so far` : `${e.done} of ${e.prescribed} so far`;
}

function weekEncouragement(percent) {
  if (percent == null) {
    return null;
  }
  let words;
  if (percent >= 80) {
    words = 'You are keeping to your plan well. Regular sessions like these are what carry you forward.';
  } else if (percent >= 50) {
    words = 'A few sessions slipped this week, and that is all right. Carry on with today’s sessions as planned.';
  } else {
    words = 'This week has been lighter than planned, which happens during a recovery. Pick up again with today’s sessions, '
      + 'without doubling up to make up for the missed ones. If pain or anything else gets in the way, tell your physiotherapist.';
  }
  return h('p', { class: 'week-note' }, words);
}

/** What became of a logged session, for the status line: counted, or kept without counting and why. */
function countedText(session) {
  if (session.outOfPhase || session.notCountedBecause === 'out-of-phase') {
    return 'Session saved. It belongs to a later phase, so it counts toward no gate.';
  }
  if (session.counted === false) {
    return `Session saved, but it does not count toward your next step. ${notCountedText(session)}`;
  }
  const dose = session.atDose ? 'at the prescribed dose' : 'below the prescribed dose';
  const pain = session.painFree ? 'pain-free' : 'with some pain';
  return `Session counted: ${dose}, ${pain}.`;
}

function dueList(schedule, log) {
  const today = schedule.days[0];
  const list = (day) => h('ul', { class: 'plain sessions-due' }, day.sessions.map((s) => h('li', { 'data-exercise': s.exercise },
    h('div', {},
      h('strong', {}, s.name), ' ', s.optional ? h('span', { class: 'tag no' }, 'Optional') : null,
      h('br'), h('span', { class: 'dose' }, s.dose),
      s.sessionsThatDay > 1 ? h('span', { class: 'muted' }, ` · session ${s.session} of ${s.sessionsThatDay}`) : null,
      s.note ? h('span', { class: 'hint' }, h('br'), s.note) : null,
      isPhase4Drill(s.exercise) ? h('span', { class: 'drill-note' }, h('br'), 'Any pain or tightness at all: stop, and you go back to phase 3.') : null),
    day === today ? h('button', { type: 'button', class: 'secondary', 'aria-label': `Log ${s.name}`,
      onclick: () => log.choose(s.exercise) }, 'Log this') : null)));
  const later = schedule.days.slice(1).filter((d) => d.sessions.length);
  return h('div', {},
    today && today.sessions.length ? list(today) : h('p', {}, 'Nothing is due today: a rest day.'),
    later.length ? h('details', {}, h('summary', {}, 'The rest of the week'),
      later.map((d) => h('div', {}, h('h3', {}, `${formatDate(d.date)} (day ${d.day})`), list(d)))) : null);
}

// ---------------------------------------------------------------- logging a session

const PAIN_CHOICES = [
  ['0', '0: no pain'], ['1', '1'], ['2', '2'], ['3', '3: the ceiling'], ['4', '4'], ['5', '5'], ['6', '6'],
  ['7', '7'], ['8', '8'], ['9', '9'], ['10', '10: the worst'],
];

/** What a session of this exercise records: a hold, repetitions, a distance, sprint efforts, or a run. */
function kindOf(exercise) {
  if (!exercise) return 'run';
  const d = exercise.dosage;
  if (d.holdSecondsMin != null) return 'hold';
  if (d.repsMin != null && d.distanceMetresMin != null) return 'sprint';
  if (d.distanceMetresMin != null) return 'distance';
  return 'reps';
}

const FIELDS_BY_KIND = {
  hold: ['sets', 'holdSeconds'],
  reps: ['sets', 'reps', 'loadKg'],
  distance: ['sets', 'distanceMetres'],
  sprint: ['efforts', 'distanceMetres', 'intensityPercent'],
  run: ['distanceMetres'],
};

/** A time as a datetime-local field shows it, in the browser's zone. */
function localInput(time) {
  const local = new Date(time);
  local.setMinutes(local.getMinutes() - local.getTimezoneOffset());
  return local.toISOString().slice(0, 16);
}

function localNow() {
  return localInput(Date.now());
}

const PAIN_HINT = 'Your highest pain during the session, 0 if there was none. Keep it at 3 or less.';
const DRILL_PAIN_HINT = 'Your highest pain during the session, 0 if there was none. In this drill any pain at all means going back to phase 3.';
const TIGHTNESS_HINT = 'Optional for this exercise.';
const DRILL_TIGHTNESS_HINT = 'Please answer yes or no: in A-skips and sprints, any tightness means going back to phase 3.';

/** The answers a session must have before it is sent: pain during it always; tightness and effort where they decide. */
function missingAnswers(session, kind) {
  const missing = [];
  if (session.painDuring == null) {
    missing.push({ field: 'painDuring', message: 'Choose the highest pain you felt during the session: 0 if there was none.' });
  }
  if (kind === 'sprint' && session.intensityPercent == null) {
    missing.push({ field: 'intensityPercent', message: 'Choose the effort you ran at.' });
  }
  if (isPhase4Drill(session.exercise) && session.tightness == null) {
    missing.push({ field: 'tightness', message: 'Say yes or no: for this drill, tightness decides what comes next.' });
  }
  return missing;
}

function logForm(plan) {
  const byslug = new Map(plan.phases.flatMap((p) => p.exercises.map((e) => [e.slug, { ...e, phase: p.number }])));
  const select = h('select', { name: 'exercise' });
  const number = (name, attrs = {}) => h('input', { name, type: 'number', inputmode: 'numeric', min: '0', ...attrs });
  const doseFields = {
    sets: field('log-sets', 'Sets', number('sets', { min: '1' })),
    reps: field('log-reps', 'Repetitions per set', number('reps')),
    holdSeconds: field('log-hold', 'Hold per set (seconds)', number('holdSeconds')),
    distanceMetres: field('log-distance', 'Distance (metres)', number('distanceMetres'), 'For sprints: the length of each effort.'),
    efforts: field('log-efforts', 'Sprint efforts', number('efforts')),
    intensityPercent: field('log-intensity', 'Sprint intensity', h('select', { name: 'intensityPercent' },
      h('option', { value: '' }, 'Choose…'), ['60', '80', '90', '100'].map((v) => h('option', { value: v }, `${v}% effort`))),
    'Required for sprints: the effort you ran at.'),
    loadKg: field('log-load', 'Extra load (kg, optional)', h('input', { name: 'loadKg', type: 'number', min: '0', step: '0.5', inputmode: 'decimal' })),
  };
  // Tightness is asked as a question with no answer chosen: for the phase 4 drills "no answer" must not pass for "no".
  const tightness = h('fieldset', { class: 'field', 'data-field': 'tightness', 'aria-describedby': 'log-tightness-hint log-tightness-error' },
    h('legend', {}, 'Did you feel any tightness or a pull?'),
    h('span', { class: 'hint', id: 'log-tightness-hint' }, TIGHTNESS_HINT),
    h('div', { class: 'choices' },
      h('label', { class: 'check' }, h('input', { type: 'radio', name: 'tightness', value: 'yes', id: 'log-tightness-yes' }),
        'Yes, some tightness or a pull'),
      h('label', { class: 'check' }, h('input', { type: 'radio', name: 'tightness', value: 'no', id: 'log-tightness-no' }),
        'No tightness at all')),
    h('span', { class: 'field-error', id: 'log-tightness-error', 'data-error-for': 'tightness' }));
  const tightnessHint = tightness.querySelector('#log-tightness-hint');
  const drillNotice = drillRule();
  drillNotice.id = 'log-drill-rule';
  // The service's answer to the session just logged, shown at once and given the focus.
  const advice = h('div', { id: 'log-advice', class: 'log-advice' });
  const form = h('form', { id: 'log-session', novalidate: true },
    h('div', { class: 'fields' },
      field('log-exercise', 'Exercise', select),
      field('log-when', 'When', h('input', { name: 'performedAt', type: 'datetime-local', value: localNow(), max: localNow() }),
        'Now, unless you are logging an earlier session.'),
      Object.values(doseFields),
      field('log-pain', 'Pain during (0-10)', h('select', { name: 'painDuring', required: true },
        h('option', { value: '' }, 'Choose…'), PAIN_CHOICES.map(([v, l]) => h('option', { value: v }, l))),
      PAIN_HINT),
      field('log-pain-after', 'Pain afterwards (optional)', h('select', { name: 'painAfter' },
        h('option', { value: '' }, 'Not noted'), PAIN_CHOICES.map(([v, l]) => h('option', { value: v }, l))))),
    h('p', {}, h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'fullRange', id: 'log-full-range' }),
      'I moved through the full range')),
    tightness,
    drillNotice,
    field('log-notes', 'Notes (optional)', h('textarea', { name: 'notes', maxlength: '2000', rows: '2' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save session')),
    h('div', { class: 'log-result' }),
    advice);
  const result = form.querySelector('.log-result');
  const painHint = form.querySelector('#log-pain-hint');

  const log = { form, onCounted: () => {} };

  // The exercises of the phases reached so far: a later phase's work would count toward nothing.
  log.showPhase = (phase) => {
    const chosen = select.value;
    select.replaceChildren(
      ...plan.phases.filter((p) => p.number <= phase).map((p) => h('optgroup', { label: `Phase ${p.number}: ${p.name}` },
        p.exercises.map((e) => h('option', { value: e.slug }, e.name)))),
      h('option', { value: EASY_RUN }, 'Easy run'));
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : select.options[0].value;
    prefill();
  };

  // Show the fields this kind of session records, filled with the prescribed dose to confirm or correct.
  function prefill() {
    const exercise = byslug.get(select.value);
    const kind = kindOf(exercise);
    const d = exercise?.dosage || {};
    const values = {
      sets: d.sets, reps: d.repsMin, holdSeconds: d.holdSecondsMin, distanceMetres: d.distanceMetresMin,
      efforts: d.repsMin, intensityPercent: '', loadKg: '',
    };
    for (const [name, wrapper] of Object.entries(doseFields)) {
      const shown = FIELDS_BY_KIND[kind].includes(name);
      wrapper.hidden = !shown;
      form.elements[name].value = shown && values[name] != null ? values[name] : '';
    }
    // A-skips and sprints have their own rule: any pain or tightness at all, not pain above 3/10.
    const drill = isPhase4Drill(select.value);
    drillNotice.hidden = !drill;
    painHint.textContent = drill ? DRILL_PAIN_HINT : PAIN_HINT;
    tightnessHint.textContent = drill ? DRILL_TIGHTNESS_HINT : TIGHTNESS_HINT;
    for (const radio of tightness.querySelectorAll('input')) {
      radio.required = drill;
    }
    for (const painSelect of [form.elements.painDuring, form.elements.painAfter]) {
      painSelect.querySelector('option[value="3"]').textContent = drill ? '3' : '3: the ceiling';
    }
  }
  select.addEventListener('change', prefill);

  /** A refused session from the queue back in the form, to correct and save as a new one. */
  log.fix = async (entry) => {
    const s = entry.session;
    select.value = s.exercise;
    prefill();
    for (const name of Object.keys(doseFields)) {
      form.elements[name].value = s[name] ?? '';
    }
    form.elements.performedAt.value = s.performedAt ? localInput(s.performedAt) : localNow();
    form.elements.painDuring.value = s.painDuring ?? '';
    form.elements.painAfter.value = s.painAfter ?? '';
    form.elements.fullRange.checked = Boolean(s.fullRange);
    form.elements.tightness.value = { true: 'yes', false: 'no' }[s.tightness] ?? '';
    form.elements.notes.value = s.notes || '';
    markFieldErrors(form, entry.refusal.errors);
    await discardSession(entry.eventId);
    select.focus();
  };

  /** What the service says about an accepted session, at once; then its count, and the capacity check. */
  log.outcome = async (session, accepted, name) => {
    const boxes = adviceBoxes(accepted?.advice || []);
    if (boxes.length) {
      advice.replaceChildren(...boxes);
      boxes[0].focus();
    }
    announce(`${name} saved. Counting it…`);
    const counted = await poll(async () => {
      const sessions = await apiOrNull(`/api/progress/${encodeURIComponent(plan.athleteId)}/sessions`);
      return sessions && sessions.find((s) => s.eventId === session.eventId);
    }, { timeoutMs: 15000 });
    if (counted) {
      await log.onCounted(counted);
    } else {
      announce('Session saved. It has not been counted yet; check Progress again in a minute.');
    }
  };

  log.choose = (slug) => {
    select.value = slug;
    prefill();
    select.focus();
    form.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  // One id per session the runner means to log: a retry after a lost answer is the same session, not a second.
  let eventId = newEventId();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const exercise = byslug.get(select.value);
    const kind = kindOf(exercise);
    const value = (name) => {
      const raw = form.elements[name].value;
      return raw === '' ? null : Number(raw);
    };
    const session = {
      eventId,
      athleteId: plan.athleteId,
      exercise: select.value,
      performedAt: form.elements.performedAt.value ? new Date(form.elements.performedAt.value).toISOString() : null,
      painDuring: value('painDuring'),
      painAfter: value('painAfter'),
      fullRange: form.elements.fullRange.checked,
      tightness: { yes: true, no: false }[form.elements.tightness.value] ?? null,
      notes: form.elements.notes.value.trim() || null,
      // A sprint session is one set of efforts.
      sets: kind === 'sprint' ? 1 : null,
    };
    for (const name of FIELDS_BY_KIND[kind]) {
      session[name] = value(name);
    }
    advice.replaceChildren();
    const missing = missingAnswers(session, kind);
    if (missing.length) {
      markFieldErrors(form, missing);
      result.replaceChildren(problemBox({ problem: { title: 'A few answers are missing',
        detail: 'The session was not saved yet. Please answer these, then save again.', errors: missing } }));
      form.querySelector(`[name="${missing[0].field}"]`).focus();
      return;
    }
    const name = exercise ? exercise.name : 'Easy run';
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      let kept = false;
      let accepted;
      try {
        accepted = await api('/api/sessions', { method: 'POST', body: session, relogin: false });
      } catch (error) {
        if (isRefusal(error)) {
          throw error;
        }
        // No connection, a service out of reach or a login that has ended: the session waits on this device.
        await keepSession(session, name);
        kept = true;
        announce(error.status === 0
          ? `No connection: ${name} is kept on this device, waiting to send. It is sent when the network is back.`
          : `${name} could not be sent just now. It is kept on this device, waiting to send.`);
        sendQueued();
      }
      eventId = newEventId();
      markFieldErrors(form);
      result.replaceChildren();
      form.elements.painDuring.value = '';
      form.elements.painAfter.value = '';
      for (const radio of form.querySelectorAll('input[name="tightness"]')) {
        radio.checked = false;
      }
      form.elements.notes.value = '';
      form.elements.performedAt.value = localNow();
      form.elements.performedAt.max = localNow();
      if (!kept) {
        await log.outcome(session, accepted, name);
      }
    } catch (error) {
      if (isRefusal(error)) {
        eventId = newEventId(); // refused: a corrected session is a new one
      }
      markFieldErrors(form, error.problem?.errors);
      result.replaceChildren(problemBox(error, 'The session was not saved'));
    } finally {
      button.disabled = false;
    }
  });

  log.showPhase(plan.currentPhase);
  return log;
}

// ---------------------------------------------------------------- the plan

export async function planPage(main) {
  const plan = await planOrGuide(main);
  if (!plan) {
    return;
  }
  const check = await apiOrNull(`/api/progress/${encodeURIComponent(plan.athleteId)}`).catch(() => null);
  const current = check ? check.phase : plan.currentPhase;
  const expected = plan.expectedReturn;
  main.replaceChildren(
    h('h1', {}, 'My plan'),
    h('section', { class: 'card', 'aria-labelledby': 'facts-heading' },
      h('h2', { id: 'facts-heading' }, 'The injury'),
      h('p', {}, `${plan.side === 'LEFT' ? 'Left' : 'Right'} hamstring, grade ${plan.grade}, injured on ${formatDate(plan.injuryDate)} `
        + `(${plan.mechanism === 'SPRINTING' ? 'while running fast' : 'in a stretch'}).`),
      expected ? h('p', {}, h('strong', {}, 'Expected return: '),
        `around ${formatDate(expected.expectedDate)}, about ${expected.meanDays} days after the injury on average. `,
        h('span', { class: 'hint' }, `${expected.note ? `${expected.note} ` : ''}Source: ${expected.citation}.`)) : null),
    calendarCard(plan),
    h('h2', {}, 'The phases'),
    h('ol', { class: 'phases' }, plan.phases.map((phase) => phaseCard(phase, phase.number === current))));
}

/**
 * The plan's private calendar link, for calendar apps, which cannot log in: the link itself is the key, so the
 * runner can replace it, and the old one stops working.
 */
function calendarCard(plan) {
  const url = h('input', { name: 'calendarUrl', readonly: true, value: plan.calendarUrl });
  const download = h('a', { class: 'button secondary', id: 'calendar-link', download: `physiorun-${plan.athleteId}.ics` },
    'Download the next four weeks (.ics)');
  const result = h('div');
  const show = (calendarUrl) => {
    url.value = calendarUrl;
    download.href = `${calendarUrl}?from=${todayIso()}&to=${todayIso(27)}`;
  };
  const renew = h('button', { type: 'button', class: 'secondary', id: 'renew-calendar' }, 'Get a new link');
  renew.addEventListener('click', async () => {
    renew.disabled = true;
    try {
      show((await api(`/api/plans/${plan.planId}/calendar-url`, { method: 'POST' })).calendarUrl);
      result.replaceChildren();
      announce('Your calendar has a new private link. The old one no longer works: add the new one to your calendar app.');
    } catch (error) {
      result.replaceChildren(problemBox(error, 'No new link could be made'));
    } finally {
      renew.disabled = false;
    }
  });
  show(plan.calendarUrl);
  return h('section', { class: 'card', 'aria-labelledby': 'calendar-heading' },
    h('h2', { id: 'calendar-heading' }, 'Your sessions in your calendar'),
    h('p', {}, 'Add this private link to your calendar app (in most apps: add a calendar from a URL, or subscribe), '
      + 'and your sessions appear there. Or download the next four weeks once.'),
    field('calendar-url', 'Your private calendar link', url,
      'Anyone with this link can see your sessions. If someone else may have it, get a new link: the old one stops working.'),
    h('div', { class: 'actions' }, download, renew),
    result);
}

function phaseCard(phase, current) {
  return h('li', { class: `card phase${current ? ' current' : ''}`, 'aria-current': current ? 'step' : null, 'data-phase': phase.number },
    h('h3', {}, `Phase ${phase.number}: ${phase.name} `, current ? h('span', { class: 'tag current' }, 'You are here') : null),
    h('p', { class: 'dates' }, `${formatDate(phase.nominalStart)} to ${formatDate(phase.nominalEnd)} (${phase.window}); `
      + `opens no earlier than ${formatDate(phase.earliestDate)}`),
    h('p', {}, phase.goal),
    phase.exercises.map((e) => exerciseCard(e, 'h4', { forRunner: true })));
}

// ---------------------------------------------------------------- progress

export async function progressPage(main) {
  const plan = await planOrGuide(main);
  if (!plan) {
    return;
  }
  const id = encodeURIComponent(plan.athleteId);
  const [sessions, events] = await Promise.all([apiOrNull(`/api/progress/${id}/sessions`), apiOrNull(`/api/progress/${id}/events`)]);
  const name = exerciseNames(plan);
  if (!sessions) {
    main.replaceChildren(h('h1', {}, 'Progress'), h('p', { class: 'notice' }, 'Your progress tracking is still being set up. Try again in a minute.'));
    return;
  }
  const canvas = h('canvas', { id: 'pain-chart', role: 'img' });
  const adherence = adherenceCard(plan.athleteId, name, {
    intro: 'For each week, the sessions your plan set out beside the ones you logged. Sessions beyond the plan are not '
      + 'counted: resting as planned is part of getting better.',
  });
  main.replaceChildren(
    h('h1', {}, 'Progress'),
    h('section', { class: 'card', 'aria-labelledby': 'chart-heading' },
      h('h2', { id: 'chart-heading' }, 'Pain over time'),
      h('p', { class: 'hint' }, 'Each point is a session. Dashed upright lines mark a change of phase; the dotted line is the pain ceiling of 3.'),
      h('div', { class: 'chart-box' }, canvas)),
    adherence.node,
    h('section', { class: 'card', 'aria-labelledby': 'events-heading' },
      h('h2', { id: 'events-heading' }, 'Progression'), timeline(events || [], name)),
    h('section', { class: 'card', 'aria-labelledby': 'sessions-heading' },
      h('h2', { id: 'sessions-heading' }, 'Sessions'), sessionsTable(sessions, name)));
  painChart(canvas, sessions, events || []);
  adherence.load();
}
