// The social channels' content (FACEBOOK, TWITTER): the account or handle, and the post's text.
import { escape } from '../api.js';
import { field } from './common.js';

export const renderFacebook = (c) => `<dl>${field('work.account', c.account)}</dl><blockquote>${escape(c.text)}</blockquote>`;

export const renderTwitter = (c) => `<dl>${field('work.handle', c.handle)}</dl><blockquote>${escape(c.text)}</blockquote>`;
