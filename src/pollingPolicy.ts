/**
 * `planviewer-rx/polling`: the adaptive polling policy as plain data. Pass a partial policy as the
 * `polling` option of `createPlanviewer` (or of one stream); these are its defaults and its validation.
 * See docs/polling.md.
 *
 * @module planviewer-rx/polling
 */
export {
  defaultPollingPolicy,
  normalizePollingPolicy,
  type PollingOptions,
  type PollingPolicy,
} from './polling/PollingPolicy';
