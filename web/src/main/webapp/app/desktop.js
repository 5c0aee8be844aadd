// My Channels: sign in, show every assigned channel's state with its running clock, change it, and follow changes
// made elsewhere over the event WebSocket (reconnecting and re-reading the state after a drop).
const $ = (id) => document.getElementById(id);
let session = JSON.parse(sessionStorage.getItem('switchboard.session') || 'null');
let state = null;
let socket = null;

async function api(method, path, body) {
  const response = await fetch('/api' + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(session ? { Authorization: 'Bearer ' + session.token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401 && session) signOut();
    throw new Error(payload?.detail || `The server answered ${response.status}.`);
  }
  return payload;
}

function showError(error) {
  $('error').textContent = error ? error.message : '';
  $('error').hidden = !error;
}

async function act(action) {
  try {
    showError(null);
    const next = await action();
    if (next) render(next);
  } catch (error) {
    showError(error);
  }
}

const since = (iso) => {
  const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 1000));
  return `${Math.floor(seconds / 3600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};

function render(next) {
  state = next;
  $('who').textContent = `${state.displayName} (${state.login}, ext. ${state.extension})`;
  $('dnd').checked = state.doNotDisturb;
  $('forward').placeholder = state.forwardingExtension || 'extension';
  const rows = state.channels.map((c) => {
    const label = c.state.replaceAll('_', ' ') + (c.reasonCode ? ` (${c.reasonCode})` : '');
    const buttons = c.state === 'LOGGED_OUT'
      ? `<button data-do="login" data-channel="${c.channel}">Log in</button>`
      : `<button data-do="ready" data-channel="${c.channel}">Ready</button>
         <button data-do="not-ready" data-channel="${c.channel}">Not Ready</button>
         <button data-do="logoff" data-channel="${c.channel}">Log off</button>`;
    return `<tr><td>${c.channel}</td><td class="state ${c.state}">${label}</td>
      <td data-since="${c.since}">${since(c.since)}</td><td>${c.activeWork}</td><td>${buttons}</td></tr>`;
  });
  $('channels').innerHTML = rows.join('');
}

$('channels').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-do]');
  if (!button) return;
  const body = { channels: [button.dataset.channel] };
  if (button.dataset.do === 'not-ready') body.reasonCode = $('reason').value;
  act(() => api('POST', `/agents/${session.agentId}/channels/${button.dataset.do}`, body));
});
$('all-ready').onclick = () => act(() => api('POST', `/agents/${session.agentId}/channels/ready`, {}));
$('all-not-ready').onclick = () => act(() => api('POST', `/agents/${session.agentId}/channels/not-ready`,
  { reasonCode: $('reason').value }));
$('all-login').onclick = () => act(() => api('POST', `/agents/${session.agentId}/channels/login`, {}));
$('all-logoff').onclick = () => act(() => api('POST', `/agents/${session.agentId}/channels/logoff`, {}));
$('dnd').onchange = () => act(() => api('PUT', `/agents/${session.agentId}/do-not-disturb`, { enabled: $('dnd').checked }));
$('forward-set').onclick = () => act(() => api('PUT', `/agents/${session.agentId}/forwarding`, { extension: $('forward').value }));
$('forward-clear').onclick = () => act(() => api('DELETE', `/agents/${session.agentId}/forwarding`));

setInterval(() => document.querySelectorAll('[data-since]').forEach((cell) => {
  cell.textContent = since(cell.dataset.since);
}), 1000);

function listen() {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/agent-events?access_token=${session.token}`;
  socket = new WebSocket(url);
  socket.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.agentId === session.agentId && event.sequence > (state?.eventSequence ?? 0)) {
      act(() => api('GET', '/agents/me'));
    }
  };
  socket.onopen = () => act(() => api('GET', '/agents/me'));   // resync after every (re)connect
  socket.onclose = () => { if (session) setTimeout(listen, 2000); };
}

async function start() {
  $('signin').hidden = true;
  $('desk').hidden = false;
  $('signout').hidden = false;
  const reasons = await api('GET', '/reason-codes');
  $('reason').innerHTML = reasons.filter((r) => r.active)
    .map((r) => `<option value="${r.code}">${r.label}</option>`).join('');
  listen();
}

function signOut() {
  session = null;
  sessionStorage.removeItem('switchboard.session');
  socket?.close();
  $('signin').hidden = false;
  $('desk').hidden = true;
  $('signout').hidden = true;
  $('who').textContent = '';
}
$('signout').onclick = signOut;

$('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  act(async () => {
    session = await api('POST', '/auth/login', Object.fromEntries(form));
    sessionStorage.setItem('switchboard.session', JSON.stringify(session));
    await start();
  });
});

if (session) start().catch(showError);
