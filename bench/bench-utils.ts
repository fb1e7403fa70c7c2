/** Small helpers shared by the benchmarks (they print figures; they are not tests). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export function argNumber(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

export function report(title: string, rows: Record<string, string | number>): void {
  console.log(`\n${title}`);
  for (const [key, value] of Object.entries(rows)) console.log(`  ${key.padEnd(40)} ${value}`);
}

export const rate = (count: number, ms: number): number => Math.round((count / ms) * 1000);

/** Runs a benchmark's main and ends the process with its outcome (open clients must not keep a finished run alive). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
