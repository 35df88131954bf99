// The Block Kit renderer on its own: exact blocks for a small reply, and every limit on large ones.
import { describe, expect, it } from 'vitest';
import { renderBlocks, renderMessages } from '../src/bots/slack/render.js';
import type { Reply } from '../src/core/reply.js';

describe('Block Kit renderer', () => {
  it('renders each block kind', () => {
    const reply: Reply = {
      lang: 'en',
      blocks: [
        { type: 'header', text: 'Week 2' },
        { type: 'text', text: [{ at: '2021-05-12T12:30:00.000Z', style: 'time', text: '08:30' }, ' A & B <c>'] },
        { type: 'section', title: 'Brief', text: ['Summary'], meta: 'Brief · 2021' },
        { type: 'fields', fields: [{ label: 'When', value: ['Today'] }] },
        { type: 'context', text: ['Times in UTC'] },
        { type: 'divider' },
        { type: 'actions', buttons: [{ label: 'Week 2', command: 'week 2', style: 'primary' }, { label: 'Calendar', url: 'https://x.org/a.ics' }] },
      ],
    };
    expect(renderBlocks(reply, { dateTokens: true })).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Week 2', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '<!date^1620822600^{time}|08:30> A &amp; B &lt;c&gt;' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Brief*\nSummary\n_Brief · 2021_' } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*When*\nToday' }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Times in UTC' }] },
      { type: 'divider' },
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Week 2', emoji: true }, style: 'primary', action_id: 'ckex_cmd_0', value: '{"c":"week 2","l":"en"}' },
          { type: 'button', text: { type: 'plain_text', text: 'Calendar', emoji: true }, action_id: 'ckex_url_1', url: 'https://x.org/a.ics' },
        ],
      },
    ]);
    expect(renderBlocks(reply, { dateTokens: false })[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '08:30 A &amp; B &lt;c&gt;' } });
  });

  it('keeps every limit: 50 blocks a message, 3,000 characters a section, 10 fields, 25 buttons', () => {
    const reply: Reply = {
      lang: 'en',
      blocks: [
        { type: 'text', text: ['x'.repeat(7000)] },
        { type: 'fields', fields: Array.from({ length: 23 }, (_, i) => ({ label: `f${i}`, value: ['v'] })) },
        { type: 'actions', buttons: Array.from({ length: 60 }, (_, i) => ({ label: `b${i}`.repeat(50), command: `c${i}` })) },
        ...Array.from({ length: 80 }, () => ({ type: 'divider' as const })),
      ],
    };
    const messages = renderMessages(reply, { dateTokens: false });
    expect(messages.length).toBe(2);
    const blocks = messages.flatMap((m) => m.blocks) as any[];
    expect(blocks.length).toBe(3 + 3 + 3 + 80);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      if (b.fields) expect(b.fields.length).toBeLessThanOrEqual(10);
      if (b.elements) {
        expect(b.elements.length).toBeLessThanOrEqual(25);
        for (const e of b.elements) expect(e.text.text.length).toBeLessThanOrEqual(75);
      }
    }
    const ids = blocks.flatMap((b) => b.elements?.map((e: any) => e.action_id) ?? []);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lays Arabic out right-to-left and keeps date tokens whole', () => {
    const reply: Reply = { lang: 'ar', blocks: [{ type: 'text', text: [{ at: '2021-05-12T12:30:00.000Z', style: 'time', text: '08:30' }, ' جلسة w2-d3-a\nسطر'] }] };
    const [block] = renderBlocks(reply, { dateTokens: true }) as any[];
    // A date token is isolated by first strong character (Slack may write it in Arabic), each line opens and closes right-to-left.
    expect(block.text.text).toBe('\u200f\u2068<!date^1620822600^{time}|08:30>\u2069 جلسة \u2066w2-d3-a\u2069\u200f\n\u200fسطر\u200f');
  });
});
