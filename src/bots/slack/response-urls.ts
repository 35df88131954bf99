// A signed payload's response_url is where Bolt posts the answer (with download links, private replies): only
// Slack's own hosts (and the Web API base a deployment set, for a local test server) are ever followed.
const SLACK_HOOKS = 'https://hooks.slack.com';

/** The origins a response_url may have: Slack's, and SLACK_API_URL's when set. */
export function responseOrigins(apiUrl?: string): ReadonlySet<string> {
  return new Set([SLACK_HOOKS, ...(apiUrl ? [new URL(apiUrl).origin] : [])]);
}

/** Every response_url a Slack request carries: a slash command's field, an action's, a view submission's list. */
export function responseUrlsOf(body: Buffer, contentType: string | undefined): string[] {
  const text = body.toString('utf8');
  let payload: unknown;
  try {
    if (contentType?.includes('application/json')) payload = JSON.parse(text);
    else {
      const form = new URLSearchParams(text);
      const inner = form.get('payload');
      payload = inner !== null ? JSON.parse(inner) : Object.fromEntries(form);
    }
  } catch {
    return []; // not ours to judge: Bolt refuses what it cannot read
  }
  const p = payload as { response_url?: unknown; response_urls?: unknown } | null;
  const urls: unknown[] = [p?.response_url, ...(Array.isArray(p?.response_urls) ? p.response_urls.map((r: { response_url?: unknown } | null) => r?.response_url) : [])];
  return urls.filter((u): u is string => typeof u === 'string');
}

/** Whether every response_url is on an allowed origin, over https (or the test server's own scheme). */
export function allowedResponseUrls(urls: readonly string[], origins: ReadonlySet<string>): boolean {
  return urls.every((u) => {
    try {
      return origins.has(new URL(u).origin);
    } catch {
      return false;
    }
  });
}
