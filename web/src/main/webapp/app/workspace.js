// The workspace: the selected interaction's status area (channel, customer, state, timers, and an Action menu with
// the contact's known numbers and addresses, Transfer…, Consult… and the tenant's workflows), who is in the
// conversation while colleagues are in conference (conference.js), its content drawn by one renderer per channel (an
// email's or SMS's reply box with its templates and images: replies.js), its controls (end, leave the conversation,
// After-Call-Work extension, park, Done), a pending transfer with its countdown, the private consultations I opened
// about it (consult.js), and the customer's earlier interactions — for an email or SMS, their earlier conversations
// with what was said in each.
import { api, clock, download, escape, keepingFocus, secondsUntil, since } from './api.js';
import { t } from './i18n.js';
import { conferenceOf, inConference, partyList } from './conference.js';
import { REPLYING } from './replies.js';
import { field, when } from './channels/common.js';
import { renderVoice } from './channels/voice.js';
import { plain, renderEmail } from './channels/email.js';
import { renderChat } from './channels/chat.js';
import { renderFacebook, renderTwitter } from './channels/social.js';
import { renderSms } from './channels/sms.js';
import { renderWorkItem } from './channels/workitem.js';

const $ = (id) => document.getElementById(id);

// Simple line pictograms (drawn here: no icon font to load, and emoji fonts are missing on many desktops).
const svg = (body) => `<svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none"
  stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
const ICONS = {
  VOICE: svg('<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2"/>'),
  EMAIL: svg('<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>'),
  CHAT: svg('<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>'),
  FACEBOOK: svg('<path d="M18 2h-3a5 5 0 0 0-5 5v3H7v4h3v8h4v-8h3l1-4h-4V7a1 1 0 0 1 1-1h3z"/>'),
  TWITTER: svg('<circle cx="12" cy="12" r="4"/><path d="M16 8v5a3 3 0 0 0 6 0v-1a10 10 0 1 0-4 8"/>'),
  SMS: svg('<rect x="6" y="2" width="12" height="20" rx="2"/><path d="M10 18h4"/>'),
  WORKITEM: svg('<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6M8 13h8M8 17h8"/>'),
};
/** The channel's pictogram; the channel's name is always written next to it, so screen readers skip it. */
export const icon = (channel) => ICONS[channel] || '';

/** A pending transfer of an interaction I hold: it is frozen (no end, park or wrap-up) until the target answers. */
export const transferring = (i) => Boolean(i.transfer) && !i.part;

/** The state word of a task: a transfer in flight and a wrap-up owed after handing it over say so. */
export function badge(i) {
  if (i.part === 'HANDED_OVER') return t('transfer.badgeHandedOver');
  if (i.part === 'CONFERENCED') return t('conference.badge');
  return transferring(i) ? t('transfer.badgePending') : t('istate.' + i.state);
}

/** One renderer per channel: what the agent needs to handle it (brief: the few lines a task card shows). */
const RENDERERS = {
  VOICE: renderVoice,
  EMAIL: renderEmail,
  CHAT: renderChat,
  FACEBOOK: renderFacebook,
  TWITTER: renderTwitter,
  SMS: renderSms,
  WORKITEM: renderWorkItem,
};

/**
 * Where the earlier interactions come from: an email or SMS I handle or take part in reads the customer's earlier
 * conversations with what was said in them (OB12); other work, and one I handed over (no longer mine to read), the
 * customer's list.
 */
const conversational = (i) => REPLYING.includes(i.channel) && i.part !== 'HANDED_OVER';

/** The channel's JSON content, or nothing when it cannot be read. */
function parsed(i) {
  try {
    return JSON.parse(i.content) || {};
  } catch {
    return {};
  }
}

export class Workspace {
  constructor({ onError, run, notice, names, consultations, replies, me, myName }) {
    this.onError = onError;
    this.run = run;
    this.notice = notice;       // (text) => said on the desk's notice line (a workflow started)
    this.names = names;         // colleagues' names, for the transfer's target and those in conference
    this.me = me;               // () => the signed-in agent's id
    this.myName = myName;       // () => their display name, as the customer sees it on their chat lines
    this.consultations = consultations;
    this.replies = replies;     // email and SMS replies' send statuses (replies.js)
    this.interaction = null;
    this.customer = null;       // the contact of the interaction shown, once read
    this.history = [];
    this.reads = 0;             // a slower, older read never overwrites a newer one
    this.drafts = new Map();   // unsent chat, email or SMS text survives re-renders
    this.menuOpen = false;
    this.workflows = [];        // the tenant's workflows an agent may start (OB11), re-read with another interaction
    this.workflowReads = 0;
    this.opened = new Set();    // earlier conversations shown open: a re-draw must not fold them again
    $('interaction').addEventListener('input', (event) => {
      if (event.target.matches('input[data-message], [data-reply-text]')) {
        this.drafts.set(this.interaction.interactionId, event.target.value);
      }
    });
    $('interaction').addEventListener('click', (event) => this.menuClicked(event));
    $('interaction').addEventListener('click', (event) => this.attachmentClicked(event));
    $('interaction').addEventListener('keydown', (event) => this.menuKeys(event));
    $('interaction').addEventListener('click', (event) => this.composerClicked(event));
    $('interaction').addEventListener('change', (event) => {
      if (event.target.matches('select[data-reply-template]')) {
        this.replies.chosen.set(this.interaction.interactionId, event.target.value);
      }
    });
    // toggle does not bubble: caught on its way down
    $('interaction').addEventListener('toggle', (event) => {
      const id = event.target.dataset?.earlierConversation;
      if (id) this.opened[event.target.open ? 'add' : 'delete'](id);
    }, true);
    // the menu closes when the keyboard or a click leaves it
    $('interaction').addEventListener('focusout', (event) => {
      if (this.menuOpen && !event.relatedTarget?.closest?.('.menu')) this.toggleMenu(false);
    });
  }

  /**
   * Shows this interaction (or none). Its customer's addresses and history are read when another interaction is
   * shown (and again after a failed read); until they arrive the menu and history show nothing rather than another
   * customer's. An email's or SMS's reply statuses are read each time (replies.js says why).
   */
  async show(interaction) {
    const another = interaction?.interactionId !== this.interaction?.interactionId;
    if (another) this.menuOpen = false;
    this.interaction = interaction || null;
    await Promise.all([this.readCustomer(interaction, another), this.replies.read(interaction),
      ...(another && interaction ? [this.readWorkflows(), this.replies.readTemplates(interaction)] : [])]);
  }

  /**
   * The workflows the action menu offers. A failure offers none rather than putting up an error at every interaction
   * shown: starting one is an extra (and one who only supervises may not), the work itself is not held up.
   */
  async readWorkflows() {
    const read = ++this.workflowReads;
    try {
      const workflows = await api('GET', '/workflows');
      if (read === this.workflowReads) this.workflows = workflows || [];
    } catch {
      if (read === this.workflowReads) this.workflows = [];
    }
  }

  async readCustomer(interaction, another) {
    if (!interaction?.customerId) {
      this.reads += 1;
      this.customer = null;
      this.history = [];
      return;
    }
    if (!another && this.customer?.customerId === interaction.customerId) return;
    const read = ++this.reads;
    if (this.customer?.customerId !== interaction.customerId) {
      this.customer = null;
      this.history = [];
    }
    try {
      const [customer, history] = await Promise.all([api('GET', `/customers/${interaction.customerId}`),
        conversational(interaction) ? api('GET', `/interactions/${interaction.interactionId}/earlier`)
          : api('GET', `/customers/${interaction.customerId}/interactions`)]);
      if (read === this.reads) [this.customer, this.history] = [customer, history];
    } catch (error) {
      if (read === this.reads) this.onError(error);
    }
  }

  reset() {
    this.reads += 1;
    this.workflowReads += 1;
    this.interaction = null;
    this.customer = null;
    this.history = [];
    this.workflows = [];
    this.opened.clear();
    this.drafts.clear();
    this.menuOpen = false;
  }

  content(i, brief) {
    return (RENDERERS[i.channel] || (() => ''))(parsed(i), brief, i, this.drafts.get(i.interactionId),
      (m, c) => this.speaker(m, c, i), (replyId) => this.replies.status(replyId), this.replies);
  }

  /** An attachment's link: fetched with the token (a plain link has none) and saved under its name. */
  attachmentClicked(event) {
    const link = event.target.closest('a[data-attachment]');
    if (!link) return;
    event.preventDefault();
    this.onError(null);
    download(link.getAttribute('href').replace(/^\/api/, ''), link.dataset.name).catch(this.onError);
  }

  /**
   * Who wrote a chat line. Agents' lines carry their author's id and the name the customer saw: mine say "You", a
   * colleague's in the conversation say their name. Older lines have neither: they were the holder's, mine when I
   * hold it. Names are not unique (and can change), so only the id decides.
   */
  speaker(m, c, i) {
    if (m.from !== 'agent') return { label: c.customerName, side: 'theirs' };
    const mine = m.agentId ? m.agentId === this.me() : !i.part;
    return mine ? { label: t('work.you'), side: 'mine' }
      : { label: m.name || t('conference.agent'), side: 'mine colleague' };
  }

  render() {
    const i = this.interaction;
    if (!i) {
      $('interaction').innerHTML = `<p class="hint empty">${t('workspace.none')}</p>`;
      return;
    }
    keepingFocus($('interaction'), () => { $('interaction').innerHTML = this.html(i); });
    // the file chooser stays open while the desk re-draws: its answer goes to the button that opened it, even when
    // that one has been replaced meanwhile (it no longer bubbles up to the workspace), so each button is told itself
    $('interaction').querySelectorAll('input[data-reply-image]').forEach((input) => {
      input.onchange = () => this.addImages(i.interactionId, input);
    });
    this.consultations.scrollDown($('interaction'));
  }

  html(i) {
    return `<article class="interaction" data-interaction="${i.interactionId}"
        data-state="${i.state}" data-channel="${i.channel}"${i.part ? ` data-part="${i.part}"` : ''}>
      <header class="status">
        <h3>${icon(i.channel)} ${t('channel.' + i.channel)} · ${escape(i.customerAddress)}
          <span class="badge">${badge(i)}</span></h3>
        <dl class="timers">
          ${field('work.queue', i.queueName)}
          <dt>${t('workspace.inState')}</dt><dd data-since="${i.stateSince}">${since(i.stateSince)}</dd>
          <dt>${t('workspace.since')}</dt><dd data-since="${i.queuedSince}">${since(i.queuedSince)}</dd>
        </dl>
        ${this.afterCallWork(i)}
        ${this.transferBanner(i)}
        ${i.part ? '' : this.actionMenu(i)}
      </header>
      ${partyList(i, { me: this.me(), names: this.names, customer: parsed(i).customerName })}
      <div class="content">${this.content(i, false)}</div>
      <div class="bar controls">${this.controls(i)}</div>
      ${this.consultations.panel(i)}
      ${this.earlier()}
    </article>`;
  }

  afterCallWork(i) {
    if (i.state !== 'WRAP_UP' || !i.afterCallWork) return '';
    return i.afterCallWorkDeadline
      ? `<p class="countdown" data-until="${i.afterCallWorkDeadline}" data-label="work.acw">${t('work.acw',
        { time: clock(secondsUntil(i.afterCallWorkDeadline)) })}</p>`
      : `<p class="countdown">${t('work.acwUntilDone')}</p>`;
  }

  /**
   * A transfer I asked for, ringing for its target, with the time it has left and a way to call it off; or, after I
   * handed it over, what is still mine to do.
   */
  transferBanner(i) {
    if (i.part === 'HANDED_OVER') {
      return `<p class="transfer-banner" data-handed-over>${t('transfer.handedOver')}</p>`;
    }
    if (!transferring(i)) return '';
    const name = this.names.of(i.transfer.targetId);
    return `<p class="transfer-banner" data-transfer-pending data-target="${escape(i.transfer.targetId)}">
        <span class="countdown" data-until="${escape(i.transfer.deadline)}" data-label="transfer.pending"
          data-name="${escape(name)}">${escape(t('transfer.pending', { name, seconds: secondsUntil(i.transfer.deadline) }))}</span>
        <button data-do="cancel-transfer">${t('transfer.cancel')}</button></p>`;
  }

  controls(i) {
    // handed over: only my wrap-up is left (the interaction itself is someone else's, or waits in a queue)
    if (i.part === 'HANDED_OVER') return `<button data-do="done" class="primary">${t('work.done')}</button>`;
    // in a colleague's conversation: I only talk, and leave when done (ending, parking, passing it on are theirs)
    if (i.part === 'CONFERENCED') {
      return i.state === 'ACTIVE' ? `<button data-do="leave-conference">${t('conference.leave')}</button>` : '';
    }
    if (transferring(i)) return `<span class="hint">${t('transfer.frozen')}</span>`;
    if (i.state === 'ACTIVE') {
      const parkable = i.channel === 'EMAIL' || i.channel === 'WORKITEM';
      return `<button data-do="end">${t('work.end')}</button>${this.leaveTo(i)}${parkable ? `
        <span>${t('work.park')}</span>
        <button data-do="park" data-workbin="personal">${t('work.personal')}</button>
        <button data-do="park" data-workbin="team">${t('work.team')}</button>` : ''}`;
    }
    return `${i.afterCallWork ? `<button data-do="extend">${t('work.extend')}</button>` : ''}
      <button data-do="done" class="primary">${t('work.done')}</button>`;
  }

  /**
   * The holder in conference may leave the conversation to the colleague who joined first (End still ends it for
   * everyone); they then owe its wrap-up.
   */
  leaveTo(i) {
    if (!inConference(i)) return '';
    const name = this.names.of(conferenceOf(i)[0]);
    return `<button data-do="leave-conference" title="${escape(t('conference.leaveToHint', { name }))}">${
      escape(t('conference.leaveTo', { name }))}</button>`;
  }

  /**
   * The contact's known numbers and addresses; choosing one copies it (outbound will add "call" and "write"). Work
   * active in my hands, not already being transferred, can be transferred from here (not while colleagues are in
   * conference: the server refuses it, leaving it to them is the way), or talked over privately with a colleague.
   * Active work I hold can also start one of the tenant's workflows (none listed when the tenant has none).
   */
  actionMenu(i) {
    const c = this.customer;
    const entries = c ? [
      ...c.phoneNumbers.map((a) => ['phone', a]), ...c.emailAddresses.map((a) => ['email', a]),
      ...c.socialHandles.map((a) => ['social', a])] : [];
    const items = entries.length ? entries.map(([kind, address]) => `<li role="none">
        <button role="menuitem" tabindex="-1" data-address="${escape(address)}" data-kind="${kind}">
          <span class="hint">${t('contact.' + kind)}</span> ${escape(address)}</button></li>`).join('')
      : `<li role="none" class="hint">${t('contact.none')}</li>`;
    const transfer = i.state === 'ACTIVE' && !transferring(i) ? `<li role="separator"></li>${inConference(i) ? ''
      : `<li role="none">
        <button role="menuitem" tabindex="-1" data-do="transfer" aria-haspopup="dialog">${t('transfer.open')}</button></li>`}
      <li role="none"><button role="menuitem" tabindex="-1" data-do="consult" aria-haspopup="dialog">${t('consult.open')}</button></li>`
      : '';
    const workflows = i.state === 'ACTIVE' && !i.part && this.workflows.length ? `<li role="separator"></li>${
      this.workflows.map((w) => `<li role="none"><button role="menuitem" tabindex="-1" data-do="start-workflow"
        data-workflow="${escape(w.name)}">${escape(t('workflow.start', { label: w.label }))}</button></li>`).join('')}`
      : '';
    return `<div class="menu">
        <button data-menu aria-haspopup="menu" aria-expanded="${this.menuOpen}" aria-controls="action-menu">${t('workspace.actions')} ▾</button>
        <ul id="action-menu" role="menu" aria-label="${t('workspace.actions')}" ${this.menuOpen ? '' : 'hidden'}>${items}${transfer}${workflows}</ul>
        <span id="copied" class="hint" role="status"></span>
      </div>`;
  }

  /**
   * The customer's earlier interactions, newest first. An earlier email or SMS conversation (as the earlier
   * conversations of an email or SMS list them) folds out to what was said in it; the others are one line each.
   */
  earlier() {
    const past = this.history.filter((h) => h.interactionId !== this.interaction.interactionId);
    const rows = past.map((h) => (h.content !== undefined && REPLYING.includes(h.channel) ? this.conversation(h)
      : `<li data-earlier="${h.interactionId}">${this.summary(h)}</li>`));
    return `<section class="earlier" aria-labelledby="earlier-title">
        <h4 id="earlier-title">${t('workspace.earlier')}</h4>
        ${rows.length ? `<ol>${rows.join('')}</ol>` : `<p class="hint">${t('workspace.noEarlier')}</p>`}</section>`;
  }

  /** One line about an earlier interaction: channel, queue, how it ended, when; one an agent started says so. */
  summary(h) {
    return `${icon(h.channel)} ${t('channel.' + h.channel)}
        · ${escape(h.queueName)} · ${t('istate.' + h.state)}${h.wrapUpCode ? ` (${escape(h.wrapUpCode)})` : ''}
        <span class="hint">${new Date(h.queuedSince).toLocaleString()}</span>${h.outbound
  ? ` <span class="badge" data-started-by-agent>${t('earlier.outbound')}</span>` : ''}`;
  }

  /**
   * An earlier conversation, folded (a <details>: the browser's own keyboard and screen-reader support), with its
   * subject (email) and its messages — who, when, what — drawn as plain text. Its lines are marked apart from the
   * conversation in hand (no data-from, no send status), which alone is the one to act on.
   */
  conversation(h) {
    const c = parsed(h);
    const email = h.channel === 'EMAIL';
    const messages = this.earlierMessages(h, c).map((m) => this.earlierLine(m, c, email));
    const thread = messages.length
      ? `<ol class="transcript earlier-thread" aria-label="${t('reply.thread')}">${messages.join('')}</ol>`
      : `<p class="hint">${t('reply.none')}</p>`;
    return `<li data-earlier="${h.interactionId}"${h.outbound ? ' data-outbound' : ''}>
        <details data-earlier-conversation="${h.interactionId}"${this.opened.has(h.interactionId) ? ' open' : ''}>
          <summary id="earlier-${h.interactionId}">${this.summary(h)}</summary>
          ${email && c.subject ? `<dl>${field('work.subject', c.subject)}</dl>` : ''}${thread}
        </details></li>`;
  }

  /**
   * One message of an earlier conversation: who wrote it (me, a colleague by the name the customer saw, or the
   * customer), when, its own subject when an email's differs, and its text (an email's HTML as words only).
   */
  earlierLine(m, c, email) {
    const agent = m.from === 'agent';
    const who = !agent ? c.from || t('work.customer')
      : m.agentId && m.agentId === this.me() ? t('work.you') : m.name || t('conference.agent');
    const at = m.at ? ` <span class="meta"><time datetime="${escape(m.at)}">${escape(when(m.at))}</time></span>` : '';
    const subject = email && m.subject && m.subject !== c.subject ? `<p class="subject">${escape(m.subject)}</p>` : '';
    const text = (email ? plain(m) : String(m.text ?? '')) + (m.textTruncated ? '…' : '');
    return `<li class="${agent ? 'mine' : 'theirs'}" data-earlier-by="${agent ? 'agent' : 'customer'}">
        <p class="byline"><b>${escape(who)}</b>${at}</p>${subject}<pre class="body">${escape(text)}</pre></li>`;
  }

  /**
   * What was said, in order, as the channel's renderer reads it: the customer's first text or email (one an agent
   * started has none), then the messages either way.
   */
  earlierMessages(h, c) {
    const first = c.outbound ? null : h.channel === 'EMAIL' ? { ...c, from: 'customer', at: h.queuedSince }
      : c.text === undefined || c.text === null ? null : { from: 'customer', text: c.text, at: h.queuedSince };
    return [...(first ? [first] : []), ...(c.messages || [])];
  }

  /** The reply box's own buttons: putting the picked template in, taking an image out again. */
  composerClicked(event) {
    const button = event.target.closest('button[data-do="insert-template"], button[data-do="remove-image"]');
    const i = this.interaction;
    if (!button || !i) return;
    if (button.dataset.do === 'insert-template') this.insertTemplate(i);
    else this.removeImage(i, Number(button.dataset.image));
  }

  /**
   * The picked template, filled by the server for the conversation's customer, goes in the reply box where its caret
   * is (replacing what is selected; an untouched email box keeps the quote below it), and the keyboard goes there.
   * A refusal (a value this customer has not, say) is said in words, the box left as it was.
   */
  async insertTemplate(i) {
    const id = i.interactionId;
    if (!this.replies.chosen.get(id)) {
      document.querySelector('#interaction select[data-reply-template]')?.focus();
      return;
    }
    this.onError(null);
    let filled;
    try {
      filled = await this.replies.filled(i);
    } catch (error) {
      this.onError(error);
      return;
    }
    const box = document.querySelector(`#interaction [data-interaction="${CSS.escape(id)}"] [data-reply-text]`);
    if (!filled || !box) return;   // the agent went elsewhere meanwhile
    const [start, end] = [box.selectionStart ?? box.value.length, box.selectionEnd ?? box.value.length];
    box.value = box.value.slice(0, start) + filled.text + box.value.slice(end);
    this.drafts.set(id, box.value);
    box.focus();
    box.setSelectionRange(start + filled.text.length, start + filled.text.length);
    this.say(t('reply.templateInserted', { name: filled.name }));
  }

  /** Uploads the images chosen for the email, one by one; each refusal (or size said here first) in words. */
  async addImages(id, input) {
    const files = [...input.files];
    input.value = '';   // the same file may be chosen again after taking it out
    if (!files.length) return;
    this.onError(null);
    for (const file of files) {
      try {
        await this.replies.addImage(id, file);
        this.say(t('reply.imageAdded', { name: file.name }));
      } catch (error) {
        this.onError(error);
      }
    }
    if (this.interaction?.interactionId === id) this.render();
  }

  /** Takes an image out of the email; the keyboard goes to the image button (the one pressed is gone). */
  removeImage(i, n) {
    const name = this.replies.removeImage(i.interactionId, n);
    this.render();
    $('reply-image')?.focus();
    if (name) this.say(t('reply.imageRemoved', { name }));
  }

  /** Says a change in the reply box to screen readers (it is seen there already). */
  say(text) {
    $('reply-live').textContent = text;
  }

  /**
   * Starts one of the tenant's workflows on the interaction; the server takes it at once (202) and says so on the
   * desk's notice line, in words; a refusal on the page's error line.
   */
  async startWorkflow(name) {
    const i = this.interaction;
    const label = this.workflows.find((w) => w.name === name)?.label || name;
    document.querySelector('#interaction [data-menu]')?.focus();
    if (!i) return;
    this.onError(null);
    try {
      await api('POST', `/interactions/${i.interactionId}/workflows`, { name });
      this.notice(t('workflow.started', { label }));
    } catch (error) {
      this.onError(new Error(t('workflow.refused', { label, why: error.message })));
    }
  }

  menuClicked(event) {
    if (event.target.closest('[data-menu]')) {
      this.toggleMenu(!this.menuOpen);
      return;
    }
    const item = event.target.closest('[role="menuitem"]');
    if (item?.dataset.do) this.toggleMenu(false);   // a command (Transfer…, Consult…): the task panel's handler runs it
    else if (item) this.choose(item);
    if (item?.dataset.do === 'start-workflow') this.startWorkflow(item.dataset.workflow);   // but this one is mine
  }

  toggleMenu(open) {
    this.menuOpen = open;
    if (!$('action-menu')) return;
    $('action-menu').hidden = !open;
    document.querySelector('#interaction [data-menu]').setAttribute('aria-expanded', String(open));
    if (open) $('action-menu').querySelector('[role="menuitem"]')?.focus();
  }

  /** Menu keys: arrows move, Escape closes and returns to the button, Enter or Space choose. */
  menuKeys(event) {
    if (!event.target.closest('#action-menu')) return;
    const items = [...$('action-menu').querySelectorAll('[role="menuitem"]')];
    const at = items.indexOf(event.target);
    if (event.key === 'Escape') {
      this.toggleMenu(false);
      document.querySelector('#interaction [data-menu]').focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  }

  async choose(item) {
    const address = item.dataset.address;
    try {
      await navigator.clipboard.writeText(address);
      $('copied').textContent = t('contact.copied', { address });
    } catch {
      $('copied').textContent = address;   // no clipboard (plain http): the address is at least shown to copy
    }
    this.toggleMenu(false);
    document.querySelector('#interaction [data-menu]')?.focus();
  }
}
