// Scheduled posts whose key names a person (a reminder, a change notice): erased with that person's data, and
// every one of them by the retention purge; digests name only channels and stay.
export const personalPostPrefixes = (userId: string): [string, string] => [`remind::${userId}::`, `notice::${userId}::`];

export const isPersonalPost = (key: string): boolean => key.startsWith('remind::') || key.startsWith('notice::');
