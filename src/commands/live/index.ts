// Live sessions' commands: ask, questions, vote, and the moderators' answered, hide, publish, queue, moderators.
import type { CommandSpec } from '../types.js';
import { ask } from './ask.js';
import { answered, hide, moderators, publish, queue } from './moderation.js';
import { questions } from './questions.js';
import { vote } from './vote.js';

export { parseAsk, askQuestion } from './ask.js';

export const liveCommands: CommandSpec[] = [ask, questions, vote, answered, hide, publish, queue, moderators];
