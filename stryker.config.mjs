// Mutation testing (`npm run mutation`; `MUTATION_AREA=jobs npm run mutation` for src/jobs). Not part of
// `npm test`: it takes about half an hour here. Stryker 9.6.1 (10 needs Node 22), jest runner, perTest
// coverage, one worker (the machine has 2 cores). The spec roots are narrowed to the mutated folder; the
// whole-client simulations are left out (seconds per run, and they pin figures, not branches: the table
// specs are what must kill the mutants).
const area = process.env.MUTATION_AREA === 'jobs' ? 'jobs' : 'polling';

const mutate =
  area === 'jobs'
    ? [
        'src/jobs/statusPoller.ts',
        'src/jobs/jobStream.ts',
        'src/jobs/orderStream.ts',
        'src/jobs/retryBudget.ts',
      ]
    : ['src/polling/**/*.ts', '!src/polling/index.ts'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.ts',
    config: {
      roots: [`<rootDir>/spec/${area}`],
      testPathIgnorePatterns: ['/node_modules/', 'clientFigureOfMerit', 'figureOfMerit'],
      // Transpile only: a type-check per mutant run tripled the cost (the mutants are checked by running
      // the specs, and `npm run typecheck` checks the source once).
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
    },
  },
  coverageAnalysis: 'perTest',
  concurrency: 1,
  mutate,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${area}.json` },
  thresholds: { high: 85, low: 80, break: null },
  timeoutMS: 20000,
  tempDirName: '.tmp/stryker',
  ignorePatterns: ['reports', 'docs', 'dist', 'coverage'],
};
