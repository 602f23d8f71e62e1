// The charts: every session's pain over time (the pain ceiling and the phase changes marked), and the sessions
// planned against those done, week by week, each with the same numbers in words or in a table.
import { apiOrNull } from './api.js';
import { formatDateTime, h, problemBox, readable, tallyText, weekLabel } from './ui.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Draws the upright phase-change lines and the ceiling, which Chart.js has no built-in element for. */
function markers(changes, ceiling) {
  return {
    id: 'physiorunMarkers',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales: { x, y } } = chart;
      ctx.save();
      ctx.font = '12px system-ui, sans-serif';
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#a3141c';
      ctx.fillStyle = '#a3141c';
      ctx.setLineDash([2, 3]);
      const top = y.getPixelForValue(ceiling);
      ctx.beginPath();
      ctx.moveTo(area.left, top);
      ctx.lineTo(area.right, top);
      ctx.stroke();
      ctx.fillText(`ceiling ${ceiling}/10`, area.right - 80, top - 4);
      ctx.strokeStyle = '#1d6b2f';
      ctx.fillStyle = '#1d6b2f';
      ctx.setLineDash([6, 4]);
      changes.forEach((change, i) => {
        const left = x.getPixelForValue(change.at);
        ctx.beginPath();
        ctx.moveTo(left, area.top);
        ctx.lineTo(left, area.bottom);
        ctx.stroke();
        ctx.fillText(`Phase ${change.toPhase}`, left + 4, area.top + 12 + (i % 2) * 14);
      });
      ctx.restore();
    },
  };
}

export function painChart(canvas, sessionsNewestFirst, events, ceiling = 3) {
  const sessions = [...sessionsNewestFirst].reverse();
  const changes = events
    .filter((e) => /phase-(advanced|regressed)$/.test(e.type))
    .map((e) => ({ at: Date.parse(e.data.decidedAt || e.time), toPhase: e.data.toPhase }));
  const during = sessions.map((s) => ({ x: Date.parse(s.performedAt), y: s.painDuring }));
  const after = sessions.filter((s) => s.painAfter != null).map((s) => ({ x: Date.parse(s.performedAt), y: s.painAfter }));
  const times = [...during.map((p) => p.x), ...changes.map((c) => c.at)];
  const highest = Math.max(0, ...sessions.map((s) => Math.max(s.painDuring, s.painAfter ?? 0)));
  canvas.setAttribute('aria-label', sessions.length
    ? `Pain over time: ${sessions.length} sessions, highest pain ${highest} out of 10`
      + `${changes.length ? `; phase changes to ${changes.map((c) => `phase ${c.toPhase}`).join(', ')}` : ''}.`
      + ' The sessions table below lists the same data.'
    : 'No sessions logged yet, so there is no pain to chart.');
  if (!window.Chart) {
    return null;
  }
  // Sessions logged minutes apart would squeeze into a sliver: show at least a few hours either side.
  const min = times.length ? Math.min(...times) - HOUR : Date.now() - 24 * HOUR;
  const max = times.length ? Math.max(...times) + HOUR : Date.now();
  // A point at pain 0 sits on the axis: draw it whole rather than clipped by the chart area.
  const point = { pointRadius: 5, clip: false };
  return new window.Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'Pain during', data: during, borderColor: '#0a4f96', backgroundColor: '#0a4f96', pointStyle: 'circle', ...point },
        { label: 'Pain afterwards', data: after, borderColor: '#8a3b00', backgroundColor: '#8a3b00', borderDash: [6, 4], pointStyle: 'rect', ...point },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: {
          type: 'linear', min, max,
          // Within a couple of days the dates alone would repeat: show the time as well.
          ticks: { maxTicksLimit: 6, callback: (value) => (max - min < 2 * DAY ? dateAndTime : shortDate).format(new Date(value)) },
        },
        y: { min: 0, max: 10, ticks: { stepSize: 1 }, title: { display: true, text: 'Pain (0-10)' } },
      },
      plugins: {
        legend: { labels: { usePointStyle: true } },
        tooltip: { callbacks: { title: (items) => formatDateTime(items[0].parsed.x) } },
      },
    },
    plugins: [markers(changes, ceiling)],
  });
}

