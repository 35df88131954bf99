// Errors that stop start-up: each names the file and what to do.
export class StoreCorruptError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: the store file is not valid (${detail}). It has been left untouched: restore it from a backup, or move it away to start with an empty store.`);
    this.name = 'StoreCorruptError';
  }
}

export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    pid: number,
  ) {
    super(`${dir}: this DATA_DIR is in use by another CKEx process (pid ${pid}). Stop that process, or give this one its own DATA_DIR.`);
    this.name = 'StoreLockedError';
  }
}
