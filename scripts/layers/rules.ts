// The layer rule of src/, as a pure function over { path → source } so tests can hand it small trees.
// Imports go down app → server → bots → scheduled → commands → views → {understanding, importers, store}
// → core, or stay in their layer; sibling folders never depend on each other in a circle, nor files on
// each other; each platform's libraries stay in that platform's folder.
import { posix } from 'node:path';
import { findCycles, type Graph } from './cycles.js';
import { readImports } from './imports.js';

/** Top to bottom; the layers in one row are one level and may not import one another. */
export const LAYERS: readonly (readonly string[])[] = [
  ['app'], ['server'], ['bots'], ['scheduled'], ['commands'], ['views'], ['understanding', 'importers', 'store'], ['core'],
];
const DIRECTION = LAYERS.map((row) => (row.length > 1 ? `{${row.join(', ')}}` : row[0])).join(' → ');
const RANK = new Map(LAYERS.flatMap((row, rank) => row.map((name) => [name, rank] as const)));

/** The chat platforms under src/bots: each stands alone. */
const PLATFORMS = ['slack', 'teams', 'console'];

/** Packages only one platform's folder may import. */
const SURFACES = [
  { owns: (name: string) => name.startsWith('botbuilder') || name.startsWith('botframework-'), home: 'src/bots/teams', what: 'botbuilder* and botframework-*' },
  { owns: (name: string) => name.startsWith('@slack/'), home: 'src/bots/slack', what: '@slack/*' },
];

export type ProblemKind =
  | 'direction' // an import up the layers
  | 'level' // between understanding, importers and store
  | 'platform' // between bots/slack, bots/teams and bots/console
  | 'package' // a platform library outside its platform
  | 'cycle' // sibling folders that depend on each other in a circle
  | 'file-cycle' // files that import each other in a circle
  | 'layer' // a file, or an import's target, in no layer
  | 'unresolved'; // a specifier this check cannot follow

export interface Problem {
  kind: ProblemKind;
  text: string;
}

export interface Report {
  files: number;
  imports: number;
  problems: Problem[];
}

interface Edge {
  file: string;
  line: number;
  target: string;
}

/** files: repository-relative paths (src/...) of every .ts file to check, with their source. */
export function checkLayers(files: ReadonlyMap<string, string>): Report {
  const problems: Problem[] = [];
  const units: Graph<Edge> = new Map();
  const modules: Graph<Edge> = new Map();
  let imports = 0;
  for (const file of [...files.keys()].sort()) {
    const from = layerOf(file);
    if (from === undefined) problems.push({ kind: 'layer', text: `${file} is in no layer (its folder under src/ is none of ${DIRECTION})` });
    for (const { spec, line } of readImports(file, files.get(file)!)) {
      imports++;
      const at = `${file}:${line}`;
      if (spec === undefined) {
        problems.push({ kind: 'unresolved', text: `${at} imports a computed specifier (cannot be checked; name the module in a string)` });
        continue;
      }
      if (!spec.startsWith('.')) {
        const surface = SURFACES.find((s) => s.owns(spec));
        if (surface && !file.startsWith(`${surface.home}/`)) {
          problems.push({ kind: 'package', text: `${at} imports ${spec} (${surface.what} only under ${surface.home})` });
        }
        continue;
      }
      const target = resolve(file, spec);
      if (target === undefined) {
        problems.push({ kind: 'unresolved', text: `${at} imports '${spec}' (a relative specifier ends in .js or .json)` });
        continue;
      }
      if (target.endsWith('.ts') && !files.has(target)) {
        problems.push({ kind: 'unresolved', text: `${at} imports ${target}, which is not a file of the tree` });
        continue;
      }
      const edge = { file, line, target };
      addEdge(modules, file, target, edge);
      const siblings = unitsOf(file, target);
      if (siblings) addEdge(units, siblings[0], siblings[1], edge);
      const to = layerOf(target);
      if (to === undefined) {
        problems.push({ kind: 'layer', text: `${at} imports ${target} (outside every layer of src/)` });
        continue;
      }
      if (from === undefined) continue;
      const broken = breaks(file, from, target, to);
      if (broken) problems.push({ kind: broken.kind, text: `${at} imports ${target} (${broken.why})` });
    }
  }
  for (const cycle of findCycles(units)) problems.push({ kind: 'cycle', text: describeCycle(cycle.nodes, cycle.edges, cycle.tangle) });
  for (const cycle of findCycles(modules)) problems.push({ kind: 'file-cycle', text: describeFileCycle(cycle.nodes, cycle.edges, cycle.tangle) });
  return { files: files.size, imports, problems };
}

