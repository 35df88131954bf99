// Reply → Adaptive Card 1.5. Pure: no Teams calls. Arabic cards carry rtl: true; shared cards use the
// card's {{TIME()}} function so each reader sees their own time; long replies become several cards.
import { plain, replyToText, type Bar, type Block, type Button, type Reply, type RichText, type TimeRef } from '../../core/reply.js';
import { chunk } from '../../core/arrays.js';
import { layout } from '../../core/i18n/bidi.js';
import { TEAMS_LIMITS as L } from './limits.js';

export interface TeamsRenderOptions {
  /** Times as {{TIME(…)}}, rendered by Teams in each reader's zone. */
  localTimes: boolean;
}

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  rtl?: boolean;
  /** The card's language: Teams formats {{DATE()}} and {{TIME()}} in it. */
  lang: string;
  body: CardElement[];
  fallbackText: string;
  msteams: { width: 'Full' };
}

/** What a button sends back: the command, and the language of the card it was on. */
export interface CardData {
  ckex: string;
  lang: string;
}

/**
 * Teams markdown treats these as formatting: a title with an underscore must stay a title, and text someone wrote or
 * imported (a name, a question not understood) must never become a link under the bot's name ("[Approve](https://…)").
 */
const escapeMarkdown = (s: string): string =>
  // Brackets only make a link as "](": a word joiner there breaks it unseen, where "\\[1-4\\]" showed its backslashes.
  s.replace(/([*_~`\\])/g, '\\$1').replace(/\](?=\s*\()/g, ']\u2060');

/** A time as the card's {{TIME()}}/{{DATE()}} function, so each reader of a shared card sees their own. */
function timeFunction(part: TimeRef): string {
  const at = part.at.replace(/\.\d{3}Z$/, 'Z');
  return part.style === 'time' ? `{{TIME(${at})}}` : part.style === 'date' ? `{{DATE(${at}, SHORT)}}` : `{{DATE(${at}, SHORT)}} {{TIME(${at})}}`;
}

/** Text for a TextBlock: right-to-left lines with whole isolated units in Arabic, ids kept on one line, escaped. */
export function cardText(rich: RichText | string, opts: TeamsRenderOptions, rtl: boolean): string {
  const parts = (typeof rich === 'string' ? [rich] : rich).map((part) => (typeof part === 'string' ? { text: part } : opts.localTimes ? { atom: timeFunction(part) } : { text: part.text }));
  return layout(parts, { rtl, escape: escapeMarkdown, whole: true });
}

/** A button title or an input label: plain text (no markdown), laid out like the rest. */
export const titleText = (label: string, rtl: boolean): string => layout([{ text: label }], { rtl, escape: (s) => s, whole: true });

function action(b: Button, lang: string): CardElement {
  const title = titleText(b.label, lang === 'ar');
  if (b.url) return { type: 'Action.OpenUrl', title, url: b.url };
  const data: CardData = { ckex: b.command ?? 'help', lang };
  return { type: 'Action.Execute', title, verb: 'ckex', data, ...(b.style === 'primary' ? { style: 'positive' } : b.style === 'danger' ? { style: 'destructive' } : {}) };
}

/**
 * Rows of at most three actions whose titles fit side by side on a 320 px phone, as few rows as that allows and,
 * among those, as few buttons left alone on a row as can be, then the fuller rows first (« ◀ Veille · Lendemain ▶ »
 * together, the odd one out at the end). Buttons keep their order; a handful per reply, so every split is tried.
 */
export function actionRows(buttons: readonly Button[]): Button[][] {
  const width = (row: readonly Button[]) => row.reduce((w, b) => w + b.label.length + L.actionPadding, 0);
  const fits = (row: readonly Button[]) => row.length === 1 || (row.length <= L.actionsPerRow && width(row) <= L.rowWidth);
  type Plan = { rows: Button[][]; cost: [number, number] };
  const better = (a: Plan['cost'], b: Plan['cost']) => a[0] - b[0] || a[1] - b[1];
  // best[i]: the best split of buttons[i..].
  const best: (Plan | undefined)[] = [];
  best[buttons.length] = { rows: [], cost: [0, 0] };
  for (let i = buttons.length - 1; i >= 0; i--) {
    for (let j = i + 1; j <= Math.min(buttons.length, i + L.actionsPerRow); j++) {
      const row = buttons.slice(i, j);
      const rest = best[j];
      if (!fits(row) || !rest) continue;
      const cost: Plan['cost'] = [rest.cost[0] + 1, rest.cost[1] + (row.length === 1 && buttons.length > 1 ? 1 : 0)];
      const order = best[i] ? better(cost, best[i]!.cost) : -1;
      if (order < 0 || (order === 0 && row.length > best[i]!.rows[0]!.length)) best[i] = { rows: [row, ...rest.rows], cost };
    }
  }
  return best[0]?.rows ?? [];
}

function element(block: Block, reply: Reply, opts: TeamsRenderOptions): CardElement[] {
  const rtl = reply.lang === 'ar';
  const text = (rich: RichText | string) => cardText(rich, opts, rtl);
  switch (block.type) {
    case 'header':
      return [{ type: 'TextBlock', text: text(block.text), size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' }];
    case 'text':
      if (!block.accessory) return [{ type: 'TextBlock', text: text(block.text), wrap: true }];
      // The accessory in a narrow column beside the text (mirrored with the card in Arabic).
      return [
        {
          type: 'ColumnSet',
          columns: [
            { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [{ type: 'TextBlock', text: text(block.text), wrap: true }] },
            { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [{ type: 'ActionSet', actions: [action(block.accessory, reply.lang)] }] },
          ],
        },
      ];
    case 'section':
      return [
        {
          type: 'Container',
          items: [
            { type: 'TextBlock', text: text(block.title), weight: 'Bolder', wrap: true },
            { type: 'TextBlock', text: text(block.text), wrap: true },
            ...(block.meta ? [{ type: 'TextBlock', text: text(block.meta), isSubtle: true, size: 'Small', wrap: true }] : []),
          ],
        },
      ];
    case 'fields':
      return chunk(block.fields, L.factsPerSet).map((facts) => ({ type: 'FactSet', facts: facts.map((f) => ({ title: text(f.label), value: text(f.value) })) }));
    case 'context':
      return [{ type: 'TextBlock', text: text(block.text), isSubtle: true, size: 'Small', wrap: true }];
    case 'actions':
      return actionRows(block.buttons).map((buttons) => ({ type: 'ActionSet', actions: buttons.map((b) => action(b, reply.lang)) }));
    case 'bars':
      return block.bars.map((b) => barRow(b, text));
    case 'divider':
      return [];
  }
}

/**
 * One bar of a chart as Adaptive Card columns (the chart elements are Teams-only, not in the adaptivecards renderer
 * this bot is tested with): the label, then the bar as two weighted columns, filled (accent) and empty (emphasis),
 * then the count. An RTL card mirrors the row with the text.
 */
function barRow(bar: Bar, text: (s: string) => string): CardElement {
  const filled = Math.round(Math.max(0, Math.min(1, bar.share)) * 100);
  const cell = (width: number, style: string): CardElement => ({ type: 'Column', width: String(width), style, spacing: 'None', minHeight: '18px', items: [{ type: 'TextBlock', text: ' ', size: 'Small' }] });
  const cells = [...(filled > 0 ? [cell(filled, 'accent')] : []), ...(filled < 100 ? [cell(100 - filled, 'emphasis')] : [])];
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: '35', verticalContentAlignment: 'Center', items: [{ type: 'TextBlock', text: text(bar.label), wrap: true, size: 'Small' }] },
      { type: 'Column', width: '45', verticalContentAlignment: 'Center', items: [{ type: 'ColumnSet', spacing: 'None', columns: cells }] },
      { type: 'Column', width: '20', verticalContentAlignment: 'Center', items: [{ type: 'TextBlock', text: text(bar.value), wrap: true, size: 'Small' }] },
    ],
  };
}

function card(body: CardElement[], reply: Reply): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: L.cardVersion,
    ...(reply.lang === 'ar' ? { rtl: true } : {}),
    lang: reply.lang,
    body,
    fallbackText: replyToText(reply).slice(0, 2000),
    msteams: { width: 'Full' },
  };
}

/** The card body, with a separator above whatever follows a divider. */
export function renderBody(reply: Reply, opts: TeamsRenderOptions): CardElement[] {
  const body: CardElement[] = [];
  let separate = false;
  for (const block of reply.blocks) {
    if (block.type === 'divider') {
      separate = true;
      continue;
    }
    for (const el of element(block, reply, opts)) {
      body.push(separate ? { ...el, separator: true, spacing: 'Medium' } : el);
      separate = false;
    }
  }
  return body;
}

/** The reply as one or more cards, each small enough for Teams. */
export function renderCards(reply: Reply, opts: TeamsRenderOptions): AdaptiveCard[] {
  const cards: CardElement[][] = [[]];
  let size = 0;
  for (const el of renderBody(reply, opts)) {
    const bytes = Buffer.byteLength(JSON.stringify(el));
    if (size + bytes > L.cardBytes && cards[cards.length - 1]!.length > 0) {
      cards.push([]);
      size = 0;
    }
    cards[cards.length - 1]!.push(el);
    size += bytes;
  }
  return cards.map((body) => card(body, reply));
}

/** A short line for notifications and the activity feed. */
export function summaryOf(reply: Reply): string {
  const header = reply.blocks.find((b) => b.type === 'header');
  if (header?.type === 'header') return header.text;
  const first = reply.blocks.find((b) => b.type === 'text');
  return first?.type === 'text' ? plain(first.text).slice(0, 200) : '';
}
