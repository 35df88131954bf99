// One session in full, with its calendar file; and its practicalities (format, interpretation) for other replies.
import { calendarFor } from '../core/ics.js';
import { formatList, withArticle } from '../core/i18n/format.js';
import { PUNCTUATION } from '../core/i18n/punctuation.js';
import type { Button, Reply } from '../core/reply.js';
import type { TimedSession } from '../core/agenda.js';
import type { CommandContext } from '../core/context.js';
import { shownDescription, shownTitle } from './untranslated.js';
import { starButton } from './session-lines.js';
import { sessionLinkBlocks } from './links.js';
import { agendaNotes, sampleNote } from './notes.js';
import { dayName, localDate, sessionSpan } from './times.js';

/** Format and interpretation, as written into replies and calendar files. */
export function sessionPractical(ctx: CommandContext): { format: string; interpretation: string } {
  const { event } = ctx.core.content;
  // « en arabe et en français »: each language with the preposition its language wants.
  const languages = formatList(event.interpretation.map((l) => ctx.t('session.interpretationLanguage', { language: withArticle(ctx.t(`languages.${l}`), ctx.lang) })), ctx.lang);
  return { format: event.sessionFormat[ctx.lang], interpretation: ctx.t('session.interpretationValue', { working: ctx.t(`languages.${event.workingLanguage}`), languages }) };
}

export function sessionReply(ctx: CommandContext, timed: TimedSession): Reply {
  const { session } = timed;
  const { event } = ctx.core.content;
  const week = ctx.core.agenda.week(session.week)!;
  const topic = event.specialTopics.find((t) => t.id === session.topic);
  const practical = sessionPractical(ctx);
  const buttons: Button[] = [
    starButton(ctx, timed),
    { label: ctx.t('buttons.day'), command: `agenda ${localDate(ctx, timed)}` },
    { label: ctx.t('buttons.week', { number: week.number }), command: `week ${week.number}` },
  ];
  if (ctx.core.publicUrl) buttons.push({ label: ctx.t('buttons.addToCalendar'), url: `${ctx.core.publicUrl}/ics/${session.id}.ics` });
  const ics = calendarFor(event, [timed], ctx.lang, ctx.now, () => `${practical.format}\n${practical.interpretation}`, sampleNote(ctx), { titleOf: (s) => shownTitle(ctx, s), descriptionOf: (s) => shownDescription(ctx, s) });
  return {
    lang: ctx.lang,
    shareable: true,
    shows: { sessions: [session.id], day: localDate(ctx, timed) },
    blocks: [
      { type: 'header', text: shownTitle(ctx, session) },
      { type: 'text', text: [shownDescription(ctx, session)] },
      {
        type: 'fields',
        fields: [
          { label: ctx.t('session.when'), value: [dayName(ctx, localDate(ctx, timed)), PUNCTUATION[ctx.lang].comma, ...sessionSpan(ctx, timed)] },
          { label: ctx.t('buttons.week', { number: week.number }), value: [week.title[ctx.lang]] },
          ...(topic ? [{ label: ctx.t('session.topic'), value: [topic.title[ctx.lang]] }] : []),
          { label: ctx.t('session.format'), value: [practical.format] },
          { label: ctx.t('session.interpretation'), value: [practical.interpretation] },
          // Each speaker's line has its own commas: a run-in list with middle dots reads without ambiguity.
          { label: ctx.t('session.speakers'), value: [session.speakers.map((s) => s[ctx.lang]).join(' · ')] },
          { label: ctx.t('session.id'), value: [session.id] },
        ],
      },
      ...sessionLinkBlocks(ctx, timed),
      ...agendaNotes(ctx, timed.start),
      { type: 'actions', buttons },
    ],
    files: [{ name: `${session.id}.ics`, mime: 'text/calendar', content: ics }],
  };
}
