// Announcements as people see them: the message received, the organisers' list, the names of audiences and times.
export { announcementMessage } from './message.js';
export { announcementsReply } from './list.js';
export { audienceName, whenName } from './labels.js';
