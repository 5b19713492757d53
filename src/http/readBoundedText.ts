import type { FetchResponseLike } from '../config/FetchLike';
import { readBodyChunks } from './readBodyChunks';

/** What a bounded read got: the text, or the fact that the body went over the limit. @internal */
export type BoundedText =
  | { readonly _tag: 'Text'; readonly text: string }
  | { readonly _tag: 'TooLarge'; readonly contentLength?: number };

/** A Content-Length header's value, when it is a usable whole number. @internal */
export const contentLengthOf = (header: string | null): number | undefined => {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  const n = Number(header);
  return Number.isSafeInteger(n) ? n : undefined;
};

/**
 * Reads a body as UTF-8 text, but never more than `maxBytes` of it: a body announced larger is not read
 * at all (sendRequest ends every request once its reader returns, which closes the body), and one without a Content-Length that grows past the limit is cancelled there (so a 60 MB
 * answer costs at most the limit in memory, not 60 MB plus its decoded copy). With `prefix`, a larger
 * body is not refused but cut: its first `maxBytes` are the text (for a body we only keep a few hundred
 * characters of, an error page).
 *
 * @internal
 */
export const readBoundedText = async (
  response: FetchResponseLike,
  maxBytes: number,
  signal?: AbortSignal,
  prefix = false,
): Promise<BoundedText> => {
  const announced = contentLengthOf(response.headers.get('content-length'));
  // HTTP framing holds a body to its Content-Length: within the limit, the fetch's own reader is as safe.
  if (announced !== undefined && announced <= maxBytes) return { _tag: 'Text', text: await response.text() };
  // Not read at all: the request's end (sendRequest aborts it once the reader returns) closes the body.
  if (announced !== undefined && !prefix) return { _tag: 'TooLarge', contentLength: announced };
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  for await (const chunk of readBodyChunks(response, signal)) {
    const room = maxBytes - bytes;
    bytes += chunk.byteLength;
    // Leaving the loop cancels the stream (readBodyChunks' finally, or the Readable's iterator).
    if (bytes > maxBytes && !prefix) return { _tag: 'TooLarge' };
    text += decoder.decode(chunk.subarray(0, room), { stream: true });
    if (bytes > maxBytes) break;
  }
  return { _tag: 'Text', text: text + decoder.decode() };
};

/**
 * At most the first `maxBytes` of a body as text; the rest is not read.
 *
 * @internal
 */
export const readTextPrefix = async (response: FetchResponseLike, maxBytes: number): Promise<string> =>
  ((await readBoundedText(response, maxBytes, undefined, true)) as { readonly text: string }).text;
