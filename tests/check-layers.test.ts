// The layer rule (scripts/layers/rules.ts) on small made-up trees, then on the real src/.
import { describe, expect, it } from 'vitest';
import { readSources } from '../scripts/layers/read.js';
import { checkLayers, type Problem } from '../scripts/layers/rules.js';

const tree = (files: Record<string, string>): Map<string, string> => new Map(Object.entries(files));
const texts = (problems: Problem[]): string[] => problems.map((p) => p.text);
const DIRECTION = 'app → server → bots → scheduled → commands → views → {understanding, importers, store} → core';

// One file per layer, each importing straight down, in every form of import the checker reads.
const clean = {
  'src/main.ts': "import { start } from './app/boot.js';\nstart();\n",
  'src/app/boot.ts': "import { serve } from '../server/index.js';\nexport const start = (): void => serve();\n",
  'src/server/index.ts': [
    'export async function serve(): Promise<void> {',
    "  const slack = await import('../bots/slack/app.js');",
    '  slack.run();',
    '}',
  ].join('\n'),
  'src/bots/shared.ts': "export * from '../scheduled/jobs.js';\n",
  'src/bots/slack/app.ts': [
    "import { App } from '@slack/bolt';",
    "import type { Job } from '../../scheduled/jobs.js';",
    "import '../shared.js';",
    'export const run = (): void => void new App({}) as unknown as Job;',
  ].join('\n'),
  'src/bots/teams/app.ts': "import { CloudAdapter } from 'botbuilder';\nimport { run } from '../../commands/run.js';\nexport { CloudAdapter, run };\n",
  'src/bots/console/app.ts': "export { run } from '../../commands/run.js';\n",
  'src/scheduled/jobs.ts': "export type { Job } from '../commands/run.js';\n",
  'src/commands/run.ts': [
    'import {',
    '  view,',
    '  type View,',
    "} from '../views/view.js';",
    "import words from '../views/words.json' with { type: 'json' };",
    'export type Job = View;',
    'export const run = (): string => view() + String(words);',
  ].join('\n'),
  'src/views/view.ts': [
    "import { read } from '../understanding/read.js';",
    "import { load } from '../importers/load.js';",
    "import { get } from '../store/get.js';",
    'export type View = string;',
    'export const view = (): View => read() + load() + get();',
  ].join('\n'),
  'src/understanding/read.ts': "import { now } from '../core/clock.js';\nexport const read = (): string => now();\n",
  'src/importers/load.ts': "export { now as load } from '../core/clock.js';\n",
  'src/store/get.ts': "import type { DateTime } from 'luxon';\nexport const get = (t?: import('luxon').DateTime | DateTime): string => String(t);\n",
  'src/core/clock.ts': [
    "import { format } from './i18n/format.js';",
    "// import { start } from '../app/boot.js';",
    "/* import { serve } from '../server/index.js'; */",
    "const note = \"import { run } from '../commands/run.js'\";",
    'export const now = (): string => format(note);',
  ].join('\n'),
  'src/core/i18n/format.ts': 'export const format = (s: string): string => s;\n',
};

const withFiles = (files: Record<string, string>) => checkLayers(tree({ ...clean, ...files }));

