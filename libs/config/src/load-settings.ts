import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
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

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && (/^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host === '::ffff:127.0.0.1' || host === 'localhost');
}

/**
 * A secret still at its published example value lets anyone who read .env.example mint staff
 * tokens: a problem like any other in production, and elsewhere too unless the app listens on
 * loopback only (HOST=127.0.0.1), as a developer's machine does.
 */
function exampleSecrets(
  cls: SettingsClass,
  instance: object,
  env: Record<string, string | undefined>,
  examples: Record<string, string>,
): string[] {
  const production = env.NODE_ENV === 'production';
  if (!production && isLoopbackHost(env.HOST)) return [];
  // Only the settings this class declares: the instance also carries every other variable it was built from.
  const declared = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(cls, '', true, false)
      .map((rule) => rule.propertyName),
  );
  return Object.entries(instance)
    .filter(
      ([name, value]) =>
        declared.has(name) && SECRET_NAME.test(name) && typeof value === 'string' && value !== '' && value === examples[name],
    )
    .map(([name]) =>
      production
        ? `  - ${name} must be changed from the example value in production (got the example)`
        : `  - ${name} is the published example value: set your own, or listen on loopback only (HOST=127.0.0.1) for local development`,
    );
}

/** One line per problem, showing the value as it was given (not as converted: "abc", not NaN). */
function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.flatMap((error) => {
    const given = env[error.property];
    const secret = /SECRET|PASSWORD/.test(error.property);
    const shown = given === undefined || given === '' ? 'nothing' : secret ? 'a value, not shown' : JSON.stringify(given);
    return Object.values(error.constraints ?? { invalid: `${error.property} is invalid` }).map(
      (message) => `  - ${message} (got ${shown})`,
    );
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
    problems.push(
      ...describe(validateSync(instance, { whitelist: false, forbidUnknownValues: false }), env),
      ...exampleSecrets(cls, instance, env, examples),
    );
    loaded.set(cls, instance);
  }
  if (problems.length > 0) {
    throw new Error(`Invalid settings; see .env.example:\n${problems.join('\n')}`);
  }
  return loaded;
}
