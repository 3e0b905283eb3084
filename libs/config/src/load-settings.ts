import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { parse } from 'dotenv';
import { readFileSync } from 'node:fs';

export type SettingsClass<T extends object = object> = new () => T;

/** `.env` when present, otherwise `.env.example`, whose defaults run the market locally. */
export function readEnvFile(cwd = process.cwd()): Record<string, string> {
  for (const name of ['.env', '.env.example']) {
    const path = resolve(cwd, name);
    if (existsSync(path)) return parse(readFileSync(path));
  }
  return {};
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? { invalid: `${error.property} is invalid` }).map(
      (message) => `  - ${message} (got ${JSON.stringify(error.value)})`,
    ),
  );
}

/**
 * Validates the environment against each settings class and returns one instance per class.
 * Process environment wins over the file. Throws one error listing every problem, so a bad
 * deployment stops at start with a message that says what to fix.
 */
export function loadSettings(
  classes: SettingsClass[],
  env: Record<string, string | undefined> = { ...readEnvFile(), ...process.env },
): Map<SettingsClass, object> {
  const loaded = new Map<SettingsClass, object>();
  const problems: string[] = [];
  for (const cls of classes) {
    const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
    const instance = plainToInstance(cls, present, { enableImplicitConversion: false, exposeDefaultValues: true });
    problems.push(...describe(validateSync(instance, { whitelist: false, forbidUnknownValues: false })));
    loaded.set(cls, instance);
  }
  if (problems.length > 0) {
    throw new Error(`Invalid settings; see .env.example:\n${problems.join('\n')}`);
  }
  return loaded;
}
