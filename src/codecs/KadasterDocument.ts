import * as t from 'io-ts';

const CodeValue = t.type({ code: t.string, waarde: t.string });

/**
 * A source document (brondocument) linked to a Kadaster job (`GET /documents/list/{job}`). Only
 * `identificatie` is required; the rest is kept as documented when present.
 *
 * @example
 * import { KadasterDocumentCodec } from './KadasterDocument';
 * KadasterDocumentCodec.is({ identificatie: 'NL.IMKAD.TIAStuk.1' }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const KadasterDocumentCodec = /* @__PURE__ */ t.intersection(
  [
    t.type({ identificatie: t.string }),
    t.partial({
      aard: t.string,
      IngeschrevenOp: t.partial({ datum: t.string, tijd: t.string }),
      documentwaardes: t.partial({
        deel: t.string,
        nummer: t.string,
        reeks: CodeValue,
        registercode: CodeValue,
        soortregister: CodeValue,
      }),
    }),
  ],
  'KadasterDocument',
);

/**
 * A Kadaster document descriptor as `GET /documents/list` answers it.
 *
 * @interface
 * @category model
 */
export type KadasterDocument = t.TypeOf<typeof KadasterDocumentCodec>;

/** The body of `GET /documents/list/{job}`. @category codecs */
export const KadasterDocumentListCodec = /* @__PURE__ */ t.readonlyArray(
  KadasterDocumentCodec,
  'KadasterDocumentList',
);
