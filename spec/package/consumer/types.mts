// Type-checked (not run) with module nodenext: the `import` condition's declarations.
import { createPlanviewer, describeError, type PlanviewerError } from 'planviewer-rx';
import type { Simulator } from 'planviewer-rx/simulator';

export const check = async (sim: Simulator): Promise<string> => {
  const pv = createPlanviewer({ credentials: { key: 'demo', secret: 'demo-secret' }, baseUrl: sim.url });
  const r = await pv.products()();
  const failure: PlanviewerError | undefined = r._tag === 'Left' ? r.left : undefined;
  return failure === undefined ? `${r._tag}` : describeError(failure);
};
