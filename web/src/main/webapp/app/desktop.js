// The agent desktop: sign in; the top bar (overall state with a quick Ready / Not Ready, DND, New conversation, IM,
// offer sound, language, Change password); the desk (task panel and the selected interaction's workspace); My
// Channels; and, for supervisors, the live board with queue KPIs. Every change made elsewhere (another tab, a
// supervisor, a timer) arrives over the event socket; after a drop the socket reconnects and the page re-reads
// everything, so it never shows stale state. When the session ends (the password changed elsewhere, the user
// disabled, the tenant suspended) the page says so and asks to sign in again.
import { api, clock, endSession, escape, secondsUntil, signIn, since, useSession } from './api.js';
import { listen } from './events.js';
import { currentLanguage, setLanguage, t } from './i18n.js';
import { Work } from './work.js';
import { Board } from './board.js';
import { InstantMessages } from './im.js';
import { OutboundDialog } from './outbound.js';
import { PasswordDialog, inWords } from './account.js';

const $ = (id) => document.getElementById(id);
let session = JSON.parse(sessionStorage.getItem('switchboard.session') || 'null');
let me = null;
let events = null;
let view = 'desk';
const VIEWS = { desk: 'desk', channels: 'channels-view', board: 'board' };
const work = new Work({ onError: showError, refresh: () => refreshAll(), me: () => session?.agentId,
  myName: () => me?.displayName });
const board = new Board({ onError: showError });
const im = new InstantMessages({ onError: showError, me: () => session?.agentId });
const outbound = new OutboundDialog({ onError: showError, started: (id, text) => work.take(id, text) });
const password = new PasswordDialog({ onError: showError, notice: (text) => work.showNotice(text) });

function showError(error) {
  $('error').textContent = error ? error.message : '';
  $('error').hidden = !error;
}

async function act(action) {
  try {
    showError(null);
    const next = await action();
    if (next && next.channels) renderChannels(next);
  } catch (error) {
    showError(error);
  }
}

const isSupervisor = () => session?.roles?.some((role) => role === 'supervisor' || role === 'admin');
/** Agents and supervisors take work; an administrator only watches the board. */
const takesWork = () => session?.roles?.some((role) => role === 'agent' || role === 'supervisor');

/** One word for the agent's channels: their common state, "mixed", or logged off. */
function renderOverall() {
  const on = me.channels.filter((c) => c.state !== 'LOGGED_OUT');
  const states = new Set(on.map((c) => c.state + (c.reasonCode ? ` (${c.reasonCode})` : '')));
  let label;
  let state;
  if (on.length === 0) {
    state = 'LOGGED_OUT';
    label = t('state.LOGGED_OUT');
  } else if (states.size === 1) {
    state = on[0].state;
    label = t('state.' + state) + (on[0].reasonCode ? ` (${on[0].reasonCode})` : '');
  } else {
    state = 'MIXED';
    label = t('top.mixed', { count: on.length });
  }
  $('overall').className = `overall ${state}`;
  $('overall').dataset.state = state;
  $('overall').textContent = label;
}

function renderChannels(next) {
  me = next;
  $('who').textContent = me.displayName;
  $('who').title = `${me.login}, ext. ${me.extension}`;
  renderOverall();
  $('dnd').checked = me.doNotDisturb;
  $('forwarding').textContent = me.forwardingExtension
    ? t('channels.forwarding', { extension: me.forwardingExtension }) : t('channels.notForwarding');
  $('channels').innerHTML = me.channels.map((c) => {
    const reason = c.reasonCode ? ` (${escape(c.reasonCode)})` : '';
    const buttons = c.state === 'LOGGED_OUT'
      ? `<button data-do="login">${t('action.login')}</button>`
      : `<button data-do="ready">${t(c.state === 'RONA' ? 'action.backToReady' : 'action.ready')}</button>
         <button data-do="not-ready">${t('action.notReady')}</button>
         <button data-do="logoff">${t('action.logoff')}</button>`;
    return `<tr data-channel="${c.channel}"><th scope="row">${t('channel.' + c.channel)}</th>
      <td class="state ${c.state}" data-state="${c.state}">${t('state.' + c.state)}${reason}</td>
      <td data-since="${c.since}">${since(c.since)}</td><td>${c.activeWork}</td><td>${buttons}</td></tr>`;
  }).join('');
}

