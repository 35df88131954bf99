// The page the card rendering test loads in Chromium: Microsoft's adaptivecards renderer, the Teams host config
// and styling, and one function that renders a card at a width and measures what a reader would see cut off.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface CardMeasure {
  height: number;
  /** Button titles the renderer had to cut (ellipsis). */
  truncated: string[];
  /** Elements whose box goes past the card's edges, or a card wider than its width. */
  overflowing: string[];
  /** Every time range drawn: where its start and end are, and whether it is written in Arabic (ص/م, Arabic-Indic digits). */
  ranges: { text: string; startLeft: number; startRight: number; endLeft: number; endRight: number; startTop: number; endTop: number; arabic: boolean }[];
  /** The card's direction, and Arabic text blocks not laid out right-to-left. */
  direction: string;
  ltrArabic: string[];
  problems: string[];
}

// Runs in the page. Kept as plain JavaScript in a string: it is the page's code, not the test's.
const MEASURE = String.raw`
window.renderCard = async (card, width) => {
  const host = document.getElementById('host');
  host.innerHTML = '';
  host.style.width = width + 'px';
  // The SDK checks lang with a global regex whose lastIndex outlives a match: every second card would fail.
  AdaptiveCards.CardElement.langProperty.regEx.lastIndex = 0;
  const ac = new AdaptiveCards.AdaptiveCard();
  ac.hostConfig = new AdaptiveCards.HostConfig(window.hostConfig);
  const context = new AdaptiveCards.SerializationContext();
  ac.parse(card, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  const el = ac.render();
  host.appendChild(el);
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const box = host.getBoundingClientRect();
  const name = (e) => (e.className || e.tagName) + ': ' + (e.textContent || '').trim().slice(0, 40);
  const truncated = [];
  for (const b of host.querySelectorAll('button, .ac-pushButton')) {
    for (const e of [b, ...b.querySelectorAll('*')]) if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible') { truncated.push((b.textContent || '').trim()); break; }
  }
  // Any other text the renderer cut with an ellipsis (a box's sentence, a label).
  for (const e of host.querySelectorAll('*')) {
    if (e.closest('button')) continue;
    const s = getComputedStyle(e);
    if (s.textOverflow === 'ellipsis' && s.overflow !== 'visible' && e.scrollWidth > e.clientWidth + 1) truncated.push(name(e));
  }
  const overflowing = [];
  if (el.scrollWidth > el.clientWidth + 1) overflowing.push('card: ' + el.scrollWidth + 'px wide in ' + el.clientWidth + 'px');
  for (const e of host.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > box.right + 1 || r.left < box.left - 1) overflowing.push(name(e));
  }
  const ranges = [];
  // A time as we write it (14:30) or as a client does (12:30 م, 2:30 PM), controls and a word joiner allowed around
  // its parts; a range is two times around a dash, or, in an Arabic sentence, «من 14:30 إلى 16:00».
  const CONTROLS = '[\\s\u061c\u2066-\u2069\u200e\u200f\u2060]*';
  const TIME = '([0-9\u0660-\u0669]{1,2}[:\u066b][0-9\u0660-\u0669]{2}(?:' + CONTROLS + '(?:[AaPp]\\.?[Mm]\\.?|ص|م))?)';
  const RANGE = new RegExp(TIME + CONTROLS + '–' + CONTROLS + TIME + '|من' + CONTROLS + TIME + CONTROLS + 'إلى' + CONTROLS + TIME, 'g');
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (const m of n.data.matchAll(RANGE)) {
      const rect = (from, len) => { const r = document.createRange(); r.setStart(n, from); r.setEnd(n, from + len); return r.getBoundingClientRect(); };
      const [start, end] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
      const s = rect(m.index + m[0].indexOf(start), start.length);
      const endAt = m.index + m[0].length - end.length;
      const e = rect(endAt, end.length);
      ranges.push({ text: m[0], startLeft: s.left, startRight: s.right, endLeft: e.left, endRight: e.right, startTop: s.top, endTop: e.top, arabic: /[\u0660-\u0669]|\p{Script=Arabic}/u.test(m[0]) });
    }
  }
  const ltrArabic = [];
  for (const e of host.querySelectorAll('.ac-textBlock, .ac-fact-title, .ac-fact-value, button')) {
    if (/\p{Script=Arabic}/u.test(e.textContent || '') && getComputedStyle(e).direction !== 'rtl') ltrArabic.push(name(e));
  }
  return { height: Math.ceil(el.getBoundingClientRect().height), truncated, overflowing, ranges, direction: getComputedStyle(el).direction, ltrArabic, problems };
};
`;

/** The whole page, as HTML with everything inline (no network, no file access from the page). */
export function cardPage(): string {
  const script = readFileSync(root('node_modules/adaptivecards/dist/adaptivecards.min.js'), 'utf8');
  const hostConfig = readFileSync(root('tests/fixtures/teams-host/microsoft-teams-light.json'), 'utf8');
  const css = readFileSync(root('tests/fixtures/teams-host/teams-container-light.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #f5f5f5; font-family: 'Segoe UI', Tahoma, 'DejaVu Sans', sans-serif; }
#host { background: white; }
</style></head><body><div id="host"></div>
<script>${script}</script>
<script>window.hostConfig = ${hostConfig};${MEASURE}</script></body></html>`;
}
