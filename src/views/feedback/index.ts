// What feedback shows: the prompt after a session, the form (conversation and one screen), the organisers' report.
export { feedbackPromptReply } from './prompt.js';
export { feedbackFormReply, feedbackFormView, feedbackQuestion, ratingButtons } from './form.js';
export { groupReport, sessionReport, MAX_QUOTED } from './report.js';
export { decimal, feedbackWords, ratingLabel, untilDay, writtenIn } from './labels.js';
