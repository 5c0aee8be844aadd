// Transfers (CO3, CO4): the dialog that hands the interaction in hand to an available colleague or into a queue,
// colleagues' names for the offer cards and banners, and the words telling a sender what became of their transfer.
// The server decides everything (who may take it, when it rings out); this only shows it and asks.
import { api, escape } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
// Agents who can take it first, then the nearly free, then those away; by name within each.
const AVAILABILITY_ORDER = ['AVAILABLE', 'BUSY', 'AFTER_CALL_WORK', 'PENDING_NOT_READY', 'NOT_READY', 'RONA',
  'LOGGED_OUT'];
const NAMES_AGAIN_AFTER_MS = 10000;   // an id nobody knows must not make every refresh read the directory

/** Colleagues' display names by agent id, from the IM directory, read again when one is missing. */
export class Names {
  constructor() {
    this.known = new Map();
    this.readAt = 0;
    this.reading = null;
    this.session = 0;          // a directory read that comes back after sign-out is dropped
  }

  /** The colleague's name, or "a colleague" while it is unknown (never an id: it means nothing to people). */
  of(agentId) {
    return this.known.get(agentId) || t('transfer.colleague');
  }

  remember(agents) {
    agents.forEach((a) => { if (a.agentId && a.displayName) this.known.set(a.agentId, a.displayName); });
  }

  /** Reads the directory when one of these ids is unknown; true when a missing name was learnt. Never fails. */
  async learn(ids) {
    const missing = ids.filter((id) => id && !this.known.has(id));
    if (!missing.length) return false;
    if (!this.reading && Date.now() - this.readAt > NAMES_AGAIN_AFTER_MS) {
      const { session } = this;
      this.readAt = Date.now();
      this.reading = api('GET', '/im/colleagues')
        .then((colleagues) => { if (session === this.session) this.remember(colleagues); })
        .catch(() => {})   // names are a courtesy: "a colleague" stands in
        .finally(() => { this.reading = null; });
    }
    await this.reading;
    return missing.some((id) => this.known.has(id));
  }

  reset() {
    this.session += 1;
    this.known.clear();
    this.readAt = 0;
  }
}

/**
 * What to tell me about a transfer event, or null: the transfer I made came back (and why), or was taken. Other
 * agents' transfers (a supervisor sees every event) and my own cancelling say nothing.
 */
export async function transferNotice(event, me, names) {
  const what = { channel: t('channel.' + event.channel), customer: event.customerAddress || '' };
  const mine = event.agentId === me;
  const back = (why, name) => t('notice.back', { ...what, why: t(why, { name }) });
  switch (event.cause) {
    case 'TRANSFER_REJECTED':
    case 'TRANSFER_WITHDRAWN':
      if (!mine) return null;
      await names.learn([event.counterpartId]);
      return back(event.cause === 'TRANSFER_REJECTED' ? 'notice.rejected' : 'notice.withdrawn',
        names.of(event.counterpartId));
    case 'TRANSFER_TIMED_OUT':
      return mine ? back('notice.timedOut') : null;
    case 'TRANSFER_CANCELLED':
      return mine && event.actorId && event.actorId !== me ? back('notice.cancelled') : null;
    case 'TRANSFERRED': {
      if (event.formerAgentId !== me) return null;
      const target = event.counterpartId || event.agentId;   // the target holds it now
      await names.learn([target]);
      return t('notice.transferred', { ...what, name: names.of(target) });
    }
    case 'TRANSFERRED_TO_QUEUE':
      return event.formerAgentId === me ? t('notice.toQueue', what) : null;
    default:
      return null;
  }
}

/**
 * The transfer dialog: agents (searched on the server, with their availability on the interaction's channel) and
 * queues (with their waiting count), in two tabs. Only an Available agent or a queue taking the channel can be
 * chosen; the server checks again and its refusal is shown here, where the agent chose.
 */
