// CKEX_FOCAL_POINTS read like CKEX_ADMINS (each id honoured only on its own platform), and what `nominate` reads.
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/core/config.js';
import { focalRegionOf, parseEntries } from '../src/core/nominations/index.js';

describe('CKEX_FOCAL_POINTS', () => {
  it('reads Slack, Teams (colons and all) and Entra ids, each with its region', () => {
    const { CKEX_FOCAL_POINTS: points } = readConfig({ CKEX_FOCAL_POINTS: 'U0123ABCD:MENA, 29:1a-b:c:afw,00000000-0000-0000-0000-00000000abcd:EAP' });
    expect([...points]).toEqual([['U0123ABCD', 'MENA'], ['29:1a-b:c', 'AFW'], ['00000000-0000-0000-0000-00000000abcd', 'EAP']]);
    expect(readConfig({}).CKEX_FOCAL_POINTS.size).toBe(0);
  });

  it.each([
    ['U0123ABCD', 'no region'],
    ['U0123ABCD:AFRICA', 'no region'],
    ['alice:MENA', 'not a platform user id'],
    ['U0123ABCD:MENA,U0123ABCD:AFW', 'listed twice'],
  ])('stops start-up on %s, naming the setting and the fix', (value, reason) => {
    expect(() => readConfig({ CKEX_FOCAL_POINTS: value })).toThrow(ConfigError);
    expect(() => readConfig({ CKEX_FOCAL_POINTS: value })).toThrow(new RegExp(`CKEX_FOCAL_POINTS.*${reason}`));
  });

  it('honours an id only on its own platform', () => {
    const points = new Map([['UFP', 'MENA' as const], ['29:fp', 'AFW' as const]]);
    expect(focalRegionOf(points, 'slack:T1:UFP', ['UFP'])).toBe('MENA');
    expect(focalRegionOf(points, 'teams:29:fp', ['29:fp'])).toBe('AFW');
    expect(focalRegionOf(points, 'teams:UFP', ['UFP'])).toBeUndefined();
    expect(focalRegionOf(points, 'slack:T1:U2', ['29:fp'])).toBeUndefined();
    expect(focalRegionOf(points, 'console:local', [])).toBeUndefined();
  });
});

describe('what nominate reads', () => {
  it('emails with optional names, separated by commas, semicolons, Arabic commas or lines, once each', () => {
    expect(parseEntries('amina@example.org Amina Benali, Omar@Example.org; noor@example.org نور\nAMINA@example.org')).toEqual({
      ok: true,
      entries: [{ email: 'amina@example.org', name: 'Amina Benali' }, { email: 'omar@example.org' }, { email: 'noor@example.org', name: 'نور' }],
    });
    expect(parseEntries('mena <a@b.org>، c@d.org')).toEqual({ ok: true, region: 'MENA', entries: [{ email: 'a@b.org' }, { email: 'c@d.org' }] });
  });

  it('names what is not a nomination, and an unknown region', () => {
    expect(parseEntries('a@b.org, not an email, Amina c@d.org')).toEqual({ ok: false, reason: 'notEntries', bad: ['not an email', 'Amina c@d.org'] });
    expect(parseEntries('Africa a@b.org')).toEqual({ ok: false, reason: 'unknownRegion', given: 'Africa' });
    expect(parseEntries(`a@b.org ${'x'.repeat(101)}`)).toMatchObject({ ok: false, reason: 'notEntries' });
    expect(parseEntries('a@b.org Amina\u202eBenali')).toMatchObject({ ok: false, reason: 'notEntries' });
    expect(parseEntries(' , ')).toMatchObject({ ok: false, reason: 'notEntries' });
  });
});
