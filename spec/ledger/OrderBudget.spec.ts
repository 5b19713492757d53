import * as E from 'fp-ts/lib/Either.js';
import {
  amsterdamDay,
  memoryBudgetStore,
  normalizeOrderBudget,
  productsOrderedOn,
  type LedgerEntry,
  type OrderBudgetStore,
} from '../../src/ledger';
import { orderBudgetStore } from '../../src/ledgerAdapters';

describe('amsterdamDay', () => {
  it.each([
    // Winter (CET, UTC+1): the day starts at 23:00 UTC.
    ['2026-01-05T22:59:59.999Z', '2026-01-05'],
    ['2026-01-05T23:00:00.000Z', '2026-01-06'],
    // Summer (CEST, UTC+2): the day starts at 22:00 UTC.
    ['2026-07-01T21:59:59.999Z', '2026-07-01'],
    ['2026-07-01T22:00:00.000Z', '2026-07-02'],
    // 29 March 2026: clocks go forward at 01:00 UTC (02:00 → 03:00); that day has 23 hours.
    ['2026-03-28T22:59:59.999Z', '2026-03-28'],
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-03-29T00:59:59.999Z', '2026-03-29'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29'],
    ['2026-03-29T21:59:59.999Z', '2026-03-29'],
    ['2026-03-29T22:00:00.000Z', '2026-03-30'],
    // 25 October 2026: clocks go back at 01:00 UTC (03:00 → 02:00); that day has 25 hours.
    ['2026-10-24T21:59:59.999Z', '2026-10-24'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25'],
    ['2026-10-25T00:30:00.000Z', '2026-10-25'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25'],
    ['2026-10-25T22:59:59.999Z', '2026-10-25'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26'],
    // New Year's Eve in Amsterdam is already next year's first day.
    ['2026-12-31T23:00:00.000Z', '2027-01-01'],
  ])('%s is %s in Amsterdam', (instant, day) => {
    expect(amsterdamDay(Date.parse(instant))).toBe(day);
  });
});

describe('memoryBudgetStore', () => {
  it('grants products up to perDay per day, refuses an order that would pass it whole, and takes releases back', async () => {
    const store = memoryBudgetStore();
    expect(await store.reserve('2026-03-29', 5, 7)()).toEqual(E.right({ granted: true, used: 5 }));
    expect(await store.reserve('2026-03-29', 3, 7)()).toEqual(E.right({ granted: false, used: 5 }));
    expect(await store.reserve('2026-03-29', 2, 7)()).toEqual(E.right({ granted: true, used: 7 }));
    expect(await store.reserve('2026-03-30', 7, 7)()).toEqual(E.right({ granted: true, used: 7 }));
    await store.release('2026-03-29', 2)();
    expect(await store.reserve('2026-03-29', 1, 7)()).toEqual(E.right({ granted: true, used: 6 }));
  });
});

describe('normalizeOrderBudget', () => {
  it.each([[-1], [1.5], [Number.NaN], ['7']])('refuses perDay %p', (perDay) => {
    expect(normalizeOrderBudget({ perDay: perDay as number, store: memoryBudgetStore() })).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidInput', field: 'orderBudget.perDay' })),
    );
  });

  it('keeps the store and fills in the wall clock', () => {
    const store = memoryBudgetStore();
    const budget = normalizeOrderBudget({ perDay: 0, store });
    expect(budget).toEqual(E.right({ perDay: 0, store, now: Date.now }));
  });

  it('refuses a missing store, and a hand-made one that does not bring the budget code, saying what to use', () => {
    const mine: OrderBudgetStore = {
      name: 'mine',
      reserve: () => () => Promise.resolve(E.right({ granted: true, used: 1 })),
      release: () => () => Promise.resolve(E.right(undefined)),
    };
    for (const store of [undefined, mine])
      expect(normalizeOrderBudget({ perDay: 1, store: store as OrderBudgetStore })).toEqual(
        E.left(
          expect.objectContaining({
            _tag: 'InvalidInput',
            field: 'orderBudget.store',
            reason: expect.stringContaining('orderBudgetStore(yours) from planviewer-rx/ledger'),
          }),
        ),
      );
    expect(E.isRight(normalizeOrderBudget({ perDay: 1, store: orderBudgetStore(mine) }))).toBe(true);
  });
});

describe('productsOrderedOn', () => {
  const ordering = (order: string, at: string, n: number): LedgerEntry => ({
    type: 'ordering',
    order,
    at,
    intentions: Array.from({ length: n }, (_, i) => `${order}-${i}`),
  });

  it('counts the products of the orders sent on an Amsterdam day, except those the server refused', () => {
    const entries: LedgerEntry[] = [
      ordering('late-yesterday', '2026-07-01T21:59:00.000Z', 5),
      ordering('early-today', '2026-07-01T22:00:00.000Z', 2),
      ordering('refused', '2026-07-02T08:00:00.000Z', 3),
      {
        type: 'order-failed',
        order: 'refused',
        at: '2026-07-02T08:00:01.000Z',
        error: 'PaymentRequired',
        message: '402',
      },
      ordering('unanswered', '2026-07-02T21:00:00.000Z', 1),
    ];
    expect(productsOrderedOn(entries, '2026-07-01')).toBe(5);
    expect(productsOrderedOn(entries, '2026-07-02')).toBe(3);
  });
});
