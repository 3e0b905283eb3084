import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildContract, CONTRACT_DIR, CONTRACT_FILES, documentText, typesText } from './api-contract/build';

/**
 * `npm run api:generate`: writes the merged OpenAPI document and its TypeScript types.
 * `npm run api:check` (`--check`): builds both into a temporary folder and fails when the
 * checked-in files differ, so a route changed without regenerating is caught (CI runs it).
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const document = await buildContract();
  const files = { [CONTRACT_FILES.document]: documentText(document), [CONTRACT_FILES.types]: await typesText(document) };
  if (!check) {
    mkdirSync(CONTRACT_DIR, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(CONTRACT_DIR, name), text);
    console.log(
      `wrote ${Object.keys(files)
        .map((name) => join(CONTRACT_DIR, name))
        .join(' and ')} (${countOperations(document)} operations)`,
    );
    return;
  }
  const fresh = mkdtempSync(join(tmpdir(), 'lingong-contract-'));
  try {
    const stale: string[] = [];
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(fresh, name), text);
      const checkedIn = readIfThere(join(CONTRACT_DIR, name));
      if (checkedIn !== text)
        stale.push(
          `${join(CONTRACT_DIR, name)}${checkedIn === undefined ? ' is missing' : ` differs from the code (first at line ${firstDifference(checkedIn, text)}; fresh copy: ${join(fresh, name)})`}`,
        );
    }
    if (stale.length > 0) {
      console.error(`The API contract is out of date:\n- ${stale.join('\n- ')}\nRun \`npm run api:generate\` and commit the result.`);
      process.exitCode = 1;
      return;
    }
    rmSync(fresh, { recursive: true, force: true });
    console.log(`API contract up to date (${countOperations(document)} operations)`);
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function firstDifference(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, i) => text !== right[i]);
  return (line === -1 ? left.length : line) + 1;
}

function countOperations(document: Awaited<ReturnType<typeof buildContract>>): number {
  return Object.values(document.paths).reduce((total, item) => total + Object.keys(item).filter((key) => key !== 'parameters').length, 0);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
