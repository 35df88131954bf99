// The work of `npm run import`, in the process scripts/import.ts starts and stops at its deadline. argv[2] is the job as JSON.
import { visible } from '../src/core/content/plain-text.js';
import { formatReport, importFile, type ImportOptions } from '../src/importers/index.js';

const { file, ...options } = JSON.parse(process.argv[2] ?? '{}') as ImportOptions & { file: string };
try {
  const report = await importFile(file, options);
  console.log(formatReport(report));
  process.exit(report.problems.length > 0 ? 1 : 0);
} catch (err) {
  // A library's message may quote the file: its control characters are written out, never sent to the terminal.
  console.error(`import failed: ${visible((err as Error).message)}`);
  process.exit(1);
}
