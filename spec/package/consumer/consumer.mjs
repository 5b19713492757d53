// An ES module consumer of the BUILT package: import resolves through the exports map to dist/*.mjs.
import { createPlanviewer, describeError, results } from 'planviewer-rx';
import { scaledClock, startSimulator, sampleAddress } from 'planviewer-rx/simulator';
import { lastValueFrom, toArray } from 'rxjs';
import runModule from './run.cjs';

runModule.run({
  createPlanviewer,
  describeError,
  results,
  scaledClock,
  startSimulator,
  sampleAddress,
  lastValueFrom,
  toArray,
});
