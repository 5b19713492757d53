/**
 * fast-check prints the seed and path of a failing run; `FC_SEED=<seed> FC_PATH=<path> npx jest spec/property`
 * replays exactly that run. `FC_RUNS` changes the number of runs (e.g. more, on a quiet machine).
 */
export const seedFromEnv = (): { seed?: number; path?: string } => ({
  ...(process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) }),
  ...(process.env['FC_PATH'] === undefined ? {} : { path: process.env['FC_PATH'] }),
});
