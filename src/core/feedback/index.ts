// Feedback after each session: when it is taken and prompted, how it is recorded, summed up and exported.
export { closesAt, DEFAULT_FEEDBACK_MINUTES, FEEDBACK_OPEN_DAYS, feedbackWindow, promptAt, type FeedbackWindow } from './window.js';
export { summarise, type FeedbackSummary } from './summary.js';
export { feedbackCsv, FEEDBACK_CSV_COLUMNS } from './export-csv.js';
export { recordFeedback, type FeedbackAnswers } from './record.js';
