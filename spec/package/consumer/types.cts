// Type-checked (not run) with module nodenext: the `require` condition's declarations.
import { createPlanviewer, type JobEvent, type PlanviewerError } from 'planviewer-rx';
import { startSimulator, type Simulator } from 'planviewer-rx/simulator';
import type { Either } from 'fp-ts/Either';
import type { Observable } from 'rxjs';

export const stream = (sim: Simulator): Observable<Either<PlanviewerError, JobEvent>> =>
  createPlanviewer({ credentials: { key: 'demo', secret: 'demo-secret' }, baseUrl: sim.url }).order$(['x']);
export const start: typeof startSimulator = startSimulator;
