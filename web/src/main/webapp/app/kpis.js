// Queue KPIs of the last hour as the server computes them from stored history (GET /supervision/kpis): waiting now,
// oldest wait, service level, average speed of answer, average handle time, abandon rate and agents by state, and
// three small charts of the chosen queue (uPlot, served from its WebJar).
import uPlot from '../webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { api, clock, escape, since } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const STATE_COLOURS = { READY: '#1b7f3b', NOT_READY: '#b3261e', AFTER_CALL_WORK: '#1d5fb3',
  PENDING_NOT_READY: '#9a5b00', RONA: '#7b1fa2', LOGGED_OUT: '#9aa3ae' };
// Events come in bursts and every supervisor's board reacts to them: the figures are re-read at most every 2 s, and
// every 15 s without events (the window slides, waits grow).
const MIN_INTERVAL_MS = 2000;
const POLL_MS = 15000;
const COUNTS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000];   // people: whole numbers on the axis

const percent = (ratio) => (ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 1000) / 10} %`);
const seconds = (value) => (value === null || value === undefined ? '—' : clock(Math.round(value)));

export class Kpis {
  constructor({ onError }) {
    this.onError = onError;
    this.report = null;
    this.charts = [];
    this.lastRead = 0;
    this.pending = null;
    this.drawn = null;           // what the charts show now: redrawn only when it changes
    $('chart-queue').onchange = () => this.renderCharts();
    setInterval(() => {
      if (!$('board').hidden && this.report && Date.now() - this.lastRead >= POLL_MS) {
        this.refresh().then(() => this.render()).catch(this.onError);
      }
    }, POLL_MS / 3);
    let resizing = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => { this.drawn = null; this.renderCharts(); }, 200);
    });
  }

  reset() {
    clearTimeout(this.pending);
    this.report = null;
    this.lastRead = 0;
    this.drawn = null;
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [];
  }

  /** Reads the figures, or defers the read when the last one is too recent; true when new figures were read. */
  async refresh() {
    const wait = this.lastRead + MIN_INTERVAL_MS - Date.now();
    if (wait > 0) {
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.refresh().then(() => this.render()).catch(this.onError), wait);
      return false;
    }
    this.lastRead = Date.now();
    this.report = await api('GET', '/supervision/kpis?minutes=60');
    this.report.readAt = this.lastRead;
    return true;
  }

  render() {
    if (!this.report) return;
    $('kpis').innerHTML = this.report.queues.map((q) => `<tr data-queue="${q.queueId}">
        <th scope="row">${escape(q.name)}</th>
        <td data-waiting>${q.waiting}</td>
        <td>${q.oldestWaitingSince ? `<span data-since="${q.oldestWaitingSince}">${since(q.oldestWaitingSince)}</span>` : '—'}</td>
        <td data-service-level>${percent(q.serviceLevel)} <span class="hint">${t('kpis.within', { seconds: q.serviceLevelSeconds })}</span></td>
        <td data-asa>${seconds(q.averageSpeedOfAnswerSeconds)}</td>
        <td data-aht>${seconds(q.averageHandleTimeSeconds)}</td>
        <td data-abandoned>${q.abandoned} <span class="hint">(${percent(q.abandonRate)})</span></td>
        <td data-agents>${Object.entries(q.agentsByState).filter(([state]) => state !== 'LOGGED_OUT')
    .map(([state, n]) => `<span class="chip ${state}">${t('state.' + state)}: ${n}</span>`).join(' ') || '—'}</td>
      </tr>`).join('') || `<tr><td colspan="8" class="hint">${t('kpis.noQueues')}</td></tr>`;
    const chosen = $('chart-queue').value;
    $('chart-queue').innerHTML = this.report.queues.map((q) => `<option value="${q.queueId}">${escape(q.name)}</option>`)
      .join('');
    if (this.report.queues.some((q) => q.queueId === chosen)) $('chart-queue').value = chosen;
    this.renderCharts();
  }

  renderCharts() {
    const queue = this.report?.queues.find((q) => q.queueId === $('chart-queue').value);
    // three charts side by side in the board's width (one per row when narrow)
    const room = document.querySelector('.charts').clientWidth;
    if (room === 0) {   // the board is hidden: drawn when shown
      this.drawn = null;
      return;
    }
    const width = Math.max(220, Math.floor((room >= 760 ? room / 3 : room) - 40));
    const drawing = `${this.report?.readAt}|${queue?.queueId}|${width}|${document.documentElement.lang}`;
    if (drawing === this.drawn) return;
    this.drawn = drawing;
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [];
    if (!queue) return;
    const x = queue.points.map((p) => Date.parse(p.at) / 1000);
    const options = (series, extra = {}) => ({ width, height: 140, legend: { show: true }, cursor: { show: false },
      scales: { x: { time: true } }, axes: [{ space: 60 }, { size: 40, incrs: COUNTS }], series: [{}, ...series],
      ...extra });
    this.charts.push(new uPlot(options([{ label: t('board.waiting'), stroke: '#1d3557', width: 2 }]),
      [x, queue.points.map((p) => p.waiting)], $('chart-depth')));
    this.charts.push(new uPlot(options([{ label: t('kpis.serviceLevel'), stroke: '#1b7f3b', width: 2,
      spanGaps: true }], { scales: { x: { time: true }, y: { range: [0, 100] } } }),
    [x, queue.points.map((p) => (p.serviceLevel === null ? null : Math.round(p.serviceLevel * 100)))],
    $('chart-sl')));
    const states = Object.keys(STATE_COLOURS).filter((s) => queue.points.some((p) => p.agentsByState[s]));
    this.charts.push(new uPlot(options(states.map((s) => ({ label: t('state.' + s), stroke: STATE_COLOURS[s],
      width: 2 }))), [x, ...states.map((s) => queue.points.map((p) => p.agentsByState[s] || 0))], $('chart-agents')));
  }
}
