// The languages the bot speaks, first-class all three: English (the working language), French and Arabic.
export const LANGS = ['en', 'fr', 'ar'] as const;
export type Lang = (typeof LANGS)[number];
