// Announcements: who they are for, when they go, who receives them. The record is in core/store/announcement.ts.
export { PLAIN_AUDIENCES, readAudience, type AudienceRead } from './audience.js';
export { readWhen, type WhenRead } from './when.js';
export { recipientsOf, unregisteredPeople, type FindByEmail, type Recipient, type Recipients } from './recipients.js';
export { ANNOUNCEMENT_ID, MAX_ANNOUNCEMENT_TEXT, type Announcement, type Audience } from '../store/announcement.js';
export { scheduleAnnouncement } from './create.js';
