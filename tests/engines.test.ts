// The Node.js versions package.json's `engines` promises are true: every production dependency accepts the lowest
// version of each line it allows, the Node.js running these tests is one of them, and the README names the same range.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver comes with the production install (jsonwebtoken's, through @slack/oauth); it is npm's own range reader.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }> };
const range = pkg.engines.node;
/** The first version of each major line (up to 30) the range allows: "^20.18.1 || ^22 || >=24" gives 20.18.1, 22.0.0, 24.0.0, 25.0.0… */
const lowest = Array.from({ length: 30 - 17 }, (_, i) => 18 + i).flatMap((major) => {
  const inLine = range.split('||').map((part) => semver.minVersion(`${part.trim()} >=${major}.0.0 <${major + 1}.0.0`)?.version);
  return [...new Set(inLine.filter((v): v is string => !!v && semver.satisfies(v, range) && v.startsWith(`${major}.`)))].slice(0, 1);
});

describe('engines', () => {
  it('is the range package-lock.json records for the project', () => {
    expect(lock.packages['']!.engines).toEqual(pkg.engines);
  });

  it('every production dependency accepts the lowest version of each line allowed', () => {
    expect(lowest[0]).toBe(semver.minVersion(range)!.version);
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const wanted = !path || entry.dev || Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!wanted) continue;
      for (const version of lowest) if (!semver.satisfies(version, wanted)) refusing.push(`${path.replace(/.*node_modules\//, '')} (${wanted}) refuses ${version}`);
    }
    expect(refusing).toEqual([]);
  });

  it('the Node.js running the tests is one of them', () => {
    expect(semver.satisfies(process.versions.node, range), `Node.js ${process.versions.node} against ${range}`).toBe(true);
  });

  it('the README says the same range where a new user sets up', () => {
    const setUp = readFileSync('README.md', 'utf8').split('\n## Set up\n')[1]!.split('\n## ')[0]!;
    expect(setUp).toContain(`\`engines\` (\`${range}\`)`);
  });
});