$('channels').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-do]');
  if (!button) return;
  const body = { channels: [button.closest('tr').dataset.channel] };
  if (button.dataset.do === 'not-ready') body.reasonCode = $('reason').value;
  act(() => api('POST', `/agents/${session.agentId}/channels/${button.dataset.do}`, body));
});
$('all-ready').onclick = () => act(() => api('POST', `/agents/${session.agentId}/channels/ready`, {}));
$('all-not-ready').onclick = () => act(() => api('POST', `/agents/${session.agentId}/channels/not-ready`,
  { reasonCode: $('reason').value }));
$('all-login').onclick = () => act(() => api('POST', `/agents/${session.agentId}/channels/login`, {}));
$('all-logoff').onclick = () => act(() => api('POST', `/agents/${session.agentId}/channels/logoff`, {}));
$('dnd').onchange = () => act(() => api('PUT', `/agents/${session.agentId}/do-not-disturb`,
  { enabled: $('dnd').checked }));
$('forward-set').onclick = () => act(() => api('PUT', `/agents/${session.agentId}/forwarding`,
  { extension: $('forward').value }));
$('forward').addEventListener('keydown', (event) => { if (event.key === 'Enter') $('forward-set').click(); });
$('forward-clear').onclick = () => act(() => api('DELETE', `/agents/${session.agentId}/forwarding`));

// One clock for the whole page: time in state counts up, offer, transfer and ACW deadlines count down (a label
// may name more than the time: its other values are the element's data attributes, e.g. data-name).
setInterval(() => {
  document.querySelectorAll('[data-since]').forEach((cell) => { cell.textContent = since(cell.dataset.since); });
  document.querySelectorAll('[data-until]').forEach((cell) => {
    const left = secondsUntil(cell.dataset.until);
    cell.textContent = t(cell.dataset.label, { ...cell.dataset, seconds: left, time: clock(left) });
  });
}, 1000);

let pending = null;
let burstStarted = 0;
/**
 * Events come in bursts (an offer, a state change); re-read once per burst, 60 ms after its last event — but at
 * least every 500 ms while events keep coming (a busy floor never pauses, and the board must not freeze).
 */
function refreshSoon() {
  const now = Date.now();
  if (!pending) burstStarted = now;
  clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    refreshAll();
  }, now - burstStarted >= 500 ? 0 : 60);
}

let refreshFailed = false;
/**
 * Re-reads what the page shows. A re-read takes back only the error a failed re-read put up: a command's refusal
 * (a join the server turned down, say) stays in sight after the re-read that follows it, until the next command.
 */
async function refreshAll() {
  try {
    renderChannels(await api('GET', '/agents/me'));
    if (takesWork()) await work.refresh();
    if (view === 'board') await board.refresh();
    if (refreshFailed) showError(null);
    refreshFailed = false;
  } catch (error) {
    refreshFailed = true;
    showError(error);
  }
}

/** The offer sound's switch; muted or not is remembered on this browser. */
function renderMute() {
  const muted = localStorage.getItem('switchboard.muted') === 'true';
  $('mute').setAttribute('aria-pressed', String(muted));
  $('mute').textContent = t(muted ? 'top.soundOff' : 'top.soundOn');
  $('mute').title = t(muted ? 'top.unmute' : 'top.mute');
}
$('mute').onclick = () => {
  localStorage.setItem('switchboard.muted', String(localStorage.getItem('switchboard.muted') !== 'true'));
  renderMute();
};

function show(next) {
  view = next;
  Object.entries(VIEWS).forEach(([name, id]) => {
    $(id).hidden = name !== next;
    $('tab-' + name).setAttribute('aria-pressed', String(name === next));
  });
  if (next === 'board') board.refresh().catch(showError);
}
Object.keys(VIEWS).forEach((name) => { $('tab-' + name).onclick = () => show(name); });