export class TransferDialog {
  constructor({ names, refresh }) {
    this.names = names;
    this.refreshAll = refresh;
    this.interaction = null;
    this.targets = null;       // the server's lists for the interaction shown, once read
    this.tab = 'agents';
    this.reads = 0;            // a slower, older search never overwrites a newer one
    this.typing = null;
    this.sending = false;
    const dialog = $('transfer');
    dialog.addEventListener('click', (event) => this.clicked(event));
    dialog.addEventListener('keydown', (event) => this.keys(event));
    // Escape and Close end up here; the keyboard goes back to the workspace the agent came from
    dialog.addEventListener('close', () => {
      clearTimeout(this.typing);
      this.reads += 1;
      this.interaction = null;
      document.querySelector('#interaction [data-menu]')?.focus();
    });
    $('transfer-search').addEventListener('input', () => {
      clearTimeout(this.typing);
      this.typing = setTimeout(() => this.load(), 250);
      this.renderQueues();   // queues are few and all read already: filtered here, at once
    });
  }

  isOpen() {
    return $('transfer').open;
  }

  open(interaction) {
    this.interaction = interaction;
    this.targets = null;
    this.tab = 'agents';
    $('transfer-search').value = '';
    this.showError(null);
    this.render();
    if (!this.isOpen()) $('transfer').showModal();
    $('transfer-search').focus();
    this.load();
  }

  close() {
    if (this.isOpen()) $('transfer').close();
  }

  /**
   * After every re-read: the dialog closes once the interaction is no longer active in my hands (the customer
   * left, another tab transferred it); a refusal shown in it then moves to the page's error line.
   */
  follow(inHand, onError) {
    if (!this.isOpen()) return;
    const now = inHand.find((i) => i.interactionId === this.interaction.interactionId && !i.part);
    if (now?.state === 'ACTIVE' && !now.transfer) return;
    const refusal = $('transfer-error').hidden ? null : $('transfer-error').textContent;
    this.close();
    if (refusal) onError(new Error(refusal));
  }

  reset() {
    this.close();
    this.targets = null;
  }

  async load() {
    if (!this.interaction) return;
    const read = ++this.reads;
    const search = $('transfer-search').value.trim();
    try {
      const targets = await api('GET', `/interactions/${this.interaction.interactionId}/transfers/targets`
        + (search ? `?search=${encodeURIComponent(search)}` : ''));
      if (read !== this.reads) return;
      this.targets = targets;
      this.names.remember(targets.agents);
      this.showError(null);
      this.render();
    } catch (error) {
      if (read === this.reads) this.showError(error);
    }
  }

  showError(error) {
    $('transfer-error').textContent = error ? error.message : '';
    $('transfer-error').hidden = !error;
  }

  render() {
    const i = this.interaction;
    if (!i) return;
    $('transfer-title').textContent = t('transfer.title', { channel: t('channel.' + i.channel),
      customer: i.customerAddress });
    $('transfer-search').placeholder = t('transfer.search');
    for (const tab of $('transfer').querySelectorAll('[role="tab"]')) {
      tab.setAttribute('aria-selected', String(tab.dataset.tab === this.tab));
    }
    $('transfer-agents').hidden = this.tab !== 'agents';
    $('transfer-queues').hidden = this.tab !== 'queues';
    this.keepingFocus(() => {
      $('transfer-agents').innerHTML = !this.targets ? `<p class="hint">${t('transfer.loading')}</p>`
        : this.agentRows() || `<p class="hint">${t('transfer.noAgents')}</p>`;
    });
    this.renderQueues();
  }

  renderQueues() {
    this.keepingFocus(() => {
      $('transfer-queues').innerHTML = !this.targets ? `<p class="hint">${t('transfer.loading')}</p>`
        : this.queueRows() || `<p class="hint">${t('transfer.noQueues')}</p>`;
    });
  }

