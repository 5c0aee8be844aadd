// The VOICE channel's content: the caller's and the dialled numbers, and the call's id.
import { field } from './common.js';

export const renderVoice = (c) => `<dl>${field('work.caller', c.callerNumber)}${field('work.dialled', c.dialledNumber)}`
  + `${field('work.call', c.callId)}</dl>`;
