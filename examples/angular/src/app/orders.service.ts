import { Injectable, inject, type OnDestroy } from '@angular/core';
import * as E from 'fp-ts/es6/Either';
import {
  addressSearch,
  describeError,
  type AddressInput,
  type JobEvent,
  type PlanviewerError,
} from 'planviewer-rx';
import { merge, scan, startWith, type Observable } from 'rxjs';
import { PLANVIEWER } from './planviewer';

/** One intention to order, with a label for people. */
export interface Wanted {
  readonly intention: string;
  readonly product: string;
  readonly label: string;
}

/** One job as the page shows it. */
export interface JobView {
  readonly job: string;
  readonly label: string;
  readonly status: string;
  readonly current: number;
  readonly total: number;
  readonly download?: { readonly href: string; readonly filename: string; readonly size: number };
  readonly error?: string;
}

/** Every job of every order, plus failures that belong to no job (an order refused as a whole). */
export interface OrdersView {
  readonly jobs: readonly JobView[];
  readonly errors: readonly string[];
}

const replace = (jobs: readonly JobView[], job: string, change: Partial<JobView>): JobView[] =>
  jobs.map((j) => (j.job === job ? { ...j, ...change } : j));

/** The orders of a page: finds intentions, places several orders at once, and follows every job. */
@Injectable({ providedIn: 'root' })
export class OrdersService implements OnDestroy {
  private readonly pv = inject(PLANVIEWER);
  private readonly objectUrls: string[] = [];

  /** The intentions for these products at an address, or a sentence saying why there are none. */
  async find(address: AddressInput, products: readonly string[]): Promise<E.Either<string, Wanted[]>> {
    const search = addressSearch(address);
    if (E.isLeft(search)) return E.left(describeError(search.left));
    const locations = await this.pv.searchLocations(search.right)();
    if (E.isLeft(locations)) return E.left(describeError(locations.left));
    const location = locations.right[0];
    if (location === undefined) return E.left('No such address.');
    const found = await this.pv.intentions([location.uuid], products)();
    if (E.isLeft(found)) return E.left(describeError(found.left));
    return E.right(
      found.right
        .flatMap((l) => l.intentions)
        .map((i) => ({
          intention: i.uuid,
          product: i.product,
          label: `${i.product} @ ${location.title.split(',')[0]}`,
        })),
    );
  }

  /**
   * Places each batch as its own order (one POST each, never repeated) and merges them: one view of every
   * job, updated on each event, a download link per result made from its Blob.
   */
  follow(batches: ReadonlyArray<readonly Wanted[]>): Observable<OrdersView> {
    const labels = new Map(batches.flat().map((w) => [w.intention, w.label]));
    return merge(...batches.map((batch) => this.pv.order$(batch.map((w) => w.intention)))).pipe(
      scan(
        (view: OrdersView, event: E.Either<PlanviewerError, JobEvent>) => {
          if (E.isLeft(event)) {
            const { job } = event.left;
            const text = describeError(event.left);
            return job === undefined
              ? { ...view, errors: [...view.errors, text] }
              : { ...view, jobs: replace(view.jobs, job, { status: 'failed', error: text }) };
          }
          const e = event.right;
          switch (e._tag) {
            case 'Ordered':
              return {
                ...view,
                jobs: [
                  ...view.jobs,
                  {
                    job: e.job,
                    label: labels.get(e.intention) ?? e.intention,
                    status: 'ordered',
                    current: 0,
                    total: 1,
                  },
                ],
              };
            case 'Progress':
              return {
                ...view,
                jobs: replace(view.jobs, e.job, { status: e.status, current: e.current, total: e.total }),
              };
            case 'Downloading':
              return { ...view, jobs: replace(view.jobs, e.job, { status: 'downloading' }) };
            case 'Result': {
              const href = URL.createObjectURL(e.file.blob);
              this.objectUrls.push(href);
              const filename = e.file.filename ?? `${e.job}.pdf`;
              return {
                ...view,
                jobs: replace(view.jobs, e.job, {
                  status: 'done',
                  download: { href, filename, size: e.file.size },
                }),
              };
            }
            default:
              return view;
          }
        },
        { jobs: [], errors: [] },
      ),
      startWith<OrdersView>({ jobs: [], errors: [] }),
    );
  }

  ngOnDestroy(): void {
    for (const url of this.objectUrls) URL.revokeObjectURL(url);
  }
}
