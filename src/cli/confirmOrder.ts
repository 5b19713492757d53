import type { CliIo } from './CliIo';

/**
 * The answer to "may we spend money?".
 *
 * @example
 * import { Confirmation } from './confirmOrder';
 * const refused: Confirmation = { ok: false, reason: 'not-interactive', message: 'Refusing to order without --yes…' };
 */
export type Confirmation =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not-interactive' | 'declined'; readonly message: string };

/**
 * What an order is about to buy, in words: how many products and which (label or intention uuid).
 *
 * @example
 * import { orderDescription } from './confirmOrder';
 * orderDescription(['i-1'], new Map([['i-1', 'percelenrapport @ Kerkweg 8']]));
 * // '1 product:\n  percelenrapport @ Kerkweg 8 (intention i-1)'
 */
export const orderDescription = (
  intentions: readonly string[],
  labels: ReadonlyMap<string, string>,
): string =>
  [
    `${intentions.length} product${intentions.length === 1 ? '' : 's'}:`,
    ...intentions.map((i) => {
      const label = labels.get(i);
      return label === undefined ? `  intention ${i}` : `  ${label} (intention ${i})`;
    }),
  ].join('\n');

/**
 * Orders cost money, so `order` needs consent: `--yes`, or a "y" typed at a terminal after seeing how
 * many products will be ordered and which. A run nobody can answer (a script, CI, a pipe) without
 * `--yes` is refused before anything is written or sent.
 *
 * @example
 * import type { CliIo } from './CliIo';
 * import { confirmOrder } from './confirmOrder';
 * import { ExitCode } from './exitCodes';
 * declare const io: CliIo;
 * declare const intentions: readonly string[];
 * const c = await confirmOrder(io, { yes: false, intentions, labels: new Map() });
 * if (!c.ok) process.exitCode = ExitCode.usage;
 */
export const confirmOrder = async (
  io: CliIo,
  request: {
    readonly yes: boolean;
    readonly intentions: readonly string[];
    readonly labels: ReadonlyMap<string, string>;
  },
): Promise<Confirmation> => {
  if (request.yes) return { ok: true };
  const what = orderDescription(request.intentions, request.labels);
  if (!io.interactive)
    return {
      ok: false,
      reason: 'not-interactive',
      message: `Refusing to order without --yes when nobody can confirm (not a terminal). Every order costs money. Would order ${what}\nRun again with --yes to order.`,
    };
  const answer = await io.ask(`Order ${what}\nThis costs money. Order now? [y/N] `);
  return /^y(es)?$/i.test(answer.trim())
    ? { ok: true }
    : { ok: false, reason: 'declined', message: 'Not ordered.' };
};
