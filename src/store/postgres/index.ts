// The PostgreSQL store (DATABASE_URL): one entry point for the rest of the bot.
export { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { migrate, readMigrations, type Migration } from './migrate.js';
export { copyLowdbData, type CopyReport } from './copy-lowdb.js';
