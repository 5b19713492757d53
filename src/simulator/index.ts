/**
 * `planviewer-rx/simulator`: a local Planviewer Product API for tests, demos and benchmarks.
 * See docs/simulator.md.
 *
 * @module planviewer-rx/simulator
 */
export { startSimulator, type Simulator, type SimulatorOptions } from './simulator';
export {
  DEFAULT_CLOCK_START,
  manualClock,
  realClock,
  scaledClock,
  type Clock,
  type ManualClock,
  type RealClock,
  type ScaledClock,
} from './clock';
export {
  benchAccount,
  builtInAccounts,
  demoAccount,
  noPaymentAccount,
  otherAccount,
  type Account,
  type AccountConfig,
  type AccountRegistry,
  type AccountUsage,
} from './accounts';
export {
  defaultProducts,
  normalizeProduct,
  type Availability,
  type Product,
  type ProductSpec,
  type Range,
} from './products';
export {
  kikAddress,
  locations,
  plans,
  sampleAddress,
  uncoveredAddress,
  type AddressLocation,
  type Location,
  type ParcelLocation,
  type Plan,
} from './locations';
export { type Catalogue, type Intention } from './catalogue';
export { type JobRegistry, type JobStatus, type JobStatusValue, type SimJob } from './jobs';
export { type KadasterDocument } from './documents';
export { type ActiveFault, type Fault, type FaultController, type FaultKind, type FaultRule } from './faults';
export { type RequestFilter, type RequestLog, type RequestLogEntry } from './requestLog';
export { API_PREFIX, ROUTE_IDS, type RouteId } from './routeIds';
