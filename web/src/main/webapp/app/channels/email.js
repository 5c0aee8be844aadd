// The EMAIL channel's content: sender, recipients, subject; in full, the body as plain text (the server's sanitised
// HTML is still never drawn as HTML), its files and the parts refused for their size, the follow-ups in order (my
// replies with their send status) and, while it is mine and active, the reply box with the customer's last email
// quoted.
import { escape } from '../api.js';
import { t } from '../i18n.js';
import { repliable } from '../replies.js';
import { field, files, meta, refused, when } from './common.js';

// without a text part, the HTML's words (never its markup), a line kept where it breaks one
const plain = (m) => m.text || (m.html || '').replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, '\n')
  .replace(/<[^>]+>/g, '').trim();

export const renderEmail = (c, brief, i, draft, who, status) => {
  const to = Array.isArray(c.to) ? c.to.join(', ') : c.to;
  const head = `<dl>${field('work.from', c.from)}${field('work.to', to)}${field('work.subject', c.subject)}</dl>`;
  if (brief) return head + files(c.attachments, i, true);
  const thread = (c.messages || []).map((m) => {
    const speaker = who(m, { customerName: c.from });
    return `<li class="${speaker.side}" data-from="${escape(m.from)}"><p class="byline"><b>${escape(speaker.label)}</b>
        ${meta(m, status)}</p>${m.subject ? `<p class="subject">${escape(m.subject)}</p>` : ''}
      <pre class="body">${escape(plain(m))}</pre>${files(m.attachments, i)}${refused(m.refused)}</li>`;
  });
  return `${head}<pre class="body">${escape(plain(c))}</pre>${files(c.attachments, i)}${refused(c.refused)}`
    + (thread.length ? `<ol class="transcript thread" aria-label="${t('reply.thread')}">${thread.join('')}</ol>` : '')
    + (repliable(i) ? box(c, i, draft) : '');
};

/**
 * The reply: a plain-text email (Enter is a new line, Ctrl+Enter sends). Until the agent writes in it, it holds
 * the customer's last email quoted below two empty lines, where the caret starts; once sent it stays empty.
 */
function box(c, i, draft) {
  // the newline after the tag is eaten by the HTML parser, so the draft's own first line survives
  return `<div class="reply-box"><label><span>${escape(t('reply.emailLabel', { to: c.from }))}</span>
      <textarea data-reply-text rows="8" maxlength="20000">\n${escape(draft ?? quote(c, i))}</textarea></label>
    <div class="bar"><button data-do="reply" class="primary">${t('reply.send')}</button>
      <span class="hint">${t('reply.emailKeys')}</span></div></div>`;
}

function quote(c, i) {
  const last = [...(c.messages || [])].reverse().find((m) => m.from === 'customer') || { ...c, at: i.queuedSince };
  const lines = plain(last).split(/\r?\n/).map((line) => `> ${line}`).join('\n');
  return `\n\n${t('reply.wrote', { date: when(last.at), from: c.from })}\n${lines}\n`;
}
