// Reply → Block Kit. Pure: no Slack calls. Keeps every limit, splits long replies into several messages,
// lays Arabic out right-to-left, and uses Slack date tokens where many people read the message.
import type { ActionsBlock, Button as SlackButton, KnownBlock, SectionBlock } from '@slack/types';
import { isolateLatin } from '../../core/i18n/bidi.js';
import { replyToText, type Block, type Button, type Reply, type RichText } from '../../core/reply.js';
import { encodeButton } from './inbound.js';
import { chunk } from '../../core/arrays.js';
import { clip, SLACK_LIMITS as L, splitText } from './limits.js';

export interface SlackRenderOptions {
  /** Show times as <!date^…> tokens, so each reader sees their own time. */
  dateTokens: boolean;
  /** Adds a "share in channel" button carrying this command, for shareable replies. */
  shareCommand?: string;
  shareLabel?: string;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const TOKEN_FORMAT = { time: '{time}', date: '{date_long}', datetime: '{date_short_pretty} {time}' } as const;
const RLM = '\u200f';
const LRI = '\u2066';
const PDI = '\u2069';

export const escapeMrkdwn = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rich text as mrkdwn: escaped, with date tokens, and right-to-left lines for Arabic. */
export function mrkdwn(text: RichText, rtl: boolean, opts: SlackRenderOptions): string {
  const body = text
    .map((part) => {
      if (typeof part === 'string') return rtl ? isolateLatin(escapeMrkdwn(part)) : escapeMrkdwn(part);
      const token = opts.dateTokens ? `<!date^${Math.floor(Date.parse(part.at) / 1000)}^${TOKEN_FORMAT[part.style]}|${escapeMrkdwn(part.text)}>` : escapeMrkdwn(part.text);
      return rtl ? `${LRI}${token}${PDI}` : token;
    })
    .join('');
  return rtl ? body.split('\n').map((line) => (line ? RLM + line : line)).join('\n') : body;
}

function plainText(text: string, rtl: boolean, max: number) {
  return { type: 'plain_text' as const, text: clip(rtl ? RLM + isolateLatin(text) : text, max), emoji: true };
}

function button(b: Button, index: number, reply: Reply): SlackButton {
  const rtl = reply.lang === 'ar';
  const base = { type: 'button' as const, text: plainText(b.label, rtl, L.buttonText), ...(b.style ? { style: b.style } : {}) };
  if (b.url) return { ...base, action_id: `ckex_url_${index}`, url: b.url };
  return { ...base, action_id: `ckex_cmd_${index}`, value: clip(encodeButton({ command: b.command ?? 'help', lang: reply.lang }), L.buttonValue) };
}

function sections(text: string): SectionBlock[] {
  return splitText(text, L.sectionText).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

function renderBlock(block: Block, reply: Reply, opts: SlackRenderOptions, nextButton: () => number): KnownBlock[] {
  const rtl = reply.lang === 'ar';
  switch (block.type) {
    case 'header':
      return [{ type: 'header', text: plainText(block.text, rtl, L.headerText) }];
    case 'text':
      return sections(mrkdwn(block.text, rtl, opts));
    case 'section': {
      const lines: RichText = [`*${block.title}*\n`, ...block.text, ...(block.meta ? [`\n_${block.meta}_`] : [])];
      return sections(mrkdwn(lines, rtl, opts));
    }
    case 'fields':
      return chunk(block.fields, L.fieldsPerSection).map((fields) => ({
        type: 'section',
        fields: fields.map((f) => ({ type: 'mrkdwn' as const, text: clip(mrkdwn([`*${f.label}*\n`, ...f.value], rtl, opts), L.fieldText) })),
      }));
    case 'context':
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: clip(mrkdwn(block.text, rtl, opts), L.contextText) }] }];
    case 'actions':
      return chunk(block.buttons, L.elementsPerActions).map((buttons): ActionsBlock => ({ type: 'actions', elements: buttons.map((b) => button(b, nextButton(), reply)) }));
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** The reply as Block Kit blocks, before splitting into messages. */
export function renderBlocks(reply: Reply, opts: SlackRenderOptions): KnownBlock[] {
  const rtl = reply.lang === 'ar';
  let buttons = 0;
  const blocks = reply.blocks.flatMap((b) => renderBlock(b, reply, opts, () => buttons++));
  if (reply.shareable && opts.shareCommand) {
    const share: SlackButton = { type: 'button', action_id: 'ckex_share', text: plainText(opts.shareLabel ?? 'Share', rtl, L.buttonText), value: clip(encodeButton({ command: opts.shareCommand, lang: reply.lang }), L.buttonValue) };
    blocks.push({ type: 'actions', elements: [share] });
  }
  return blocks;
}

/** Fallback text for notifications and clients without blocks. */
export function fallbackText(reply: Reply): string {
  const header = reply.blocks.find((b) => b.type === 'header');
  const text = header?.type === 'header' ? header.text : replyToText(reply);
  return clip(text, L.fallbackText);
}

/** The reply as one or more messages, each within Slack's block limit. */
export function renderMessages(reply: Reply, opts: SlackRenderOptions): SlackMessage[] {
  const text = fallbackText(reply);
  return chunk(renderBlocks(reply, opts), L.blocksPerMessage).map((blocks) => ({ text, blocks }));
}

/** The App Home view: one view, at most 100 blocks. */
export function renderHome(reply: Reply): { type: 'home'; blocks: KnownBlock[] } {
  return { type: 'home', blocks: renderBlocks(reply, { dateTokens: false }).slice(0, L.blocksPerHomeView) };
}