describe('the layer rule', () => {
  it('passes a clean tree and counts every import and export-from', () => {
    const report = checkLayers(tree(clean));
    expect(report.problems).toEqual([]);
    expect(report.files).toBe(Object.keys(clean).length);
    expect(report.imports).toBe(21);
  });

  it('fails an import up the layers', () => {
    const report = withFiles({ 'src/core/i18n/format.ts': "import { view } from '../../views/view.js';\nexport const format = (s: string): string => s + view();\n" });
    expect(texts(report.problems)).toContain(`src/core/i18n/format.ts:1 imports src/views/view.ts (core → views: against the direction ${DIRECTION})`);
    expect(report.problems.map((p) => p.kind)).toContain('direction');
  });

  it('fails an upward import type, export type and dynamic import as well', () => {
    const report = withFiles({
      'src/store/get.ts': [
        "import type { View } from '../views/view.js';",
        "export type { Job } from '../commands/run.js';",
        "export const get = async (): Promise<View> => (await import('../app/boot.js')) && '';",
      ].join('\n'),
    });
    const direction = report.problems.filter((p) => p.kind === 'direction').map((p) => p.text.split(' (')[0]);
    expect(direction).toEqual([
      'src/store/get.ts:1 imports src/views/view.ts',
      'src/store/get.ts:2 imports src/commands/run.ts',
      'src/store/get.ts:3 imports src/app/boot.ts',
    ]);
  });

  it('fails an import between understanding, importers and store', () => {
    const report = withFiles({ 'src/store/get.ts': "import { read } from '../understanding/read.js';\nexport const get = (): string => read();\n" });
    expect(report.problems).toEqual([
      { kind: 'level', text: 'src/store/get.ts:1 imports src/understanding/read.ts (store → understanding: understanding, importers, store are one level and do not import one another)' },
    ]);
  });

  it('fails an import from one platform to another, not to what the bots share', () => {
    const report = withFiles({ 'src/bots/console/app.ts': "import { run } from '../slack/app.js';\nimport '../shared.js';\nexport { run };\n" });
    expect(report.problems).toEqual([
      { kind: 'platform', text: 'src/bots/console/app.ts:1 imports src/bots/slack/app.ts (bots/console → bots/slack: slack, teams, console do not import one another)' },
    ]);
  });

  it('fails a circle between two sibling folders, naming each edge', () => {
    const report = withFiles({
      'src/core/a/one.ts': "export const one = 1;\nexport { two } from '../b/two.js';\n",
      'src/core/b/two.ts': 'export const two = 2;\n',
      'src/core/b/three.ts': "import { one } from '../a/one.js';\nexport const three = one + 2;\n",
    });
    expect(report.problems).toEqual([
      {
        kind: 'cycle',
        text: [
          'folder cycle src/core/a → src/core/b → src/core/a',
          '  src/core/a/one.ts:2 imports src/core/b/two.ts (src/core/a → src/core/b)',
          '  src/core/b/three.ts:1 imports src/core/a/one.ts (src/core/b → src/core/a)',
        ].join('\n'),
      },
    ]);
  });

  it('fails a circle among three siblings, deeper down and through their subfolders too', () => {
    const report = withFiles({
      'src/core/forms/a/one.ts': "export { two } from '../b/two.js';\n",
      'src/core/forms/b/two.ts': "export { three as two } from '../c/deep/three.js';\n",
      'src/core/forms/c/deep/three.ts': "import { four } from '../../a/four.js';\nexport const three = four;\n",
      'src/core/forms/a/four.ts': 'export const four = 4;\n',
    });
    expect(report.problems).toEqual([
      {
        kind: 'cycle',
        text: [
          'folder cycle src/core/forms/a → src/core/forms/b → src/core/forms/c → src/core/forms/a',
          '  src/core/forms/a/one.ts:1 imports src/core/forms/b/two.ts (src/core/forms/a → src/core/forms/b)',
          '  src/core/forms/b/two.ts:1 imports src/core/forms/c/deep/three.ts (src/core/forms/b → src/core/forms/c)',
          '  src/core/forms/c/deep/three.ts:1 imports src/core/forms/a/four.ts (src/core/forms/c → src/core/forms/a)',
        ].join('\n'),
      },
    ]);
  });

  it('passes a parent file and its child folder importing each other, and a path through the parent', () => {
    const report = withFiles({
      // src/core/clock.ts imports ./i18n/format.js already; here i18n imports the parent's file back.
      'src/core/i18n/plural.ts': "import type { now } from '../clock.js';\nexport type Plural = ReturnType<typeof now>;\n",
      // a → core's own file → b, and b → a: core/settings.ts is the floor of a and the roof of b, no edge a → b.
      'src/core/a/one.ts': "import { setting } from '../settings.js';\nexport const one = setting;\n",
      'src/core/settings.ts': "import { two } from './b/two.js';\nexport const setting = two;\n",
      'src/core/b/two.ts': 'export const two = 2;\n',
      'src/core/b/three.ts': "import { one } from '../a/one.js';\nexport const three = one;\n",
    });
    expect(report.problems).toEqual([]);
  });

  it('fails a circle of files, import type included, even where the folders are parent and child', () => {
    const report = withFiles({
      'src/core/i18n/format.ts': "import type { Week } from '../week.js';\nexport const format = (s: string, _w?: Week): string => s;\n",
      'src/core/week.ts': "import { now } from './clock.js';\nexport type Week = ReturnType<typeof now>;\n",
    });
    expect(report.problems).toEqual([
      {
        kind: 'file-cycle',
        text: [
          'file cycle src/core/clock.ts → src/core/i18n/format.ts → src/core/week.ts → src/core/clock.ts',
          '  src/core/clock.ts:1 imports src/core/i18n/format.ts',
          '  src/core/i18n/format.ts:1 imports src/core/week.ts',
          '  src/core/week.ts:1 imports src/core/clock.ts',
        ].join('\n'),
      },
    ]);
  });

  it('keeps the platform libraries in their platform', () => {
    const report = withFiles({
      'src/server/teams.ts': "import { CloudAdapter } from 'botbuilder';\nexport const a = CloudAdapter;\n",
      'src/bots/slack/extra.ts': "import type { TurnContext } from 'botbuilder-core';\nimport 'botframework-connector';\nexport type T = TurnContext;\n",
      'src/main.ts': "import './app/boot.js';\nexport const load = () => import('@slack/web-api');\n",
    });
    expect(texts(report.problems)).toEqual([
      'src/bots/slack/extra.ts:1 imports botbuilder-core (botbuilder* and botframework-* only under src/bots/teams)',
      'src/bots/slack/extra.ts:2 imports botframework-connector (botbuilder* and botframework-* only under src/bots/teams)',
      'src/main.ts:2 imports @slack/web-api (@slack/* only under src/bots/slack)',
      'src/server/teams.ts:1 imports botbuilder (botbuilder* and botframework-* only under src/bots/teams)',
    ]);
  });

  it('places src/main.ts in app and a folder of no layer nowhere', () => {
    const report = withFiles({
      'src/server/back.ts': "import '../main.js';\n",
      'src/util/x.ts': "export const x = 1;\n",
    });
    // src/main.ts is src's own file, in none of src's folders, so going back up to it closes no folder circle.
    expect(texts(report.problems)).toEqual([
      `src/server/back.ts:1 imports src/main.ts (server → app: against the direction ${DIRECTION})`,
      `src/util/x.ts is in no layer (its folder under src/ is none of ${DIRECTION})`,
    ]);
  });

  it('reports what it cannot follow', () => {
    const report = withFiles({
      'src/core/odd.ts': "import './nowhere.js';\nimport './bare';\nconst name = 'x';\nexport const x = () => import(`./${name}.js`);\n",
    });
    expect(report.problems.map((p) => [p.kind, p.text.split(' (')[0]])).toEqual([
      ['unresolved', 'src/core/odd.ts:1 imports src/core/nowhere.ts, which is not a file of the tree'],
      ['unresolved', "src/core/odd.ts:2 imports './bare'"],
      ['unresolved', 'src/core/odd.ts:4 imports a computed specifier'],
    ]);
  });
});

describe('the real src/', () => {
  it('keeps the layer rule', () => {
    const report = checkLayers(readSources(process.cwd()));
    expect(report.files).toBeGreaterThan(100);
    expect(texts(report.problems)).toEqual([]);
  });
});
