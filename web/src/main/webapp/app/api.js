// Calls the REST API with the signed-in user's token. Failures become errors carrying the server's problem+json
// detail (a sentence meant for people), never a raw status line or stack.
import { t } from './i18n.js';

let token = null;
let onUnauthenticated = () => {};

export function useToken(next, whenRejected) {
  token = next;
  if (whenRejected) onUnauthenticated = whenRejected;
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
  const response = await request('POST', path, file, file.type);
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

async function request(method, path, body, mediaType) {
  let response;
  try {
    response = await fetch('/api' + path, {
      method,
      headers: { 'Content-Type': mediaType || 'application/json',
        ...(token ? { Authorization: 'Bearer ' + token } : {}) },
      body: body === undefined ? undefined : mediaType ? body : JSON.stringify(body),
    });
  } catch {
    throw new Error(t('error.network'));
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    const payload = type.includes('json') ? await response.json() : null;
    if (response.status === 401 && token) onUnauthenticated();
    const error = new Error(payload?.detail || t('error.server', { status: response.status }));
    error.type = payload?.type;
    throw error;
  }
  return response;
}

/** The event socket, reconnecting after a drop; onOpen runs after every (re)connect so the page resyncs. */
export function listen({ onEvent, onOpen, onDrop }) {
  let socket = null;
  let stopped = false;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/ws/agent-events?access_token=${encodeURIComponent(token)}`);
    socket.onmessage = (message) => onEvent(JSON.parse(message.data));
    socket.onopen = onOpen;
    socket.onclose = () => {
      if (!stopped) {
        onDrop();
        setTimeout(connect, 1500);
      }
    };
  };
  connect();
  return { close: () => { stopped = true; socket?.close(); }, drop: () => socket?.close() };
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
