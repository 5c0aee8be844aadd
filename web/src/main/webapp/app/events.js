// The event socket, reconnecting after a drop; onOpen runs after every (re)connect so the page resyncs. Each
// (re)connect presents a one-time ticket asked for with the token, as a token in a URL ends up in proxies' logs.
// The server closes a socket when the token its ticket was asked with runs out (4401): that is no drop, it comes back
// on a fresh token without a word. Closed for policy (1008: the session ended) it does not come back, unless a
// password change replaced the token meanwhile. A socket that never opened tells onDrop so: the browser does not say
// why, and a handshake refused for an ended session looks like the server being away.
import { freshSince, socketTicket } from './api.js';

const RETRY_MS = 1500;

export function listen({ onEvent, onOpen, onDrop }) {
  let socket = null;
  let stopped = false;
  let retry = null;
  let attempt = 0;   // each (re)connect counts one: a ticket or a socket of an earlier one has no say any more
  const current = (mine) => !stopped && mine === attempt;

  /** Away: said, and tried again shortly. */
  const later = (mine, neverOpened) => {
    if (!current(mine)) return;
    onDrop(neverOpened);
    retry = setTimeout(connect, RETRY_MS);
  };

  async function connect() {
    if (stopped) return;
    clearTimeout(retry);
    const mine = ++attempt;
    let granted;
    try {
      granted = await socketTicket();
    } catch {
      // no answer (a 401 that no refresh cured has ended the session already, and stopped this)
      later(mine, true);
      return;
    }
    if (granted && current(mine)) open(mine, granted);
  }

  /** The replaced socket, if any, stays until this one opens: no event falls between the two. */
  function open(mine, { ticket, used, asOf }) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const opened = new WebSocket(`${scheme}://${location.host}/ws/agent-events?ticket=${encodeURIComponent(ticket)}`);
    const replaced = socket;
    let wasOpen = false;
    socket = opened;
    opened.onmessage = (message) => onEvent(JSON.parse(message.data));
    opened.onopen = () => {
      wasOpen = true;
      replaced?.close();
      onOpen();
    };
    opened.onclose = (event) => {
      if (!current(mine)) return;   // closed here, or replaced by a newer one
      if (event.code === 4401) expired(mine, used, asOf);
      else if (event.code === 1008) ended(mine, used, asOf);
      else later(mine, !wasOpen);
    };
  }

  /** Its token ran out: a fresh one (unless there is one already), and a new ticket with it. */
  async function expired(mine, used, asOf) {
    try {
      if (await freshSince(used, asOf) && current(mine)) connect();
    } catch {
      later(mine, false);   // the refresh got no answer: the server is away
    }
  }

  /** Its session ended, unless a password change replaced the token meanwhile (then a new ticket with that one). */
  async function ended(mine, used, asOf) {
    if (await freshSince(used, asOf, { refresh: false }) && current(mine)) connect();
  }

  connect();
  return {
    close: () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    },
    drop: () => socket?.close(),
    /** On the token in use now (a fresh one: refreshed, or a password change's): the new socket opens first. */
    reconnect: connect,
  };
}
