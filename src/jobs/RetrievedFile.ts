/**
 * A downloaded job result: a real global `Blob` (usable with `URL.createObjectURL`, `new Response(blob)`,
 * `blob.arrayBuffer()`), the file name the server suggested (already reduced to a safe base name, or `null`),
 * the content type and the size in bytes.
 *
 * @example
 * import * as fs from 'node:fs';
 * import type { RetrievedFile } from 'planviewer-rx';
 * const save = async (f: RetrievedFile) => fs.promises.writeFile(f.filename ?? 'result.pdf', Buffer.from(await f.blob.arrayBuffer()));
 *
 * @since 0.1.0
 * @category model
 */
export interface RetrievedFile {
  readonly blob: Blob;
  readonly filename: string | null;
  readonly contentType: string | null;
  readonly size: number;
}

/**
 * What a download reports while it runs: bytes read so far, then the complete file.
 *
 * @since 0.1.0
 * @category model
 */
export type DownloadEvent =
  | { readonly _tag: 'Downloading'; readonly loaded: number; readonly total?: number }
  | { readonly _tag: 'Downloaded'; readonly file: RetrievedFile };
