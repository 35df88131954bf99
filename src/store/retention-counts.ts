// What the retention purge erases, counted the same way by every store. A user's language and zone stay: they
// hold nothing the consent notice covers, and keep the bot speaking their language (`me delete` erases them too).
export interface PersonalDataCounts {
  registrations: number;
  invites: number;
  forms: number;
  /** Personal (one-to-one) conversation references; channels the bot posts in are not personal data. */
  conversations: number;
}
