// The lowdb file store's own synchronous surface, which LowdbAsyncStore wraps into the AsyncStore the core speaks.
import type { PersonalDataCounts } from '../core/store/retention-counts.js';
import type { FormProgress, Registration, StoredConversation, Subscription, UserPrefs } from '../core/store/records.js';

export interface Store {
  user(id: string): UserPrefs | undefined;
  /** Resolves once the change is durably on disk. */
  updateUser(id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void>;
  conversation(id: string): StoredConversation | undefined;
  conversationsOf(userId: string): StoredConversation[];
  saveConversation(conversation: Omit<StoredConversation, 'updatedAt'>): Promise<void>;
  dropConversation(id: string): Promise<void>;
  registration(id: string): Registration | undefined;
  registrationByEmail(email: string): Registration | undefined;
  /** Registrations this chat user made or updated, newest first. */
  registrationsOf(userId: string): Registration[];
  registrations(): Registration[];
  /** Resolves once the registration is durably on disk: only then may it be confirmed to anyone. */
  saveRegistration(registration: Registration): Promise<void>;
  form(userId: string): FormProgress | undefined;
  saveForm(userId: string, progress: FormProgress): Promise<void>;
  dropForm(userId: string): Promise<void>;
  isInvited(email: string): boolean;
  /** Adds invited emails; returns how many were new. */
  addInvites(emails: string[], by: string): Promise<number>;
  inviteCount(): number;
  subscriptions(): Subscription[];
  subscription(id: string): Subscription | undefined;
  saveSubscription(subscription: Subscription): Promise<void>;
  dropSubscription(id: string): Promise<void>;
  /** Erases everything kept about a chat user: preferences, form progress, registrations, conversations, stars, calendar token. */
  eraseUser(userId: string): Promise<void>;
  /** Forms under way last touched before this instant are dropped; returns how many. */
  dropFormsIdleSince(before: string): Promise<number>;
  /** What the retention purge would erase now. */
  personalDataCounts(): PersonalDataCounts;
  /** The retention purge: every registration, invitation, form under way, personal conversation, star and calendar token. */
  purgePersonalData(): Promise<PersonalDataCounts>;
  close(): Promise<void>;
}
