// The task panel (offers first, then the work in hand, then a workbin's parked items) and the commands on them:
// accept / reject before the RONA deadline, end, After-Call-Work extension, park, pick up, move, chat, email and SMS
// replies (replies.js), a conversation I started taken in hand (outbound.js), transfer (transfer.js), consultations
// with a colleague (consult.js), joining and leaving a conversation in conference (conference.js), and the wrap-up
// dialog with Done. The selected task opens in the workspace (workspace.js).
import { api, escape, secondsUntil } from './api.js';
import { t } from './i18n.js';
import { Workspace, badge, icon, transferring } from './workspace.js';
import { Names, TransferDialog, transferNotice } from './transfer.js';
import { ConsultDialog, Consultations } from './consult.js';
import { conferenceNotice, conferenceOf, inConference } from './conference.js';
import { Replies } from './replies.js';

const $ = (id) => document.getElementById(id);
/** Who a transfer ringing for me comes from: its current holder. */
const senderOf = (i) => i.transfer?.senderId ?? i.agentId;

export class Work {
  constructor({ onError, refresh, me, myName }) {
    this.onError = onError;
    this.refreshAll = refresh;
    this.me = me;                 // () => the signed-in agent's id
    this.myName = myName;         // () => their display name (the party list and chat lines say "you" by it)
    this.interactions = [];
    this.teams = [];
    this.workbin = [];
    this.selected = null;
    this.arriving = null;         // a conversation I started, to select as soon as a re-read lists it
    this.knownOffers = new Set();
    this.names = new Names();
    this.consultations = new Consultations({ onError, me, names: this.names, run: (call) => this.run(call),
      notice: (text) => this.showNotice(text), chime, redraw: () => this.render(),
      inWorkspace: (id) => this.workspace.interaction?.interactionId === id,
      inConversation: (id) => this.interactions.some((i) => i.interactionId === id && i.part === 'CONFERENCED'),
      joined: (id) => { this.selected = id; } });
    this.replies = new Replies({ onError });
    this.workspace = new Workspace({ onError, run: (call) => this.run(call), notice: (text) => this.showNotice(text),
      names: this.names, consultations: this.consultations, replies: this.replies, me, myName });
    this.transfers = new TransferDialog({ names: this.names, refresh: () => this.refreshAll() });
    this.consult = new ConsultDialog({ names: this.names, me, opened: (view) => this.consultations.opened(view) });
    for (const list of ['offers', 'work', 'workbin']) {
      $(list).addEventListener('click', (event) => this.clicked(event));
    }
    $('interaction').addEventListener('click', (event) => this.clicked(event));
    $('work').addEventListener('keydown', (event) => this.moveAmongTasks(event));
    $('interaction').addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      const id = event.target.closest('[data-interaction]')?.dataset.interaction;
      if (event.target.matches('input[data-message]')) {
        event.preventDefault();
        this.send(id);
      } else if (event.target.matches('input[data-reply-text]')
        || (event.target.matches('textarea[data-reply-text]') && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();   // an SMS line sends on Enter; an email only on Ctrl+Enter (Enter is a new line)
        this.reply(id);
      }
    });
    $('workbin-choice').onchange = () => this.refreshWorkbin().then(() => this.render()).catch(onError);
    $('wrapup-form').addEventListener('submit', (event) => this.wrapUpSubmitted(event));
    $('notice-dismiss').onclick = () => this.showNotice(null);
  }

  async refresh() {
    const interactions = await api('GET', '/interactions');
    // names first: an offer card is drawn (and read out) once, with its sender's name rather than "a colleague";
    // mine is known already (the directory lists colleagues), for the party list of a conference
    if (this.myName()) this.names.remember([{ agentId: this.me(), displayName: this.myName() }]);
    await this.names.learn(interactions.flatMap((i) => [i.part === 'TRANSFER_OFFER' ? senderOf(i) : null,
      transferring(i) ? i.transfer.targetId : null, ...(inConference(i) ? [i.agentId, ...conferenceOf(i)] : [])]));
    this.interactions = interactions;
    await this.consultations.read();
    this.teams = await api('GET', '/workbins/teams');
    await this.refreshWorkbin();
    const inHand = this.inHand();
    if (inHand.some((i) => i.interactionId === this.arriving)) [this.selected, this.arriving] = [this.arriving, null];
    if (!inHand.some((i) => i.interactionId === this.selected)) {
      this.selected = inHand[0]?.interactionId ?? null;   // the chosen task left (done, parked): open the next
    }
    await this.workspace.show(inHand.find((i) => i.interactionId === this.selected));
    this.render();
    this.transfers.follow(inHand, this.onError);
    this.consult.follow(inHand, this.onError);
  }

  async refreshWorkbin() {
    const choice = $('workbin-choice').value || 'personal';
    this.workbin = await api('GET', choice === 'personal' ? '/workbins/personal' : `/workbins/teams/${choice}`);
  }

  /** Forgets the signed-out agent's work. */
  reset() {
    this.interactions = [];
    this.workbin = [];
    this.selected = null;
    this.arriving = null;
    this.knownOffers = new Set();
    this.workspace.reset();
    this.replies.reset();
    this.transfers.reset();
    this.consult.reset();
    this.consultations.reset();
    this.names.reset();
    this.showNotice(null);
  }

  /**
   * Work in hand, one task per interaction: in the rare case that I hold again an interaction whose wrap-up I still
   * owe from handing it over (it came back through a queue), the one I hold stands for both (the server's Done
   * settles the older wrap-up first).
   */
  inHand() {
    const inHand = this.interactions.filter((i) => i.state !== 'OFFERED');
    return inHand.filter((i) => !i.part || !inHand.some((other) => other !== i && !other.part
      && other.interactionId === i.interactionId));
  }

  /**
   * A conversation I started (outbound.js) is mine at once, with no offer: it is selected, and its reply box takes
   * the keyboard for the first message — already written when the agent started it from a template (as a draft:
   * theirs to change before sending). A re-read begun before it existed may come back after this and select
   * another task: the one I started is selected again at the first re-read that lists it.
   */
  async take(id, text) {
    this.selected = id;
    this.arriving = id;
    if (text) this.workspace.drafts.set(id, text);
    await this.refreshAll();
    const box = document.querySelector(`#interaction [data-interaction="${CSS.escape(id)}"] [data-reply-text]`);
    box?.focus();
    if (box && text) box.setSelectionRange(box.value.length, box.value.length);   // to go on writing after it
  }

  /**
   * Tells the agent, in words, what became of a transfer they made (it came back, and why, or was taken), and who
   * joined or left a conversation they are in.
   */
  async notice(event) {
    const session = this.me();
    const text = await transferNotice(event, session, this.names)
      || await conferenceNotice(event, session, this.names);
    if (text && session === this.me()) this.showNotice(text);
  }

  showNotice(text) {
    $('notice').textContent = text || '';
    $('notice-dismiss').hidden = !text;
  }

  render() {
    const offers = this.interactions.filter((i) => i.state === 'OFFERED');
    const inHand = this.inHand();
    const focusedOffer = Boolean(document.activeElement?.closest?.('[data-offer]'));
    $('offers').innerHTML = offers.length ? offers.map((i) => this.offerCard(i)).join('')
      : `<p class="hint">${t('offers.none')}</p>`;
    this.announce(offers, focusedOffer);
    const focusedTask = document.activeElement?.closest?.('[data-task]')?.dataset.task;
    $('work').innerHTML = inHand.length ? inHand.map((i) => this.taskCard(i)).join('')
      : `<p class="hint">${t('work.none')}</p>`;
    if (focusedTask) document.querySelector(`[data-task="${focusedTask}"]`)?.focus();
    const choice = $('workbin-choice').value || 'personal';
    $('workbin-choice').innerHTML = `<option value="personal">${t('workbins.personal')}</option>`
      + this.teams.map((q) => `<option value="${q.queueId}">${escape(t('workbins.team', { name: q.name }))}</option>`)
        .join('');
    $('workbin-choice').value = choice;
    $('workbin').innerHTML = this.workbin.length ? this.workbin.map((i) => this.parkedCard(i)).join('')
      : `<p class="hint">${t('workbins.empty')}</p>`;
    this.consultations.render();
    this.workspace.render();
  }

  /**
   * A new offer takes the keyboard focus (its Accept button: Enter accepts, Tab then Enter rejects), is shown in the
   * window's title, and plays a short sound unless muted.
   */
  announce(offers, focusWasOnAnOffer) {
    const fresh = offers.filter((i) => !this.knownOffers.has(i.interactionId));
    this.knownOffers = new Set(offers.map((i) => i.interactionId));
    document.title = offers.length ? `(${offers.length}) ${t('offers.title')} · Switchboard` : 'Switchboard';
    // Typing (a chat reply, a filter) keeps the keyboard: Enter must not accept an offer by accident.
    const typing = document.activeElement?.matches?.('input:not([type=checkbox]), textarea, select');
    if (fresh.length) {
      if (!typing) document.querySelector(`[data-offer="${fresh[0].interactionId}"] button[data-do="accept"]`)?.focus();
      chime();
    } else if (focusWasOnAnOffer && offers.length) {
      $('offers').querySelector('button[data-do="accept"]')?.focus();   // re-rendered: keep the keyboard there
    }
  }

  /** An offer: routing's, or a colleague's transfer ringing for me (said first, with their name). */
  offerCard(i) {
    const transfer = i.part === 'TRANSFER_OFFER';
    const sender = transfer ? this.names.of(senderOf(i)) : null;
    const label = transfer
      ? t('transfer.offerLabel', { channel: t('channel.' + i.channel), name: sender, customer: i.customerAddress })
      : t('offers.label', { channel: t('channel.' + i.channel), customer: i.customerAddress });
    return `<article class="task offer${transfer ? ' transfer' : ''}" data-offer="${i.interactionId}"
        data-channel="${i.channel}"${transfer ? ' data-part="TRANSFER_OFFER"' : ''} aria-label="${escape(label)}">
      ${transfer ? `<h4 class="from">${escape(t('transfer.from', { name: sender }))}</h4>` : ''}
      <h4>${icon(i.channel)} ${t('channel.' + i.channel)} · ${escape(i.customerAddress)}</h4>
      <p class="hint">${t('work.queue')}: ${escape(i.queueName)}</p>
      ${this.workspace.content(i, true)}
      <p class="countdown" data-until="${i.offerDeadline}" data-label="offers.expires">${t('offers.expires',
        { seconds: secondsUntil(i.offerDeadline) })}</p>
      <div class="bar">
        <button data-do="accept" class="primary">${t('offers.accept')}</button>
        <button data-do="reject">${t('offers.reject')}</button>
      </div></article>`;
  }

  /**
   * One line per task in hand: channel, customer, state and time in it, and a mark when a colleague I consulted
   * about it wrote while I was elsewhere; selecting it opens it.
   */
  taskCard(i) {
    const selected = i.interactionId === this.selected;
    return `<button class="task" role="option" data-task="${i.interactionId}" data-state="${i.state}"
        data-channel="${i.channel}"${i.part ? ` data-part="${i.part}"` : ''}${transferring(i) ? ' data-transferring' : ''}
        aria-selected="${selected}" tabindex="${selected ? 0 : -1}">
      <span class="line">${icon(i.channel)} <b>${escape(i.customerAddress)}</b></span>
      <span class="line hint">${t('channel.' + i.channel)} · <span class="badge">${badge(i)}</span>
        <span data-since="${i.stateSince}"></span>${this.consultations.unreadAbout(i.interactionId)
  ? ` <span class="badge unread">${t('consult.unread')}</span>` : ''}</span></button>`;
  }

  parkedCard(i) {
    const targets = [`<option value="personal">${t('workbins.personal')}</option>`]
      .concat(this.teams.map((q) => `<option value="${q.queueId}">${escape(t('workbins.team', { name: q.name }))}</option>`));
    return `<article class="task" data-parked="${i.interactionId}" data-channel="${i.channel}">
      <h4>${icon(i.channel)} ${t('channel.' + i.channel)} · ${escape(i.customerAddress)}</h4>
      ${this.workspace.content(i, true)}
      <div class="bar"><button data-do="pick-up" class="primary">${t('workbins.pickUp')}</button>
        <label>${t('workbins.moveTo')} <select data-move>${targets.join('')}</select></label>
        <button data-do="move">${t('workbins.move')}</button></div></article>`;
  }

  /** Up and down move the selection among the tasks in hand (a listbox), opening each in the workspace. */
  moveAmongTasks(event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const tasks = [...$('work').querySelectorAll('[data-task]')];
    const at = tasks.indexOf(event.target.closest('[data-task]'));
    const next = tasks[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    this.select(next.dataset.task).then(() => document.querySelector(`[data-task="${next.dataset.task}"]`)?.focus());
  }

  async select(id) {
    this.selected = id;
    await this.workspace.show(this.inHand().find((i) => i.interactionId === id));
    this.render();
  }

  clicked(event) {
    const task = event.target.closest('[data-task]');
    if (task) return this.select(task.dataset.task);
    const button = event.target.closest('button[data-do]');
    if (!button) return undefined;
    const card = button.closest('[data-offer], [data-interaction], [data-parked]');
    if (!card) return undefined;
    const id = card.dataset.offer || card.dataset.interaction || card.dataset.parked;
    const path = `/interactions/${id}`;
    // a transfer ringing for me is answered as a transfer; routing's offers as offers
    const offer = card.dataset.part === 'TRANSFER_OFFER' ? `${path}/transfers/pending` : path;
    const run = (call) => this.run(call);
    switch (button.dataset.do) {
      case 'accept': this.selected = id; return run(() => api('POST', `${offer}/accept`));
      case 'reject': return run(() => api('POST', `${offer}/reject`));
      case 'end': return run(() => onceMoreIfBusy(() => api('POST', `${path}/end`)));
      case 'extend': return run(() => api('POST', `${path}/extend-acw`, { seconds: 30 }));
      case 'park': return run(() => api('POST', `${path}/park`, { workbin: button.dataset.workbin }));
      case 'pick-up': this.selected = id; return run(() => api('POST', `${path}/pick-up`));
      case 'move': {
        const target = card.querySelector('select[data-move]').value;
        return run(() => api('POST', `${path}/move`, target === 'personal'
          ? { agentId: this.me() } : { queueId: target }));
      }
      case 'transfer': {
        const interaction = this.inHand().find((i) => i.interactionId === id && !i.part && !inConference(i));
        return interaction ? this.transfers.open(interaction) : undefined;
      }
      case 'consult': {
        const interaction = this.inHand().find((i) => i.interactionId === id && !i.part && i.state === 'ACTIVE');
        return interaction ? this.consult.open(interaction) : undefined;
      }
      // the banner and its button go: the keyboard goes back to the menu that can transfer it again
      case 'cancel-transfer': return run(() => api('POST', `${path}/transfers/pending/cancel`)).then(() => {
        if (document.activeElement === document.body) document.querySelector('#interaction [data-menu]')?.focus();
      });
      // a colleague goes; the holder leaves it to the colleague who joined first and is left with the wrap-up
      case 'leave-conference': return run(() => api('POST', `${path}/conference/leave`)).then(() => this.refocus());
      case 'send': return this.send(id);
      case 'reply': return this.reply(id);
      case 'done': return this.openWrapUp(id);
      default: return undefined;
    }
  }

  /**
   * The control the keyboard was on has gone (I left the conversation): it goes to what is left to do here — the
   * wrap-up I owe, or else the task now selected — rather than to the top of the page.
   */
  refocus() {
    if (document.activeElement && document.activeElement !== document.body) return;
    (document.querySelector('#interaction [data-do="done"]')
      || document.querySelector('#work [data-task][tabindex="0"]'))?.focus();
  }

  async run(call) {
    try {
      this.onError(null);
      await call();
    } catch (error) {
      this.onError(error);
    }
    await this.refreshAll();
  }

  send(id) {
    const input = document.querySelector(`[data-interaction="${id}"] input[data-message]`);
    const text = input.value.trim();
    if (!text) return undefined;
    this.workspace.drafts.delete(id);
    input.value = '';
    return this.run(() => api('POST', `/interactions/${id}/messages`, { text }));
  }

  /**
   * An email or SMS reply. Unlike a chat line, the text stays in the box until the server has taken it, so a refusal
   * (the interaction ended meanwhile, say) loses nothing; once taken the box stays empty (not quoted again).
   */
  reply(id) {
    const text = document.querySelector(`[data-interaction="${id}"] [data-reply-text]`)?.value.trim();
    if (!text) return undefined;
    return this.run(async () => {
      if (await this.replies.send(id, text)) this.workspace.drafts.set(id, '');
    });
  }

  openWrapUp(id) {
    const interaction = this.inHand().find((i) => i.interactionId === id);
    const codes = interaction?.wrapUpCodes || [];
    $('wrapup-code').innerHTML = (interaction?.wrapUpRequired ? '' : `<option value="">${t('wrapup.none')}</option>`)
      + codes.map((code) => `<option value="${escape(code)}">${escape(code)}</option>`).join('');
    $('wrapup-required').hidden = !interaction?.wrapUpRequired;
    $('wrapup').dataset.for = id;
    $('wrapup').showModal();
    $('wrapup-code').focus();
  }

  wrapUpSubmitted(event) {
    if (event.submitter?.value !== 'done') return;
    const id = $('wrapup').dataset.for;
    const code = $('wrapup-code').value;
    this.run(() => api('POST', `/interactions/${id}/done`, code ? { wrapUpCode: code } : {}));
  }
}

/**
 * Ending a conversation with colleagues in it needs their rows free for an instant; when one of them is busy the
 * server refuses it as retryable (interaction-busy, nothing changed), so the desk tries once more after a moment.
 */
async function onceMoreIfBusy(call) {
  try {
    return await call();
  } catch (error) {
    if (!String(error.type || '').endsWith('/interaction-busy')) throw error;
    await new Promise((resolve) => setTimeout(resolve, 300));
    return call();
  }
}

/** A short two-tone chime (Web Audio: nothing to download), unless the agent muted it. */
function chime() {
  if (localStorage.getItem('switchboard.muted') === 'true') return;
  try {
    const audio = new AudioContext();
    [660, 880].forEach((frequency, n) => {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.08, audio.currentTime + n * 0.15);
      volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + n * 0.15 + 0.14);
      tone.connect(volume).connect(audio.destination);
      tone.start(audio.currentTime + n * 0.15);
      tone.stop(audio.currentTime + n * 0.15 + 0.15);
    });
    setTimeout(() => audio.close(), 600);
  } catch {
    // no audio device (or not allowed before the first click): the visual cue remains
  }
}
