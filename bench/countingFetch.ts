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
 * A request counts as in flight until `text()` or `arrayBuffer()` settles, or until its `body` stream
 * ends, fails or is cancelled: the anchors read with `text()`, the client streams its JSON answers from
 * `body` (to stop at `maxJsonBodyBytes`). A body that is never read would keep the driver waiting, which
 * its watchdog reports rather than hiding.
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
      body: trackBody(response.body, done),
      text: () => track(response.text()),
      arrayBuffer: () => track(response.arrayBuffer()),
    };
  };
  return { fetch, inFlight: () => inFlight, sent: () => sent };
};

/**
 * The body as it is, with `done` called once it has been read to the end, failed or been given up. A Node
 * Readable (node-fetch 2 under cross-fetch) reports that with events; a WHATWG stream is wrapped.
 */
const trackBody = (body: unknown, done: () => void): unknown => {
  if (body === null || typeof body !== 'object') return body;
  const node = body as { once?: (event: string, listener: () => void) => unknown };
  if (typeof node.once === 'function') {
    for (const event of ['end', 'close', 'error']) node.once(event, done);
    return body;
  }
  if (body instanceof ReadableStream) {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const { done: ended, value } = await reader.read();
          if (ended) {
            done();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          done();
          controller.error(error);
        }
      },
      cancel: async (reason) => {
        done();
        await reader.cancel(reason);
      },
    });
  }
  return body;
};
