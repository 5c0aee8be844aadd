// The EMAIL channel's content: sender, recipients, subject; in full, the body as plain text (the server's sanitised
// HTML is still never drawn as HTML), its files and the parts refused for their size, the follow-ups in order (my
// replies with their send status) and, while it is mine and active, the reply box with the customer's last email
// quoted, with the template picker and the images it may carry (replies.js). A conversation an agent started
// (outbound) has no body of its own: our mailbox sends, the customer is the one written to, and until they answer
// there is nothing to quote.
import { escape } from '../api.js';
import { t } from '../i18n.js';
import { repliable } from '../replies.js';
import { field, files, meta, refused, when } from './common.js';

// without a text part, the HTML's words (never its markup), a line kept where it breaks one (the workspace's earlier
// conversations read them so too)
export const plain = (m) => m.text || (m.html || '').replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, '\n')
  .replace(/<[^>]+>/g, '').trim();

const list = (addresses) => (Array.isArray(addresses) ? addresses.join(', ') : addresses);

export const renderEmail = (c, brief, i, draft, who, status, composer) => {
  const [from, to] = c.outbound ? [list(c.to), c.from] : [c.from, list(c.to)];
  const head = `<dl>${field('work.from', from)}${field('work.to', to)}${field('work.subject', c.subject)}</dl>`;
  if (brief) return head + files(c.attachments, i, true);
  const thread = (c.messages || []).map((m) => {
    const speaker = who(m, { customerName: c.from });
    return `<li class="${speaker.side}" data-from="${escape(m.from)}"><p class="byline"><b>${escape(speaker.label)}</b>
        ${meta(m, status)}</p>${m.subject ? `<p class="subject">${escape(m.subject)}</p>` : ''}
      <pre class="body">${escape(plain(m))}</pre>${files(m.attachments, i)}${refused(m.refused)}</li>`;
  });
  const body = c.outbound ? '' : `<pre class="body">${escape(plain(c))}</pre>`;
  return `${head}${body}${files(c.attachments, i)}${refused(c.refused)}`
    + (thread.length ? `<ol class="transcript thread" aria-label="${t('reply.thread')}">${thread.join('')}</ol>`
      : c.outbound ? `<p class="hint">${t('reply.none')}</p>` : '')
    + (repliable(i) ? box(c, i, draft, composer) : '');
};

/**
 * The reply: a plain-text email (Enter is a new line, Ctrl+Enter sends). Until the agent writes in it, it holds
 * the customer's last email quoted below two empty lines, where the caret starts (empty when the customer has not
 * written yet); once sent it stays empty.
 */
function box(c, i, draft, composer) {
  const label = t(c.outbound ? 'reply.emailTo' : 'reply.emailLabel', { to: c.from });
  // the newline after the tag is eaten by the HTML parser, so the draft's own first line survives
  return `<div class="reply-box">${composer ? composer.picker(i) : ''}<label><span>${escape(label)}</span>
      <textarea data-reply-text rows="8" maxlength="20000">\n${escape(draft ?? quote(c, i))}</textarea></label>
    ${composer ? composer.imageTools(i) : ''}
    <div class="bar"><button data-do="reply" class="primary">${t('reply.send')}</button>
      <span class="hint">${t('reply.emailKeys')}</span></div></div>`;
}

/** The customer's last email: a follow-up, or else the one that opened the conversation, when they opened it. */
function quote(c, i) {
  const last = [...(c.messages || [])].reverse().find((m) => m.from === 'customer')
    || (c.outbound ? null : { ...c, at: i.queuedSince });
  if (!last) return '';
  const lines = plain(last).split(/\r?\n/).map((line) => `> ${line}`).join('\n');
  return `\n\n${t('reply.wrote', { date: when(last.at), from: c.from })}\n${lines}\n`;
}
