import { contentDispositionFilename } from './contentDisposition';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_NAME_CHARS = 200;

/**
 * Reduces a server-suggested file name to a safe base name, or `null` when nothing safe is left: the last
 * path segment only (both `/` and `\`), no control characters, no leading dots, no Windows-reserved names
 * (`CON`, `aux.pdf`…), at most 200 characters with the extension kept. A name is a hint, never a path.
 *
 * @example
 * import { safeBaseName } from 'planviewer-rx';
 * safeBaseName('../../etc/passwd'); // 'passwd'
 * safeBaseName('..'); // null
 *
 * @since 0.1.0
 * @category utils
 */
export const safeBaseName = (name: string): string | null => {
  // eslint-disable-next-line no-control-regex
  const withoutControls = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  const last = withoutControls.split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (cleaned === '' || WINDOWS_RESERVED.test(cleaned)) return null;
  if (cleaned.length <= MAX_NAME_CHARS) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_CHARS - ext.length) + ext;
};

/**
 * The file name from a `Content-Disposition` header (`filename*` preferred over `filename`, RFC 6266), made
 * safe with {@link safeBaseName}; `null` when the header is missing, malformed or names nothing safe.
 *
 * @example
 * import { filenameFromContentDisposition } from 'planviewer-rx';
 * filenameFromContentDisposition(`attachment; filename="a.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`); // 'résumé.pdf'
 *
 * @since 0.1.0
 * @category utils
 */
export const filenameFromContentDisposition = (header: string | null): string | null => {
  if (header === null || header.trim() === '') return null;
  const name = contentDispositionFilename(header);
  return name === null ? null : safeBaseName(name);
};
