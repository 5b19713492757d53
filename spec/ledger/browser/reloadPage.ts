// The page of the reload scenario, bundled for the browser by the spec: an app that keeps its jobs in a
// storageLedger on localStorage. `window.planviewer.order(uuids)` orders; `window.planviewer.resume()`
// runs on load as an app would; every event is kept on `window.planviewer.events` for the test to read.
import * as E from 'fp-ts/lib/Either.js';
import { createPlanviewer, describeError } from '../../../src/index';
import { storageLedger } from '../../../src/ledgerAdapters';

interface Seen {
  readonly tag: string;
  readonly job?: string;
  readonly size?: number;
  readonly text?: string;
}

const events: Seen[] = [];
const pv = createPlanviewer({
  credentials: { key: 'demo', secret: 'demo-secret' },
  baseUrl: window.location.origin,
  // Called unbound: a browser's fetch throws "Illegal invocation" when called as another object's method.
  fetch: (input, init) => window.fetch(input, init),
  polling: { initialDelayMs: 100, minDelayMs: 50, maxDelayMs: 200 },
});
const ledger = storageLedger(window.localStorage);

const keep = (
  e: E.Either<Parameters<typeof describeError>[0], { readonly _tag: string; readonly job?: string }>,
): void => {
  if (E.isLeft(e)) events.push({ tag: e.left._tag, text: describeError(e.left) });
  else {
    const ev = e.right as { _tag: string; job?: string; file?: { size: number } };
    events.push({
      tag: ev._tag,
      ...(ev.job === undefined ? {} : { job: ev.job }),
      ...(ev.file === undefined ? {} : { size: ev.file.size }),
    });
  }
};

(window as unknown as { planviewer: unknown }).planviewer = {
  events,
  order: (intentions: string[]) => pv.order$(intentions, { ledger }).subscribe(keep),
  resume: () =>
    pv.resume$(ledger).subscribe({ next: keep, complete: () => events.push({ tag: 'resume-complete' }) }),
  stored: () => window.localStorage.getItem('planviewer-rx:ledger'),
};
