// Structured logs on stderr. Never log message text, form answers or tokens: log ids and outcomes.
import pino from 'pino';

export const log = pino(
  { level: process.env.LOG_LEVEL ?? 'info', redact: { paths: ['token', '*.token', 'text', '*.text', 'answers', '*.answers'], censor: '[redacted]' } },
  pino.destination(2),
);
export type Logger = typeof log;
