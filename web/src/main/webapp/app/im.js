// Internal IM with colleagues (CH3), in the top bar's IM slot: colleagues with their presence, one conversation at a
// time, messages in and out over the event socket. Nothing is saved — not on the server, not in this browser's
// storage: a conversation lasts as long as the page.
import { api, escape, keepingFocus } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const PRESENCE_ORDER = ['AVAILABLE', 'BUSY', 'NOT_READY', 'OFFLINE'];

export class InstantMessages {
  constructor({ onError, me }) {
    this.onError = onError;
    this.me = me;                 // () => the signed-in agent's id
    this.colleagues = [];
    this.talks = new Map();       // colleague id → [{ mine, text, at }] for this page's life only
    this.unread = new Map();
    this.with = null;
    this.drafts = new Map();      // unsent text per colleague survives re-renders
    this.session = 0;             // a reply that comes after sign-out is dropped
    $('slot-im').innerHTML = `<button id="im-open" class="plain" aria-expanded="false" aria-controls="im"></button>`;
    document.body.insertAdjacentHTML('beforeend', `<aside id="im" class="im" hidden aria-labelledby="im-title">
      <header class="bar"><h2 id="im-title"></h2><span class="spacer"></span>
        <button id="im-reload" class="small"></button><button id="im-close" class="small"></button></header>
      <p class="hint" id="im-not-saved"></p>
      <input id="im-search" type="search">
      <div id="im-colleagues" class="im-colleagues" role="listbox"></div>
      <section id="im-talk"></section>
      <p id="im-live" class="visually-hidden" aria-live="polite"></p></aside>`);
    $('im-open').onclick = () => this.toggle(!this.isOpen());
    $('im-close').onclick = () => this.toggle(false);
    $('im-reload').onclick = () => this.refresh().catch(onError);
    $('im-search').addEventListener('input', () => this.render());
    $('im').addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.toggle(false);
        $('im-open').focus();
      } else if (event.key === 'Enter' && event.target.id === 'im-text' && !event.isComposing) {
        event.preventDefault();
        this.send();
      }
    });
    // the colleagues are a list: arrows move between them, Enter opens the conversation
    $('im-colleagues').addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const all = [...$('im-colleagues').querySelectorAll('[data-colleague]')];
      const next = all[all.indexOf(event.target.closest('[data-colleague]')) + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    });
    // presence is read again while the panel is open (colleagues' state changes are not pushed to peers)
    setInterval(() => {
      if (this.isOpen()) this.refresh().catch(() => {});
    }, 30000);
    $('im-colleagues').addEventListener('click', (event) => {
      const colleague = event.target.closest('[data-colleague]');
      if (colleague) this.open(colleague.dataset.colleague);
    });
    $('im-talk').addEventListener('click', (event) => {
      if (event.target.closest('#im-send')) this.send();
    });
    $('im-talk').addEventListener('input', (event) => {
      if (event.target.id === 'im-text') this.drafts.set(this.with, event.target.value);
    });
  }

  isOpen() {
    return !$('im').hidden;
  }

  async toggle(open) {
    $('im').hidden = !open;
    $('im-open').setAttribute('aria-expanded', String(open));
    if (open) {
      await this.refresh().catch(this.onError);
      $('im-search').focus();
    }
    this.render();
  }

  async refresh() {
    const { session } = this;
    const colleagues = await api('GET', '/im/colleagues');
    if (session !== this.session) return;
    this.colleagues = colleagues;
    this.render();
  }

  open(colleagueId) {
    this.with = colleagueId;
    this.unread.delete(colleagueId);
    this.render();
    $('im-text')?.focus();
  }

  /** A frame from the socket (a colleague's message to me, or mine from another tab), or my own just sent. */
  receive(message) {
    const mine = message.from === this.me();
    const other = mine ? message.to : message.from;
    const talk = this.talks.get(other) || [];
    if (talk.some((m) => m.id === message.messageId)) return;   // mine, shown when sent, back over my socket
    talk.push({ id: message.messageId, mine, text: message.text, at: message.sentAt });
    this.talks.set(other, talk.slice(-200));
    if (!mine && (!this.isOpen() || this.with !== other)) this.unread.set(other, (this.unread.get(other) || 0) + 1);
    // read out once, the new line only (the transcript itself is redrawn, and would be read again whole)
    if (!mine) $('im-live').textContent = `${message.fromName}: ${message.text}`;
    if (!this.colleagues.some((c) => c.agentId === other)) {
      this.colleagues.push({ agentId: other, displayName: mine ? message.toName : message.fromName, login: '',
        presence: 'AVAILABLE' });
    }
    this.render();
  }

  async send() {
    const input = $('im-text');
    const text = input?.value.trim();
    const to = this.with;
    const { session } = this;
    if (!text || !to) return;
    // cleared now (the message is shown when it comes back over the socket, like in my other tabs); put back if
    // the server refuses it
    this.drafts.delete(to);
    input.value = '';
    try {
      this.onError(null);
      const sent = await api('POST', '/im/messages', { to, text });
      if (this.session === session) {
        this.receive({ messageId: sent.messageId, from: this.me(), to, text, sentAt: sent.sentAt,
          toName: this.colleagues.find((c) => c.agentId === to)?.displayName });
      }
    } catch (error) {
      this.drafts.set(to, text);
      if (this.with === to && $('im-text')) $('im-text').value = text;
      this.onError(error);
    }
  }

  /** Sign-out: the conversations, the list and what is on screen go. */
  reset() {
    this.session += 1;
    this.colleagues = [];
    this.talks.clear();
    this.unread.clear();
    this.drafts.clear();
    this.with = null;
    $('im').hidden = true;
    $('im-open').setAttribute('aria-expanded', 'false');
    $('im-search').value = '';
    $('im-colleagues').innerHTML = '';
    $('im-talk').innerHTML = '';
    $('im-live').textContent = '';
    this.render();
  }

  render() {
    const unread = [...this.unread.values()].reduce((a, b) => a + b, 0);
    $('im-open').textContent = unread ? t('im.openUnread', { count: unread }) : t('im.open');
    $('im-title').textContent = t('im.title');
    $('im-not-saved').textContent = t('im.notSaved');
    $('im-reload').textContent = t('im.reload');
    $('im-close').textContent = t('im.close');
    $('im-search').setAttribute('aria-label', t('im.search'));
    $('im-search').placeholder = t('im.search');
    if (!this.isOpen()) return;
    const query = $('im-search').value.trim().toLocaleLowerCase();
    const shown = this.colleagues.filter((c) => !query || c.displayName.toLocaleLowerCase().includes(query)
        || c.login.toLocaleLowerCase().includes(query))
      .sort((a, b) => PRESENCE_ORDER.indexOf(a.presence) - PRESENCE_ORDER.indexOf(b.presence)
        || a.displayName.localeCompare(b.displayName));
    keepingFocus($('im-colleagues'), () => {
      $('im-colleagues').innerHTML = shown.map((c) => `<button class="colleague" role="option" data-colleague="${escape(c.agentId)}"
          aria-selected="${c.agentId === this.with}"><span class="im-presence ${escape(c.presence)}">${escape(t('presence.' + c.presence))}${c.reasonCode
  ? ` (${escape(c.reasonCode)})` : ''}</span> ${escape(c.displayName)}${this.unread.get(c.agentId)
  ? ` <span class="badge">${this.unread.get(c.agentId)}</span>` : ''}</button>`).join('')
        || `<p class="hint">${t('im.nobody')}</p>`;
    });
    const colleague = this.colleagues.find((c) => c.agentId === this.with);
    const draft = this.drafts.get(this.with) || '';
    const typing = document.activeElement?.id === 'im-text';
    $('im-talk').innerHTML = !colleague ? `<p class="hint">${t('im.choose')}</p>`
      : `<h3>${escape(colleague.displayName)}</h3>
        <ol class="transcript">${(this.talks.get(colleague.agentId) || []).map((m) => `<li class="${m.mine ? 'mine' : 'theirs'}">`
          + `<b>${m.mine ? t('work.you') : escape(colleague.displayName)}</b> ${escape(m.text)}</li>`).join('')}</ol>
        <div class="bar send"><input id="im-text" maxlength="2000" autocomplete="off" aria-label="${escape(t('im.message', { name: colleague.displayName }))}"
          value="${escape(draft)}"><button id="im-send">${t('im.send')}</button></div>`;
    if (typing) $('im-text')?.focus();
  }
}
