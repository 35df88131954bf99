// The console surface's renderer: the reply's text fallback, laid out right-to-left for Arabic.
import { rtlLines } from '../../core/i18n/bidi.js';
import { replyToText, type Reply } from '../../core/reply.js';

export function renderText(reply: Reply): string {
  const text = replyToText(reply);
  return reply.lang === 'ar' ? rtlLines(text) : text;
}
