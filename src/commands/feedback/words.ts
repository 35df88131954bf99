// The words `feedback` reads after its own, in three languages: off/on, report, export, the one-screen form, week.
import { normalizeWord } from '../../core/i18n/normalize.js';

export type FeedbackWord = 'off' | 'on' | 'report' | 'export' | 'form' | 'week';

const WORDS: Record<FeedbackWord, string[]> = {
  off: ['off', 'stop', 'non', 'no', 'arrêter', 'arreter', 'إيقاف', 'ايقاف', 'أوقف', 'لا'],
  on: ['on', 'oui', 'yes', 'تشغيل', 'نعم'],
  report: ['report', 'results', 'rapport', 'bilan', 'résultats', 'تقرير', 'نتائج'],
  export: ['export', 'csv', 'exporter', 'تصدير'],
  form: ['form', 'card', 'modal', 'formulaire', 'استمارة', 'نموذج'],
  week: ['week', 'semaine', 'أسبوع', 'الأسبوع', 'اسبوع'],
};

const lookup = new Map<string, FeedbackWord>(Object.entries(WORDS).flatMap(([word, forms]) => forms.map((f) => [normalizeWord(f), word as FeedbackWord] as const)));

export const feedbackWord = (word: string): FeedbackWord | undefined => lookup.get(normalizeWord(word));

/** A session id as people type it (W1-D2-A, w1-d2-a). */
export const SESSION_WORD = /^w\d+-d\d+-[a-z]+$/i;

/** The command's words: also what a feedback conversation takes for the command rather than for a comment. */
export const FEEDBACK_ALIASES = { en: ['feedback', 'rate'], fr: ['avis', 'évaluer', 'evaluer'], ar: ['تقييم', 'التقييم', 'قيم'] };
const ALIAS_WORDS = new Set(Object.values(FEEDBACK_ALIASES).flat().map(normalizeWord));

/** "avis w1-d2-a 5" typed in the middle of a feedback conversation: the command, not a comment. */
export const isFeedbackCommand = (message: string): boolean => ALIAS_WORDS.has(normalizeWord(message.trim().split(/\s+/)[0] ?? ''));
