// The command table: every command once, its words in three languages, checked for collisions.
import { distance } from 'fastest-levenshtein';
import { LANGS, type Lang } from '../core/lang.js';
import { agendaCommand, today, tomorrow } from './day.js';
import { myAgenda } from './my-agenda.js';
import { remind } from './remind.js';
import { star, unstar } from './stars.js';
import { makeHelp } from './help.js';
import { lang } from './lang.js';
import { normalizeWord } from '../core/i18n/normalize.js';
import { now } from './now.js';
import { resources } from './resources.js';
import { search } from './search.js';
import { sessionCommand } from './session.js';
import type { CommandSpec } from './types.js';
import { week } from './week.js';
import { liveCommands } from './live/index.js';
import { feedback } from './feedback/index.js';
import { me } from './me.js';
import { approve, decline, exportCommand, invites, pending, registrations } from './organisers.js';
import { register } from './register.js';
import { myNominations, nominate, nominations } from './nominations/index.js';
import { announce, announcements } from './announce/index.js';
import { notRegistered, remindNotRegistered } from './not-registered/index.js';
import { reload } from './reload.js';
import { retention } from './retention.js';
import { digest, subscribe, subscriptions, unsubscribe } from './subscriptions.js';

export interface AliasEntry {
  spec: CommandSpec;
  lang: Lang;
  word: string;
}

export class CommandRegistry {
  private readonly byWord = new Map<string, AliasEntry>();

  constructor(readonly commands: readonly CommandSpec[]) {
    for (const spec of commands) {
      for (const l of LANGS) {
        for (const word of spec.aliases[l]) {
          const key = normalizeWord(word);
          const existing = this.byWord.get(key);
          if (existing && existing.spec !== spec) throw new Error(`command word "${word}" is used by both ${existing.spec.name} and ${spec.name}`);
          if (!existing) this.byWord.set(key, { spec, lang: l, word });
        }
      }
    }
  }

  find(word: string): AliasEntry | undefined {
    return this.byWord.get(normalizeWord(word));
  }

  /** The command a message calls, trying two-word names ("إلغاء الاشتراك", "se désabonner") first, and the rest. */
  resolve(text: string): { entry: AliasEntry | undefined; first: string; rest: string[] } {
    const [first = '', second, ...others] = text.split(/\s+/);
    const two = second !== undefined ? this.find(`${first} ${second}`) : undefined;
    if (two) return { entry: two, first: `${first} ${second}`, rest: others };
    return { entry: this.find(first), first, rest: second === undefined ? [] : [second, ...others] };
  }

  /** The command whose word is nearest to what was typed, if it is near enough to be a typo. */
  suggest(word: string, allowAdmin: boolean): AliasEntry | undefined {
    const typed = normalizeWord(word);
    let best: { entry: AliasEntry; d: number } | undefined;
    for (const [key, entry] of this.byWord) {
      if (entry.spec.admin && !allowAdmin) continue;
      const d = distance(typed, key);
      if (!best || d < best.d) best = { entry, d };
    }
    if (!best) return undefined;
    return best.d <= Math.max(1, Math.round(typed.length / 3)) ? best.entry : undefined;
  }

  /** Every command word, by language: the question reader takes them as signs of a message's language. */
  wordsByLanguage(): Record<Lang, string[]> {
    return Object.fromEntries(LANGS.map((l) => [l, this.commands.flatMap((c) => c.aliases[l])])) as Record<Lang, string[]>;
  }
}

export function defaultRegistry(): CommandRegistry {
  const commands: CommandSpec[] = [];
  commands.push(makeHelp(() => commands), today, tomorrow, now, week, agendaCommand, sessionCommand, resources, search, register, me, myAgenda, star, unstar, remind, lang, registrations, exportCommand, pending, approve, decline, invites, nominate, myNominations, nominations, announce, announcements, notRegistered, remindNotRegistered, retention, subscribe, unsubscribe, subscriptions, digest, reload, ...liveCommands, feedback);
  return new CommandRegistry(commands);
}
