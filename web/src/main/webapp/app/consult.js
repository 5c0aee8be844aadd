// Consultations (CO1): while handling an interaction, a private text exchange with a colleague about it. The agent
// who asks sees it in the interaction's workspace, with a way to hand the interaction to the colleague; the colleague
// sees it in the task panel (and so does the one who asked, while another task is shown). The customer never sees any
// of it: it is drawn apart from the customer's transcript and says so on every exchange. The agent who asked may
// invite the colleague to join the conversation itself (CO2: a conference, conference.js); the invitation and the
// way to join are on the exchange's card. The server keeps the open ones; this page re-reads them whenever one
// changes.
import { api, escape, keepingFocus } from './api.js';
import { t } from './i18n.js';
import { inConference } from './conference.js';

const $ = (id) => document.getElementById(id);
// Those who can answer first, then by name; offline colleagues are not listed (the server would refuse them).
const PRESENCE_ORDER = ['AVAILABLE', 'BUSY', 'NOT_READY'];
const GONE_KEPT = 50;   // closed consultations remembered for their notice, when the close frame comes after a re-read
// A padlock: "private" must be seen at a glance, not only read (drawn here, like the channel pictograms).
const LOCK = `<svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none"
  stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><rect x="4" y="11" width="16"
  height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/></svg>`;

/** "Chat · +55 11 …": what a consultation is about, as agents name an interaction everywhere else. */
const about = (c) => ({ channel: t('channel.' + c.channel), customer: c.customerAddress || '' });

/**
 * My open consultations, as the agent who asked or the colleague asked: read from the server, drawn in the workspace
 * (those I asked, about the interaction shown) and in the task panel (the others), written in and closed from there.
 */
