// The CHAT channel's content: the transcript (in brief, its last line) and, while active, the message input.
import { escape } from '../api.js';
import { t } from '../i18n.js';

export const renderChat = (c, brief, i, draft, who) => {
  const messages = (c.messages || []).slice(brief ? -1 : 0).map((m) => {
    if (m.from === 'system') return `<li class="system" data-from="system">${escape(m.text)}</li>`;
    const { label, side } = who(m, c);
    return `<li class="${side}" data-from="${escape(m.from)}"><b>${escape(label)}</b> ${escape(m.text)}</li>`;
  });
  const input = brief || i.state !== 'ACTIVE' ? '' : `<div class="bar send">
      <input data-message aria-label="${t('work.message')}" maxlength="4000" value="${escape(draft || '')}">
      <button data-do="send">${t('work.send')}</button></div>`;
  return `<p>${t('work.customer')}: ${escape(c.customerName)}</p><ol class="transcript">${messages.join('')}</ol>${input}`;
};
