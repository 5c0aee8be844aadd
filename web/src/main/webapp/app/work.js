// Offers (accept / reject before the RONA deadline), the work in hand with each channel's content, chat, end,
// After-Call-Work with extension, the wrap-up dialog and Done, and the personal and team workbins.
import { api, clock, escape, secondsUntil } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

export class Work {
  constructor({ onError, refresh }) {
    this.onError = onError;
    this.refreshAll = refresh;
    this.interactions = [];
    this.teams = [];
    this.workbin = [];
    this.drafts = new Map();   // unsent chat text survives re-renders
    $('offers').addEventListener('click', (event) => this.clicked(event));
    $('work').addEventListener('click', (event) => this.clicked(event));
    $('workbin').addEventListener('click', (event) => this.clicked(event));
    $('work').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input[data-message]')) {
        event.preventDefault();
        this.send(event.target.closest('[data-interaction]').dataset.interaction);
      }
    });
    $('work').addEventListener('input', (event) => {
      if (event.target.matches('input[data-message]')) {
        this.drafts.set(event.target.closest('[data-interaction]').dataset.interaction, event.target.value);
      }
    });
    $('workbin-choice').onchange = () => this.refreshWorkbin().then(() => this.render()).catch(onError);
    $('wrapup-form').addEventListener('submit', (event) => this.wrapUpSubmitted(event));
  }

  async refresh() {
    this.interactions = await api('GET', '/interactions');
    this.teams = await api('GET', '/workbins/teams');
    await this.refreshWorkbin();
    this.render();
  }

  async refreshWorkbin() {
    const choice = $('workbin-choice').value || 'personal';
    this.workbin = await api('GET', choice === 'personal' ? '/workbins/personal' : `/workbins/teams/${choice}`);
  }

  render() {
    const offers = this.interactions.filter((i) => i.state === 'OFFERED');
    const inHand = this.interactions.filter((i) => i.state !== 'OFFERED');
    $('offers').innerHTML = offers.length ? offers.map((i) => this.offerCard(i)).join('')
      : `<p class="hint">${t('offers.none')}</p>`;
    // New offers pop up over the page (top right) until answered; the first one takes the keyboard focus.
    const popping = offers.length > 0 && !$('offers').classList.contains('popup');
    $('offers').classList.toggle('popup', offers.length > 0);
    if (popping) $('offers').querySelector('button[data-do="accept"]')?.focus();
    const focused = document.activeElement?.closest?.('[data-interaction]')?.dataset.interaction;
    $('work').innerHTML = inHand.length ? inHand.map((i) => this.workCard(i)).join('')
      : `<p class="hint">${t('work.none')}</p>`;
    if (focused) document.querySelector(`[data-interaction="${focused}"] input[data-message]`)?.focus();
    const choice = $('workbin-choice').value || 'personal';
    $('workbin-choice').innerHTML = `<option value="personal">${t('workbins.personal')}</option>`
      + this.teams.map((q) => `<option value="${q.queueId}">${escape(t('workbins.team', { name: q.name }))}</option>`)
        .join('');
    $('workbin-choice').value = choice;
    $('workbin').innerHTML = this.workbin.length ? this.workbin.map((i) => this.parkedCard(i)).join('')
      : `<p class="hint">${t('workbins.empty')}</p>`;
  }

  offerCard(i) {
    return `<article class="card offer" data-offer="${i.interactionId}" data-channel="${i.channel}">
      <h3>${t('channel.' + i.channel)} · ${escape(i.customerAddress)}</h3>
      <p class="hint">${t('work.queue')}: ${escape(i.queueName)}</p>
      ${this.content(i, true)}
      <p class="countdown" data-until="${i.offerDeadline}" data-label="offers.expires">${t('offers.expires',
        { seconds: secondsUntil(i.offerDeadline) })}</p>
      <div class="bar">
        <button data-do="accept" class="primary">${t('offers.accept')}</button>
        <button data-do="reject">${t('offers.reject')}</button>
      </div></article>`;
  }

  workCard(i) {
    const parkable = i.state === 'ACTIVE' && (i.channel === 'EMAIL' || i.channel === 'WORKITEM');
    const actions = i.state === 'ACTIVE'
      ? `<button data-do="end">${t('work.end')}</button>${parkable ? `
         <span>${t('work.park')}</span>
         <button data-do="park" data-workbin="personal">${t('work.personal')}</button>
         <button data-do="park" data-workbin="team">${t('work.team')}</button>` : ''}`
      : `${i.afterCallWork ? `<button data-do="extend">${t('work.extend')}</button>` : ''}
         <button data-do="done" class="primary">${t('work.done')}</button>`;
    const acw = i.state === 'WRAP_UP' && i.afterCallWork
      ? (i.afterCallWorkDeadline
        ? `<p class="countdown" data-until="${i.afterCallWorkDeadline}" data-label="work.acw">${t('work.acw',
          { time: clock(secondsUntil(i.afterCallWorkDeadline)) })}</p>`
        : `<p class="countdown">${t('work.acwUntilDone')}</p>`) : '';
    return `<article class="card" data-interaction="${i.interactionId}" data-state="${i.state}" data-channel="${i.channel}">
      <h3>${t('channel.' + i.channel)} · ${escape(i.customerAddress)}
        <span class="badge">${t('istate.' + i.state)}</span></h3>
      ${this.content(i, false)}${acw}
      <div class="bar">${actions}</div></article>`;
  }

  parkedCard(i) {
    const targets = [`<option value="personal">${t('workbins.personal')}</option>`]
      .concat(this.teams.map((q) => `<option value="${q.queueId}">${escape(t('workbins.team', { name: q.name }))}</option>`));
    return `<article class="card" data-parked="${i.interactionId}" data-channel="${i.channel}">
      <h3>${t('channel.' + i.channel)} · ${escape(i.customerAddress)}</h3>
      ${this.content(i, true)}
      <div class="bar"><button data-do="pick-up" class="primary">${t('workbins.pickUp')}</button>
        <label>${t('workbins.moveTo')} <select data-move>${targets.join('')}</select></label>
        <button data-do="move">${t('workbins.move')}</button></div></article>`;
  }

  /** The channel's content: what the agent needs to handle it. */
  content(i, brief) {
    let c = {};
    try { c = JSON.parse(i.content); } catch { /* shown as nothing */ }
    const row = (label, value) => (value === undefined || value === null || value === '' ? ''
      : `<dt>${t(label)}</dt><dd>${escape(value)}</dd>`);
    switch (i.channel) {
      case 'VOICE':
        return `<dl>${row('work.caller', c.callerNumber)}${row('work.dialled', c.dialledNumber)}${row('work.call', c.callId)}</dl>`;
      case 'EMAIL': {
        const to = Array.isArray(c.to) ? c.to.join(', ') : c.to;
        const files = (c.attachments || []).map((a) => `<li>${escape(a.name)} (${escape(a.type)}, ${escape(a.size)} B)</li>`);
        return `<dl>${row('work.from', c.from)}${row('work.to', to)}${row('work.subject', c.subject)}</dl>`
          + (brief ? '' : `<pre class="body">${escape(c.text || (c.html || '').replace(/<[^>]+>/g, ''))}</pre>`)
          + (files.length ? `<p>${t('work.attachments')}:</p><ul class="attachments">${files.join('')}</ul>` : '');
      }
      case 'CHAT': {
        const messages = (c.messages || []).map((m) => `<li class="${m.from === 'agent' ? 'mine' : 'theirs'}">`
          + `<b>${m.from === 'agent' ? t('work.you') : escape(c.customerName)}</b> ${escape(m.text)}</li>`);
        const input = brief || i.state !== 'ACTIVE' ? '' : `<div class="bar send">
          <input data-message aria-label="${t('work.message')}" maxlength="4000"
                 value="${escape(this.drafts.get(i.interactionId) || '')}">
          <button data-do="send">${t('work.send')}</button></div>`;
        return `<p>${t('work.customer')}: ${escape(c.customerName)}</p><ol class="transcript">${messages.join('')}</ol>${input}`;
      }
      case 'FACEBOOK':
      case 'TWITTER':
        return `<dl>${row(i.channel === 'FACEBOOK' ? 'work.account' : 'work.handle', c.account || c.handle)}</dl>`
          + `<blockquote>${escape(c.text)}</blockquote>`;
      case 'SMS':
        return `<dl>${row('work.from', c.from)}</dl><blockquote>${escape(c.text)}</blockquote>`;
      case 'WORKITEM':
        return `<dl>${row('work.kind', c.kind)}${row('work.title2', c.title)}${row('work.size', c.size)}`
          + `${row('work.document', c.documentRef)}</dl>`;
      default:
        return '';
    }
  }

  clicked(event) {
    const button = event.target.closest('button[data-do]');
    if (!button) return;
    const card = button.closest('[data-offer], [data-interaction], [data-parked]');
    const id = card.dataset.offer || card.dataset.interaction || card.dataset.parked;
    const path = `/interactions/${id}`;
    const run = (call) => this.run(call);
    switch (button.dataset.do) {
      case 'accept': return run(() => api('POST', `${path}/accept`));
      case 'reject': return run(() => api('POST', `${path}/reject`));
      case 'end': return run(() => api('POST', `${path}/end`));
      case 'extend': return run(() => api('POST', `${path}/extend-acw`, { seconds: 30 }));
      case 'park': return run(() => api('POST', `${path}/park`, { workbin: button.dataset.workbin }));
      case 'pick-up': return run(() => api('POST', `${path}/pick-up`));
      case 'move': {
        const target = card.querySelector('select[data-move]').value;
        return run(() => api('POST', `${path}/move`, target === 'personal'
          ? { agentId: JSON.parse(sessionStorage.getItem('switchboard.session')).agentId } : { queueId: target }));
      }
      case 'send': return this.send(id);
      case 'done': return this.openWrapUp(id);
      default: return undefined;
    }
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
    this.drafts.delete(id);
    input.value = '';
    return this.run(() => api('POST', `/interactions/${id}/messages`, { text }));
  }

  openWrapUp(id) {
    const interaction = this.interactions.find((i) => i.interactionId === id);
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
