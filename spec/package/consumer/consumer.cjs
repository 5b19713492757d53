// A CommonJS consumer of the BUILT package: require() resolves through the exports map to dist/*.js.
const { createPlanviewer, describeError, results } = require('planviewer-rx');
const { scaledClock, startSimulator, sampleAddress } = require('planviewer-rx/simulator');
const { lastValueFrom, toArray } = require('rxjs');
const { run } = require('./run.cjs');

run({
  createPlanviewer,
  describeError,
  results,
  scaledClock,
  startSimulator,
  sampleAddress,
  lastValueFrom,
  toArray,
});
