/**
 * `planviewer-rx/file-ledger`: the JSONL file ledger for Node (it needs `node:fs`, so it is not in the
 * main entry, which also runs in browsers). See docs/ledgers-and-workers.md.
 *
 * @module planviewer-rx/file-ledger
 */
export { fileJournal, fileLedger, LEDGER_FILE } from './fileLedger';
