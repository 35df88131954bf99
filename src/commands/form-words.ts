// The words that steer a conversational form, in the three languages. Recognised only while a form is open.
import { normalizeWord } from '../core/i18n/normalize.js';

const WORDS = {
  back: ['back', 'previous', 'retour', 'précédent', 'رجوع', 'السابق', 'عودة'],
  skip: ['skip', 'passer', 'ignorer', 'تخطي', 'تخطى'],
  cancel: ['cancel', 'stop', 'annuler', 'إلغاء', 'الغاء'],
  confirm: ['confirm', 'submit', 'confirmer', 'valider', 'envoyer', 'تأكيد', 'تاكيد', 'أكد', 'اكد'],
  edit: ['edit', 'change', 'modifier', 'changer', 'تعديل', 'عدل', 'غير'],
} as const;

export type FormWord = keyof typeof WORDS;

const lookup = new Map<string, FormWord>(Object.entries(WORDS).flatMap(([word, forms]) => forms.map((f) => [normalizeWord(f), word as FormWord] as const)));

export const formWord = (word: string): FormWord | undefined => lookup.get(normalizeWord(word));
