// The words live-session commands read after their own: anonymously, by language, export, in three languages.
import { normalizeWord } from '../../core/i18n/normalize.js';

const set = (words: string[]) => new Set(words.map(normalizeWord));

/** "ask anonymously …", "poser anonymement …", "سؤال مجهول …". */
export const ANONYMOUS_WORDS = set(['anonymously', 'anonymous', 'anon', 'anonymement', 'anonyme', 'مجهول', 'بدون اسم', 'مجهولا', 'مجهولاً']);
/** "questions w1-d2-a by language", « par langue », «حسب اللغة». */
export const BY_LANGUAGE = set(['by language', 'language', 'languages', 'par langue', 'langue', 'langues', 'حسب اللغة', 'اللغة', 'اللغات']);
export const EXPORT_WORDS = set(['export', 'csv', 'exporter', 'تصدير']);

/** A session id as people type it (W1-D2-A, w1-d2-a). */
export const SESSION_WORD = /^w\d+-d\d+-[a-z]+$/i;
