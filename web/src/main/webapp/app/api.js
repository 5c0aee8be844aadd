// Calls the REST API with the signed-in user's token. Failures become errors carrying the server's problem+json
// detail (a sentence meant for people), never a raw status line or stack.
// A token refused (401, or the event socket closed for policy) ends the session: the page signs in again. Unless a
// password change replaced it meanwhile: its answer is a fresh token and every older one stops working, so a call
// refused for the old one goes again with the fresh one, and the socket reconnects with it.
import { t } from './i18n.js';

let token = null;
let signIns = 0;             // a sign-in or sign-out counts one; a password change stays in the same session
let renewal = null;          // a password change on its way, until it answers
let onEnded = () => {};

export function useToken(next, whenEnded) {
  token = next;
  signIns += 1;
  if (whenEnded) onEnded = whenEnded;
}

/**
 * A call answered with a fresh session (a password change): its token replaces ours at once, before anything else
 * runs, and until the answer comes a refusal of the old token waits for it. The answer as the server gave it.
 */
export function renewSession(method, path, body) {
  const asOf = signIns;
  const answer = request(method, path, body, { renewing: true }).then(async (response) => {
    const next = await response.json();
    if (asOf === signIns) token = next.token;
    return next;
  });
  const settled = answer.then(() => {}, () => {});
  renewal = settled;
  settled.then(() => { if (renewal === settled) renewal = null; });
  return answer;
}

/**
 * A token refused: true when a password change replaced it meanwhile (go again with the fresh one); otherwise the
 * session it belonged to has ended, and if it is still this page's, the page is told. A password change's own
 * refusal does not wait for itself.
 */
async function replacedSince(used, asOf, waiting = true) {
  if (waiting) await renewal;
  if (asOf !== signIns) return false;   // signed out (or in again) since: nothing to end
  if (used !== token) return true;
  onEnded();
  return false;
}

export async function api(method, path, body) {
  const response = await request(method, path, body);
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

/**
 * A file the API serves (an email's attachment), saved by the browser under its name: a plain link cannot carry
 * the token, so it is fetched here and handed over as a blob.
 */
export async function download(path, name) {
  const blob = await (await request('GET', path)).blob();
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name || '' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);   // the save has started long before
}

/**
 * Sends a file as the request's whole body, as it is, with its own media type (an email's inline image: the server
 * reads the bytes, not JSON), and returns the JSON answer.
 */
export async function upload(path, file) {
  const response = await request('POST', path, file, { mediaType: file.type });
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

async function request(method, path, body, { mediaType, renewing } = {}) {
  const [sent, asOf] = [token, signIns];
  let response;
  try {
    response = await fetch('/api' + path, {
      method,
      headers: { 'Content-Type': mediaType || 'application/json',
        ...(sent ? { Authorization: 'Bearer ' + sent } : {}) },
      body: body === undefined ? undefined : mediaType ? body : JSON.stringify(body),
    });
  } catch {
    throw new Error(t('error.network'));
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    const payload = type.includes('json') ? await response.json() : null;
    // signing in carries no token: its 401 is a refusal of what was typed, said in the server's words
    const ended = response.status === 401 && Boolean(sent);
    if (ended && await replacedSince(sent, asOf, !renewing)) return request(method, path, body, { mediaType });
    const error = new Error(ended ? t('session.ended')
      : payload?.detail || t('error.server', { status: response.status }));
    error.type = payload?.type;
    error.retryAfter = Number(response.headers.get('Retry-After')) || null;   // seconds, when throttled
    throw error;
  }
  return response;
}

/**
 * The event socket, reconnecting after a drop; onOpen runs after every (re)connect so the page resyncs. Closed for
 * policy (1008: the session ended, or the token was refused) it does not reconnect with the same token. A socket
 * that never opened tells onDrop so: the browser does not say why, and a handshake refused for an ended session
 * looks like the server being away.
 */
export function listen({ onEvent, onOpen, onDrop }) {
  let socket = null;
  let stopped = false;
  let retry = null;
  const connect = () => {
    if (stopped) return;
    const [used, asOf] = [token, signIns];
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const address = `${scheme}://${location.host}/ws/agent-events?access_token=${encodeURIComponent(used)}`;
    const opened = new WebSocket(address);
    let open = false;
    socket = opened;
    opened.onmessage = (message) => onEvent(JSON.parse(message.data));
    opened.onopen = () => {
      open = true;
      onOpen();
    };
    opened.onclose = async (event) => {
      if (stopped || opened !== socket) return;   // closed here, or replaced by one on a fresh token
      if (event.code === 1008) {
        if (await replacedSince(used, asOf) && opened === socket) connect();
        return;
      }
      onDrop(!open);
      retry = setTimeout(connect, 1500);
    };
  };
  connect();
  return {
    close: () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    },
    drop: () => socket?.close(),
    /** On the token in use now (a fresh one after a password change): the new socket opens before the old closes. */
    reconnect: () => {
      const old = socket;
      clearTimeout(retry);
      connect();
      old?.close();
    },
  };
}

export const escape = (text) => String(text ?? '').replace(/[&<>"']/g,
  (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/** h:mm:ss since an instant, for the running clocks. */
export function since(iso) {
  const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 1000));
  return clock(seconds);
}

export function clock(seconds) {
  return `${Math.floor(seconds / 3600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:`
    + String(seconds % 60).padStart(2, '0');
}

export const secondsUntil = (iso) => Math.max(0, Math.ceil((Date.parse(iso) - Date.now()) / 1000));

/**
 * Re-draws a part of the page without losing the keyboard: the focused control is found again afterwards by what
 * identifies it (its id, or its row's or card's id and its action).
 */
export function keepingFocus(container, draw) {
  const focused = document.activeElement;
  const inside = focused && container.contains(focused) && focused !== container;
  const owner = inside ? focused.closest('[data-agent], [data-interaction], [data-task], [data-offer], [data-queue], [data-colleague], '
    + '[data-consultation]') : null;
  const key = !inside ? null : focused.id ? `#${CSS.escape(focused.id)}`
    : [owner ? Object.entries(owner.dataset).filter(([name]) => ['agent', 'interaction', 'task', 'offer', 'queue', 'colleague',
      'consultation'].includes(name)).map(([name, value]) => `[data-${name}="${CSS.escape(value)}"]`).join('') : '',
    focused.dataset.do ? `[data-do="${CSS.escape(focused.dataset.do)}"]` : focused.matches('[data-menu]') ? '[data-menu]'
      : focused.matches('input[data-message]') ? 'input[data-message]'
        : focused.matches('input[data-consult-message]') ? 'input[data-consult-message]'
          : focused.matches('[data-reply-text]') ? '[data-reply-text]' : ''].filter(Boolean).join(' ');
  // a line or an email being typed keeps its caret and, in a long email, its place (its text is drawn back from
  // the draft)
  const typing = inside && focused.matches('input[data-message], input[data-consult-message], [data-reply-text]');
  const caret = typing ? [focused.selectionStart, focused.selectionEnd] : null;
  const scrolled = typing ? focused.scrollTop : 0;
  draw();
  const again = key && container.querySelector(key);
  again?.focus();
  if (caret && again?.setSelectionRange) again.setSelectionRange(...caret);
  if (again && scrolled) again.scrollTop = scrolled;
}