  agentRows() {
    const rank = (a) => AVAILABILITY_ORDER.indexOf(a.availability);
    const rows = [...this.targets.agents].sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName))
      .map((a) => {
        const can = a.availability === 'AVAILABLE';
        const state = t('availability.' + a.availability) + (a.reasonCode ? ` (${a.reasonCode})` : '');
        const why = can ? '' : t('transfer.onlyAvailable', { state });
        return `<li class="target" data-target-agent="${escape(a.agentId)}">
          <span class="who"><b>${escape(a.displayName)}</b> <span class="hint">${escape(a.login)}</span></span>
          <span class="availability ${escape(a.availability)}" data-availability="${escape(a.availability)}">${escape(state)}</span>
          <button data-do="transfer-to" ${can ? '' : 'disabled'}
            aria-label="${escape(t('transfer.toAgent', { name: a.displayName }) + (why ? ` — ${why}` : ''))}"
            ${why ? `title="${escape(why)}"` : ''}>${t('transfer.choose')}</button></li>`;
      });
    return rows.length ? `<ul class="targets">${rows.join('')}</ul>` : '';
  }

  queueRows() {
    const search = $('transfer-search').value.trim().toLocaleLowerCase();
    const channel = t('channel.' + this.targets.channel);
    const rows = this.targets.queues.filter((q) => !search || q.name.toLocaleLowerCase().includes(search))
      .sort((a, b) => Number(b.servesChannel) - Number(a.servesChannel) || a.name.localeCompare(b.name))
      .map((q) => {
        const why = q.servesChannel ? '' : t('transfer.notServing', { channel });
        return `<li class="target" data-target-queue="${escape(q.queueId)}">
          <span class="who"><b>${escape(q.name)}</b></span>
          <span class="hint" data-waiting="${escape(q.waiting)}">${t('transfer.waiting', { count: escape(q.waiting) })}${
  why ? ` · ${escape(why)}` : ''}</span>
          <button data-do="transfer-to" ${q.servesChannel ? '' : 'disabled'}
            aria-label="${escape(t('transfer.toQueue', { name: q.name }) + (why ? ` — ${why}` : ''))}"
            ${why ? `title="${escape(why)}"` : ''}>${t('transfer.choose')}</button></li>`;
      });
    return rows.length ? `<ul class="targets">${rows.join('')}</ul>` : '';
  }

  /** Lists are redrawn under the keyboard (a search came back): the focused row's button is found again. */
  keepingFocus(draw) {
    const row = document.activeElement?.closest?.('[data-target-agent], [data-target-queue]');
    const key = row && (row.dataset.targetAgent ? `[data-target-agent="${CSS.escape(row.dataset.targetAgent)}"]`
      : `[data-target-queue="${CSS.escape(row.dataset.targetQueue)}"]`);
    draw();
    if (!key) return;
    const again = $('transfer').querySelector(`${key} button:not([disabled])`);
    (again || $('transfer-search')).focus();
  }

  clicked(event) {
    const tab = event.target.closest('[role="tab"]');
    if (tab) return this.choose(tab.dataset.tab);
    if (event.target.closest('#transfer-reload')) return this.load();
    if (event.target.closest('#transfer-close')) return this.close();
    const button = event.target.closest('button[data-do="transfer-to"]');
    if (!button || button.disabled) return undefined;
    const row = button.closest('[data-target-agent], [data-target-queue]');
    return this.transfer(row.dataset.targetAgent ? { agentId: row.dataset.targetAgent }
      : { queueId: row.dataset.targetQueue });
  }

  choose(tab) {
    this.tab = tab;
    this.render();
    $('transfer').querySelector(`[data-tab="${tab}"]`).focus();
  }

  /** Tabs: Left and Right (Home, End) move between them; Escape closes even from the search box. */
  keys(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
      return;
    }
    if (!event.target.matches('[role="tab"]')) return;
    const tabs = ['agents', 'queues'];
    const at = tabs.indexOf(event.target.dataset.tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.choose(tabs[(next + tabs.length) % tabs.length]);
  }

  /** Asks the server; on success the dialog closes (the workspace shows the transfer), on refusal it says why. */
  async transfer(target) {
    if (this.sending) return;   // a double click must not ask twice (the second would be refused as pending)
    this.sending = true;
    const id = this.interaction.interactionId;
    try {
      this.showError(null);
      await api('POST', `/interactions/${id}/transfers`, target);
      this.close();
    } catch (error) {
      await this.load();   // who is available has changed, most likely
      if (this.isOpen()) this.showError(error);
    } finally {
      this.sending = false;
    }
    await this.refreshAll();
  }
}
