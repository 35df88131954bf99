// GET /ics/<session-id>.ics and /ics/ckex.ics: calendar files on the same server, linked through PUBLIC_URL.
import type { Application } from 'express';
import type { BotCore } from '../core/bot-core.js';
import { LANGS, type Lang } from '../core/content/schema.js';
import { formatList } from '../core/i18n/format.js';
import { calendarFor } from '../core/ics.js';

export const WHOLE_AGENDA = 'ckex';

export function registerIcs(server: Application, core: BotCore): void {
  server.get('/ics/:file', (req, res) => {
    const match = /^([a-z0-9-]+)\.ics$/i.exec(req.params.file);
    const lang: Lang = LANGS.find((l) => l === req.query.lang) ?? 'en';
    const id = match?.[1]?.toLowerCase();
    const sessions = id === WHOLE_AGENDA ? core.agenda.all() : id ? [core.agenda.session(id)].filter((s) => s !== undefined) : [];
    if (sessions.length === 0) {
      res.status(404).type('text/plain').send(`No session "${id ?? req.params.file}". Try /ics/${WHOLE_AGENDA}.ics or /ics/w1-d1-a.ics`);
      return;
    }
    const t = core.i18n.t(lang);
    const { event } = core.content;
    const languages = formatList(event.interpretation.map((l) => t('session.interpretationLanguage', { language: t(`languages.${l}`) })), lang);
    const note = `${event.sessionFormat[lang]}\n${t('session.interpretationValue', { working: t(`languages.${event.workingLanguage}`), languages })}`;
    const body = calendarFor(event, sessions, lang, core.clock.now(), () => note, core.content.agenda.sample ? t('common.sampleAgenda') : undefined);
    res.type('text/calendar; charset=utf-8').set('Content-Disposition', `inline; filename="${id}.ics"`).send(body);
  });
}
