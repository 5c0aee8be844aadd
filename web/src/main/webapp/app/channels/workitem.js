// The WORKITEM channel's content: kind, title, size and the document it refers to.
import { field } from './common.js';

export const renderWorkItem = (c) => `<dl>${field('work.kind', c.kind)}${field('work.title2', c.title)}${field('work.size', c.size)}`
  + `${field('work.document', c.documentRef)}</dl>`;
