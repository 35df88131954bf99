// The end-to-end fixture: the fake Slack Web API and the fake Bot Connector on 127.0.0.1, the settings that point the
// bot at them (a temp DATA_DIR, the clock), and the real server, in this process or as `npm start`; torn down
// together. `startE2e` for one test (closed in its finally), `useE2e` for a whole file or describe block.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { tempDir } from './bot.js';
import { FakeConnector } from './fake-connector.js';
import { FakeSlack, type SlackCall } from './fake-slack.js';
import { startTestServer, type TestServer } from './server.js';
import { eventCallback, SIGNING_SECRET } from './slack-requests.js';
import { spawnServer, type SpawnedServer } from './spawn-server.js';

/** Tuesday 4 May 2021, 10:00 in Washington: the sample event's second day. */
export const NOW = '2021-05-04T14:00:00Z';

export type Platform = 'slack' | 'teams';
const BOTH: readonly Platform[] = ['slack', 'teams'];

/** The settings that point the bot's Slack app at a fake Web API, signed with the secret the requests use. */
export const slackEnv = (slack: FakeSlack): Record<string, string> => ({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });

export interface E2eOptions {
  /** The clock at start: one the test moves in this process, CKEX_NOW for a child (null: a child on the real clock). */
  now?: string | null;
  /**
   * The fakes to start and point the bot at; both unless said. A child answers Teams only when asked (unauthenticated,
   * outside production); in this process Teams always answers unauthenticated on loopback (tests/helpers/server.ts).
   */
  platforms?: readonly Platform[];
  /** Settings of the test's own, over the fixture's; a DATA_DIR here is used instead of a new one. */
  env?: Record<string, string>;
  /** `npm start` as a child process instead of the server in this process. */
  spawn?: boolean;
  /** Fakes already running, for a server beside another: used, and left open. */
  slack?: FakeSlack;
  connector?: FakeConnector;
}

export interface E2e<S extends TestServer | SpawnedServer = TestServer> {
  readonly slack: FakeSlack;
  readonly connector: FakeConnector;
  readonly server: S;
  /** Every setting the server was started with: start another on the same DATA_DIR with them. */
  readonly env: Record<string, string>;
  readonly dataDir: string;
  /** POST /slack/events of this server. */
  readonly events: string;
  /** Stops the server (unless the test already did) and closes the fakes it started. */
  close(): Promise<void>;
}

type Closable = { close(): Promise<void> };

interface Fakes {
  slack?: FakeSlack | undefined;
  connector?: FakeConnector | undefined;
}

function need<T>(fake: T | undefined, platform: Platform): T {
  if (!fake) throw new Error(`this fixture was started without ${platform}`);
  return fake;
}

async function stop(server: TestServer | SpawnedServer): Promise<void> {
  if (!('child' in server)) return server.close();
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  await server.stop();
}

class Running<S extends TestServer | SpawnedServer> implements E2e<S> {
  constructor(
    private readonly fakes: Fakes,
    private readonly owned: Closable[],
    public server: S,
    readonly env: Record<string, string>,
  ) {}

  get slack(): FakeSlack {
    return need(this.fakes.slack, 'slack');
  }

  get connector(): FakeConnector {
    return need(this.fakes.connector, 'teams');
  }

  get dataDir(): string {
    return this.env.DATA_DIR!;
  }

  get events(): string {
    return `${this.server.url}/slack/events`;
  }

  /** Bound, so that it can be destructured with the rest. */
  readonly close = async (): Promise<void> => {
    try {
      await stop(this.server);
    } finally {
      await closeAll(this.owned);
    }
  };
}

async function closeAll(fakes: Closable[]): Promise<void> {
  for (const fake of fakes) await fake.close();
}

