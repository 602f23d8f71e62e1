// The pain chart: every session's pain over time, the pain ceiling, and the phase changes marked.
import { formatDateTime } from './ui.js';

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
