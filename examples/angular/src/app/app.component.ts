import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import * as E from 'fp-ts/es6/Either';
import {
  EMPTY,
  Subject,
  defer,
  exhaustMap,
  from,
  map,
  of,
  startWith,
  switchMap,
  type Observable,
} from 'rxjs';
import { OrdersService, type OrdersView } from './orders.service';

/** What the page orders: each line is its own order, all followed at once. */
const ORDERS: ReadonlyArray<readonly string[]> = [
  ['bestemmingsplanrapport', 'bestemmingsplankaart'],
  ['percelenrapport'],
  ['vraagprijsrapport'],
];

type Page =
  | { readonly kind: 'idle' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'orders'; readonly view: OrdersView };

@Component({
  selector: 'app-root',
  standalone: true,
  imports: [AsyncPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Planviewer orders</h1>
    <form (submit)="$event.preventDefault(); order$.next([postcode.value, huisnummer.value])">
      <label>Postcode <input #postcode name="postcode" value="1234AB" /></label>
      <label>Huisnummer <input #huisnummer name="huisnummer" value="2" /></label>
      <button type="submit">Order</button>
    </form>
    @if (page$ | async; as page) {
      @if (page.kind === 'failed') {
        <p class="error">{{ page.reason }}</p>
      } @else if (page.kind === 'orders') {
        <section aria-label="jobs">
          @for (job of page.view.jobs; track job.job) {
            <div class="job" [attr.data-job]="job.job">
              <span class="label">{{ job.label }}</span>
              <progress [value]="job.current" [max]="job.total"></progress>
              <span class="count">{{ job.current }}/{{ job.total }}</span>
              @if (job.download; as file) {
                <a class="result" [href]="file.href" [attr.download]="file.filename">{{ file.filename }}</a>
              } @else if (job.error) {
                <span class="error">{{ job.error }}</span>
              } @else {
                <span class="status">{{ job.status }}</span>
              }
            </div>
          }
        </section>
        @for (error of page.view.errors; track $index) {
          <p class="error">{{ error }}</p>
        }
      }
    }
  `,
})
export class AppComponent {
  private readonly orders = inject(OrdersService);
  /** Clicks on "Order", with the address typed in. */
  readonly order$ = new Subject<[string, string]>();

  /** Ignores clicks while orders run: one click, one set of orders (each order is paid). */
  readonly page$: Observable<Page> = this.order$.pipe(
    exhaustMap(([postcode, huisnummer]) =>
      defer(() => from(this.orders.find({ postcode, huisnummer: Number(huisnummer) }, ORDERS.flat()))).pipe(
        switchMap((found): Observable<Page> => {
          if (E.isLeft(found)) return of({ kind: 'failed', reason: found.left });
          const batches = ORDERS.map((products) =>
            found.right.filter((w) => products.includes(w.product)),
          ).filter((batch) => batch.length > 0);
          return batches.length === 0
            ? EMPTY
            : this.orders.follow(batches).pipe(map((view): Page => ({ kind: 'orders', view })));
        }),
      ),
    ),
    startWith<Page>({ kind: 'idle' }),
  );
}
