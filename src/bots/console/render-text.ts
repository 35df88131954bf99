// The console surface's renderer: the reply's text fallback, Arabic lines right-to-left whole, and each button
// with the command to type in the reader's own words.
import { mirrorArrows, rtlLines } from '../../core/i18n/bidi.js';
import { replyToText, type Reply, type SayCommand } from '../../core/reply.js';

export function renderText(reply: Reply, say?: SayCommand): string {
  const text = replyToText(reply, say);
  return reply.lang === 'ar' ? rtlLines(mirrorArrows(text)) : text;
}
