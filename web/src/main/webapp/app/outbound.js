// "New conversation" (OB1–OB6, OB9), in the top bar's slot: a dialog that starts an SMS or email conversation with a
// customer from one of the tenant's entry points. There is no offer: the conversation is the agent's at once, the
// desk selects it and the agent writes its first message in its reply box, as in any other conversation. The server
// decides everything (licence, profile, allowance, one open conversation per customer and channel); a refusal is
// said here in words, with what the agent typed kept, so they can correct it and try again.
// A template (OB7) may write the first message: the server fills it for the customer in To (a value it lacks, the
// customer's name say, is refused in words); an email's subject comes with it, and its text waits in the new
// conversation's reply box, the agent's to change before sending.
import { api, escape } from './api.js';
import { t } from './i18n.js';
import { fillTemplate, inWords, templatesOf } from './replies.js';

const $ = (id) => document.getElementById(id);
const CHANNELS = ['SMS', 'EMAIL'];
const PLACEHOLDERS = { SMS: '+5511987654321', EMAIL: 'maria@example.com' };
// the field a refusal is about takes the keyboard, to be corrected there
const FIELD_OF = { 'invalid-recipient': 'outbound-to', 'conversation-exists': 'outbound-to',
  'subject-required': 'outbound-subject', 'subject-used': 'outbound-subject', 'unknown-entry-point': 'outbound-from',
  'template-value-missing': 'outbound-template', 'template-not-found': 'outbound-template' };

/** The stable code of a refusal: the last part of its problem type ("/problems/subject-used"). */
const codeOf = (error) => String(error?.type || '').split('/').pop();

/**
 * A refusal in the agent's language: the channel's own sentence for the code, or the code's, or a template's as the
 * reply box says it, or else (a code this page does not know, the network) the words the error came with.
 */
function said(error, channel) {
  const code = codeOf(error);
  for (const key of [`outbound.problem.${code}.${channel}`, `outbound.problem.${code}`]) {
    if (code && t(key) !== key) return t(key);
  }
  return inWords(error);
}

