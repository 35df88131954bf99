// After an ack, let pending I/O (other requests waiting for their own ack) run before the answer's work:
// setImmediate runs after the poll phase, so a burst of commands is acknowledged first and answered next.
export const afterAck = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
