import type { FetchResponseLike } from '../config/FetchLike';
import type { RetrievedFile } from '../jobs/RetrievedFile';
import { readBodyChunks } from './readBodyChunks';
import { contentLengthOf } from './readBoundedText';
import { filenameFromContentDisposition } from './resultFilename';
import { BodyReadFailure, type ReadContext } from './sendRequest';

/** Reports progress at most every this many bytes (and at the end), so a 50 MB file makes ~200 events, not 3,000. */
const PROGRESS_STEP_BYTES = 256 * 1024;

/** Called with bytes read so far and the announced size, when there is one. @category model */
export type DownloadProgress = (loaded: number, total: number | undefined) => void;

/**
 * Streams a result body into a real global `Blob` (not cross-fetch's own Blob class, which `URL.createObjectURL`
 * and `new Blob([…])` do not accept). A body shorter or longer than its `Content-Length` is a failure, never
 * a complete-looking file.
 *
 * @internal
 */
export const readResultFile =
  (onProgress: DownloadProgress | undefined) =>
  async (response: FetchResponseLike, context: ReadContext): Promise<RetrievedFile> => {
    // fetch decodes gzip/deflate/br; Content-Length then counts the encoded bytes, not the ones read here.
    const encoding = response.headers.get('content-encoding');
    const total =
      encoding === null || encoding.trim().toLowerCase() === 'identity'
        ? contentLengthOf(response.headers.get('content-length'))
        : undefined;
    const contentType = response.headers.get('content-type');
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    let reported = 0;
    onProgress?.(0, total);
    for await (const chunk of readBodyChunks(response, context.signal)) {
      context.stillReceiving();
      chunks.push(chunk);
      loaded += chunk.byteLength;
      if (total !== undefined && loaded > total)
        throw new BodyReadFailure(`body is longer than its Content-Length of ${total} bytes`);
      if (loaded - reported >= PROGRESS_STEP_BYTES) {
        reported = loaded;
        onProgress?.(loaded, total);
      }
    }
    if (total !== undefined && loaded !== total)
      throw new BodyReadFailure(`body ended after ${loaded} of ${total} bytes`);
    if (reported !== loaded) onProgress?.(loaded, total);
    // Chunks come from fetch and never sit on a SharedArrayBuffer, which is all the cast rules out.
    const blob = new Blob(
      chunks as Uint8Array<ArrayBuffer>[],
      contentType === null ? {} : { type: contentType },
    );
    return {
      blob,
      filename: filenameFromContentDisposition(
        context.redact(response.headers.get('content-disposition') ?? '') || null,
      ),
      contentType,
      size: blob.size,
    };
  };
