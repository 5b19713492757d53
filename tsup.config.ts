import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    simulator: 'src/simulator/index.ts',
    cli: 'src/cli/main.ts',
    postgres: 'src/postgres/index.ts',
    'file-ledger': 'src/ledger/file/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // Peer dependencies must stay external so users' rxjs/fp-ts instances are the ones we use.
  external: ['rxjs', 'fp-ts', 'io-ts', 'cross-fetch', 'content-disposition', 'pdf-lib', 'pg'],
});
