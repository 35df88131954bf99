// Reply → Block Kit. Pure: no Slack calls. Keeps every limit, splits long replies into several messages,
// lays Arabic out right-to-left, and uses Slack date tokens where many people read the message.
import type { ActionsBlock, Button as SlackButton, KnownBlock, SectionBlock } from '@slack/types';
import { layout, mirrorArrows, rtlLines } from '../../core/i18n/bidi.js';
import { barText, replyToText, type Block, type Button, type Reply, type RichText } from '../../core/reply.js';
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

export const escapeMrkdwn = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rich text as mrkdwn: Arabic lines right-to-left with each left-to-right unit isolated whole, THEN escaped, THEN date tokens. */
export function mrkdwn(text: RichText, rtl: boolean, opts: SlackRenderOptions): string {
  const parts = text.map((part) => {
    if (typeof part === 'string') return { text: part };
    const shown = escapeMrkdwn(part.text);
    return { atom: opts.dateTokens ? `<!date^${Math.floor(Date.parse(part.at) / 1000)}^${TOKEN_FORMAT[part.style]}|${shown}>` : shown };
  });
  return layout(parts, { rtl, escape: escapeMrkdwn });
}

function plainText(text: string, rtl: boolean, max: number) {
  return { type: 'plain_text' as const, text: clip(rtl ? rtlLines(mirrorArrows(text)) : text, max), emoji: true };
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
    case 'text': {
      const parts = sections(mrkdwn(block.text, rtl, opts));
      // The accessory sits beside the last part of the paragraph, as Slack shows a section's button.
      if (block.accessory) parts[parts.length - 1]!.accessory = button(block.accessory, nextButton(), reply);
      return parts;
    }
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
    case 'bars':
      // Block Kit has no chart: one line a bar, its cells drawn, the label and count beside it.
      return sections(block.bars.map((b) => `${mrkdwn([b.label], rtl, opts)}\n\`${barText(b.share)}\` ${mrkdwn([b.value], rtl, opts)}`).join('\n'));
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** The reply as Block Kit blocks, before splitting into messages. */
export function renderBlocks(reply: Reply, opts: SlackRenderOptions): KnownBlock[] {
  const rtl = reply.lang === 'ar';
  let buttons = 0;
  const blocks = reply.blocks.flatMap((b) => renderBlock(b, reply, opts, () => buttons++));
  // A command too long for a button's value is not offered: cut, it would run as something else (raw JSON).
  const shareValue = opts.shareCommand ? encodeButton({ command: opts.shareCommand, lang: reply.lang }) : '';
  if (reply.shareable && opts.shareCommand && shareValue.length <= L.buttonValue) {
    const share: SlackButton = { type: 'button', action_id: 'ckex_share', text: plainText(opts.shareLabel ?? 'Share', rtl, L.buttonText), value: shareValue };
    blocks.push({ type: 'actions', elements: [share] });
  }
  return blocks;
}

/**
 * Fallback text for notifications and clients without blocks. Slack reads it as mrkdwn, so user text in it
 * (a name such as "<!channel>") is escaped like everywhere else; a clip never leaves half an entity.
 */
export function fallbackText(reply: Reply): string {
  const header = reply.blocks.find((b) => b.type === 'header');
  const text = header?.type === 'header' ? header.text : replyToText(reply);
  const escaped = layout([{ text }], { rtl: reply.lang === 'ar', escape: escapeMrkdwn });
  return escaped.length <= L.fallbackText ? escaped : clip(escaped.slice(0, L.fallbackText).replace(/&[a-z]{0,3}$/, ''), L.fallbackText);
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
