// Calls the REST API with the signed-in user's token, and keeps that token alive. Failures become errors carrying
// the server's problem+json detail (a sentence meant for people), never a raw status line or stack.
// An access token lives minutes: the session's refresh token gets the next one (and a new refresh token, the one sent
// being used up) a minute before it runs out, and whenever a call is refused (401), after which the call goes once
// more. A refresh refused ends the session: the page signs in again. A password change answers with a fresh session
// of its own and every older token stops working, so a refusal meanwhile waits for it and goes again with its token.
import { t } from './i18n.js';

const AHEAD = 60;            // seconds before an access token runs out that the next one is fetched,
const SHORT = 120;           // unless it lives less than this: then at half its life
const AGAIN_MS = 15_000;     // a refresh ahead of time that got no answer tries again after this

let token = null;
let refreshToken = null;     // null while a refresh is on its way: each one is sent once
let refreshAt = Infinity;    // when (epoch ms) the access token is due for a refresh
let signIns = 0;             // a sign-in or sign-out counts one; a refresh or password change stays in the same session
let renewal = null;          // a password change on its way, until it answers
let refreshing = null;       // the refresh on its way, which every caller awaits
let timer = null;
let onEnded = () => {};
let onKept = () => {};

/**
 * The page's session (null: signed out), as signIn or kept gave it. ended runs when the server ends it; kept with
 * every fresh session (a refresh, a password change), for the page to keep instead of the one whose refresh token
 * is used up.
 */
export function useSession(session, { ended, kept } = {}) {
  signIns += 1;
  token = session?.token ?? null;
  refreshToken = session?.refreshToken ?? null;
  refreshAt = !session ? Infinity : session.refreshAt ?? Date.now();   // one kept without it: refreshed at once
  refreshing = null;
  if (ended) onEnded = ended;
  if (kept) onKept = kept;
  schedule(refreshAt - Date.now());
}

/** Signs in: the session as the server answered it, with when its token is due for a refresh. */
export async function signIn(credentials) {
  return dated(await api('POST', '/auth/login', credentials));
}

/** Signing out: the tokens are forgotten at once; the server is told to end the session, without waiting for it. */
export function endSession() {
  const held = refreshToken;
  useSession(null);
  if (held) logout(held);
}

const logout = (held) => post('/auth/logout', { refreshToken: held }).catch(() => {});   // it expires anyway

/** The calls that carry a refresh token carry no access token. */
const post = (path, body) => fetch('/api' + path,
  { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** A session as the server gave it, with when to refresh its token: a minute ahead, or at half a short life. */
function dated(session) {
  const life = session.expiresIn;
  return { ...session, refreshAt: Date.now() + 1000 * (life < SHORT ? life / 2 : life - AHEAD) };
}

/** A fresh session in place: its token used from now on, its refresh scheduled, the page given it to keep. */
function adopt(answer) {
  const session = dated(answer);
  token = session.token;
  refreshToken = session.refreshToken;
  refreshAt = session.refreshAt;
  schedule(refreshAt - Date.now());
  onKept(session);
  return session;
}

/** The refresh ahead of time. One that got no answer tries again shortly; a refusal has ended the session. */
function schedule(delay) {
  clearTimeout(timer);
  if (!token) return;
  const [used, asOf] = [token, signIns];
  timer = setTimeout(() => freshSince(used, asOf).catch(() => {
    if (asOf === signIns && used === token) schedule(AGAIN_MS);
  }), Math.max(0, delay));
}

/**
 * A call answered with a fresh session (a password change): its tokens replace ours at once, before anything else
 * runs, and until the answer comes a refusal of the old token waits for it. The session as kept.
 */
export function renewSession(method, path, body) {
  const asOf = signIns;
  const answer = request(method, path, body, { renewing: true }).then(async (response) => {
    const next = await response.json();
    return asOf === signIns ? adopt(next) : next;
  });
  const settled = answer.then(() => {}, () => {});
  renewal = settled;
  settled.then(() => { if (renewal === settled) renewal = null; });
  return answer;
}

/**
 * A token refused, or run out: true when a fresher one is in place (go again with it), be it a password change's,
 * one refreshed meanwhile, or (refresh) one refreshed now. Otherwise the session it belonged to has ended, and if it
 * is still this page's, the page is told. A password change's own refusal does not wait for itself (waiting).
 * Throws when a refresh got no answer: the session may well go on.
 */
export async function freshSince(used, asOf, { waiting = true, refresh = true } = {}) {
  if (waiting) await renewal;
  if (asOf !== signIns) return false;   // signed out (or in again) since: nothing to end
  if (used !== token) return true;
  if (refresh && await refreshed()) return true;
  if (waiting) await renewal;           // a password change that started meanwhile got the refresh refused
  if (asOf !== signIns) return false;
  if (used !== token) return true;
  onEnded();
  return false;
}

/** The refresh on its way, or a new one: however many callers ask at once, a refresh token is sent once. */
function refreshed() {
  if (!refreshing) {
    const pending = exchange();
    const done = () => { if (refreshing === pending) refreshing = null; };
    pending.then(done, done);
    refreshing = pending;
  }
  return refreshing;
}

/**
 * Uses the refresh token up for the next pair: true once it is in place, false when refused. Without an answer, or
 * with a server error, the refresh token is kept for the next try: most likely it never counted (the network was
 * down, the transaction rolled back), and if it did, sending it again ends the session, as giving up would.
 */
async function exchange() {
  const [sent, before, asOf] = [refreshToken, token, signIns];
  if (!sent) return false;   // a session kept before refresh tokens existed
  refreshToken = null;
  let response;
  try {
    response = await post('/auth/refresh', { refreshToken: sent });
  } catch {
    keepUnused(sent, asOf);
    throw new Error(t('error.network'));
  }
  if (response.status >= 500) {
    keepUnused(sent, asOf);
    throw new Error(t('error.server', { status: response.status }));
  }
  const next = response.ok ? await response.json() : null;
  if (asOf !== signIns) {
    if (next) logout(next.refreshToken);   // signed out while it was on its way: its session ends too
    return false;
  }
  if (next && token === before) adopt(next);   // else a password change answered meanwhile, with a session of its own
  return Boolean(next);
}

function keepUnused(sent, asOf) {
  if (asOf === signIns && refreshToken === null) refreshToken = sent;
}

/**
 * A ticket for one handshake of the event socket, asked with a token not about to run out (a socket on it would
 * close within the minute); with that token and its session, for when the socket closes. Null: the session ended.
 */
export async function socketTicket() {
  const asOf = signIns;
  if (!token) return null;
  if (Date.now() >= refreshAt && !await freshSince(token, asOf)) return null;
  const used = token;
  const { ticket } = await api('POST', '/auth/socket-ticket');
  return { ticket, used, asOf };
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

async function request(method, path, body, { mediaType, renewing, retried } = {}) {
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
    const refused = response.status === 401 && Boolean(sent);
    // a token run out is refreshed once and the call goes once more; refused again, the session has ended
    if (refused && await freshSince(sent, asOf, { waiting: !renewing, refresh: !retried })) {
      return request(method, path, body, { mediaType, renewing, retried: true });
    }
    const error = new Error(refused ? t('session.ended')
      : payload?.detail || t('error.server', { status: response.status }));
    error.type = payload?.type;
    error.retryAfter = Number(response.headers.get('Retry-After')) || null;   // seconds, when throttled
    throw error;
  }
  return response;
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