async function start() {
  useSession(session, { ended: () => signOut(t('session.ended')), kept: keep });
  $('signin').hidden = true;
  $('tabs').hidden = false;
  $('presence').hidden = !takesWork();   // an administrator without channels has no state to set
  $('mute').hidden = !takesWork();
  $('slot-conversation').hidden = !takesWork();
  $('slot-im').hidden = !takesWork();
  im.render();
  renderMute();
  $('tab-board').hidden = !isSupervisor();
  $('tab-desk').hidden = !takesWork();
  $('signout').hidden = false;
  $('change-password').hidden = false;
  // an administrator only watches: My Channels and the board
  show(takesWork() ? view : 'board');
  const reasons = await api('GET', '/reason-codes');
  $('reason').innerHTML = reasons.filter((r) => r.active)
    .map((r) => `<option value="${escape(r.code)}">${escape(r.label)}</option>`).join('');
  events = listen({
    // an IM is only shown (nothing to re-read), and so is a reply's new send status; a consultation's change
    // re-reads the consultations alone; any other event changes what the page shows, and what became of a transfer
    // I made, or who joined or left a conversation I am in, is also said in words
    onEvent: (event) => {
      if (event.type === 'IM') return im.receive(event);
      if (event.type === 'REPLY_STATUS') return work.replies.receive(event.reply);
      if (event.type === 'CONSULTATION') return work.consultations.receive(event).catch(showError);
      if (event.interactionId && event.cause) work.notice(event).catch(() => {});
      return refreshSoon();
    },
    onOpen: () => { $('connection').hidden = true; refreshAll(); },
    // a socket that never opened may have been refused for an ended session (the browser does not say): a call
    // finds out, and its 401 ends it
    onDrop: (neverOpened) => {
      $('connection').hidden = false;
      if (neverOpened) api('GET', '/agents/me').catch(() => {});
    },
  });
  window.switchboardDropConnection = () => events?.drop();   // lets the browser tests cut the socket
}

/**
 * A fresh session, refreshed or a password change's (api.js uses its tokens already): kept for a reload in place of
 * the one whose refresh token is used up, and the socket moved onto its token before the old one runs out.
 */
function keep(next) {
  session = next;
  sessionStorage.setItem('switchboard.session', JSON.stringify(session));
  events?.reconnect();
}

/** Back to the sign-in form; why, when it was not the user's choice (the session ended), said on its line. */
function signOut(why) {
  session = null;
  work.reset();
  board.reset();
  im.reset();
  outbound.reset();
  password.reset();
  $('slot-conversation').hidden = true;
  $('slot-im').hidden = true;
  sessionStorage.removeItem('switchboard.session');
  events?.close();
  events = null;
  endSession();
  $('signin').hidden = false;
  Object.values(VIEWS).forEach((id) => { $(id).hidden = true; });
  $('tabs').hidden = true;
  $('presence').hidden = true;
  $('mute').hidden = true;
  $('signout').hidden = true;
  $('change-password').hidden = true;
  $('connection').hidden = true;
  $('who').textContent = '';
  $('signin').elements.password.value = '';
  if (why) {
    showError(new Error(why));
    $('signin').elements.login.focus();
  }
}
$('signout').onclick = () => signOut();

$('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  act(async () => {
    try {
      session = await signIn(Object.fromEntries(form));
    } catch (error) {
      throw new Error(inWords(error, 'signIn'));   // a wrong password, a throttled or locked account, a suspension
    }
    sessionStorage.setItem('switchboard.session', JSON.stringify(session));
    await start();
  });
});

$('language').value = currentLanguage();
$('language').onchange = () => setLanguage($('language').value, () => {
  if (me) renderChannels(me);
  renderMute();
  work.render();
  work.transfers.render();
  work.consult.render();
  board.render();
  im.render();
  outbound.render();
});
setLanguage(currentLanguage());
if (session) start().catch(showError);
