// The lowdb store (DATA_DIR): one entry point for the rest of the bot, and for the scripts that read its files.
export { LowdbStore, type LowdbStoreOptions } from './lowdb-store.js';
export { readStoreFile, STORE_FILE } from './file.js';
export { POSTS_FILE, readPostsFile, type PostsFileData } from './posts.js';
export { acquireLock } from './lock.js';
export { StoreCorruptError, StoreLockedError } from './errors.js';
