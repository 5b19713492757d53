import type { LedgerEntry } from './LedgerEntry';
import { amsterdamDay } from './amsterdamDay';

/**
 * How many products a journal says were ordered (or may have been: sent without a known answer) on one
 * Europe/Amsterdam calendar day: the intentions of every `ordering` entry of that day, less those of
 * orders the server refused. What a process that orders once per run (the CLI) checks its daily budget
 * against.
 *
 * @example
 * import { productsOrderedOn } from './productsOrderedOn';
 * productsOrderedOn(
 *   [
 *     { type: 'ordering', order: 'o-1', at: '2026-03-29T09:00:00Z', intentions: ['i-1', 'i-2', 'i-3'] },
 *     { type: 'ordering', order: 'o-2', at: '2026-03-29T21:59:00Z', intentions: ['i-4'] },
 *     { type: 'ordering', order: 'o-3', at: '2026-03-29T22:00:00Z', intentions: ['i-5'] }, // 30 March in Amsterdam
 *   ],
 *   '2026-03-29',
 * ); // 4
 *
 * @since 0.2.0
 * @category destructors
 */
export const productsOrderedOn = (entries: readonly LedgerEntry[], day: string): number => {
  const refused = new Set(entries.flatMap((e) => (e.type === 'order-failed' ? [e.order] : [])));
  return entries.reduce((sum, e) => {
    if (e.type !== 'ordering' || refused.has(e.order)) return sum;
    const at = Date.parse(e.at);
    return Number.isNaN(at) || amsterdamDay(at) !== day ? sum : sum + e.intentions.length;
  }, 0);
};
