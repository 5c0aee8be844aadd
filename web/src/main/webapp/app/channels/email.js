// The EMAIL channel's content: sender, recipients, subject, the body as plain text (not in brief) and attachments.
import { escape } from '../api.js';
import { t } from '../i18n.js';
import { field } from './common.js';

export const renderEmail = (c, brief) => {
  const to = Array.isArray(c.to) ? c.to.join(', ') : c.to;
  const files = (c.attachments || []).map((a) => `<li>${escape(a.name)} (${escape(a.type)}, ${escape(a.size)} B)</li>`);
  return `<dl>${field('work.from', c.from)}${field('work.to', to)}${field('work.subject', c.subject)}</dl>`
    + (brief ? '' : `<pre class="body">${escape(c.text || (c.html || '').replace(/<[^>]+>/g, ''))}</pre>`)
    + (files.length ? `<p>${t('work.attachments')}:</p><ul class="attachments">${files.join('')}</ul>` : '');
};
