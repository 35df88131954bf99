// npm run check:layers — the import direction of src/ (scripts/layers/rules.ts says the rule); part of npm test.
import { fileURLToPath } from 'node:url';
import { readSources } from './layers/read.js';
import { checkLayers } from './layers/rules.js';
import { readArgs } from './cli.js';

readArgs(process.argv.slice(2), 'usage: npm run check:layers\nchecks the import direction of src/ (scripts/layers/rules.ts)');

const root = fileURLToPath(new URL('..', import.meta.url));
const report = checkLayers(readSources(root));
const count = (n: number) => n.toLocaleString('en-US');
if (report.problems.length > 0) {
  for (const problem of report.problems) console.error(problem.text);
  console.error(`layers: ${count(report.problems.length)} problem(s) in ${count(report.files)} files, ${count(report.imports)} imports`);
  process.exit(1);
}
console.log(`layers: ${count(report.files)} files, ${count(report.imports)} imports, direction kept, no circle among sibling folders or files`);
