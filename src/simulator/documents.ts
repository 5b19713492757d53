/**
 * Kadaster follow-up documents (brondocumenten, §5.9–5.10).
 *
 * Each finished Kadaster job links two or three deeds, derived from the job uuid so they are the same on
 * every listing. `POST /documents/order` (undocumented upstream) takes identificaties that
 * `GET /documents/list` has shown to the same account; see docs/simulator.md for the contract chosen.
 */
import { randomInt, seededRandom } from './random';

/**
 * A document descriptor as `GET /documents/list` returns it (note the capital I of `IngeschrevenOp`).
 *
 * @example
 * ```ts
 * import type { KadasterDocument } from 'planviewer-rx';
 * declare const res: Response;
 * const docs = (await res.json()) as KadasterDocument[];
 * docs[0]?.identificatie; // 'NL.IMKAD.TIAStuk.…'
 * ```
 */
export interface KadasterDocument {
  readonly identificatie: string;
  readonly aard: string;
  readonly IngeschrevenOp: { readonly datum: string; readonly tijd: string };
  readonly documentwaardes: {
    readonly deel: string;
    readonly nummer: string;
    readonly reeks: { readonly code: string; readonly waarde: string };
    readonly registercode: { readonly code: string; readonly waarde: string };
    readonly soortregister: { readonly code: string; readonly waarde: string };
  };
}

/** Where a listed document came from. @internal */
export interface DocumentSource {
  readonly identificatie: string;
  readonly job: string;
  readonly account: string;
  readonly location: string;
}

/** @internal */
export interface DocumentIndex {
  /** The documents linked to a job, remembered as orderable by that job's account. */
  list(job: {
    readonly uuid: string;
    readonly account: string;
    readonly location: string;
  }): KadasterDocument[];
  source(identificatie: string): DocumentSource | undefined;
}

const KINDS = ['Koopakte', 'Hypotheekakte', 'Akte van levering', 'Migratie Koers'];

/** @internal */
export const createDocumentIndex = (): DocumentIndex => {
  const sources = new Map<string, DocumentSource>();
  return {
    list: (job) => {
      const docs = documentsOf(job.uuid);
      for (const doc of docs) {
        sources.set(doc.identificatie, {
          identificatie: doc.identificatie,
          job: job.uuid,
          account: job.account,
          location: job.location,
        });
      }
      return docs;
    },
    source: (identificatie) => sources.get(identificatie),
  };
};

const documentsOf = (jobUuid: string): KadasterDocument[] => {
  const random = seededRandom('documents', jobUuid);
  const count = randomInt(random, 2, 3);
  return Array.from({ length: count }, (): KadasterDocument => {
    const year = randomInt(random, 1985, 2025);
    const datum = `${year}-${pad(randomInt(random, 1, 12), 2)}-${pad(randomInt(random, 1, 28), 2)}`;
    const tijd = `${pad(randomInt(random, 8, 17), 2)}:${pad(randomInt(random, 0, 59), 2)}:00`;
    const deel = String(randomInt(random, 10_000, 80_000));
    const nummer = String(randomInt(random, 1, 250));
    return {
      identificatie: `NL.IMKAD.TIAStuk.${datum.replace(/-/g, '')}${pad(randomInt(random, 1, 9_999_999), 7)}`,
      aard: KINDS[randomInt(random, 0, KINDS.length - 1)] ?? 'Koopakte',
      IngeschrevenOp: { datum, tijd },
      documentwaardes: {
        deel,
        nummer,
        reeks: { code: 'SIM', waarde: 'Plaats' },
        registercode: { code: '2', waarde: 'Hyp4' },
        soortregister: { code: '2', waarde: 'Onroerende Zaken' },
      },
    };
  });
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
