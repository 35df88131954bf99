// Which errors mean the store is out of reach for now (the database stopped or restarting, the network, the disk
// full or failing), as against a refusal of this one call (a unique email, a record too large) or a bug.
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const DISK = new Set(['ENOSPC', 'EIO', 'EROFS', 'EDQUOT', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE']);
/** SQLSTATE classes 08 (connection exception), 57P (operator intervention: shutdown, restart, cannot connect now), 53 (out of resources). */
const SQLSTATE = /^(08|57P|53)/;
/** node-postgres' own words for a connection that went away or never came. */
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection terminated due to connection timeout/i;

export function isOutage(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK.has(code) || DISK.has(code) || SQLSTATE.test(code) || code === '57014') return true; // 57014: a statement cancelled by its timeout
  const message = typeof e.message === 'string' ? e.message : '';
  return PG_MESSAGES.test(message);
}
