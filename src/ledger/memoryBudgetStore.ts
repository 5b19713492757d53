import * as E from 'fp-ts/lib/Either.js';
import { orderBudgetStore } from './ledgerWithRuntime';
import type { OrderBudgetStore } from './OrderBudget';

/**
 * A budget store in this process's memory: atomic within the process (JavaScript runs one reservation at
 * a time), forgotten on restart.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * import { memoryBudgetStore } from 'planviewer-rx/ledger';
 * declare const key: string, secret: string;
 * createPlanviewer({ credentials: { key, secret }, orderBudget: { perDay: 7, store: memoryBudgetStore() } });
 *
 * @since 0.2.0
 * @category constructors
 */
export const memoryBudgetStore = (): OrderBudgetStore => {
  const used = new Map<string, number>();
  return orderBudgetStore({
    name: 'memory',
    reserve: (day, count, perDay) => () => {
      const before = used.get(day) ?? 0;
      if (before + count > perDay) return Promise.resolve(E.right({ granted: false, used: before }));
      used.set(day, before + count);
      return Promise.resolve(E.right({ granted: true, used: before + count }));
    },
    release: (day, count) => () => {
      used.set(day, Math.max(0, (used.get(day) ?? 0) - count));
      return Promise.resolve(E.right(undefined));
    },
  });
};