/** The layer of a path under src/: its first folder there; files directly in src/ are the app. */
export function layerOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return undefined;
  const layer = parts.length === 2 ? 'app' : parts[1]!;
  return RANK.has(layer) ? layer : undefined;
}

// './x.js' names x.ts (NodeNext style); JSON is named as it is. Anything else is not followed.
function resolve(file: string, spec: string): string | undefined {
  const target = posix.normalize(posix.join(posix.dirname(file), spec));
  if (target.endsWith('.js')) return `${target.slice(0, -3)}.ts`;
  if (target.endsWith('.json')) return target;
  return undefined;
}

function breaks(file: string, from: string, target: string, to: string): { kind: ProblemKind; why: string } | undefined {
  if (from === to) {
    if (from !== 'bots') return undefined;
    const [a, b] = [platformOf(file), platformOf(target)];
    if (a && b && a !== b) return { kind: 'platform', why: `bots/${a} → bots/${b}: ${PLATFORMS.join(', ')} do not import one another` };
    return undefined;
  }
  const [up, down] = [RANK.get(from)!, RANK.get(to)!];
  if (up < down) return undefined;
  if (up === down) return { kind: 'level', why: `${from} → ${to}: ${LAYERS[up]!.join(', ')} are one level and do not import one another` };
  return { kind: 'direction', why: `${from} → ${to}: against the direction ${DIRECTION}` };
}

function platformOf(path: string): string | undefined {
  const parts = path.split('/');
  return parts.length > 3 && PLATFORMS.includes(parts[2]!) ? parts[2] : undefined;
}

// The units an import joins: below the deepest folder F holding both files, the child folder of F
// each file is in (that child with all its descendants). A file directly in F is in no unit of F:
// a parent's own files are the floor its subfolders use and the roof that uses them, so an import
// between a parent's file and its subfolder joins no units. Every import joins units of one folder
// at most, so one graph holds the sibling graphs of every folder, and any circle in it is among
// siblings.
function unitsOf(file: string, target: string): [string, string] | undefined {
  const [a, b] = [posix.dirname(file).split('/'), posix.dirname(target).split('/')];
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  if (shared === a.length || shared === b.length) return undefined;
  return [a.slice(0, shared + 1).join('/'), b.slice(0, shared + 1).join('/')];
}

// The first import seen (files in order) stands for the whole edge, unit → unit or file → file.
function addEdge(graph: Graph<Edge>, from: string, to: string, edge: Edge): void {
  if (from === to) return;
  const out = graph.get(from) ?? new Map<string, Edge>();
  graph.set(from, out);
  if (!out.has(to)) out.set(to, edge);
}

function describeCycle(folders: string[], edges: Edge[], tangle: number): string {
  const more = tangle > folders.length ? ` (one of the circles in a tangle of ${tangle} folders)` : '';
  const lines = edges.map((e, i) => `  ${e.file}:${e.line} imports ${e.target} (${folders[i]} → ${folders[(i + 1) % folders.length]})`);
  return [`folder cycle ${[...folders, folders[0]].join(' → ')}${more}`, ...lines].join('\n');
}

function describeFileCycle(files: string[], edges: Edge[], tangle: number): string {
  const more = tangle > files.length ? ` (one of the circles in a tangle of ${tangle} files)` : '';
  const lines = edges.map((e) => `  ${e.file}:${e.line} imports ${e.target}`);
  return [`file cycle ${[...files, files[0]].join(' → ')}${more}`, ...lines].join('\n');
}
