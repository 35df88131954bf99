// The direct message after a session: "How useful was <session>?", the ratings as buttons, the one-screen form,
// and how to stop these questions in the reader's own words.
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import type { Reply } from '../../core/reply.js';
import { feedbackWords } from './labels.js';
import { ratingButtons } from './form.js';

export function feedbackPromptReply(ctx: CommandContext, timed: TimedSession): Reply {
  const title = timed.session.title[ctx.lang];
  return {
    lang: ctx.lang,
    personal: true,
    blocks: [
      { type: 'header', text: ctx.t('feedback.promptHeader', { title }) },
      { type: 'text', text: [ctx.t('feedback.prompt', { title })] },
      { type: 'actions', buttons: ratingButtons(ctx, timed.session.id) },
      { type: 'context', text: [ctx.t('feedback.scale')] },
      { type: 'actions', buttons: [{ label: ctx.t('feedback.formButton'), command: `feedback form ${timed.session.id}` }] },
      { type: 'context', text: [ctx.t('feedback.promptOff', { off: feedbackWords(ctx, 'feedback off') })] },
    ],
  };
}
