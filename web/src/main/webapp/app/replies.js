// Replies to the customer on the channels that send them later (EMAIL, SMS): the agent's reply is taken by the server
// at once and sent by its send queue afterwards, so each of my lines in the conversation says what became of it —
// queued, sent, delivered, or failed and why. Statuses are read with the interaction and then pushed as they change
// (REPLY_STATUS frames); a status is patched in place, so the agent typing next to it keeps the keyboard.
// The composer also offers the tenant's message templates (OB7), filled by the server for the conversation's customer,
// and, in an email, small images (OB10): uploaded at once, shown as thumbnails, and sent as HTML with the text; the
// server decides (size, kind, a tenant handling card data has none), and its refusals are said in words.
import { api, escape, upload } from './api.js';
import { t } from './i18n.js';

export const REPLYING = ['EMAIL', 'SMS'];
const STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED'];
const GAVE_UP = ['FAILED', 'UNDELIVERED'];
const THROUGH = ['SENT', 'DELIVERED'];
/** An inline image's limits, the server's too: checked here first only to say so before uploading. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'];
export const MAX_IMAGE_BYTES = 15360;

/** Whether a reply can still be written: the interaction is live and mine alone (not handed over, not a guest's). */
export const repliable = (i) => REPLYING.includes(i.channel) && i.state === 'ACTIVE' && !i.part;

/** The stable code of a refusal: the last part of its problem type ("/problems/template-value-missing"). */
export const codeOf = (error) => String(error?.type || '').split('/').pop();

/** What a template's refusal says is missing, as the server names it ("{{customer.firstName}}"). */
const missing = (error) => [...new Set(String(error?.message ?? '').match(/\{\{[^{}]+\}\}/g) || [])].join(', ');

/**
 * A refusal of a template, an image or a reply in the agent's language. A code not known here keeps the server's
 * words (meant for people too), and so does a missing value whose names cannot be read from them: the agent must
 * learn which value lacks.
 */
export function inWords(error) {
  const code = codeOf(error);
  const key = `reply.problem.${code}`;
  const names = missing(error);
  if (!code || t(key) === key || (code === 'template-value-missing' && !names)) return error.message;
  return t(key, { names });
}

/** The tenant's templates of one channel (OB7), by name. */
export const templatesOf = (channel) => api('GET', `/outbound/templates?channel=${encodeURIComponent(channel)}`);

/** A template filled by the server for the customer at this number or address: its text and (email) subject. */
export const fillTemplate = (templateId, to) => api('POST',
  `/outbound/templates/${encodeURIComponent(templateId)}/fill`, { to });

/**
 * An email's HTML when images go with it: the text as typed (escaped, each line break kept as <br>), then each image
 * by the URL the server gave it, its file's name as its text for those who do not see it.
 */
export const htmlOf = (text, images) => escape(text).replace(/\r\n|\r|\n/g, '<br>')
  + images.map((image) => `<img src="${escape(image.url)}" alt="${escape(image.name)}">`).join('');

export class Replies {
  constructor({ onError }) {
    this.onError = onError;
    this.byId = new Map();        // replyId → its latest known status
    this.sending = new Set();     // interactions with a reply on its way to the server: a second Send waits
    this.session = 0;             // a read that comes back after sign-out is dropped
    this.templates = new Map();   // channel → the tenant's templates, re-read when another conversation is shown
    this.chosen = new Map();      // interactionId → the template picked in its composer (kept across re-draws)
    this.images = new Map();      // interactionId → the images uploaded for its next email, in order
  }

  /** The templates of the conversation's channel, re-read when it is shown (an administrator may change them). */
  async readTemplates(i) {
    if (!i || !REPLYING.includes(i.channel) || i.part) return;
    const { session } = this;
    try {
      const templates = await templatesOf(i.channel);
      if (session === this.session) this.templates.set(i.channel, templates);
    } catch (error) {
      if (session === this.session) this.onError(error);
    }
  }