export class OutboundDialog {
  constructor({ onError, started }) {
    this.onError = onError;       // a refusal that comes back after the dialog was closed goes to the page's line
    this.started = started;       // (interactionId, text) => the desk selects it, re-reads, puts the text in its box
    this.origins = null;          // the tenant's SMS and email entry points, read at each opening
    this.channel = null;
    this.fromOf = {};             // the entry point last chosen per channel, chosen again next time
    this.reads = 0;               // a read that comes back after the dialog closed is dropped
    this.sending = false;
    this.templates = null;        // the chosen channel's templates, read at each opening and change of channel
    this.templateReads = 0;
    this.filling = null;          // { key, answer }: the chosen template filled for the To written, asked once
    this.fillings = 0;            // only the latest choice's answer is shown
    this.templateSubject = null;  // the subject a template wrote: the next template replaces it, unless edited
    $('slot-conversation').innerHTML = `<button id="new-conversation" class="plain" data-do="new-conversation"
      aria-haspopup="dialog" aria-controls="outbound"></button>`;
    $('new-conversation').onclick = () => this.open();
    $('outbound-channel').onchange = () => {
      this.channel = $('outbound-channel').value;
      this.showError(null);
      this.forgetTemplate();
      this.render();
      this.loadTemplates();
    };
    // a template is filled on choosing it, and again for another To (the name it greets may differ)
    $('outbound-template').onchange = () => this.chooseTemplate();
    $('outbound-to').addEventListener('change', () => {
      if ($('outbound-template').value) this.chooseTemplate();
    });
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
      this.templateReads += 1;
      this.fillings += 1;
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
    this.templates = null;
    $('outbound-to').value = '';
    $('outbound-subject').value = '';
    this.forgetTemplate();
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
    this.templates = null;
    this.forgetTemplate();
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
      this.loadTemplates();
    } catch (error) {
      if (read === this.reads) this.showError(error);
    }
  }

  /** The chosen channel's templates, as they are now; until they come, "No template" alone. */
  async loadTemplates() {
    const read = ++this.templateReads;
    const { channel } = this;
    this.templates = null;
    this.renderTemplates();
    if (!channel) return;
    try {
      const templates = await templatesOf(channel);
      if (read !== this.templateReads) return;
      this.templates = templates;
      this.renderTemplates();
    } catch (error) {
      if (read === this.templateReads) this.showError(error);
    }
  }

  /** The template list (the one chosen stays chosen while it is there). */
  renderTemplates() {
    const select = $('outbound-template');
    const chosen = select.value;
    select.innerHTML = `<option value="">${t('template.none')}</option>${(this.templates || [])
      .map((one) => `<option value="${escape(one.templateId)}">${escape(one.name)}</option>`).join('')}`;
    if ((this.templates || []).some((one) => one.templateId === chosen)) select.value = chosen;
  }

  /** No template: its filling is forgotten, and so is a subject it wrote that the agent left as it was. */
  forgetTemplate() {
    this.fillings += 1;
    this.filling = null;
    if (this.templateSubject !== null && $('outbound-subject').value === this.templateSubject) {
      $('outbound-subject').value = '';
    }
    this.templateSubject = null;
    $('outbound-template').value = '';
    this.showTemplateNote(null);
  }

  /**
   * The chosen template filled for the To written now. Asked once per template and To: choosing it, leaving To and
   * starting share one answer; a failed one is asked again next time.
   */
  filledNow() {
    const templateId = $('outbound-template').value;
    const to = $('outbound-to').value.trim();
    const key = `${templateId} ${to}`;
    if (this.filling?.key !== key) {
      const answer = fillTemplate(templateId, to);
      this.filling = { key, answer };
      answer.catch(() => {
        if (this.filling?.answer === answer) this.filling = null;
      });
    }
    return this.filling.answer;
  }

  /**
   * A template chosen (or To changed with one chosen): filled at once, its text shown as it will be written and its
   * subject put in place; a refusal is said in words. Without a To there is no one to fill it for: said so, and it
   * is filled once To is written.
   */
  async chooseTemplate() {
    const asked = ++this.fillings;
    this.showError(null);
    if (!$('outbound-template').value) {
      this.forgetTemplate();
      return;
    }
    if (!$('outbound-to').value.trim()) {
      this.showTemplateNote(null);
      $('outbound-error').textContent = t('outbound.templateNeedsTo.' + (this.channel === 'EMAIL' ? 'EMAIL' : 'SMS'));
      $('outbound-error').hidden = false;
      return;
    }
    this.showTemplateNote(t('outbound.templateFilling'));
    try {
      const filled = await this.filledNow();
      if (asked === this.fillings) this.useFilled(filled);
    } catch (error) {
      if (asked !== this.fillings) return;   // another template or To since: its answer is the one that counts
      this.showTemplateNote(null);
      this.showError(error);
    }
  }

  /** A filled template: its text shown as the first message will hold it; its subject, unless the agent wrote one. */
  useFilled(filled) {
    const subject = $('outbound-subject');
    if (this.channel === 'EMAIL' && filled.subject
      && (!subject.value.trim() || subject.value === this.templateSubject)) {
      subject.value = filled.subject;
      this.templateSubject = filled.subject;
    }
    this.showTemplateNote(t('outbound.templateFilled'), filled.text);
  }

  showTemplateNote(label, text) {
    $('outbound-template-note').textContent = label ? [label, text].filter(Boolean).join('\n') : '';
    $('outbound-template-note').hidden = !label;
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
    this.renderTemplates();
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
   * The chosen template's text for the To written now (filled first if it was not yet, its subject put in place);
   * null without a template, or without a To (which is then said missing).
   */
  async templateText() {
    if (!$('outbound-template').value || !$('outbound-to').value.trim()) return null;
    const asked = ++this.fillings;
    const filled = await this.filledNow();
    if (asked === this.fillings) this.useFilled(filled);
    return filled.text;
  }

  /**
   * Asks the server; once started the dialog closes and the desk shows the conversation, with the template's text
   * (if one was chosen) in its reply box. A refusal (of the template too: nothing is started then) is said in the
   * dialog, with everything typed still there; if the agent closed it meanwhile, on the page's line.
   */
  async start() {
    if (this.sending || !this.channels().length) return;
    const channel = this.channel;
    this.sending = true;
    this.renderStart();
    try {
      this.showError(null);
      const text = await this.templateText();
      if (!this.isOpen() || !this.complete()) return;   // closed while the template was filled: nothing to start
      const body = { from: $('outbound-from').value, to: $('outbound-to').value.trim() };
      if (channel === 'EMAIL') body.subject = $('outbound-subject').value.trim();
      const { interactionId } = await api('POST', '/outbound/conversations', body);
      this.close();
      await this.started(interactionId, text);
    } catch (error) {
      if (!this.isOpen()) {
        this.onError(new Error(said(error, channel)));
        return;
      }
      this.showError(error);
      $(FIELD_OF[codeOf(error)] || 'outbound-to').focus();
      if (codeOf(error) === 'unknown-entry-point') this.load();   // it went meanwhile: the list as it is now
      if (codeOf(error) === 'template-not-found') this.loadTemplates();
    } finally {
      this.sending = false;
      this.renderStart();
    }
  }
}
