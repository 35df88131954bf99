// From a line of text to a Reply: find the command, choose the language, parse the arguments, run it.
// Nothing here throws to the user: bad input gets a localised explanation, failures a polite apology.
import type { BotCore } from '../core/bot-core.js';
import { log } from '../core/log.js';
import type { Reply } from '../core/reply.js';
import type { Lang } from '../core/content/schema.js';
import { isValidZone } from '../core/clock.js';
import { detectLanguage, langFromLocale } from '../core/i18n/detect.js';
import { normalizeWord, stripPrefix, westernDigits } from '../core/i18n/normalize.js';
import { none, words } from './args.js';
import { continueForm, FORM_IDLE_MS } from './registration-form.js';
import type { CommandRegistry } from './registry.js';
import type { Caller, CommandContext, HandleOptions } from './types.js';

const MAX_INPUT = 2000;

export class Dispatcher {
  private readonly frenchWords: string[];

  constructor(
    readonly core: BotCore,
    readonly registry: CommandRegistry,
  ) {
    this.frenchWords = registry.frenchOnlyWords();
  }

  isAdmin(caller: Caller): boolean {
    return [caller.id, ...(caller.adminIds ?? [])].some((id) => this.core.admins.has(id));
  }

  /**
   * The context a command runs in: language and zone chosen for this caller and message. `hint` is a weaker
   * clue than the message's own words: the language of the command a typo was nearest to.
   */
  context(caller: Caller, text: string, options: HandleOptions = {}, hint?: Lang): CommandContext {
    const prefs = this.core.store.user(caller.id);
    // While a form is open its answers are data, not a sign of language: it goes on in the language it began in.
    const formLang = options.conversational ? this.core.store.form(caller.id)?.lang : undefined;
    const lang = prefs?.lang ?? formLang ?? detectLanguage(text, this.frenchWords) ?? options.lang ?? hint ?? langFromLocale(caller.platformLocale) ?? 'en';
    const tz = caller.tz ?? prefs?.tz;
    const zone = tz && isValidZone(tz) ? tz : this.core.agenda.zone;
    return { core: this.core, caller, lang, t: this.core.i18n.t(lang), zone, now: this.core.clock.now(), isAdmin: this.isAdmin(caller), shared: options.shared ?? false, conversational: options.conversational ?? false, ...(options.channel ? { channel: options.channel } : {}) };
  }

  async handle(caller: Caller, rawText: string, options: HandleOptions = {}): Promise<Reply> {
    const text = westernDigits(stripPrefix(rawText.slice(0, MAX_INPUT)));
    const ctx = this.context(caller, text, options);
    try {
      return await this.run(ctx, text);
    } catch (err) {
      log.error({ err, caller: caller.id }, 'command failed');
      return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('errors.internal')] }] };
    }
  }

  private async run(ctx: CommandContext, text: string): Promise<Reply> {
    const progress = ctx.conversational ? this.core.store.form(ctx.caller.id) : undefined;
    if (!progress) return this.runCommand(ctx, text);
    const isRegister = this.registry.resolve(text).entry?.spec.name === 'register';
    const idle = ctx.now.toMillis() - Date.parse(progress.updatedAt) > FORM_IDLE_MS;
    if (!idle && !isRegister) return continueForm(ctx, progress, text, (m, free) => this.isMidwayCommand(m, free), (c, t) => this.runCommand(c, t));
    const reply = await this.runCommand(ctx, text);
    if (isRegister) return reply;
    // A form left for a while no longer captures messages; remind instead.
    return { ...reply, blocks: [...reply.blocks, { type: 'context', text: [ctx.t('form.reminder')] }] };
  }

  /** While a form is open, is this message a command asked midway rather than an answer? */
  private isMidwayCommand(message: string, freeTextField: boolean): boolean {
    const { entry, first, rest } = this.registry.resolve(message.trim());
    if (!entry || entry.spec.name === 'register' || /^\d+$/.test(first)) return false;
    if (rest.length === 0 || !freeTextField) return true;
    // "Help Age International" is an organisation, "week 2" a question: only arguments that parse count.
    const schema = entry.spec.args(this.core);
    return schema !== none && schema !== words && schema.safeParse(rest.join(' ')).success;
  }

  private async runCommand(ctx: CommandContext, text: string): Promise<Reply> {
    const resolved = this.registry.resolve(text);
    const { first, rest } = resolved;
    const entry = first === '' ? this.registry.find('help') : resolved.entry;
    if (!entry) return this.unknown(ctx, text, first);
    const { spec } = entry;
    if (spec.admin && !ctx.isAdmin) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('errors.organisersOnly')] }] };
    const parsed = spec.args(this.core).safeParse(rest.join(' '));
    if (!parsed.success) {
      const usage = `${spec.aliases[ctx.lang][0] ?? spec.name} ${ctx.t(`commands.${spec.name}.usage`)}`.trim();
      return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t(`commands.${spec.name}.invalid`, { usage, given: rest.join(' ') })] }] };
    }
    return spec.run(ctx, parsed.data);
  }

  private unknown(first: CommandContext, text: string, word: string): Reply {
    const suggestion = this.registry.suggest(word, first.isAdmin);
    const ctx = suggestion && suggestion.lang !== 'en' ? this.context(first.caller, text, { shared: first.shared, conversational: first.conversational, ...(first.channel ? { channel: first.channel } : {}) }, suggestion.lang) : first;
    const shown = normalizeWord(word).slice(0, 40);
    if (!suggestion) {
      return {
        lang: ctx.lang,
        blocks: [{ type: 'text', text: [ctx.t('errors.unknown', { word: shown })] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.help'), command: 'help' }] }],
      };
    }
    const name = suggestion.spec.aliases[ctx.lang][0] ?? suggestion.spec.name;
    return {
      lang: ctx.lang,
      blocks: [
        { type: 'text', text: [ctx.t('errors.didYouMean', { word: shown, suggestion: name })] },
        { type: 'actions', buttons: [{ label: name, command: suggestion.spec.name }, { label: ctx.t('buttons.help'), command: 'help' }] },
      ],
    };
  }
}
