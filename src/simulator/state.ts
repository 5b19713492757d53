/**
 * Everything a route handler may read or change, in one place. @internal
 */
import { type Account, type AccountStore } from './accounts';
import { type Catalogue } from './catalogue';
import { type Clock } from './clock';
import { type DocumentIndex } from './documents';
import { type JobStore } from './jobs';
import { type SimResponse } from './response';
import { type ResultRenderer } from './result';

export interface SimulatorState {
  readonly clock: Clock;
  readonly catalogue: Catalogue;
  readonly accounts: AccountStore;
  readonly jobs: JobStore;
  readonly documents: DocumentIndex;
  readonly results: ResultRenderer;
}

/** One authenticated request, as a handler sees it. */
export interface RouteContext {
  readonly state: SimulatorState;
  readonly account: Account;
  /** Simulated time of arrival: every handler judges job state at this one instant. */
  readonly now: number;
  /** The `{uuid}` path parameter, undecoded, if the route has one. */
  readonly param: string | undefined;
  readonly query: URLSearchParams;
  /** The parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
  /** Records the uuids the request named in the request log. */
  note(uuids: readonly string[]): void;
}

export type RouteHandler = (context: RouteContext) => SimResponse | Promise<SimResponse>;

/** Whether an account may see and order a product (accounts can be limited to some slugs). */
export const mayUse = (account: Account, productSlug: string): boolean =>
  account.products === null || account.products.includes(productSlug);

/** A string array, or undefined for anything else. */
export const stringArray = (value: unknown): readonly string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
