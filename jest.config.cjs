// Jest in CommonJS mode with @swc/jest transforming our TypeScript and the ESM-only NestJS 12
// packages (Node 20 cannot require() them from Jest's module system). swc does not type-check:
// `npm test` runs tsc first.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
  },
  module: { type: 'commonjs' },
};
const libs = ['config', 'platform', 'database', 'identity', 'queue', 'sms', 'outbox', 'domain', 'matching-engine', 'internal-api'];

const shared = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((lib) => [`^@lingong/${lib}$`, `<rootDir>/libs/${lib}/src`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    '^.+\\.m?js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|load-esm|cookie|strtok3|token-types|@tokenizer|uint8array-extras|nestjs-pino|content-disposition)/)',
  ],
};

module.exports = {
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/apps', '<rootDir>/libs'], testMatch: ['**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      // The pages in Debian's Chromium against the whole market (test/browser); builds the client first when stale.
      ...shared,
      displayName: 'browser',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/browser/support/global-setup.ts',
    },
    {
      // npm run screenshots only (npm test selects the three projects above).
      ...shared,
      displayName: 'screenshots',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.shots.ts'],
      globalSetup: '<rootDir>/test/browser/support/global-setup.ts',
    },
  ],
};
