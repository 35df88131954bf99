// GET /ics/<session-id>.ics and /ics/ckex.ics: calendar files on the same server, linked through PUBLIC_URL;
// GET /ics/u/<token>.ics: one person's starred sessions with alarms, at an address only they were given.
import type { Application } from 'express';
import type { BotCore } from '../core/bot-core.js';
import { LANGS, type Lang } from '../core/lang.js';
import { formatList, withArticle } from '../core/i18n/format.js';
import { calendarFor } from '../core/ics.js';
import { shownDescription, shownTitle } from '../views/untranslated.js';
import { DEFAULT_REMIND_MINUTES, remindMinutesOf } from '../core/reminders.js';
import type { TimedSession } from '../core/agenda.js';

export const WHOLE_AGENDA = 'ckex';

/** A feed token as the store makes them (24 random bytes, base64url); anything else is not looked up. */
const FEED_FILE = /^([A-Za-z0-9_-]{20,64})\.ics$/;

/** Format and interpretation, written into every event's description. */
function practicalNote(core: BotCore, lang: Lang): string {
  const t = core.i18n.t(lang);
  const { event } = core.content;
  const languages = formatList(event.interpretation.map((l) => t('session.interpretationLanguage', { language: withArticle(t(`languages.${l}`), lang) })), lang);
  return `${event.sessionFormat[lang]}\n${t('session.interpretationValue', { working: t(`languages.${event.workingLanguage}`), languages })}`;
}

export function registerIcs(server: Application, core: BotCore): void {
  server.get('/ics/u/:file', async (req, res) => {
    const token = FEED_FILE.exec(req.params.file)?.[1];
    const owner = token ? await core.store.feedOwner(token) : undefined;
    if (!owner) {
      // The same answer for a revoked, mistyped or guessed address: nothing to learn from it.
      res.status(404).type('text/plain').send('No calendar at this address. Write "my agenda" to the bot for yours.');
      return;
    }
    const [prefs, stars] = await Promise.all([core.store.user(owner), core.store.starsOf(owner)]);
    const lang: Lang = LANGS.find((l) => l === req.query.lang) ?? prefs?.lang ?? prefs?.lastLang ?? 'en';
    const t = core.i18n.t(lang);
    const sessions = stars.map((s) => core.agenda.session(s.sessionId)).filter((s): s is TimedSession => s !== undefined).sort((a, b) => a.start.toMillis() - b.start.toMillis());
    const note = practicalNote(core, lang);
    // Chat reminders may be off; the calendar's own alarm is the calendar's to silence.
    const alarmMinutes = remindMinutesOf(prefs) || DEFAULT_REMIND_MINUTES;
    const body = calendarFor(core.content.event, sessions, lang, core.clock.now(), () => note, core.content.agenda.sample ? t('common.sampleAgenda') : undefined, { name: t('myAgenda.calendarName', { event: core.content.event.shortName }), alarmMinutes, titleOf: (s) => shownTitle({ lang, t }, s), descriptionOf: (s) => shownDescription({ lang, t }, s) });
    res.type('text/calendar; charset=utf-8').set('Content-Disposition', 'inline; filename="my-agenda.ics"').set('Cache-Control', 'private, max-age=300').set('X-Robots-Tag', 'noindex').send(body);
  });

  server.get('/ics/:file', (req, res) => {
    const match = /^([a-z0-9-]+)\.ics$/i.exec(req.params.file);
    const lang: Lang = LANGS.find((l) => l === req.query.lang) ?? 'en';
    const id = match?.[1]?.toLowerCase();
    const sessions = id === WHOLE_AGENDA ? core.agenda.all() : id ? [core.agenda.session(id)].filter((s) => s !== undefined) : [];
    if (sessions.length === 0) {
      // The path is never echoed back: what a client sent is not the server's to repeat.
      res.status(404).type('text/plain').send(`No such session. Try /ics/${WHOLE_AGENDA}.ics or /ics/w1-d1-a.ics`);
      return;
    }
    const t = core.i18n.t(lang);
    const note = practicalNote(core, lang);
    const body = calendarFor(core.content.event, sessions, lang, core.clock.now(), () => note, core.content.agenda.sample ? t('common.sampleAgenda') : undefined, { titleOf: (s) => shownTitle({ lang, t }, s), descriptionOf: (s) => shownDescription({ lang, t }, s) });
    res.type('text/calendar; charset=utf-8').set('Content-Disposition', `inline; filename="${id}.ics"`).send(body);
  });
}
