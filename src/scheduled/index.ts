// Scheduled posts: digests, reminders and change notices are one kind of thing, a post with a key, claimed once
// across restarts and instances before it is sent. One scheduler serves them all; this is its entry point.
export { PostScheduler, PACING, type SchedulerOptions, type TickReport } from './scheduler.js';
export { MAX_REMIND_MINUTES } from './reminders.js';
export { digestKey, reminderKey, noticeKey, updateKey, summaryKey, announceKey, announceChannelKey, personalPosts } from './post-keys.js';