export class Consultations {
  constructor({ onError, me, names, run, notice, chime, inWorkspace, inConversation, joined, redraw }) {
    this.onError = onError;
    this.me = me;                 // () => the signed-in agent's id
    this.names = names;
    this.run = run;               // asks the server, shows a refusal, re-reads the page
    this.notice = notice;
    this.chime = chime;
    this.inWorkspace = inWorkspace;   // (interactionId) => whether the workspace shows it (it is in my hands, selected)
    this.inConversation = inConversation;   // (interactionId) => whether I am in it, in conference with its holder
    this.joined = joined;         // (interactionId) => I just joined it: the workspace shows it next
    this.redraw = redraw;         // the whole desk: the workspace, the task cards' marks and the task panel
    this.open = [];
    this.gone = new Map();        // consultation id → its last view, once closed
    this.drafts = new Map();      // unsent text per consultation survives re-renders
    this.unread = new Set();      // consultation ids with a colleague's message not yet looked at
    this.queue = Promise.resolve();   // reads one after another: the last asked is the last kept
    this.session = 0;             // a read that comes back after sign-out is dropped
    for (const container of [$('interaction'), $('consultations')]) {
      container.addEventListener('click', (event) => this.clicked(event));
      container.addEventListener('input', (event) => {
        if (event.target.matches('input[data-consult-message]')) {
          this.drafts.set(event.target.closest('[data-consultation]').dataset.consultation, event.target.value);
        }
      });
      container.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && event.target.matches('input[data-consult-message]') && !event.isComposing) {
          event.preventDefault();
          this.send(event.target.closest('[data-consultation]').dataset.consultation);
        }
      });
      container.addEventListener('focusin', (event) => this.looked(event.target.closest?.('[data-consultation]')));
    }
  }

  /** Re-reads my open consultations (and the names of those in them). */
  read() {
    const { session } = this;
    this.queue = this.queue.catch(() => {}).then(async () => {
      const open = await api('GET', '/consultations');
      await this.names.learn(open.map((c) => this.other(c)));   // my own name is never looked up
      if (session === this.session) this.keep(open.filter((c) => c.state === 'OPEN'));
    });
    return this.queue;
  }

  keep(open) {
    const still = new Set(open.map((c) => c.consultationId));
    for (const c of this.open.filter((o) => !still.has(o.consultationId))) {
      this.gone.set(c.consultationId, c);
      this.drafts.delete(c.consultationId);
      this.unread.delete(c.consultationId);
    }
    [...this.gone.keys()].slice(0, Math.max(0, this.gone.size - GONE_KEPT)).forEach((id) => this.gone.delete(id));
    this.open = open;
  }

  /** The one I just opened from the dialog, shown at once (its frame re-reads it anyway). */
  async opened(view) {
    await this.names.learn([this.other(view)]);
    this.keep([...this.open.filter((c) => c.consultationId !== view.consultationId), view]);
    this.redraw();
  }

  /**
   * A frame from the socket: something changed in one of my consultations. The list is read again; a colleague
   * consulting me rings and says so, their message is marked unread unless I am in that exchange, and one that the
   * colleague closed (or that closed with its interaction) says so rather than just vanishing.
   */
  async receive(frame) {
    const id = frame.consultationId;
    const before = this.find(id);
    const wasIn = this.focusedIn(id);
    const where = document.activeElement?.closest?.('#interaction') ? 'workspace' : 'panel';
    const { session } = this;
    try {
      await this.read();
    } catch (error) {
      if (session === this.session) this.onError(error);
      return;
    }
    if (session !== this.session) return;   // signed out meanwhile
    const now = this.find(id);
    if (frame.authorId !== this.me()) {   // my own doing (here or in another tab) needs no telling
      if (frame.kind === 'OPENED' && now?.consultedId === this.me()) {
        this.chime();
        this.notice(t('consult.noticeOpened', { ...about(now), name: this.names.of(now.requesterId) }));
      } else if (frame.kind === 'INVITED' && now?.consultedId === this.me()) {
        this.chime();
        this.notice(t('conference.noticeInvited', { ...about(now), name: this.names.of(now.requesterId) }));
      } else if (frame.kind === 'MESSAGE' && now) {
        if (!wasIn || !document.hasFocus()) this.unread.add(id);
        // read out once, the new line only (the exchange itself is redrawn, and would be read again whole)
        $('consult-live').textContent = `${this.names.of(frame.authorId)}: ${frame.text || ''}`;
      } else if (frame.kind === 'CLOSED' && !now && (before || this.gone.get(id))) {
        const closed = before || this.gone.get(id);
        this.notice(frame.authorId
          ? t('consult.noticeClosed', { ...about(closed), name: this.names.of(frame.authorId) })
          : t('consult.noticeEnded', { ...about(closed), name: this.names.of(this.other(closed)) }));
      }
    }
    if (frame.kind === 'CLOSED') this.gone.delete(id);   // told once
    this.redraw();
    if (wasIn && !now) this.refocus(where);
  }

  find(id) {
    return this.open.find((c) => c.consultationId === id);
  }

  other(c) {
    return c.requesterId === this.me() ? c.consultedId : c.requesterId;
  }

  focusedIn(id) {
    return document.activeElement?.closest?.('[data-consultation]')?.dataset.consultation === id;
  }

  /** An unread mark for the task card of an interaction I asked about. */
  unreadAbout(interactionId) {
    return this.open.some((c) => c.interactionId === interactionId && c.requesterId === this.me()
      && this.unread.has(c.consultationId));
  }

  /**
   * The keyboard came into an exchange: its unread mark goes, straight from the page (redrawing under a click would
   * swallow the click).
   */
  looked(card) {
    const id = card?.dataset.consultation;
    if (!id || !this.unread.delete(id)) return;
    card.removeAttribute('data-unread');
    card.querySelector('.badge.unread')?.remove();
    const c = this.find(id);
    if (c && !this.unreadAbout(c.interactionId)) {
      document.querySelector(`#work [data-task="${CSS.escape(c.interactionId)}"] .badge.unread`)?.remove();
    }
  }

  /** Sign-out: what was open, drafted and unread goes. */
  reset() {
    this.session += 1;
    this.open = [];
    this.gone.clear();
    this.drafts.clear();
    this.unread.clear();
    $('consultation-list').innerHTML = '';
    $('consultations').hidden = true;
    $('consult-live').textContent = '';
  }

  /**
   * In the workspace, below the interaction's controls: the consultations I opened about it. While it is active in
   * my hands, with no transfer pending, the colleague can be handed it (a transfer like any other, but not while
   * colleagues are in conference: then it is left to them) or invited to join the conversation.
   */
  panel(i) {
    const mine = this.open.filter((c) => c.interactionId === i.interactionId && c.requesterId === this.me());
    if (!mine.length) return '';
    const live = i.state === 'ACTIVE' && !i.part && !i.transfer && i.agentId === this.me();
    return `<div class="consultations">${mine.map((c) => this.card(c, 'section',
      t('consult.consulting', { name: this.names.of(c.consultedId) }),
      { transfer: live && !inConference(i), invite: live })).join('')}</div>`;
  }

  /**
   * In the task panel: those I was asked, and those I asked about work not shown in the workspace (another task is
   * selected, or I no longer hold it), so that a colleague's answer is never out of sight.
   */
  render() {
    const me = this.me();
    const shown = this.open.filter((c) => c.consultedId === me
      || (c.requesterId === me && !this.inWorkspace(c.interactionId)));
    $('consultations').hidden = !shown.length;
    keepingFocus($('consultation-list'), () => {
      $('consultation-list').innerHTML = shown.map((c) => this.card(c, 'article', c.consultedId === me
        ? t('consult.asks', { ...about(c), name: this.names.of(c.requesterId) })
        : t('consult.consultingAbout', { ...about(c), name: this.names.of(c.consultedId) }), {})).join('');
    });
    this.scrollDown($('consultation-list'));
  }

  /**
   * One exchange: who with, the private line, the messages, a line to write, and its commands — handing the
   * interaction to the colleague, inviting them to join the conversation (the one who asked, from the workspace), or
   * joining it once invited (the colleague).
   */
  card(c, tag, title, { transfer, invite }) {
    const id = escape(c.consultationId);
    const name = this.names.of(this.other(c));
    const unread = this.unread.has(c.consultationId);
    const messages = (c.messages || []).map((m) => {
      const mine = m.authorId === this.me();
      return `<li class="${mine ? 'mine' : 'theirs'}"><b>${mine ? t('work.you') : escape(this.names.of(m.authorId))}</b> `
        + `${escape(m.text)}</li>`;
    });
    return `<${tag} class="consultation${tag === 'article' ? ' task' : ''}" data-consultation="${id}"
        aria-labelledby="consultation-${id}"${unread ? ' data-unread' : ''}>
      <h4 id="consultation-${id}">${escape(title)}${unread ? ` <span class="badge unread">${t('consult.unread')}</span>` : ''}</h4>
      <p class="private" data-private>${LOCK} ${t('consult.private')}</p>
      ${messages.length ? `<ol class="transcript">${messages.join('')}</ol>` : `<p class="hint">${t('consult.empty')}</p>`}
      <div class="bar send"><input data-consult-message maxlength="2000" autocomplete="off"
          aria-label="${escape(t('consult.message', { name }))}" value="${escape(this.drafts.get(c.consultationId) || '')}">
        <button data-do="consult-send">${t('consult.send')}</button></div>
      ${this.invitation(c, invite)}
      <div class="bar">${transfer ? `<button data-do="transfer-to-consulted">${escape(t('consult.transferTo', { name }))}</button>`
    : ''}<button data-do="close-consultation">${t('consult.closeOne')}</button></div>
    </${tag}>`;
  }

  /**
   * The conference's step on an exchange: the one who asked invites (once), and then sees that they did; the
   * colleague, once invited, joins — or is told they are in it. The server refuses what no longer applies (the
   * colleague has no room, the conversation is not a chat or call, a transfer is pending) and says why.
   */
  invitation(c, invite) {
    if (c.requesterId === this.me()) {
      if (c.invitedAt) return `<p class="invitation hint" data-invited>${t('conference.invited')}</p>`;
      // Only a live chat or call takes a conference: emails and workitems have nobody to talk with at once.
      return invite && (c.channel === 'CHAT' || c.channel === 'VOICE') ? `<div class="bar invitation"><button data-do="invite-to-join">${t('conference.invite')}</button></div>`
        : '';
    }
    if (!c.invitedAt) return '';
    if (this.inConversation(c.interactionId)) return `<p class="invitation hint" data-joined>${t('conference.inIt')}</p>`;
    return `<div class="bar invitation"><span>${escape(t('conference.invitesYou', { name: this.names.of(c.requesterId) }))}</span>
      <button data-do="join-conversation" class="primary">${t('conference.join')}</button></div>`;
  }

  /** Each redraw starts a list at its top; an exchange is read from its latest line. */
  scrollDown(container) {
    container.querySelectorAll('.consultation ol.transcript').forEach((list) => { list.scrollTop = list.scrollHeight; });
  }

  clicked(event) {
    const button = event.target.closest('button[data-do]');
    const card = button?.closest('[data-consultation]');
    const c = card && this.find(card.dataset.consultation);
    if (!c) return undefined;
    const where = card.closest('#interaction') ? 'workspace' : 'panel';
    switch (button.dataset.do) {
      case 'consult-send': return this.send(c.consultationId);
      case 'close-consultation':
        return this.run(() => api('POST', `/consultations/${c.consultationId}/close`)).then(() => this.refocus(where));
      // the button gives way to "invited": the keyboard stays in the exchange, to tell the colleague why
      case 'invite-to-join':
        return this.run(() => api('POST', `/consultations/${c.consultationId}/invite`)).then(() => this.toMessage(c));
      // joined: the conversation opens in the workspace, ready to write to the customer
      case 'join-conversation': {
        let joined = false;
        return this.run(async () => {
          await api('POST', `/consultations/${c.consultationId}/join`);
          joined = true;
          this.joined(c.interactionId);
        }).then(() => {
          const line = joined && document.querySelector(`#interaction [data-interaction="${CSS.escape(c.interactionId)}"] `
            + 'input[data-message]');
          if (line) line.focus();
          else this.refocus(where);
        });
      }
      // the existing transfer takes over: the pending banner, its countdown, its outcome's notice
      case 'transfer-to-consulted':
        return this.run(() => api('POST', `/interactions/${c.interactionId}/transfers`, { agentId: c.consultedId }))
          .then(() => this.refocus(where));
      default: return undefined;
    }
  }

  async send(id) {
    const input = document.querySelector(`[data-consultation="${CSS.escape(id)}"] input[data-consult-message]`);
    const text = input?.value.trim();
    const { session } = this;
    if (!text) return;
    // cleared now and shown when the server has it; put back if the server refuses it
    this.drafts.delete(id);
    input.value = '';
    try {
      this.onError(null);
      const view = await api('POST', `/consultations/${id}/messages`, { text });
      if (session !== this.session) return;
      if (view.state === 'OPEN' && this.find(id)) this.keep(this.open.map((c) => (c.consultationId === id ? view : c)));
      this.redraw();
    } catch (error) {
      this.drafts.set(id, text);
      const again = document.querySelector(`[data-consultation="${CSS.escape(id)}"] input[data-consult-message]`);
      if (again && !again.value) again.value = text;
      this.onError(error);
    }
  }

  /** After a command on an exchange whose buttons changed: the keyboard goes to its message line, if it was lost. */
  toMessage(c) {
    if (document.activeElement && document.activeElement !== document.body) return;
    document.querySelector(`[data-consultation="${CSS.escape(c.consultationId)}"] input[data-consult-message]`)?.focus();
  }

  /**
   * The exchange the keyboard was in has gone (closed, or the interaction was handed over): the keyboard goes to what
   * comes next there rather than to the top of the page.
   */
  refocus(where) {
    if (document.activeElement && document.activeElement !== document.body) return;
    const next = where === 'workspace'
      ? document.querySelector('#interaction [data-do="cancel-transfer"], #interaction [data-menu]')
      : document.querySelector('#consultation-list input[data-consult-message], #work [data-task][tabindex="0"]');
    next?.focus();
  }
}

