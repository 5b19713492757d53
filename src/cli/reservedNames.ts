import { LEDGER_FILE } from './Ledger';

/** The ledger's name without its extension: the ledger and every file beside it (`.lock`, `.tmp`) start so. */
const LEDGER_STEM = LEDGER_FILE.slice(0, LEDGER_FILE.indexOf('.'));

/**
 * A Windows 8.3 short name that may stand for one of our long names (`PLANVI~1.JSO` opens
 * `planviewer-ledger.jsonl` on a volume that keeps short names).
 */
const SHORT_NAME_OF_OURS = new RegExp(`^${LEDGER_STEM.slice(0, 6)}~\\d+(\\.|$)`);

/**
 * The form in which two names are the same file on some file system we may run on: Unicode compatibility
 * forms folded (NFKC: a full-width `－` is `-`, `ſ` is `s`), code points that HFS+ ignores dropped
 * (zero-width joiners and other default-ignorables), every dash the same, case folded (macOS and Windows
 * volumes are case-insensitive), an NTFS stream suffix (`name::$DATA`) and the trailing dots and spaces
 * that Windows drops removed.
 */
const comparisonKey = (name: string): string =>
  name
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(/\p{Pd}/gu, '-')
    .toLowerCase()
    .replace(/:.*$/s, '')
    .replace(/[.\s]+$/u, '');

/**
 * Whether a file name in `--out` belongs to the CLI itself, so that a result must never be saved under it:
 * the ledger (`planviewer-ledger.jsonl`) and anything named after it, in any spelling that a case- or
 * normalization-insensitive file system would take for it, its 8.3 short name included. Our temporary
 * `.part` files start with a dot, which no result name keeps. Checked on the bare name: the caller has
 * already reduced a suggestion to its last path segment.
 *
 * @example
 * isReservedName('PLANVIEWER-LEDGER.JSONL'); // true
 * isReservedName('planviewer-ledger.jsonl.lock'); // true
 * isReservedName('20261128_percelenrapport.pdf'); // false
 */
export const isReservedName = (name: string): boolean => {
  const key = comparisonKey(name);
  return key.startsWith(LEDGER_STEM) || key.startsWith('.') || SHORT_NAME_OF_OURS.test(key);
};
