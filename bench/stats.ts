// Percentiles and summaries of samples (milliseconds), and the figures every benchmark returns.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export type Figures = Record<string, number>;

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return { n: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: percentile(samples, 100) };
}

export const now = (): number => performance.now();

/** Times a synchronous call, in milliseconds. */
export function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Runs `f` for each contender in turn, `rounds` times (A B A B …), so drift and noise fall on all alike. */
export async function alternate<K extends string>(contenders: readonly K[], rounds: number, f: (who: K, round: number) => Promise<void>): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const who of contenders) await f(who, round);
  }
}

export const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

/** A benchmark's result: rows (a contender, a size…) of named figures. Flattened to `<bench>_<row>_<column>`. */
export type Table = Record<string, Record<string, number>>;

export function flatten(bench: string, table: Table): Figures {
  const out: Figures = {};
  for (const [row, cols] of Object.entries(table)) for (const [col, v] of Object.entries(cols)) out[`${bench}_${row}_${col}`] = v;
  return out;
}

/**
 * How busy the machine was meanwhile (other processes compete for its cores): the share of the last minute some
 * runnable task waited for a CPU (/proc/pressure/cpu, avg60), and the 1-minute load average. NaN where unknown.
 */
export function machineLoad(): Record<string, number> {
  let pressure = Number.NaN;
  try {
    pressure = Number(/some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    // no PSI on this kernel
  }
  return { cpu_pressure_pct_avg60: pressure, load_avg_1m: loadavg()[0] ?? Number.NaN, cores: availableParallelism() };
}

/** The median (the mean of the middle two for an even count): for figures over a few rounds. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
