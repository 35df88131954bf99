// The command line of every operator script, read the same way: `--help` prints the usage and exits 0, an unknown
// flag or a missing value is refused with the usage (exit 2), and a path that does not exist is named as missing.
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Exits 2 with the reason and the usage. */
export function refuse(why: string, usage: string): never {
  console.error(`${why}\n${usage}`);
  process.exit(2);
}

/** Reads argv (without node and the script) against the script's options; at most `positionals` free arguments. */
export function readArgs(argv: string[], usage: string, options: Options = {}, positionals = 0): Parsed {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: positionals > 0, strict: true }) as Parsed;
  } catch (err) {
    // node's words ("Unknown option '--x'. To specify a positional argument starting with a '-'…") cut to the point.
    refuse((err as Error).message.split('. ')[0]!.replace(/^Unknown option/, 'unknown option'), usage);
  }
  if (parsed.positionals.length > positionals) refuse(`unexpected argument ${parsed.positionals.slice(positionals).join(' ')}`, usage);
  return parsed;
}

/** Exits 1 naming the path when nothing is there (a file or folder the operator typed). */
export function mustExist(path: string, what: string): void {
  if (!existsSync(path)) {
    console.error(`${path}: no such ${what} (check the path)`);
    process.exit(1);
  }
}
