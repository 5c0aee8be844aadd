// The supervisor board: queue KPIs of the last hour with charts (kpis.js), and every agent's per-channel state with
// reason and running time and the work each holds — filtered by name, state and queue, 50 agents a page so that a
// floor of 1,000 agents stays quick; updated from the same event socket. Supervisors can log agents off.
import { api, escape, keepingFocus, since } from './api.js';
import { t } from './i18n.js';
import { Kpis } from './kpis.js';

const $ = (id) => document.getElementById(id);
const PAGE = 50;
const STATES = ['READY', 'NOT_READY', 'AFTER_CALL_WORK', 'RONA', 'PENDING_NOT_READY', 'LOGGED_OUT'];

export class Board {
  constructor({ onError }) {
    this.onError = onError;
    this.agents = [];
    this.inHand = [];
    this.queues = [];
    this.members = new Map();   // queueId → Set of agent ids, read when that queue is chosen as a filter
    this.page = 0;
    this.kpis = new Kpis({ onError });
    $('board-agents').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-do]');
      if (!button) return;
      const row = button.closest('tr');
      if (button.dataset.do === 'logoff') {
        api('POST', `/agents/${row.dataset.agent}/channels/logoff`, {}).then(() => this.refresh()).catch(onError);
      } else if (button.dataset.do === 'force-wrap-up'
          // ending someone else's work is confirmed first (the browser's own dialog: keyboard-usable)
          && window.confirm(t('board.forceConfirm', { name: row.dataset.name }))) {
        api('POST', `/supervision/interactions/${button.dataset.work}/force-wrap-up`)
          .then(() => this.refresh()).catch(onError);
      }
    });
    const filtered = () => { this.page = 0; this.render(); };
    $('filter-name').addEventListener('input', filtered);
    $('filter-state').onchange = filtered;
    $('filter-queue').onchange = () => this.membersOf($('filter-queue').value).then(filtered).catch(onError);
    $('board-prev').onclick = () => { this.page -= 1; this.render(); };
    $('board-next').onclick = () => { this.page += 1; this.render(); };
  }

  async refresh() {
    const started = performance.now();
    // the KPIs are read on their own (and at most every few seconds): their failure must not blank the agents
    this.kpis.refresh().then((read) => { if (read) this.render(); }).catch(this.onError);
    [this.agents, this.inHand] = await Promise.all([api('GET', '/agents'), api('GET', '/supervision/interactions')]);
    const fetched = performance.now();
    this.render();
    // read by the board benchmark (docs/benchmarks.md)
    window.switchboardBoardTimings = { agents: this.agents.length, fetchMs: fetched - started,
      renderMs: performance.now() - fetched, at: Date.now() };
  }

  /** Read when the queue is chosen as a filter (membership changes rarely: not on every event). */
  async membersOf(queueId) {
    if (queueId && !this.members.has(queueId)) {
      this.members.set(queueId, new Set(await api('GET', `/supervision/queues/${queueId}/members`)));
    }
  }

  matching() {
    const name = $('filter-name').value.trim().toLocaleLowerCase();
    const state = $('filter-state').value;
    const queue = $('filter-queue').value;
    return this.agents.filter((a) => (!name || a.displayName.toLocaleLowerCase().includes(name)
        || a.login.toLocaleLowerCase().includes(name))
      && (!state || a.channels.some((c) => c.state === state))
      && (!queue || this.members.get(queue)?.has(a.agentId)));
  }

  reset() {
    this.agents = [];
    this.inHand = [];
    this.queues = [];
    this.members.clear();
    this.page = 0;
    this.filters = null;
    this.kpis.reset();
  }

  render() {
    this.queues = this.kpis.report?.queues || [];
    this.renderFilters();
    this.kpis.render();
    // Agents at work first (any channel logged in), then by name.
    const working = (agent) => agent.channels.some((c) => c.state !== 'LOGGED_OUT');
    const agents = this.matching().sort((a, b) => Number(working(b)) - Number(working(a))
      || a.displayName.localeCompare(b.displayName));
    const pages = Math.max(1, Math.ceil(agents.length / PAGE));
    this.page = Math.min(Math.max(0, this.page), pages - 1);
    const shown = agents.slice(this.page * PAGE, (this.page + 1) * PAGE);
    const work = new Map();
    this.inHand.forEach((i) => work.set(i.agentId, [...(work.get(i.agentId) || []), i]));
    keepingFocus($('board-agents'), () => {
      $('board-agents').innerHTML = shown.map((agent) => this.row(agent, work.get(agent.agentId) || [], working(agent)))
        .join('') || `<tr><td colspan="4" class="hint">${t('board.noAgents')}</td></tr>`;
    });
    $('board-count').textContent = agents.length ? t('board.count', { first: this.page * PAGE + 1,
      last: this.page * PAGE + shown.length, total: agents.length }) : '';
    $('board-prev').disabled = this.page === 0;
    $('board-next').disabled = this.page >= pages - 1;
  }

  row(agent, work, loggedIn) {
    const channels = agent.channels.map((c) => `<span class="chip ${c.state}" data-channel="${c.channel}"
        data-state="${c.state}">${t('channel.' + c.channel)}: ${t('state.' + c.state)}${c.reasonCode
  ? ` (${escape(c.reasonCode)})` : ''} · <span data-since="${c.since}">${since(c.since)}</span></span>`).join(' ');
    // work in progress can be ended for a stuck agent (it goes to their wrap-up)
    const chips = work.map((i) => `<span class="chip">${t('channel.' + i.channel)} · ${t('istate.' + i.state)}${
      i.state === 'ACTIVE' ? ` <button class="small" data-do="force-wrap-up" data-work="${escape(i.interactionId)}"
        title="${escape(t('board.forceWrapUpTitle'))}">${t('board.forceWrapUp')}</button>` : ''}</span>`).join(' ');
    return `<tr data-agent="${agent.agentId}" data-login="${escape(agent.login)}" data-name="${escape(agent.displayName)}">
        <th scope="row">${escape(agent.displayName)} <span class="hint">${escape(agent.login)}</span>
          ${agent.doNotDisturb ? `<span class="badge">${t('board.dnd')}</span>` : ''}</th>
        <td>${channels}</td><td>${chips}</td>
        <td>${loggedIn ? `<button data-do="logoff">${t('board.logOff')}</button>` : ''}</td></tr>`;
  }

  /** The filters' choices, rebuilt only when the queues or the language change (an open list stays open). */
  renderFilters() {
    const signature = document.documentElement.lang + this.queues.map((q) => q.queueId + q.name).join();
    if (signature === this.filters) return;
    this.filters = signature;
    const state = $('filter-state').value;
    $('filter-state').innerHTML = `<option value="">${t('board.any')}</option>`
      + STATES.map((s) => `<option value="${s}">${t('state.' + s)}</option>`).join('');
    $('filter-state').value = state;
    const queue = $('filter-queue').value;
    $('filter-queue').innerHTML = `<option value="">${t('board.any')}</option>`
      + this.queues.map((q) => `<option value="${q.queueId}">${escape(q.name)}</option>`).join('');
    $('filter-queue').value = this.queues.some((q) => q.queueId === queue) ? queue : '';
  }
}
