// What the retention purge erases, counted the same way by every store. A user's language, zone and reminder
// preference stay: they hold nothing the consent notice covers, and keep the bot speaking their language
// (`me delete` erases them too).
export interface PersonalDataCounts {
  registrations: number;
  invites: number;
  forms: number;
  /** Personal (one-to-one) conversation references; channels the bot posts in are not personal data. */
  conversations: number;
  /** Starred sessions: one per (user, session). */
  stars: number;
  /** Private calendar addresses (one token per user): purged, their feeds answer 404. */
  feeds: number;
  /** Questions asked in live sessions, and votes for them. */
  questions: number;
  votes: number;
  /** Nominations made by the focal points (the nominee's email and name). */
  nominations: number;
  /** Feedback given on sessions (one per person and session). */
  feedback: number;
  /** Announcements, which name the organiser who made them. */
  announcements: number;
}
