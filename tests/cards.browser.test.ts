// Every Teams card kind, in English, French and Arabic, rendered by Microsoft's adaptivecards renderer in Debian's
// Chromium under the Teams host config, at 320 px (a phone) and 450 px (Teams' usual width): no action cut off,
// nothing past the card's edges, every time range drawn in its language's reading order (start on the right in
// Arabic), Arabic right-to-left. Screenshots go to tests/output/cards for review. One browser, one page, every card;
// feedback's bars among them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formCard } from '../src/bots/teams/form-card.js';
import { renderCards, type AdaptiveCard } from '../src/bots/teams/render.js';
import { registrationFormView, submitRegistrationForm } from '../src/commands/registration-submit.js';
import type { CommandContext } from '../src/core/context.js';
import { digestReply } from '../src/views/digest.js';
import { homeReply } from '../src/views/home.js';
import { personalNotice } from '../src/views/change-notice.js';
import { reminderReply } from '../src/views/reminder.js';
import { feedbackFormView, feedbackPromptReply } from '../src/views/feedback/index.js';
import { LANGS, type Lang } from '../src/core/lang.js';
import { Browser, ensureChromium } from './helpers/chromium.js';
import { cardPage, type CardMeasure } from './helpers/card-page.js';
import { testBot, type TestBot } from './helpers/bot.js';

const WIDTHS = [320, 450] as const;
const OUT = fileURLToPath(new URL('./output/cards/', import.meta.url));
const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
const CHANNEL = { platform: 'teams' as const, id: '19:cards@thread.tacv2' };

const missing = ensureChromium();
if (missing) console.warn(`card rendering test skipped: ${missing}`);

interface Kind {
  name: string;
  cards: (lang: Lang) => Promise<AdaptiveCard[]>;
}

let bot: TestBot;
let browser: Browser;
let pageDir: string;

const ctxFor = async (lang: Lang, id: string, shared = false): Promise<CommandContext> => ({ ...(await bot.dispatcher.context({ id, tz: 'Africa/Cairo' }, '', { lang, shared })), lang, t: bot.core.i18n.t(lang) });
const command = async (text: string, lang: Lang, caller: { id: string; adminIds?: string[] } = { id: `cards-${lang}` }, shared = false) =>
  renderCards(await bot.reply(text, { ...caller, tz: 'Africa/Cairo', platformLocale: lang }, { lang, shared, ...(shared ? { channel: CHANNEL } : {}) }), { localTimes: shared });

const KINDS: Kind[] = [
  { name: 'help', cards: (l) => command('help', l) },
  { name: 'today', cards: (l) => command('today', l) },
  { name: 'week', cards: (l) => command('week 2', l) },
  { name: 'session', cards: (l) => command('session w2-d3-a', l) },
  { name: 'resources', cards: (l) => command({ en: 'resources ethiopia', fr: 'ressources Éthiopie', ar: 'موارد إثيوبيا' }[l], l) },
  { name: 'search', cards: (l) => command({ en: 'search digital payments', fr: 'chercher paiements numériques', ar: 'بحث المدفوعات الرقمية' }[l], l) },
  { name: 'register-form', cards: async (l) => [formCard(registrationFormView(await ctxFor(l, `form-${l}`)), l)] },
  {
    name: 'register-form-errors',
    cards: async (l) => {
      const outcome = await submitRegistrationForm(await ctxFor(l, `form-errors-${l}`), { name: 'A', email: 'not-an-email', country: 'Atlantis' });
      if (outcome.ok) throw new Error('the invalid form was accepted');
      return [formCard(outcome.view, l)];
    },
  },
  { name: 'me', cards: (l) => command('me', l, { id: `registered-${l}` }) },
  { name: 'digest', cards: async (l) => renderCards(digestReply(await ctxFor(l, `digest-${l}`), '2021-05-04', 'day'), { localTimes: false }) },
  { name: 'digest-channel', cards: async (l) => renderCards(digestReply(await ctxFor(l, `digest-ch-${l}`, true), '2021-05-04', 'day'), { localTimes: true }) },
  { name: 'welcome', cards: async (l) => renderCards(homeReply(await ctxFor(l, `welcome-${l}`)), { localTimes: false }) },
  { name: 'subscriptions', cards: (l) => command('subscriptions', l, ORGANISER, true) },
  { name: 'my-agenda', cards: (l) => command({ en: 'my agenda', fr: 'mon programme', ar: 'جدولي' }[l], l) },
  { name: 'star', cards: (l) => command({ en: 'star w2-d3-b', fr: 'favori w2-d3-b', ar: 'أضف w2-d3-b' }[l], l) },
  { name: 'reminder', cards: async (l) => renderCards(reminderReply(await ctxFor(l, `cards-${l}`), bot.core.agenda.session('w2-d3-a')!), { localTimes: false }) },
  {
    name: 'change-notice',
    cards: async (l) => {
      const was = bot.core.agenda.session('w2-d3-a')!;
      const moved = { ...was, start: was.start.plus({ hours: 2 }), end: was.end.plus({ hours: 2 }) };
      const gone = bot.core.agenda.session('w2-d4-a')!;
      return renderCards(personalNotice(await ctxFor(l, `cards-${l}`), [{ before: was, after: moved, fields: ['time'] }, { before: gone, fields: [] }]), { localTimes: false });
    },
  },
  { name: 'pending', cards: (l) => command({ en: 'pending', fr: 'en attente', ar: 'المعلقة' }[l], l, ORGANISER) },
  { name: 'feedback-prompt', cards: async (l) => renderCards(feedbackPromptReply(await ctxFor(l, `cards-${l}`), bot.core.agenda.session('w1-d2-a')!), { localTimes: false }) },
  { name: 'feedback-form', cards: async (l) => [formCard(feedbackFormView(await ctxFor(l, `cards-${l}`), bot.core.agenda.session('w1-d2-a')!), l)] },
  // The distribution as bars (ColumnSets: adaptivecards 3.0.6 has no chart elements), comments in three languages.
  { name: 'feedback-report', cards: (l) => command({ en: 'feedback report w1-d2-a', fr: 'avis rapport w1-d2-a', ar: 'تقييم تقرير w1-d2-a' }[l], l, ORGANISER) },
  { name: 'feedback-week', cards: (l) => command({ en: 'feedback report week 1', fr: 'avis rapport semaine 1', ar: 'تقييم تقرير أسبوع 1' }[l], l, ORGANISER) },
];

