// The SMS channel's content: the sender and the message's text.
import { escape } from '../api.js';
import { field } from './common.js';

export const renderSms = (c) => `<dl>${field('work.from', c.from)}</dl><blockquote>${escape(c.text)}</blockquote>`;
