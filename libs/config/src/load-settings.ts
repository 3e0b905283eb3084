import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { parse } from 'dotenv';

export type SettingsClass<T extends object = object> = new () => T;

/** `.env` wins over `.env.example`, whose defaults run the market locally when there is no `.env`. */
export const ENV_FILES = ['.env', '.env.example'] as const;

/** The env files merged as @nestjs/config merges them, for scripts that run outside an app. */
export function readEnvFile(cwd = process.cwd()): Record<string, string> {
  const files = [...ENV_FILES].reverse().map((name) => resolve(cwd, name));
  return Object.assign({}, ...files.filter((path) => existsSync(path)).map((path) => parse(readFileSync(path))));
}

/** The committed example values, readable by anyone: fine for a local market, never for production. */
export function readExampleFile(cwd = process.cwd()): Record<string, string> {
  const path = resolve(cwd, '.env.example');
  return existsSync(path) ? parse(readFileSync(path)) : {};
}

const SECRET_NAME = /SECRET|PASSWORD|_KEY$/;

/** In production, a secret still set to its published example value is a problem like any other. */
function exampleSecrets(instance: object, env: Record<string, string | undefined>, examples: Record<string, string>): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return Object.entries(instance)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value !== '' && value === examples[name])
    .map(([name]) => `  - ${name} must be changed from the example value in production (got the example)`);
}

/** One line per problem, showing the value as it was given (not as converted: "abc", not NaN). */
function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.flatMap((error) => {
    const given = env[error.property];
    const secret = /SECRET|PASSWORD/.test(error.property);
    const shown = given === undefined || given === '' ? 'nothing' : secret ? 'a value, not shown' : JSON.stringify(given);
    return Object.values(error.constraints ?? { invalid: `${error.property} is invalid` }).map((message) => `  - ${message} (got ${shown})`);
  });
}

/**
 * Validates the environment against each settings class and returns one instance per class.
 * Process environment wins over the file. Throws one error listing every problem, so a bad
 * deployment stops at start with a message that says what to fix.
 */
export function loadSettings(
  classes: SettingsClass[],
  env: Record<string, string | undefined> = { ...readEnvFile(), ...process.env },
  examples: Record<string, string> = readExampleFile(),
): Map<SettingsClass, object> {
  const loaded = new Map<SettingsClass, object>();
  const problems: string[] = [];
  for (const cls of classes) {
    const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
    const instance = plainToInstance(cls, present, { enableImplicitConversion: false, exposeDefaultValues: true });
    problems.push(...describe(validateSync(instance, { whitelist: false, forbidUnknownValues: false }), env), ...exampleSecrets(instance, env, examples));
    loaded.set(cls, instance);
  }
  if (problems.length > 0) {
    throw new Error(`Invalid settings; see .env.example:\n${problems.join('\n')}`);
  }
  return loaded;
}
