// Replies to the customer on the channels that send them later (EMAIL, SMS): the agent's reply is taken by the server
// at once and sent by its send queue afterwards, so each of my lines in the conversation says what became of it —
// queued, sent, delivered, or failed and why. Statuses are read with the interaction and then pushed as they change
// (REPLY_STATUS frames); a status is patched in place, so the agent typing next to it keeps the keyboard.
import { api, escape } from './api.js';
import { t } from './i18n.js';

export const REPLYING = ['EMAIL', 'SMS'];
const STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED'];
const GAVE_UP = ['FAILED', 'UNDELIVERED'];
const THROUGH = ['SENT', 'DELIVERED'];

/** Whether a reply can still be written: the interaction is live and mine alone (not handed over, not a guest's). */
export const repliable = (i) => REPLYING.includes(i.channel) && i.state === 'ACTIVE' && !i.part;

export class Replies {
  constructor({ onError }) {
    this.onError = onError;
    this.byId = new Map();        // replyId → its latest known status
    this.sending = new Set();     // interactions with a reply on its way to the server: a second Send waits
    this.session = 0;             // a read that comes back after sign-out is dropped
  }

  /**
   * Re-reads the statuses of an interaction I hold. Done at every re-read of the desk rather than once: a frame
   * missed while the socket was down, or a reply sent from another tab, is caught up there (the list is short).
   */
  async read(i) {
    if (!i || !REPLYING.includes(i.channel) || i.part) return;
    const { session } = this;
    try {
      const replies = await api('GET', `/interactions/${i.interactionId}/replies`);
      if (session === this.session) replies.forEach((r) => this.keep({ ...r, interactionId: i.interactionId }));
    } catch (error) {
      if (session === this.session) this.onError(error);
    }
  }

  /** Sends a reply; the server answers at once with it queued (the refusal, if any, is the caller's to show). */
  async send(interactionId, text) {
    if (this.sending.has(interactionId)) return false;
    this.sending.add(interactionId);
    try {
      const reply = await api('POST', `/interactions/${interactionId}/replies`, { text });
      this.keep({ ...reply, updatedAt: reply.updatedAt || reply.at });
      return true;
    } finally {
      this.sending.delete(interactionId);
    }
  }

  /** A pushed change: kept, and the status shown (if it is) re-drawn where it stands. */
  receive(reply) {
    if (!reply?.replyId || !this.keep(reply)) return;
    document.querySelectorAll(`[data-reply="${CSS.escape(reply.replyId)}"]`).forEach((shown) => {
      shown.outerHTML = this.status(reply.replyId);
    });
  }

  /**
   * Keeps the newer of what is known and what arrived: a read (or the send's own answer) coming back after a push
   * must not put an older status back; at the same instant, the one further along wins. Returns whether it was kept.
   */
  keep(reply) {
    const known = this.byId.get(reply.replyId);
    const age = Date.parse(known?.updatedAt) - Date.parse(reply.updatedAt);
    if (age > 0 || (age === 0 && STATUSES.indexOf(known.status) > STATUSES.indexOf(reply.status))) return false;
    this.byId.set(reply.replyId, { ...known, ...reply });
    return true;
  }

  /**
   * A reply's status in words, beside its line; with the reason when it failed or is being tried again. A reply
   * whose status is not known yet gets an empty mark, to be filled in place when its status arrives.
   */
  status(replyId) {
    const r = this.byId.get(replyId);
    if (!r) return `<span class="reply-status" data-reply="${escape(replyId)}"></span>`;
    const retrying = r.attempts > 1 && !THROUGH.includes(r.status) && !GAVE_UP.includes(r.status);
    const said = [STATUSES.includes(r.status) ? t('reply.' + r.status) : r.status,
      retrying ? t('reply.attempt', { attempts: r.attempts }) : ''].filter(Boolean).join(' ');
    const why = (retrying || GAVE_UP.includes(r.status)) && r.reason ? `: ${r.reason}` : '';
    return `<span class="reply-status" data-reply="${escape(replyId)}" data-reply-status="${escape(r.status)}">${
      escape(said + why)}</span>`;
  }

  reset() {
    this.session += 1;
    this.byId.clear();
    this.sending.clear();
  }
}
