/**
 * `planviewer-rx/testing`: scripted clients for fast unit tests of code that uses `order$`, `job$` and
 * `select`, in virtual time on the caller's scheduler. See docs/testing-your-app.md.
 *
 * @module planviewer-rx/testing
 */
export {
  scriptedPlanviewer,
  type ScriptedPlanviewer,
  type ScriptedPlanviewerOptions,
} from './scriptedPlanviewer';
export type {
  ScriptedFailure,
  ScriptedFile,
  ScriptedJob,
  SentRequest,
  UnexpectedRequest,
} from './ScriptedJob';
