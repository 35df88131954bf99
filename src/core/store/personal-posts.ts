// Which scheduled-post keys name a person: decided where the keys are made (src/scheduled/post-keys.ts) and handed
// to the store, which erases them with that person's data and in the retention purge.
export interface PersonalPosts {
  /** Every key that begins with one of these names a person. */
  readonly prefixes: readonly string[];
  /** The prefixes of the keys that name this person. */
  prefixesOf(userId: string): readonly string[];
}
