// A stand-in for a surface's outbound port: the test says what happens to posts to people and to channels.
import type { Poster, PostResult } from '../../src/core/notify.js';
import type { Reply } from '../../src/core/reply.js';

type Outcome = boolean | PostResult;
const result = (o: Outcome): PostResult => (o === true ? 'sent' : o === false ? 'failed' : o);

export function poster(to: { toUser?: (user: string, reply: Reply) => Outcome | Promise<Outcome>; toChannel?: (channel: string, reply: Reply) => Outcome | Promise<Outcome> }): Poster {
  return {
    async post(target, reply) {
      if ('user' in target) return result(to.toUser ? await to.toUser(target.user, reply) : true);
      return result(to.toChannel ? await to.toChannel(target.channel, reply) : true);
    },
  };
}
