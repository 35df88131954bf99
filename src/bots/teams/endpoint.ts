// POST /api/messages: body size, shape and depth checked first (413/400), then the Bot Framework token (401),
// then the turn. Every refusal is a short JSON body and one log line: no library text, no stack.
import type { Activity, TurnContext } from 'botbuilder';
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { log } from '../../core/log.js';
import { nestsDeeperThan } from '../../core/json-shape.js';
import { activityProblem } from './activity-schema.js';
import type { CkexAdapter } from './adapter.js';
import type { TeamsMode } from './mode.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';
/** Teams messages and card submissions are a few KB; 28 KB is Teams' own message limit. */
export const TEAMS_BODY_LIMIT = '256kb';

/** The Emulator runs on the same machine: without authentication, replies may only go back to loopback. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

const refuse = (res: Response, status: number, error: string) => res.status(status).json({ error });

export function registerTeamsEndpoint(server: Application, adapter: CkexAdapter, mode: TeamsMode, logic: (context: TurnContext) => Promise<void>): void {
  server.post(TEAMS_MESSAGES_PATH, express.json({ limit: TEAMS_BODY_LIMIT }), async (req: Request, res: Response) => {
    if (nestsDeeperThan(req.body)) return refuse(res, 400, 'expected a Bot Framework activity (nested too deeply)');
    const problem = activityProblem(req.body);
    if (problem) return refuse(res, 400, `expected a Bot Framework activity (${problem})`);
    const activity = req.body as Activity;
    if (mode === 'unauthenticated' && !isLoopbackUrl(activity.serviceUrl)) {
      log.warn({ surface: 'teams' }, 'unauthenticated Teams activity refused: its serviceUrl is not on this machine');
      return refuse(res, 403, 'without authentication this bot answers only the Bot Framework Emulator on this machine');
    }
    const header = req.headers.authorization ?? '';
    if (mode === 'authenticated' && !/^Bearer \S+$/.test(header)) {
      log.warn({ surface: 'teams', reason: 'no bearer token' }, 'Teams request refused: 401');
      return refuse(res, 401, 'unauthorized');
    }
    let auth: Awaited<ReturnType<CkexAdapter['authenticate']>>;
    try {
      auth = await adapter.authenticate(activity, header);
    } catch (err) {
      // Forged, expired, for another app, or keys that cannot be fetched: the caller learns only "unauthorized".
      log.warn({ surface: 'teams', reason: (err as Error).name || 'invalid token' }, 'Teams request refused: 401');
      return refuse(res, 401, 'unauthorized');
    }
    try {
      const invoke = await adapter.runTurn(auth, activity, logic);
      if (invoke?.body !== undefined) res.status(invoke.status).json(invoke.body);
      else res.status(invoke?.status ?? 200).end();
    } catch (err) {
      log.error({ surface: 'teams', err: (err as Error).message?.split('\n')[0]?.slice(0, 200) }, 'Teams turn failed');
      if (!res.headersSent) refuse(res, 500, 'internal error');
    }
  });
  // Body errors from express.json: too large is 413, unreadable is 400; never express's HTML page.
  server.use(TEAMS_MESSAGES_PATH, (err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large' || err.status === 413) return refuse(res, 413, `activity too large (limit ${TEAMS_BODY_LIMIT})`);
    return refuse(res, 400, 'invalid JSON');
  });
}
