import { describeError } from '../errors/describeError';
import type { InvalidInput } from '../errors/PlanviewerError';

/**
 * Thrown by `createPlanviewer` for an invalid config, the one place this library throws: a client that
 * cannot be built is a programming error, not a runtime failure. `error` is the typed `InvalidInput`.
 * Use `normalizeConfig` to get an `Either` instead.
 *
 * @example
 * import { createPlanviewer, PlanviewerConfigError } from 'planviewer-rx';
 * try { createPlanviewer({ credentials: { key: 'a:b', secret: 's' } }); }
 * catch (e) { if (e instanceof PlanviewerConfigError) console.error(e.error.field); } // 'credentials.key'
 *
 * @since 0.1.0
 * @category model
 */
export class PlanviewerConfigError extends Error {
  override readonly name = 'InvalidInput';
  readonly error: InvalidInput;

  constructor(error: InvalidInput) {
    super(describeError(error));
    this.error = error;
  }
}
