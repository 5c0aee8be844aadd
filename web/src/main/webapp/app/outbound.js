// "New conversation" (OB1–OB6, OB9), in the top bar's slot: a dialog that starts an SMS or email conversation with a
// customer from one of the tenant's entry points. There is no offer: the conversation is the agent's at once, the
// desk selects it and the agent writes its first message in its reply box, as in any other conversation. The server
// decides everything (licence, profile, allowance, one open conversation per customer and channel); a refusal is
// said here in words, with what the agent typed kept, so they can correct it and try again.
import { api, escape } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const CHANNELS = ['SMS', 'EMAIL'];
const PLACEHOLDERS = { SMS: '+5511987654321', EMAIL: 'maria@example.com' };
// the field a refusal is about takes the keyboard, to be corrected there
const FIELD_OF = { 'invalid-recipient': 'outbound-to', 'conversation-exists': 'outbound-to',
  'subject-required': 'outbound-subject', 'subject-used': 'outbound-subject', 'unknown-entry-point': 'outbound-from' };

/** The stable code of a refusal: the last part of its problem type ("/problems/subject-used"). */
const codeOf = (error) => String(error?.type || '').split('/').pop();

/**
 * A refusal in the agent's language: the channel's own sentence for the code, or the code's, or else (a code this
 * page does not know, the network) the words the error came with.
 */
function said(error, channel) {
  const code = codeOf(error);
  for (const key of [`outbound.problem.${code}.${channel}`, `outbound.problem.${code}`]) {
    if (code && t(key) !== key) return t(key);
  }
  return error.message;
}

export class OutboundDialog {
  constructor({ onError, started }) {
    this.onError = onError;       // a refusal that comes back after the dialog was closed goes to the page's line
    this.started = started;       // (interactionId) => the desk selects it and re-reads
    this.origins = null;          // the tenant's SMS and email entry points, read at each opening
    this.channel = null;
    this.fromOf = {};             // the entry point last chosen per channel, chosen again next time
    this.reads = 0;               // a read that comes back after the dialog closed is dropped
    this.sending = false;
    $('slot-conversation').innerHTML = `<button id="new-conversation" class="plain" data-do="new-conversation"
      aria-haspopup="dialog" aria-controls="outbound"></button>`;
    $('new-conversation').onclick = () => this.open();
    $('outbound-channel').onchange = () => {
      this.channel = $('outbound-channel').value;
      this.showError(null);
      this.render();
    };
    $('outbound-from').onchange = () => { this.fromOf[this.channel] = $('outbound-from').value; };
    $('outbound-cancel').onclick = () => this.close();
    // Enter in To or Subject submits the form (the browser's own implicit submission); the checks are ours, in words
    $('outbound-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.start();
    });
    $('outbound').addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.close();
    });
    // Escape, Cancel and a start end up here; the keyboard goes back to the button (a started conversation then
    // takes it into its reply box)
    $('outbound').addEventListener('close', () => {
      this.reads += 1;
      $('new-conversation').focus();
    });
    this.render();
  }

  isOpen() {
    return $('outbound').open;
  }

  /** A fresh form (the channel and entry points chosen last time are kept), then the entry points as they are now. */
  open() {
    if (this.isOpen()) return;
    this.origins = null;
    $('outbound-to').value = '';
    $('outbound-subject').value = '';
    this.showError(null);
    this.render();
    $('outbound').showModal();
    $('outbound-to').focus();
    this.load();
  }

  close() {
    if (this.isOpen()) $('outbound').close();
  }

  reset() {
    this.close();
    this.origins = null;
    this.channel = null;
    this.fromOf = {};
  }

  async load() {
    const read = ++this.reads;
    try {
      const origins = await api('GET', '/outbound/origins');
      if (read !== this.reads) return;
      this.origins = origins;
      const offered = this.channels();
      if (!offered.includes(this.channel)) this.channel = offered[0] ?? null;
      this.render();
    } catch (error) {
      if (read === this.reads) this.showError(error);
    }
  }

  /** The channels a conversation can be started on: those with at least one entry point. */
  channels() {
    return CHANNELS.filter((channel) => this.origins?.some((o) => o.channel === channel));
  }

  showError(error) {
    $('outbound-error').textContent = error ? said(error, this.channel) : '';
    $('outbound-error').hidden = !error;
  }

  render() {
    $('new-conversation').textContent = t('outbound.open');
    const offered = this.channels();
    const none = Boolean(this.origins) && !offered.length;
    $('outbound-status').textContent = !this.origins ? t('outbound.loading') : none ? t('outbound.none') : '';
    $('outbound-status').hidden = Boolean(this.origins) && !none;
    $('outbound-channel').innerHTML = offered.map((channel) => `<option value="${channel}">${
      t('channel.' + channel)}</option>`).join('');
    if (this.channel) $('outbound-channel').value = this.channel;
    const from = (this.origins || []).filter((o) => o.channel === this.channel)
      .sort((a, b) => a.address.localeCompare(b.address));
    $('outbound-from').innerHTML = from.map((o) => `<option value="${escape(o.entryPointId)}">${
      escape(o.address)}</option>`).join('');
    const chosen = this.fromOf[this.channel];
    if (from.some((o) => o.entryPointId === chosen)) $('outbound-from').value = chosen;
    for (const select of ['outbound-channel', 'outbound-from']) $(select).disabled = !offered.length;
    const email = this.channel === 'EMAIL';
    const kind = email ? 'EMAIL' : 'SMS';   // the words for a number until the entry points are read
    $('outbound-to-label').textContent = t('outbound.to.' + kind);
    $('outbound-to').placeholder = PLACEHOLDERS[kind];
    $('outbound-to').type = email ? 'email' : 'tel';
    $('outbound-subject-field').hidden = !email;
    $('outbound-subject').required = email;
    this.renderStart();
  }

  renderStart() {
    $('outbound-start').disabled = this.sending || !this.channels().length;
  }

  /** Says in words what is missing, before asking; the field it is about takes the keyboard. False if anything is. */
  complete() {
    const missing = !$('outbound-to').value.trim() ? ['outbound-to', t('outbound.toMissing.' + this.channel)]
      : this.channel === 'EMAIL' && !$('outbound-subject').value.trim()
        ? ['outbound-subject', t('outbound.problem.subject-required')] : null;
    if (!missing) return true;
    $('outbound-error').textContent = missing[1];
    $('outbound-error').hidden = false;
    $(missing[0]).focus();
    return false;
  }

  /**
   * Asks the server; once started the dialog closes and the desk shows the conversation. A refusal is said in the
   * dialog, with everything typed still there; if the agent closed it meanwhile, on the page's line.
   */
  async start() {
    if (this.sending || !this.channels().length || !this.complete()) return;
    const channel = this.channel;
    const body = { from: $('outbound-from').value, to: $('outbound-to').value.trim() };
    if (channel === 'EMAIL') body.subject = $('outbound-subject').value.trim();
    this.sending = true;
    this.renderStart();
    try {
      this.showError(null);
      const { interactionId } = await api('POST', '/outbound/conversations', body);
      this.close();
      await this.started(interactionId);
    } catch (error) {
      if (!this.isOpen()) {
        this.onError(new Error(said(error, channel)));
        return;
      }
      this.showError(error);
      $(FIELD_OF[codeOf(error)] || 'outbound-to').focus();
      if (codeOf(error) === 'unknown-entry-point') this.load();   // it went meanwhile: the list as it is now
    } finally {
      this.sending = false;
      this.renderStart();
    }
  }
}
