import type { Config } from 'jest';

/**
 * `npm run test:browser`: the Angular example built against the packed package and driven in headless
 * Chromium. Separate from `npm test` because it needs Chromium and the example's own `npm ci` (.ci/run
 * provides both).
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec/browser'],
  testMatch: ['**/*.browser.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 120_000,
};

export default config;
