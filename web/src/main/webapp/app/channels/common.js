// Helpers shared by the channel renderers (and the workspace's status area): a labelled line of a definition list.
import { escape } from '../api.js';
import { t } from '../i18n.js';

export const field = (label, value) => (value === undefined || value === null || value === '' ? ''
  : `<dt>${t(label)}</dt><dd>${escape(value)}</dd>`);
