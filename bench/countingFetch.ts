import crossFetch from 'cross-fetch';
import type { FetchLike, FetchResponseLike } from '../src/config/FetchLike';

/**
 * A fetch that knows how many requests are still in flight: from the call until the body has been read
 * (or the call failed). The virtual-time driver only moves the clock when this is zero, which is what makes
 * network time count as zero for every strategy alike.
 *
 * @example
 * const net = countingFetch();
 * await net.fetch(url, init);
 * net.inFlight(); // 0 once the body is read
 */
export interface CountingFetch {
  readonly fetch: FetchLike;
  /** Requests sent whose body has not been read yet. */
  readonly inFlight: () => number;
  /** Requests sent so far (all routes). */
  readonly sent: () => number;
}

/**
 * Wraps a fetch (cross-fetch, the client's default, so every strategy uses the same HTTP stack).
 *
 * A request counts as in flight until `text()` or `arrayBuffer()` settles: the client's status and order
 * calls and the anchors all read their bodies that way. A body that is never read would keep the driver
 * waiting, which its watchdog reports rather than hiding.
 *
 * @example
 * const { fetch } = countingFetch();
 * createPlanviewer({ credentials, baseUrl, fetch });
 */
export const countingFetch = (inner: FetchLike = crossFetch as unknown as FetchLike): CountingFetch => {
  let inFlight = 0;
  let sent = 0;
  const fetch: FetchLike = async (input, init) => {
    inFlight++;
    sent++;
    let open = true;
    const done = (): void => {
      if (open) {
        open = false;
        inFlight--;
      }
    };
    let response: FetchResponseLike;
    try {
      response = await inner(input, init);
    } catch (error) {
      done();
      throw error;
    }
    const track = <A>(p: Promise<A>): Promise<A> => p.finally(done);
    return {
      status: response.status,
      headers: response.headers,
      body: response.body,
      text: () => track(response.text()),
      arrayBuffer: () => track(response.arrayBuffer()),
    };
  };
  return { fetch, inFlight: () => inFlight, sent: () => sent };
};