  /**
   * The composer's template picker: the channel's templates and a button putting the chosen one in the reply. A
   * button rather than on choosing: the arrow keys choose in a closed list, and each would fill it again.
   */
  picker(i) {
    const templates = this.templates.get(i.channel) || [];
    if (!templates.length) return '';
    const chosen = this.chosen.get(i.interactionId) || '';
    const options = templates.map((template) => `<option value="${escape(template.templateId)}"${
      template.templateId === chosen ? ' selected' : ''}>${escape(template.name)}</option>`).join('');
    return `<div class="bar templates"><label><span>${t('reply.template')}</span>
        <select id="reply-template" data-reply-template><option value="">${t('template.none')}</option>${options}</select></label>
      <button type="button" data-do="insert-template">${t('reply.insertTemplate')}</button></div>`;
  }

  /** The picked template filled for the conversation's customer (the caller puts it in the box); null if none. */
  async filled(i) {
    const templateId = this.chosen.get(i.interactionId);
    const template = (this.templates.get(i.channel) || []).find((one) => one.templateId === templateId);
    if (!template) return null;
    try {
      return { ...await fillTemplate(template.templateId, i.customerAddress), name: template.name };
    } catch (error) {
      throw Object.assign(new Error(inWords(error)), { type: error.type });
    }
  }

  /**
   * An email's images: a file button with the limits said next to it, and those added as small thumbnails, each
   * with a button to take it out again (named with the file, as is the thumbnail for those who do not see it).
   */
  imageTools(i) {
    const images = this.images.get(i.interactionId) || [];
    const thumbnails = images.map((image, n) => `<li data-inline-image="${escape(image.url)}">
        <img class="thumbnail" src="${escape(image.url)}" alt="${escape(image.name)}">
        <button type="button" class="small" data-do="remove-image" data-image="${n}"
          aria-label="${escape(t('reply.removeImageNamed', { name: image.name }))}">${t('reply.removeImage')}</button></li>`);
    return `<div class="inline-images"><div class="bar"><label><span>${t('reply.addImage')}</span>
        <input id="reply-image" type="file" data-reply-image accept="${IMAGE_TYPES.join(',')}" multiple
          aria-describedby="reply-image-hint"></label>
        <span id="reply-image-hint" class="hint">${t('reply.imageHint')}</span></div>
      ${thumbnails.length ? `<ul class="thumbnails" aria-label="${t('reply.images')}">${thumbnails.join('')}</ul>` : ''}
    </div>`;
  }

  /**
   * Uploads one image for the conversation's next email. Its kind and size are checked here first, only to say so
   * at once; the server checks them again and decides. A refusal comes back in words.
   */
  async addImage(interactionId, file) {
    if (!IMAGE_TYPES.includes(file.type)) throw new Error(t('reply.imageKind', { name: file.name }));
    if (file.size > MAX_IMAGE_BYTES) {
      throw new Error(t('reply.imageTooLarge', { name: file.name, size: Math.ceil(file.size / 1024) }));
    }
    const { session } = this;
    let uploaded;
    try {
      uploaded = await upload(`/interactions/${interactionId}/inline-images`, file);
    } catch (error) {
      throw Object.assign(new Error(inWords(error)), { type: error.type });
    }
    if (session !== this.session) return;
    this.images.set(interactionId, [...(this.images.get(interactionId) || []),
      { url: uploaded.url, name: file.name, size: uploaded.size }]);
  }

  /** Takes an image out of the next email (it stays on the server, unused, until purged); returns its name. */
  removeImage(interactionId, n) {
    const images = [...(this.images.get(interactionId) || [])];
    const [removed] = images.splice(n, 1);
    this.images.set(interactionId, images);
    return removed?.name;
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

  /**
   * Sends a reply; the server answers at once with it queued (the refusal, if any, is the caller's to show, in words).
   * An email with images goes as HTML too (the text alone stays for mail clients that show no HTML); without, as
   * text only. Once taken, its images are the sent email's, no longer the next one's.
   */
  async send(interactionId, text) {
    if (this.sending.has(interactionId)) return false;
    this.sending.add(interactionId);
    const images = this.images.get(interactionId) || [];
    try {
      const reply = await api('POST', `/interactions/${interactionId}/replies`,
        images.length ? { text, html: htmlOf(text, images) } : { text });
      this.keep({ ...reply, updatedAt: reply.updatedAt || reply.at });
      this.images.set(interactionId, (this.images.get(interactionId) || []).filter((one) => !images.includes(one)));
      this.chosen.delete(interactionId);
      return true;
    } catch (error) {
      throw Object.assign(new Error(inWords(error)), { type: error.type });
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
    this.templates.clear();
    this.chosen.clear();
    this.images.clear();
  }
}
