// An answer that is ready well inside Slack's 3 seconds travels in the ack itself (one HTTP round trip fewer
// than response_url); a slower one is acknowledged empty at the budget and follows through response_url.
export const ACK_BUDGET_MS = 1_500;

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