// ---------------------------------------------------------------- adherence: planned against done, week by week

const PLANNED_COLOUR = '#dfe4ea';
const PLANNED_BORDER = '#4a5360';
const DONE_COLOUR = '#0a4f96';
const WEEK_CHOICES = [4, 8, 12];

/** A long exercise name over a few short lines under its bar: at most four, the rest in the tooltip and the table. */
function tickLines(name, width, most = 4) {
  const lines = [];
  for (const word of name.split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= width) {
      lines[last] += ` ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines.length > most ? [...lines.slice(0, most - 1), `${lines[most - 1]}…`] : lines;
}

function sentenceStart(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** One week's bars: for each exercise, the sessions planned beside those done. */
function weekChart(canvas, week, nameOf) {
  if (!window.Chart) {
    return null;
  }
  const exercises = week.exercises;
  // The more exercises share the week, the narrower each one's label must be to stay clear of its neighbours.
  let width = 9;
  if (exercises.length <= 2) {
    width = 16;
  } else if (exercises.length === 3) {
    width = 12;
  }
  return new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: exercises.map((e) => tickLines(nameOf(e), width)),
      datasets: [
        { label: 'Planned', data: exercises.map((e) => e.prescribed), backgroundColor: PLANNED_COLOUR,
          borderColor: PLANNED_BORDER, borderWidth: 1 },
        { label: 'Done', data: exercises.map((e) => e.done), backgroundColor: DONE_COLOUR,
          borderColor: DONE_COLOUR, borderWidth: 1 },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 0, font: { size: 11 } } },
        y: { beginAtZero: true, suggestedMax: 2, ticks: { precision: 0 }, title: { display: true, text: 'Sessions' } },
      },
      plugins: {
        // One key for every week's chart sits above them, in the page.
        legend: { display: false },
        tooltip: { callbacks: { title: (items) => nameOf(exercises[items[0].dataIndex]) } },
      },
    },
  });
}

/** What a week's chart shows, for its accessible name. */
function weekChartLabel(title, week, nameOf) {
  const parts = week.exercises.map((e) => `${nameOf(e)} ${e.done} of ${e.prescribed}`);
  return `${title}: ${tallyText(week)} done. ${parts.join('; ')}. The table "Sessions planned and done" below has the same numbers.`;
}

/** The numbers of every week, as a table that stacks into cards on a phone; one row per exercise and a total. */
function adherenceTable(weeks, nameOf) {
  const columns = ['Week', 'Exercise', 'Planned', 'Done', 'Share done'];
  const share = (tally) => (tally.percent == null ? 'nothing planned' : `${tally.percent}%`);
  const row = (week, label, slug, tally, total = false) => h('tr', {
    class: total ? 'total' : null, 'data-week': week.weekStart, 'data-exercise': slug,
  },
  h('td', { 'data-label': columns[0] }, label),
  h('th', { scope: 'row', 'data-label': columns[1] }, total ? 'All exercises' : nameOf(tally)),
  h('td', { 'data-label': columns[2], 'data-value': 'prescribed' }, String(tally.prescribed)),
  h('td', { 'data-label': columns[3], 'data-value': 'done' }, String(tally.done)),
  h('td', { 'data-label': columns[4], 'data-value': 'percent' }, share(tally)));
  const last = weeks.length - 1;
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: 'adherence-table' },
    h('caption', {}, 'Sessions planned and done, week by week, oldest first'),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, weeks.map((week, index) => {
      const label = index === last ? `${weekLabel(week)} (this week so far)` : weekLabel(week);
      const exercises = week.exercises || [];
      return exercises.length
        ? [...exercises.map((e) => row(week, label, e.exercise, e)), row(week, label, '', week, true)]
        : row(week, label, '', week, true);
    }))));
}

/**
 * The adherence answer as one small bar chart per week (planned beside done for each exercise), the total of the
 * weeks shown, and the same numbers in a table. draw() draws the charts once the node is in the page.
 */
export function adherenceView(adherence, exerciseName = readable) {
  const weeks = adherence.weeks || [];
  const nameOf = (tally) => tally.name || exerciseName(tally.exercise);
  const last = weeks.length - 1;
  // The weeks before the plan began planned nothing: the charts start with the first week that had sessions.
  const first = weeks.findIndex((w) => (w.exercises || []).length);
  const charts = [];
  const figures = (first < 0 ? [] : weeks.slice(first)).map((week) => {
    const title = week === weeks[last] ? `This week so far (${weekLabel(week)})` : `Week of ${weekLabel(week)}`;
    const caption = h('figcaption', {}, h('strong', {}, title), h('br'), h('span', { class: 'hint' }, `${sentenceStart(tallyText(week))} done`));
    if (!(week.exercises || []).length) {
      return h('figure', { class: 'week-chart empty', 'data-week': week.weekStart }, caption,
        h('p', { class: 'muted' }, 'No sessions were planned this week.'));
    }
    const canvas = h('canvas', { role: 'img', class: 'adherence-chart', 'aria-label': weekChartLabel(title, week, nameOf) });
    charts.push({ canvas, week });
    return h('figure', { class: 'week-chart', 'data-week': week.weekStart }, caption, h('div', { class: 'chart-box small' }, canvas));
  });
  const overall = adherence.overall;
  const node = h('div', { class: 'adherence' },
    overall?.prescribed ? h('p', { class: 'adherence-overall' }, h('strong', {}, `Over these ${weeks.length} weeks: `), tallyText(overall), ' done.') : null,
    figures.length
      ? [h('p', { class: 'chart-key' },
        h('span', { class: 'swatch planned', 'aria-hidden': 'true' }), 'Planned ',
        h('span', { class: 'swatch done', 'aria-hidden': 'true' }), 'Done'),
      h('div', { class: 'week-charts' }, figures)]
      : h('p', { class: 'muted' }, 'No sessions were planned in these weeks yet.'),
    h('details', { class: 'adherence-details' }, h('summary', {}, 'The same numbers as a table'), adherenceTable(weeks, nameOf)));
  return {
    node,
    draw: () => charts.forEach(({ canvas, week }) => weekChart(canvas, week, nameOf)),
  };
}

/**
 * A card with an athlete's adherence, for the runner's Progress page and the physiotherapist's athlete page: the
 * last 4 weeks unless the reader chooses more. Add node to the page, then call load().
 */
export function adherenceCard(athleteId, exerciseName = readable, { intro } = {}) {
  const body = h('div', { id: 'adherence-body' });
  const weeks = h('select', { name: 'weeks' }, WEEK_CHOICES.map((n) => h('option', { value: String(n) }, `The last ${n} weeks`)));
  weeks.id = 'adherence-weeks';
  const node = h('section', { class: 'card', id: 'adherence', 'aria-labelledby': 'adherence-heading' },
    h('h2', { id: 'adherence-heading' }, 'Sessions planned and done'),
    intro ? h('p', { class: 'hint' }, intro) : null,
    h('p', { class: 'inline-field' }, h('label', { for: 'adherence-weeks' }, 'Show '), weeks),
    body);
  const load = async () => {
    body.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'muted' }, 'Loading the weeks…'));
    try {
      const adherence = await apiOrNull(`/api/progress/${encodeURIComponent(athleteId)}/adherence?weeks=${weeks.value}`);
      if (!adherence) {
        body.replaceChildren(h('p', { class: 'notice' }, 'There are no weekly numbers to show yet. They appear once the plan is being tracked.'));
        return;
      }
      const view = adherenceView(adherence, exerciseName);
      body.replaceChildren(view.node);
      view.draw();
    } catch (error) {
      body.replaceChildren(problemBox(error, 'The weekly numbers could not be loaded'));
    } finally {
      body.removeAttribute('aria-busy');
    }
  };
  weeks.addEventListener('change', load);
  return { node, load };
}
