// The daily digest: the week and its theme (the day's special topics in week 4), the sessions with times,
// format and interpretation, a few resources for the theme, and buttons. The Friday before, an announcement.
import type { Resource } from '../core/content/schema.js';
import type { DigestKind } from '../core/digest-plan.js';
import type { Block, Button, Reply } from '../core/reply.js';
import { sessionPractical } from './session.js';
import type { CommandContext } from '../core/context.js';
import { resourceLinkBlocks } from './links.js';
import { agendaNotes } from './notes.js';
import { sessionBlocks } from './session-lines.js';
import { dayName } from './times.js';

const RESOURCES_SHOWN = 3;

function resourcesFor(ctx: CommandContext, week: number, topics: string[]): Resource[] {
  const library = ctx.core.content.library.resources.filter((r) => r.weeks.includes(week));
  const onTopic = library.filter((r) => r.topics.some((t) => topics.includes(t)));
  return [...onTopic, ...library.filter((r) => !onTopic.includes(r))].slice(0, RESOURCES_SHOWN);
}

function buttons(ctx: CommandContext, date: string, week: number): Button[] {
  const list: Button[] = [
    { label: ctx.t('buttons.register'), command: 'register', style: 'primary' },
    { label: ctx.t('buttons.dayDetails'), command: `agenda ${date}` },
    { label: ctx.t('buttons.week', { number: week }), command: `week ${week}` },
  ];
  if (ctx.core.publicUrl) list.push({ label: ctx.t('buttons.addToCalendar'), url: `${ctx.core.publicUrl}/ics/ckex.ics?lang=${ctx.lang}` });
  return list;
}

function announcement(ctx: CommandContext): Reply {
  const { agenda, content } = ctx.core;
  const week = agenda.week(1)!;
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'header', text: ctx.t('digest.announceHeader', { event: content.event.shortName }) },
      { type: 'text', text: [ctx.t('digest.announce', { first: dayName(ctx, agenda.firstDay), last: dayName(ctx, agenda.lastDay) })] },
      { type: 'text', text: [content.event.participation[ctx.lang]] },
      { type: 'text', text: [ctx.t('common.weekTheme', { number: week.number, title: week.title[ctx.lang] })] },
      ...sessionBlocks(ctx, agenda.on(agenda.firstDayIn(ctx.zone), ctx.zone)),
      ...agendaNotes(ctx, agenda.on(agenda.firstDayIn(ctx.zone), ctx.zone)[0]?.start),
      { type: 'actions', buttons: buttons(ctx, agenda.firstDay, 1) },
    ],
  };
}

export function digestReply(ctx: CommandContext, date: string, kind: DigestKind): Reply {
  if (kind === 'announce') return announcement(ctx);
  const { agenda, content } = ctx.core;
  const week = agenda.currentWeek(date, ctx.zone);
  const sessions = agenda.on(date, ctx.zone);
  const topics = [...new Set(sessions.flatMap((s) => (s.session.topic ? [s.session.topic] : [])))];
  const practical = sessionPractical(ctx);
  const blocks: Block[] = [{ type: 'header', text: ctx.t('digest.header', { event: content.event.shortName, day: dayName(ctx, date) }) }];
  const monday = date === week.start;
  blocks.push({ type: 'text', text: [ctx.t(monday ? 'digest.weekOpens' : 'common.weekTheme', { number: week.number, title: week.title[ctx.lang] })] });
  if (monday) blocks.push({ type: 'text', text: [week.summary[ctx.lang]] });
  if (topics.length > 0) {
    const names = topics.map((id) => content.event.specialTopics.find((t) => t.id === id)!.title[ctx.lang]);
    blocks.push({ type: 'text', text: [ctx.t('digest.topics', { topics: names.join(' · ') })] });
  }
  blocks.push(...sessionBlocks(ctx, sessions));
  blocks.push(...agendaNotes(ctx, sessions[0]?.start));
  blocks.push({ type: 'fields', fields: [{ label: ctx.t('session.format'), value: [practical.format] }, { label: ctx.t('session.interpretation'), value: [practical.interpretation] }] });
  const resources = resourcesFor(ctx, week.number, topics);
  if (resources.length > 0) {
    blocks.push({ type: 'text', text: [ctx.t('digest.resources')] });
    blocks.push(...resources.flatMap((r): Block[] => [{ type: 'section', title: r.title[ctx.lang], text: [r.summary[ctx.lang]], meta: ctx.t(`resourceTypes.${r.type}`) }, ...resourceLinkBlocks(ctx, r)]));
  }
  blocks.push({ type: 'actions', buttons: buttons(ctx, date, week.number) });
  return { lang: ctx.lang, blocks };
}
