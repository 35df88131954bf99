// Feedback after each session: the command, the conversation on the form engine, the one-screen form's submission.
export { feedback } from './feedback.js';
export { continueFeedback } from './conversation.js';
export { submitFeedbackForm, type FeedbackOutcome } from './submit.js';
