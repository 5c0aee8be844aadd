// The SMS channel's content: the numbers and the conversation (the first text, then the messages either way, my
// replies with their send status); in brief, the customer's latest text. While it is mine and active, a line to
// reply on (Enter sends), with the template picker above it (replies.js). A conversation an agent started
// (outbound) has no first text: its lines come as the agent writes, and its customer is the one written to.
import { escape } from '../api.js';
import { t } from '../i18n.js';
import { repliable } from '../replies.js';
import { field, meta } from './common.js';

/** Our number and the customer's, each named from where the conversation began. */
const numbers = (c) => (c.outbound ? field('work.from', c.to) + field('work.to', c.from)
  : field('work.from', c.from) + field('work.to', c.to));

export const renderSms = (c, brief, i, draft, who, status, composer) => {
  const first = c.text === undefined || c.text === null ? [] : [{ from: 'customer', text: c.text, at: i.queuedSince }];
  const lines = [...first, ...(c.messages || [])];
  if (brief) {
    const latest = lines.filter((m) => m.from === 'customer').at(-1);
    return `<dl>${field(c.outbound ? 'work.to' : 'work.from', c.from)}</dl>${latest
      ? `<blockquote>${escape(latest.text)}</blockquote>` : ''}`;
  }
  const thread = lines.map((m) => {
    const speaker = who(m, { customerName: c.from });
    return `<li class="${speaker.side}" data-from="${escape(m.from)}"><b>${escape(speaker.label)}</b> ${escape(m.text)}
      ${meta(m, status)}</li>`;
  });
  const input = repliable(i) ? `${composer ? composer.picker(i) : ''}<div class="bar send">
      <input data-reply-text aria-label="${escape(t('reply.smsLabel', { to: c.from }))}" maxlength="1600"
        value="${escape(draft || '')}">
      <button data-do="reply">${t('reply.send')}</button></div>` : '';
  return `<dl>${numbers(c)}</dl>${thread.length
    ? `<ol class="transcript" aria-label="${t('reply.thread')}">${thread.join('')}</ol>`
    : `<p class="hint">${t('reply.none')}</p>`}${input}`;
};
