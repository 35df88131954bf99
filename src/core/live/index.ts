// Live sessions: questions to the panel, votes, moderation. The model and its rules; the store keeps the records
// (src/core/store/live-records.ts), the views and commands show and change them.
export { MAX_OPEN_QUESTIONS, type LiveSettings } from './settings.js';
export { opensAt, questionWindow, sessionTakingQuestions, type QuestionWindow } from './window.js';
export { canModerate } from './moderation.js';
export { visibleTo, byLanguage } from './visible.js';
