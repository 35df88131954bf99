// From a line of text to a Reply: a command word, a button's label typed, or a question in the asker's own words
// (src/understanding); the language chosen; the arguments parsed; the answer. Nothing here throws to the user: a
// sentence not understood says what was understood and offers the nearest actions, failures a polite apology.
import { eventOver } from '../core/event-over.js';
import { isOrganiser } from '../core/admins.js';
import type { BotCore } from '../core/bot-core.js';
import { log } from '../core/log.js';
import { StoreUnavailableError } from '../core/store/errors.js';
import type { Reply } from '../core/reply.js';
import type { Lang } from '../core/lang.js';
import { isValidZone } from '../core/clock.js';
import { langFromLocale } from '../core/i18n/detect.js';
import { stripPrefix, westernDigits } from '../core/i18n/normalize.js';
import { none, words } from './args.js';
import { notUnderstoodReply } from './not-understood.js';
import { forgetQuestion, pendingQuestion } from './pending.js';
import { FormMoved } from '../core/forms/form-version.js';
import { answerQuestion } from './question.js';
import { rememberShown } from './follow-up.js';
import { FORM_IDLE_MS } from './registration-form.js';
import { continueForm } from './form-engine.js';
import { FORM_COMMANDS, formOf } from './forms.js';
import { continueFeedback } from './feedback/index.js';
import type { CommandRegistry } from './registry.js';
import { naturalCommand } from './natural-commands.js';
import { typedLabel } from './typed-labels.js';
import { privateOnly } from '../views/private-only.js';
import type { CommandSpec } from './types.js';
import type { Caller, CommandContext, HandleOptions } from '../core/context.js';
import { withFileLinks } from '../core/deliver-files.js';
import { fileContent } from '../core/file-content.js';
import type { Translate } from '../core/i18n/i18n.js';
import { normalizeWord } from '../core/i18n/normalize.js';

