// Waiting for work at most so long: the answer if it came in time, else undefined while the work goes on.
/** The value if `work` settles within `ms`, else undefined (the work goes on; await it for the late answer). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
