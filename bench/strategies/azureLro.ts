import { createHttpPoller, type OperationResponse, type OperationState } from '@azure/core-lro';
import { isTerminal } from '../rawApi';
import { followEachJob } from './followEachJob';
import type { Strategy } from './Strategy';

/** Planviewer's status string in the vocabulary `@azure/core-lro` reads from a poll response's body. */
const azureStatus = (status: string): string =>
  status === 'finished' ? 'Succeeded' : status === 'error' ? 'Failed' : 'Running';

/**
 * (e) `@azure/core-lro`'s real `createHttpPoller` at its default interval (2 s), one poller per job.
 *
 * Planviewer has no `Operation-Location` header, so the adapter is the thinnest possible: the initial
 * response (the bench's one order, already placed) is presented as a 202 whose operation location is the
 * job uuid, and each `sendPollRequest` is one real status GET whose status is mapped to
 * Succeeded/Failed/Running. The polling loop, its interval and its delays are core-lro's own
 * (`pollUntilDone`: one poll at once, then one every `intervalInMs`).
 *
 * @example
 * await azureLro.run(context);
 */
export const azureLro: Strategy = {
  id: 'e',
  label: '@azure/core-lro createHttpPoller (2 s)',
  run: (ctx) =>
    followEachJob(ctx, async (api, job) => {
      const poller = createHttpPoller<unknown, OperationState<unknown>>({
        sendInitialRequest: async (): Promise<OperationResponse> => ({
          flatResponse: {},
          rawResponse: {
            statusCode: 202,
            request: { method: 'POST', url: `${ctx.apiUrl}/jobs/order` },
            headers: { 'operation-location': job },
          },
        }),
        sendPollRequest: async (path: string): Promise<OperationResponse> => {
          const status = await api.status(path);
          if (isTerminal(status)) ctx.noticed(path, status);
          const body = { status: azureStatus(status) };
          return {
            flatResponse: body,
            rawResponse: { statusCode: 200, request: { method: 'GET', url: path }, headers: {}, body },
          };
        },
      });
      // A job in `error` makes pollUntilDone reject; it has been noticed all the same.
      await poller.pollUntilDone().catch((error: unknown) => {
        if (poller.operationState?.status !== 'failed') throw error;
      });
    }),
};
