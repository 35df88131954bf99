// The platform-neutral reply: what a command answers. Renderers turn it into Block Kit, Adaptive Cards or text.
import type { Lang } from './lang.js';
import { PUNCTUATION } from './i18n/punctuation.js';

/** An instant shown as a time or date: Slack renders it in each reader's zone, others use `text`. */
export interface TimeRef {
  at: string; // ISO 8601 instant
  style: 'time' | 'date' | 'datetime';
  text: string; // formatted in the reply's zone and language
}
export type Inline = string | TimeRef;
export type RichText = Inline[];

export interface Button {
  label: string;
  /** The command the button runs, e.g. "week 2". */
  command?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export interface Field {
  label: string;
  value: RichText;
}

export type Block =
  | { type: 'header'; text: string }
  /** A paragraph; its accessory is one button beside it (a session line's star). */
  | { type: 'text'; text: RichText; accessory?: Button }
  | { type: 'fields'; fields: Field[] }
  /** A titled item: a resource, a registration. */
  | { type: 'section'; title: string; text: RichText; meta?: string }
  | { type: 'actions'; buttons: Button[] }
  | { type: 'context'; text: RichText }
  | { type: 'divider' }
  /** A bar chart read at a glance (feedback's distribution): one bar a row, its share of the longest drawn. */
  | { type: 'bars'; bars: Bar[] };

/** One bar: its label ("5 — Extremely useful"), its share 0–1 of the full length, and what it counts ("3 · 60 %"). */
export interface Bar {
  label: string;
  share: number;
  value: string;
}

/** Cells of a bar drawn in text (console, Slack, plain fallbacks). */
export const BAR_CELLS = 10;

/** A bar as text: filled cells for its share, light ones for the rest, always the same width. */
export function barText(share: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, share)) * BAR_CELLS);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
}

/** Files made from the store when handed over, a page at a time, rather than held in the reply. */
export const FILE_SOURCES = ['registrations-csv'] as const;
export type FileSource = (typeof FILE_SOURCES)[number];

export interface Attachment {
  name: string;
  mime: string;
  /** The file; empty when `source` makes it. */
  content: string;
  /** Made from the store when handed over (every registration as CSV): memory stays flat however many there are. */
  source?: FileSource;
  /** Personal or organiser data: handed over through an expiring link, never a stable URL. */
  private?: boolean;
}

/** One field of a one-screen form (Slack modal, Teams card). */
export interface FormFieldView {
  id: string;
  label: string;
  help?: string;
  kind: 'text' | 'email' | 'select' | 'toggle';
  required: boolean;
  /** What the empty field shows: an example answer, or "Choose…" on a list. */
  placeholder?: string;
  /** The message a client that checks the field itself shows when it is empty or malformed. */
  invalid?: string;
  /** A box's own sentence ("I agree to…"), when the label is a short name ("Consent"). */
  option?: string;
  max?: number;
  options?: { value: string; label: string }[];
  value?: string;
  error?: string;
}

export interface FormView {
  id: 'registration' | 'feedback';
  /** What the form is about (feedback: the session id), carried back with its submission. */
  subject?: string;
  title: string;
  intro: string;
  notice?: string;
  submitLabel: string;
  fields: FormFieldView[];
}

export interface Reply {
  lang: Lang;
  blocks: Block[];
  files?: Attachment[];
  /** Worth sharing with a whole channel (a day, a session, a resource list). */
  shareable?: boolean;
  /** For its asker alone (a star, a reminder setting): a surface never posts it where others read. */
  personal?: true;
  /** Replaces, for everyone, the message whose button asked for it (an organisers' notice once decided). */
  replacesSource?: true;
  /** The asker's data was just erased (`me delete`): a surface keeps nothing of this turn (no conversation address). */
  erased?: true;
  /** A one-screen form the surface shows if it can (the blocks say what to do otherwise). */
  form?: FormView;
  /** What the reply shows (sessions, a day, a week): what "it", "the second one", "the next day" then refer to. */
  shows?: Shows;
}

/** The sessions a reply shows, in order, and the day or week it is, if it is one. */
export interface Shows {
  sessions: string[];
  day?: string;
  week?: number;
}

export const dirOf = (lang: Lang): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

export function plain(text: RichText): string {
  return text.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

/** How a command reads when typed in a language ("me delete confirm" → « moi supprimer confirmer »). */
export type SayCommand = (command: string, lang: Lang) => string | undefined;

/**
 * The reply as plain text: the fallback every platform gets, and what the console prints. A button shows the
 * command to type only when `say` can write it in the reader's words, never an English command to others.
 */
export function replyToText(reply: Reply, say?: SayCommand): string {
  const { colon } = PUNCTUATION[reply.lang];
  const lines: string[] = [];
  for (const block of reply.blocks) {
    switch (block.type) {
      case 'header':
        lines.push(`== ${block.text} ==`);
        break;
      case 'text': {
        const typed = block.accessory?.command ? say?.(block.accessory.command, reply.lang) : undefined;
        lines.push(block.accessory && typed ? `${plain(block.text)}  [${block.accessory.label}${colon}${typed}]` : plain(block.text));
        break;
      }
      case 'context':
        lines.push(plain(block.text));
        break;
      case 'section':
        lines.push(`* ${block.title}`, `  ${plain(block.text)}`);
        if (block.meta) lines.push(`  ${block.meta}`);
        break;
      case 'fields':
        for (const f of block.fields) lines.push(`${f.label}${colon}${plain(f.value)}`);
        break;
      case 'actions': {
        const labels = block.buttons.map((b) => {
          const typed = b.command ? say?.(b.command, reply.lang) : b.url;
          return typed ? `[${b.label}${colon}${typed}]` : `[${b.label}]`;
        });
        if (labels.length) lines.push(labels.join(' '));
        break;
      }
      case 'bars':
        for (const b of block.bars) lines.push(`${b.label}  ${barText(b.share)}  ${b.value}`);
        break;
      case 'divider':
        lines.push('---');
        break;
    }
  }

  return lines.join('\n');
}