/**
 * The dialog opening a consultation about the interaction in hand: colleagues who are signed in, from the IM
 * directory, filtered here as one types. The server checks again (offline since, already consulting…) and its refusal
 * is shown here, where the agent chose.
 */
export class ConsultDialog {
  constructor({ names, me, opened }) {
    this.names = names;
    this.me = me;
    this.opened = opened;
    this.interaction = null;
    this.colleagues = null;       // the directory, once read for this opening
    this.reads = 0;               // a read that comes back after the dialog closed is dropped
    this.sending = false;
    this.landing = null;          // the consultation just opened: the keyboard goes to its message line
    const dialog = $('consult');
    dialog.addEventListener('click', (event) => this.clicked(event));
    dialog.addEventListener('keydown', (event) => this.keys(event));
    // Escape and Close end up here; the keyboard goes back to the workspace the agent came from
    dialog.addEventListener('close', () => {
      this.reads += 1;
      this.interaction = null;
      const landing = this.landing
        && document.querySelector(`[data-consultation="${CSS.escape(this.landing)}"] input[data-consult-message]`);
      this.landing = null;
      (landing || document.querySelector('#interaction [data-menu]'))?.focus();
    });
    $('consult-search').addEventListener('input', () => this.renderList());
  }

  isOpen() {
    return $('consult').open;
  }

