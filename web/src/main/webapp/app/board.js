// The supervisor board: every agent's per-channel state with reason and running time, the work each holds, the
// queues with how much waits and for how long; updated from the same event socket. Supervisors can log agents off.
import { api, escape, since } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

export class Board {
  constructor({ onError }) {
    this.onError = onError;
    this.agents = [];
    this.inHand = [];
    this.queues = [];
    $('board-agents').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-do="logoff"]');
      if (!button) return;
      api('POST', `/agents/${button.closest('tr').dataset.agent}/channels/logoff`, {})
        .then(() => this.refresh()).catch(onError);
    });
  }

  async refresh() {
    [this.agents, this.inHand, this.queues] = await Promise.all([
      api('GET', '/agents'), api('GET', '/supervision/interactions'), api('GET', '/supervision/queues')]);
    this.render();
  }

  render() {
    // Agents at work first (any channel logged in), then by name.
    const working = (agent) => agent.channels.some((c) => c.state !== 'LOGGED_OUT');
    const agents = [...this.agents].sort((a, b) => Number(working(b)) - Number(working(a))
      || a.displayName.localeCompare(b.displayName));
    $('board-agents').innerHTML = agents.map((agent) => {
      const channels = agent.channels.map((c) => `<span class="chip ${c.state}" data-channel="${c.channel}"
          data-state="${c.state}">${t('channel.' + c.channel)}: ${t('state.' + c.state)}${c.reasonCode
  ? ` (${escape(c.reasonCode)})` : ''} · <span data-since="${c.since}">${since(c.since)}</span></span>`).join(' ');
      const work = this.inHand.filter((i) => i.agentId === agent.agentId)
        .map((i) => `<span class="chip">${t('channel.' + i.channel)} · ${t('istate.' + i.state)}</span>`).join(' ');
      const loggedIn = working(agent);
      return `<tr data-agent="${agent.agentId}" data-login="${escape(agent.login)}">
        <th scope="row">${escape(agent.displayName)} <span class="hint">${escape(agent.login)}</span>
          ${agent.doNotDisturb ? `<span class="badge">${t('board.dnd')}</span>` : ''}</th>
        <td>${channels}</td><td>${work}</td>
        <td>${loggedIn ? `<button data-do="logoff">${t('board.logOff')}</button>` : ''}</td></tr>`;
    }).join('');
    $('board-queues').innerHTML = this.queues.map((q) => `<tr data-queue="${q.queueId}">
        <th scope="row">${escape(q.name)}</th><td data-waiting>${q.waiting}</td>
        <td>${q.oldestWaitingSince ? `<span data-since="${q.oldestWaitingSince}">${since(q.oldestWaitingSince)}</span>` : '—'}</td>
      </tr>`).join('');
  }
}
