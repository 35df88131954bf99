// What live sessions show: question lists, the moderators' queue, the window of questions, the live post.
export { questionsReply, queueReply, MAX_LISTED, type ListOptions } from './questions.js';
export { questionBlock, questionText } from './question-lines.js';
export { windowNote } from './window-note.js';
export { livePostReply, LIVE_POST_TOP } from './live-post.js';