  open(interaction) {
    this.interaction = interaction;
    this.colleagues = null;
    $('consult-search').value = '';
    this.showError(null);
    this.render();
    if (!this.isOpen()) $('consult').showModal();
    $('consult-search').focus();
    this.load();
  }

  close() {
    if (this.isOpen()) $('consult').close();
  }

  /** After every re-read: the dialog closes once the interaction is no longer active in my hands. */
  follow(inHand, onError) {
    if (!this.isOpen()) return;
    const now = inHand.find((i) => i.interactionId === this.interaction.interactionId && !i.part);
    if (now?.state === 'ACTIVE' && !now.transfer) return;
    const refusal = $('consult-error').hidden ? null : $('consult-error').textContent;
    this.close();
    if (refusal) onError(new Error(refusal));
  }

  reset() {
    this.close();
    this.colleagues = null;
  }

  async load() {
    if (!this.interaction) return;
    const read = ++this.reads;
    try {
      const colleagues = await api('GET', '/im/colleagues');
      if (read !== this.reads) return;
      this.colleagues = colleagues;
      this.names.remember(colleagues);
      this.showError(null);
      this.renderList();
    } catch (error) {
      if (read === this.reads) this.showError(error);
    }
  }

  showError(error) {
    $('consult-error').textContent = error ? error.message : '';
    $('consult-error').hidden = !error;
  }

