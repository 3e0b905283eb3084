import { drills } from './index';
import { formatCounts, type Drill, type DrillResult } from './drill';
import { dropDrillTemplates } from './support/cluster';

/**
 * `npm run drill` runs every drill; `npm run drill -- <name> [<name>…]` the ones named;
 * `npm run drill -- --ci` the ones short enough for CI, at CI's sizes. Each prints one verdict
 * line (`PASS name: counts (time)` or `FAIL …` with what broke under it); the exit code is 1 when
 * one failed. Sizes: DRILL_* settings, see each drill and drills/README.md.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const ci = args.includes('--ci');
  const names = args.filter((arg) => !arg.startsWith('--'));
  if (args.includes('--list')) {
    for (const drill of drills) console.log(`${drill.name}${drill.ci ? ' (ci)' : ''}: ${drill.what}`);
    return 0;
  }
  const unknown = names.filter((name) => !drills.some((drill) => drill.name === name));
  if (unknown.length > 0) {
    console.error(`No drill named ${unknown.join(', ')}; there are: ${drills.map((drill) => drill.name).join(', ')}`);
    return 2;
  }
  const chosen = drills.filter((drill) => (names.length > 0 ? names.includes(drill.name) : !ci || drill.ci));
  let failed = 0;
  const started = Date.now();
  try {
    for (const drill of chosen) if (!(await runOne(drill, ci))) failed += 1;
  } finally {
    await dropDrillTemplates();
  }
  console.log(`${failed === 0 ? 'PASS' : 'FAIL'} ${chosen.length - failed} of ${chosen.length} drills passed (${seconds(Date.now() - started)})`);
  return failed === 0 ? 0 : 1;
}

async function runOne(drill: Drill, ci: boolean): Promise<boolean> {
  const started = Date.now();
  const log = (message: string) => process.stderr.write(`  [${drill.name} ${seconds(Date.now() - started)}] ${message}\n`);
  let result: DrillResult;
  try {
    result = await drill.run({ ci, log });
  } catch (error) {
    result = { counts: {}, problems: [`it could not finish: ${(error as Error).stack ?? String(error)}`] };
  }
  const passed = result.problems.length === 0;
  console.log(`${passed ? 'PASS' : 'FAIL'} ${drill.name}: ${formatCounts(result.counts)} (${seconds(Date.now() - started)})`);
  for (const note of result.notes ?? []) console.log(`    ${note}`);
  for (const problem of result.problems) console.log(`  ✗ ${problem}`);
  return passed;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
