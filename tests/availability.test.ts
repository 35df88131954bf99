// A platform's availability: while it is down, posts nobody waits for hold back and one goes now and then, the wait
// doubling from 5 s to 30 s; any answer ends the outage. On a clock the test moves, so no test waits.
import { describe, expect, it } from 'vitest';
import { Availabilities, Availability, FIRST_TRY_MS, MAX_TRY_WAIT_MS } from '../src/bots/availability.js';

function clocked() {
  let t = 1_000_000;
  return { now: () => t, move: (ms: number) => (t += ms) };
}

describe('availability', () => {
  it('admits everything while up', () => {
    const clock = clocked();
    const slack = new Availability('Slack', undefined, clock.now);
    expect([slack.admits(), slack.admits(), slack.admits()]).toEqual([true, true, true]);
    expect(slack.down).toBe(false);
  });

  it('after a failure holds posts back and lets one through per wait, doubling to the ceiling; an answer ends it', () => {
    const clock = clocked();
    const slack = new Availability('Slack', undefined, clock.now);
    slack.failed('HTTP 503');
    slack.failed('HTTP 503'); // the other tries of the same outage change nothing
    expect(slack.admits()).toBe(false);
    const waits: number[] = [];
    let last = clock.now();
    for (let i = 0; i < 600; i++) {
      clock.move(1_000);
      if (slack.admits()) {
        waits.push(clock.now() - last);
        last = clock.now();
      }
    }
    expect(waits.slice(0, 5)).toEqual([FIRST_TRY_MS, 10_000, 20_000, MAX_TRY_WAIT_MS, MAX_TRY_WAIT_MS]);
    expect(Math.max(...waits)).toBe(MAX_TRY_WAIT_MS);
    slack.answered();
    expect(slack.down).toBe(false);
    expect(slack.admits()).toBe(true);
  });

  it('two minutes down with 50 posts due on every 10 s tick let 5 posts through (at 10, 20, 40, 70 and 100 s), not 600', () => {
    const clock = clocked();
    const slack = new Availability('Slack', undefined, clock.now);
    slack.failed('timeout');
    let through = 0;
    for (let tick = 0; tick < 12; tick++) {
      clock.move(10_000);
      for (let post = 0; post < 50; post++) if (slack.admits()) through++;
    }
    expect(through).toBe(5);
  });

  it('keeps one availability per service (a Bot Connector per region)', () => {
    const teams = new Availabilities('Teams');
    teams.of('https://smba.trafficmanager.net/emea').failed('HTTP 502');
    expect(teams.of('https://smba.trafficmanager.net/emea').down).toBe(true);
    expect(teams.of('https://smba.trafficmanager.net/amer').down).toBe(false);
  });
});