/** Six answers on w1-d2-a (ratings 5, 5, 4, 4, 2, 3), comments in English, French and Arabic. */
async function giveFeedback(): Promise<void> {
  const at = '2021-05-04T14:00:00.000Z';
  const comments = [{ text: 'The case from Senegal was very concrete.', lang: 'en' }, { text: 'Les exemples du Sénégal, très concrets.', lang: 'fr' }, { text: 'أمثلة السنغال كانت عملية جدًا.', lang: 'ar' }] as const;
  for (const [i, rating] of [5, 5, 4, 4, 2, 3].entries()) {
    await bot.store.saveFeedback({ sessionId: 'w1-d2-a', userId: `fb-${i}`, rating, useful: comments[i % 3], ...(i < 3 ? { better: comments[(i + 1) % 3] } : {}), lang: comments[i % 3]!.lang, createdAt: at, updatedAt: at });
  }
}

async function register(lang: Lang): Promise<void> {
  const ctx = await ctxFor(lang, `registered-${lang}`);
  const values = { name: 'Amina Diallo', email: `amina.${lang}@example.org`, organisation: 'Ministry of Social Affairs', country: 'Senegal', role: 'policymaker', institution: 'ministry', interpretation: lang === 'en' ? 'none' : lang, consent: 'yes' };
  const outcome = await submitRegistrationForm(ctx, values);
  if (!outcome.ok) throw new Error(`registration for the me card failed: ${JSON.stringify(outcome.errors)}`);
}

describe.skipIf(missing !== undefined)('Teams cards rendered in Chromium with the Teams host config', () => {
  beforeAll(async () => {
    bot = await testBot('2021-05-04T14:00:00Z', { CKEX_ADMINS: 'UORG', PUBLIC_URL: 'https://ckex.example.org' });
    for (const lang of LANGS) await register(lang);
    for (const lang of LANGS) await bot.reply('star w2-d3-a', { id: `cards-${lang}` }, { lang });
    await giveFeedback();
    await bot.reply('subscribe fr 09:00 Europe/Paris', { ...ORGANISER }, { shared: true, channel: CHANNEL });
    await bot.reply('subscribe ar 10:00 Asia/Riyadh', { ...ORGANISER }, { shared: true, channel: CHANNEL });
    pageDir = mkdtempSync(join(tmpdir(), 'ckex-cards-'));
    writeFileSync(join(pageDir, 'cards.html'), cardPage());
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    browser = await Browser.launch(480, 900);
    await browser.send('Page.enable');
    await browser.send('Page.navigate', { url: `file://${join(pageDir, 'cards.html')}` });
    for (let i = 0; i < 100 && !(await browser.evaluate<boolean>('typeof window.renderCard === "function"')); i++) await new Promise((r) => setTimeout(r, 50));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.store.close();
    if (pageDir) rmSync(pageDir, { recursive: true, force: true });
  });

  it.each(LANGS)('every card kind in %s renders whole at 320 and 450 px', async (lang) => {
    const failures: string[] = [];
    for (const kind of KINDS) {
      const cards = await kind.cards(lang);
      expect(cards.length, kind.name).toBeGreaterThan(0);
      for (const [i, card] of cards.entries()) {
        for (const width of WIDTHS) {
          const where = `${kind.name}${cards.length > 1 ? `#${i + 1}` : ''} ${lang} ${width}px`;
          const m = await browser.evaluate<CardMeasure>(`window.renderCard(${JSON.stringify(card)}, ${width})`);
          writeFileSync(join(OUT, `${kind.name}${cards.length > 1 ? `-${i + 1}` : ''}-${lang}-${width}.png`), await browser.screenshot({ x: 0, y: 0, width, height: Math.max(m.height, 1) }));
          for (const p of m.problems) failures.push(`${where}: renderer: ${p}`);
          for (const t of m.truncated) failures.push(`${where}: cut off: ${t}`);
          for (const o of m.overflowing) failures.push(`${where}: overflows: ${o}`);
          for (const r of m.ranges) {
            // One reading per language: in Arabic every range has its start on the right (14:30–16:00 as «12:30 م–2:00 م»,
            // and «من 14:30 إلى 16:00»); elsewhere on the left.
            // A sentence that wraps between the two times has the end on the next line.
            const nextLine = r.endTop > r.startTop + 2;
            const inOrder = nextLine || (r.endTop >= r.startTop - 2 && (lang === 'ar' ? r.startLeft > r.endLeft : r.startLeft < r.endLeft));
            if (!inOrder) failures.push(`${where}: time range drawn end first: ${r.text}`);
          }
          if (lang === 'ar') {
            if (m.direction !== 'rtl') failures.push(`${where}: card is ${m.direction}`);
            for (const e of m.ltrArabic) failures.push(`${where}: Arabic laid out left to right: ${e}`);
          }
          if (['today', 'week', 'session', 'search', 'digest', 'digest-channel', 'welcome', 'my-agenda', 'star', 'reminder', 'change-notice'].includes(kind.name) && i === 0 && m.ranges.length === 0) failures.push(`${where}: no time range found to check`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
