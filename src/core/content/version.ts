// A short fingerprint of the content a bot answers from: instances compare it to follow a `reload` made elsewhere,
// and change notices are keyed by it so each goes once whichever instance reloads.
import { createHash } from 'node:crypto';
import type { Content } from './load.js';

export const CONTENT_VERSION_SETTING = 'content-version';

export function contentVersion(content: Pick<Content, 'event' | 'agenda' | 'library'> & Partial<Pick<Content, 'faq'>>): string {
  return createHash('sha256').update(JSON.stringify([content.event, content.agenda, content.library, ...(content.faq ? [content.faq] : [])])).digest('hex').slice(0, 16);
}
