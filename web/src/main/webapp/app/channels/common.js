// Helpers shared by the channel renderers (and the workspace's status area): a labelled line of a definition list,
// and what the conversations kept with an interaction (email, SMS) show on each line and of their files.
import { escape } from '../api.js';
import { currentLanguage, t } from '../i18n.js';

export const field = (label, value) => (value === undefined || value === null || value === '' ? ''
  : `<dt>${t(label)}</dt><dd>${escape(value)}</dd>`);

/** An instant as the agent reads dates in the language they chose. */
export const when = (at) => (Number.isNaN(Date.parse(at)) ? String(at ?? '') : new Date(at).toLocaleString(currentLanguage()));

/** When a line was written and, for a reply of ours, what became of it (status: replies.js). */
export const meta = (m, status) => `<span class="meta">${m.at ? `<time datetime="${escape(m.at)}">${escape(when(m.at))}</time>` : ''}${
  m.from === 'agent' && m.replyId && status ? ` ${status(m.replyId)}` : ''}</span>`;

/**
 * The files kept with a message. In full, those the server stored (they have an id) are links that download them
 * with the agent's token (the workspace handles the click); in brief, names only.
 */
export function files(list, i, brief) {
  if (!list?.length) return '';
  const items = list.map((a) => {
    const about = `${escape(a.name)} (${escape(a.type)}, ${escape(a.size)} B)`;
    return brief || !a.id ? `<li>${about}</li>`
      : `<li><a href="/api/interactions/${escape(i.interactionId)}/attachments/${escape(a.id)}" data-attachment="${
        escape(a.id)}" data-name="${escape(a.name)}">${escape(a.name)}</a> (${escape(a.type)}, ${escape(a.size)} B)</li>`;
  });
  return `<p>${t('work.attachments')}:</p><ul class="attachments">${items.join('')}</ul>`;
}

/** Parts the server did not keep (over the size limits), each with why: the agent knows to ask for them again. */
export function refused(list) {
  if (!list?.length) return '';
  const items = list.map((a) => `<li data-refused>${escape(a.name)} (${escape(a.type)}, ${escape(a.size)} B) — ${
    escape(reason(a.reason))}</li>`);
  return `<p>${t('work.refused')}:</p><ul class="attachments refused">${items.join('')}</ul>`;
}

/** A known reason in the agent's language ("too large" is TOO_LARGE); any other as the server wrote it. */
function reason(said) {
  const key = 'refused.' + String(said ?? '').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const translated = t(key);
  return translated === key ? String(said ?? t('refused.unknown')) : translated;
}