  render() {
    const i = this.interaction;
    if (!i) return;
    $('consult-title').textContent = t('consult.title', { channel: t('channel.' + i.channel),
      customer: i.customerAddress });
    $('consult-search').placeholder = t('consult.search');
    this.renderList();
  }

  renderList() {
    const query = $('consult-search').value.trim().toLocaleLowerCase();
    const rank = (c) => PRESENCE_ORDER.indexOf(c.presence);
    const rows = (this.colleagues || [])
      .filter((c) => c.presence !== 'OFFLINE' && c.agentId !== this.me())
      .filter((c) => !query || c.displayName.toLocaleLowerCase().includes(query)
        || (c.login || '').toLocaleLowerCase().includes(query))
      .sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName))
      .map((c) => {
        const presence = t('presence.' + c.presence) + (c.reasonCode ? ` (${c.reasonCode})` : '');
        return `<li class="target" data-consult-agent="${escape(c.agentId)}">
          <span class="who"><b>${escape(c.displayName)}</b> <span class="hint">${escape(c.login)}</span></span>
          <span class="im-presence ${escape(c.presence)}" data-presence="${escape(c.presence)}">${escape(presence)}</span>
          <button data-do="consult-with" aria-label="${escape(`${t('consult.with', { name: c.displayName })} — ${presence}`)}">${
  t('consult.choose')}</button></li>`;
      });
    // the list is redrawn under the keyboard (the directory came back): the focused row's button is found again
    const row = document.activeElement?.closest?.('[data-consult-agent]')?.dataset.consultAgent;
    $('consult-agents').innerHTML = !this.colleagues ? `<p class="hint">${t('consult.loading')}</p>`
      : rows.length ? `<ul class="targets">${rows.join('')}</ul>` : `<p class="hint">${t('consult.nobody')}</p>`;
    if (row) ($('consult-agents').querySelector(`[data-consult-agent="${CSS.escape(row)}"] button`) || $('consult-search')).focus();
  }

  clicked(event) {
    if (event.target.closest('#consult-reload')) return this.load();
    if (event.target.closest('#consult-close')) return this.close();
    const button = event.target.closest('button[data-do="consult-with"]');
    return button ? this.consult(button.closest('[data-consult-agent]').dataset.consultAgent) : undefined;
  }

  /** Escape closes even from the search box; Down and Up go from the search box into the list and along it. */
  keys(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [$('consult-search'), ...$('consult-agents').querySelectorAll('button[data-do="consult-with"]')];
    const at = stops.indexOf(event.target);
    const next = at === -1 ? null : stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  /** Asks the server; on success the dialog closes onto the new exchange, on refusal it says why. */
  async consult(agentId) {
    if (this.sending || !this.interaction) return;   // a double click must not ask twice (already-consulting)
    this.sending = true;
    try {
      this.showError(null);
      const view = await api('POST', `/interactions/${this.interaction.interactionId}/consultations`, { agentId });
      this.landing = view.consultationId;
      await this.opened(view);
      this.close();
    } catch (error) {
      this.landing = null;
      await this.load();   // who is signed in has changed, most likely
      if (this.isOpen()) this.showError(error);
    } finally {
      this.sending = false;
    }
  }
}