const MAX_INPUT = 2000;
/** Reads of one message over a form that other messages keep moving: beyond this, something is wrong. */
const FORM_ATTEMPTS = 5;
/** Punctuation around a command that is not part of it: "today?", "week 2 ?", "¿help". */
const EDGE_PUNCTUATION = /^[\s¿¡"'«“]+|[\s?!.,;:…؟،؛"'»”]+$/gu;
/** Intents that alone do not make a message a question asked in the middle of a form. */
const NOT_A_QUESTION = new Set(['yes', 'no', 'greeting', 'thanks', 'goodbye']);

/** Words after `register` that ask for the one-screen form (a Slack modal, a Teams card) rather than the conversation. */
const FORM_WORDS = new Set(['form', 'card', 'modal', 'formulaire', 'استمارة', 'باستمارة', 'نموذج'].map(normalizeWord));

export interface AnswerOptions extends HandleOptions {
  /** Private files as expiring download links (chat platforms), or made whole here (the console writes them). */
  files: 'links' | 'inline';
}

/** What a surface shows: the reply with its files ready, and the reply's own language's labels for its buttons. */
export interface Answer {
  reply: Reply;
  t: Translate;
}

export const withoutEdgePunctuation = (text: string): string => text.replace(EDGE_PUNCTUATION, '');

export class Dispatcher {
  constructor(
    readonly core: BotCore,
    readonly registry: CommandRegistry,
  ) {}

  isAdmin(caller: Caller): boolean {
    return isOrganiser(this.core.admins, caller.id, caller.adminIds ?? []);
  }

  /**
   * The context a command runs in: language and zone chosen for this caller and message. The language: the one
   * chosen with `lang`; an open form's; the reply's a button was on (a button's text is a command written by the
   * bot, not a sign of the presser's language); the one the message is clearly written in; the last one the user
   * clearly wrote in; the one a typo's nearest command is in (`hint`); the platform's.
   */
  async context(caller: Caller, text: string, options: HandleOptions = {}, hint?: Lang): Promise<CommandContext> {
    // The store out of reach: the message is still answered from memory, in the language it shows.
    let unread = false;
    const read = <T>(work: Promise<T>): Promise<T | undefined> =>
      work.catch((err: unknown) => {
        if (!(err instanceof StoreUnavailableError)) throw err;
        unread = true;
        return undefined;
      });
    const [prefs, form, stars] = await Promise.all([read(this.core.store.user(caller.id)), options.conversational ? read(this.core.store.form(caller.id)) : undefined, options.shared ? undefined : read(this.core.store.starsOf(caller.id))]);
    // While a form is open its answers are data, not a sign of language: it goes on in the language it began in.
    const formLang = form?.progress.lang;
    const lang = prefs?.lang ?? formLang ?? options.lang ?? this.core.reader.language(text) ?? prefs?.lastLang ?? hint ?? langFromLocale(caller.platformLocale) ?? 'en';
    const tz = caller.tz ?? prefs?.tz;
    const zone = tz && isValidZone(tz) ? tz : this.core.agenda.zone;
    return { core: this.core, caller, lang, t: this.core.i18n.t(lang), zone, now: this.core.clock.now(), isAdmin: this.isAdmin(caller), shared: options.shared ?? false, conversational: options.conversational ?? false, ...(options.channel ? { channel: options.channel } : {}), ...(prefs ? { prefs } : {}), ...(form ? { form } : {}), ...(stars ? { starred: new Set(stars.map((s) => s.sessionId)) } : {}), ...(unread ? { unread: true as const } : {}) };
  }

  /** The one way a surface asks: the reply, its private files handed over as the surface can, its labels. */
  async answer(caller: Caller, text: string, options: AnswerOptions): Promise<Answer> {
    const { files, ...handle } = options;
    const replied = await this.handle(caller, text, handle);
    const reply = files === 'links' ? await withFileLinks(this.core, replied, caller.id) : { ...replied, ...(replied.files ? { files: await Promise.all(replied.files.map(async (f) => ({ ...f, content: await fileContent(this.core, f) }))) } : {}) };
    return { reply, t: this.core.i18n.t(reply.lang) };
  }

  /** Whether this text will answer with the one-screen form here, so a surface can open it before its trigger expires. */
  wantsForm(text: string, conversational: boolean): boolean {
    const [first = '', second = '', ...rest] = text.trim().split(/\s+/);
    const name = this.registry.find(first)?.spec.name;
    // feedback form <session> anywhere; feedback <session> alone where no conversation can hold the form.
    if (name === 'feedback') return (FORM_WORDS.has(normalizeWord(second)) && rest.length === 1) || (!conversational && /^w\d+-d\d+-[a-z]+$/i.test(second) && rest.length === 0);
    if (name !== 'register') return false;
    return !conversational || FORM_WORDS.has(normalizeWord(second));
  }

  async handle(caller: Caller, rawText: string, options: HandleOptions = {}): Promise<Reply> {
    const text = westernDigits(stripPrefix(rawText.slice(0, MAX_INPUT)));
    let ctx = await this.context(caller, text, options);
    try {
      if (options.lang === undefined) await this.rememberLanguage(ctx, text); // a button's command is the bot's words
      // Another message of this user moved the form meanwhile (on another instance): read this one again over it.
      for (let attempt = 1; ; attempt++) {
        try {
          const reply = await this.run(ctx, text);
          await rememberShown(ctx, reply);
          return reply;
        } catch (err) {
          if (!(err instanceof FormMoved) || attempt === FORM_ATTEMPTS) throw err;
          // The form is read afresh; the question this message answers stays the one it arrived to.
          const { prefs } = ctx;
          ctx = { ...(await this.context(caller, text, options)), ...(prefs ? { prefs } : {}) };
        }
      }
    } catch (err) {
      // Out of reach: logged once by the store for the whole outage; the person is told what was not done.
      if (err instanceof StoreUnavailableError) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t(err.write ? 'errors.notSaved' : 'errors.cannotRead')] }] };
      log.error({ err: (err as Error).message, caller: caller.id }, 'command failed');
      return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('errors.internal')] }] };
    }
  }

  /** The language a user last clearly wrote in, for the messages that show none ("w1-d2-a", "today"). */
  private async rememberLanguage(ctx: CommandContext, text: string): Promise<void> {
    if (ctx.form) return; // a form's answers are data
    const written = this.core.reader.language(text);
    // A hint for later messages, not what was asked: an outage must not stop the answer.
    if (written && ctx.prefs?.lastLang !== written && !ctx.unread) await this.core.store.updateUser(ctx.caller.id, { lastLang: written }).catch((err: unknown) => {
      if (!(err instanceof StoreUnavailableError)) throw err;
    });
  }

  private async run(ctx: CommandContext, text: string): Promise<Reply> {
    // The bot's last question ("Are you sure?") is answered by the next message, or forgotten.
    const pending = pendingQuestion(ctx);
    if (pending) {
      await forgetQuestion(ctx);
      const answer = this.core.reader.yesNo(text);
      if (answer === 'yes') return this.runCommand(ctx, pending.yes);
      if (answer === 'no') return pending.no ? this.runCommand(ctx, pending.no) : { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('question.noChange')] }] };
    }
    const progress = ctx.form?.progress;
    if (!progress && ctx.unread && ctx.conversational) return this.runUnread(ctx, text);
    if (!progress) return this.runCommand(ctx, text);
    const command = typedLabel(this.core.i18n, text) ?? text;
    // `register`, `announce`: a form's own command starts it again or resumes it, never an answer.
    const isRegister = FORM_COMMANDS.has(this.registry.resolve(withoutEdgePunctuation(command)).entry?.spec.name ?? '');
    const idle = ctx.now.toMillis() - Date.parse(progress.updatedAt) > FORM_IDLE_MS;
    const midway = (m: string, free: boolean) => this.isMidway(ctx, m, free);
    if (progress.kind === 'feedback') {
      if (!idle) return continueFeedback(ctx, progress, text, midway, (c, t) => this.runCommand(c, t));
      await this.core.store.dropForm(ctx.caller.id); // a feedback form left alone ends quietly: what was given is kept
      return this.runCommand(ctx, command);
    }
    if (!idle && !isRegister) return continueForm(formOf(progress), ctx, progress, text, midway, (c, t) => this.runCommand(c, t));
    const reply = await this.runCommand(ctx, command);
    // A form left for a while no longer captures messages; remind instead (not once the event is over: closed).
    if (isRegister || (progress.kind !== 'announce' && eventOver(this.core, ctx.now))) return reply;
    return { ...reply, blocks: [...reply.blocks, { type: 'context', text: [ctx.t(progress.kind === 'announce' ? 'announce.form.reminder' : 'form.reminder')] }] };
  }

  /**
   * The store could not say whether a form is open: what would be taken for a command or a question while a form is
   * open is answered (what it must save says it could not); anything else may be a form's answer, and is not
   * answered as if it were a question.
   */
  private runUnread(ctx: CommandContext, text: string): Promise<Reply> | Reply {
    if (this.isMidway(ctx, text, true)) return this.runCommand(ctx, text);
    return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('errors.notSaved')] }] };
  }

  /** While a form is open, is this message a command or a question asked midway rather than an answer? */
  private isMidway(ctx: CommandContext, message: string, freeTextField: boolean): boolean {
    const { entry, first, rest } = this.registry.resolve(withoutEdgePunctuation(message.trim()));
    if (entry) {
      if (FORM_COMMANDS.has(entry.spec.name) || /^\d+$/.test(first)) return false;
      if (rest.length === 0 || !freeTextField) return true;
      // "Help Age International" is an organisation, "week 2" a question: only arguments that parse count.
      const schema = entry.spec.args(this.core);
      return schema !== none && schema !== words && schema.safeParse(rest.join(' ')).success;
    }
    // "What's on Thursday?": a question mark, and the reader finds a day, a week, a session or what is wanted.
    if (!/[?؟]\s*$/.test(message)) return false;
    const u = this.core.reader.read(message, ctx.now.setZone(ctx.zone));
    return Boolean(u.day || u.week !== undefined || u.sessionId || u.hits.length > 0 || u.intents.some((i) => !NOT_A_QUESTION.has(i)));
  }

  private async runCommand(ctx: CommandContext, raw: string, labelRead = false): Promise<Reply> {
    const text = withoutEdgePunctuation(raw);
    const labelled = labelRead ? undefined : (typedLabel(this.core.i18n, text) ?? naturalCommand(text));
    if (labelled) return this.runCommand(ctx, labelled, true);
    const { entry, first, rest } = this.registry.resolve(text);
    if (first === '') return this.runSpec(ctx, this.registry.find('help')!.spec, '');
    if (!entry) return this.answerOrExplain(ctx, raw, first);
    const { spec } = entry;
    if (spec.admin && !ctx.isAdmin) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('errors.organisersOnly')] }] };
    if (spec.personal && ctx.shared) return privateOnly(ctx);
    const args = spec.args(this.core);
    const run = (c: CommandContext, t: string) => this.runCommand(c, t, true);
    // "next week", "today please": words after a command that takes none are read as a question first.
    if (!spec.admin && args === none && rest.length > 0) {
      const { reply } = await answerQuestion(ctx, raw, run);
      if (reply) return reply;
    }
    // Free text keeps its own ending ("…funded?"); other arguments lose the punctuation around the command.
    const given = spec.freeText ? raw.trim().split(/\s+/).slice(first.split(/\s+/).length).join(' ') : rest.join(' ');
    const parsed = args.safeParse(given);
    if (parsed.success) return spec.run(ctx, parsed.data);
    // "agenda thursday", "session W2D3A", "my registration": the whole sentence may still be a question.
    if (!spec.admin && rest.length > 0) {
      const { reply } = await answerQuestion(ctx, raw, run);
      if (reply) return reply;
    }
    const usage = `${spec.aliases[ctx.lang][0] ?? spec.name} ${ctx.t(`commands.${spec.name}.usage`)}`.trim();
    return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t(`commands.${spec.name}.invalid`, { usage, given: rest.join(' ') })] }] };
  }

  private async runSpec(ctx: CommandContext, spec: CommandSpec, args: string): Promise<Reply> {
    const parsed = spec.args(this.core).safeParse(args);
    return parsed.success ? spec.run(ctx, parsed.data) : this.runCommand(ctx, 'help', true);
  }

  /** Not a command: a question, answered if understood; else what was understood and the nearest actions. */
  private async answerOrExplain(ctx: CommandContext, raw: string, first: string): Promise<Reply> {
    const { reply, understanding } = await answerQuestion(ctx, raw, (c, t) => this.runCommand(c, t, true));
    if (reply) return reply;
    const nearest = this.registry.suggest(first, ctx.isAdmin);
    // A typo of a French or Arabic command word is a sign of the language, weaker than the message's own words.
    const shown = nearest && nearest.lang !== 'en' && !understanding.lang ? await this.context(ctx.caller, raw, { shared: ctx.shared, conversational: ctx.conversational, ...(ctx.channel ? { channel: ctx.channel } : {}) }, nearest.lang) : ctx;
    const suggestion = nearest ? { command: nearest.spec.name, word: nearest.spec.aliases[shown.lang][0] ?? nearest.spec.name } : undefined;
    return notUnderstoodReply(shown, raw, understanding, suggestion);
  }
}