export function startE2e(options: E2eOptions & { spawn: true }): Promise<E2e<SpawnedServer>>;
export function startE2e(options?: E2eOptions & { spawn?: false }): Promise<E2e<TestServer>>;
export async function startE2e(options: E2eOptions = {}): Promise<E2e<TestServer | SpawnedServer>> {
  const platforms = options.platforms ?? BOTH;
  const owned: Closable[] = [];
  const started = async <F extends FakeSlack | FakeConnector>(fake: F): Promise<F> => {
    owned.push(fake);
    return (await fake.start()) as F;
  };
  try {
    const fakes: Fakes = {
      slack: platforms.includes('slack') ? (options.slack ?? (await started(new FakeSlack()))) : undefined,
      connector: platforms.includes('teams') ? (options.connector ?? (await started(new FakeConnector()))) : undefined,
    };
    const now = options.now === undefined ? NOW : options.now;
    const env: Record<string, string> = {
      DATA_DIR: options.env?.DATA_DIR ?? tempDir(),
      ...(fakes.slack ? slackEnv(fakes.slack) : {}),
      // A child in production refuses to run Teams unauthenticated: the fake connector is a development setup.
      ...(options.spawn && fakes.connector ? { NODE_ENV: 'development', TEAMS_ALLOW_UNAUTHENTICATED: '1' } : {}),
      ...(options.spawn && now !== null ? { CKEX_NOW: now } : {}),
      ...options.env,
    };
    if (!options.spawn && now === null) throw new Error('a server in this process needs a clock to start at');
    const server = options.spawn ? await spawnServer(env) : await startTestServer(now!, env);
    return new Running(fakes, owned, server, env);
  } catch (err) {
    await closeAll(owned);
    throw err;
  }
}

export interface E2eSuite extends Omit<E2e, 'close'> {
  /** The server closed and started again on the same DATA_DIR, settings and fakes, its clock at `now`. */
  restart(now: string): Promise<void>;
  /** Another server on this suite's fakes, with a DATA_DIR and settings of its own; the test closes it. */
  another(options: Omit<E2eOptions, 'slack' | 'connector'> & { spawn: true }): Promise<E2e<SpawnedServer>>;
  another(options?: Omit<E2eOptions, 'slack' | 'connector'> & { spawn?: false }): Promise<E2e<TestServer>>;
}

/**
 * The fixture for every test of the file or describe block it is called in: started before them, closed after
 * them, and the fakes' calls forgotten before each. The fakes exist at once (destructure them); the server and its
 * addresses from the first test on.
 */
export function useE2e(options: Omit<E2eOptions, 'spawn' | 'slack' | 'connector'> = {}): E2eSuite {
  const platforms = options.platforms ?? BOTH;
  const fakes: Fakes = { slack: platforms.includes('slack') ? new FakeSlack() : undefined, connector: platforms.includes('teams') ? new FakeConnector() : undefined };
  let running: Running<TestServer> | undefined;
  const current = (): Running<TestServer> => {
    if (!running) throw new Error('the end-to-end fixture starts in beforeAll');
    return running;
  };
  beforeAll(async () => {
    await fakes.slack?.start();
    await fakes.connector?.start();
    running = (await startE2e({ ...options, ...fakes })) as Running<TestServer>;
  });
  afterAll(async () => {
    await running?.close();
    await closeAll([fakes.slack, fakes.connector].flatMap((fake) => (fake ? [fake] : [])));
  });
  beforeEach(() => {
    if (fakes.slack) fakes.slack.calls.length = 0;
    if (fakes.connector) fakes.connector.calls.length = 0;
  });
  return {
    get slack() {
      return need(fakes.slack, 'slack');
    },
    get connector() {
      return need(fakes.connector, 'teams');
    },
    get server() {
      return current().server;
    },
    get env() {
      return current().env;
    },
    get dataDir() {
      return current().dataDir;
    },
    get events() {
      return current().events;
    },
    async restart(now: string) {
      const r = current();
      await r.server.close();
      r.server = await startTestServer(now, r.env);
    },
    another: ((more: E2eOptions = {}) => startE2e({ platforms, ...more, ...fakes } as E2eOptions & { spawn?: false })) as E2eSuite['another'],
  };
}

let dmTs = 0;
/** A Slack user's DM with the bot: each line a message event (the fake's calls forgotten first); gives the bot's post. */
export function slackDm(e2e: Pick<E2e, 'slack' | 'events'>, channel: string, user: string): (text: string) => Promise<SlackCall> {
  return async (text) => {
    e2e.slack.calls.length = 0;
    const ts = `2.${++dmTs}`;
    await eventCallback(e2e.events, { type: 'message', channel_type: 'im', channel, user, text, ts, event_ts: ts });
    const [post] = await e2e.slack.waitFor('chat.postMessage');
    return post!;
  };
}
