/**
 * A small reader of the `Content-Disposition` header (RFC 6266, with RFC 8187 extended values), written for
 * this library so the browser build carries no CommonJS: it only finds the suggested file name.
 */

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
/** Any byte a header can carry (fetch hands headers over as Latin-1 strings), except '"' and '\'. */
const QUOTED = '"((?:[\\t \\x21\\x23-\\x5b\\x5d-\\x7e\\x80-\\xff]|\\\\[\\t \\x21-\\x7e\\x80-\\xff])*)"';
const TYPE = new RegExp(`^[\\t ]*(${TOKEN})[\\t ]*`);
const PARAMETER = new RegExp(`^;[\\t ]*(${TOKEN})[\\t ]*=[\\t ]*(?:${QUOTED}|(${TOKEN}))[\\t ]*`);
/** charset'language'value: only UTF-8 and ISO-8859-1 must be understood (RFC 8187 §3.2.1). */
const EXTENDED = /^(utf-8|iso-8859-1)'[a-z0-9-]*'((?:%[0-9a-f]{2}|[!#$&+.^_`|~0-9a-z-])*)$/i;

/** The parameters of a header, names lower-cased; `null` when the header is malformed or repeats a name. */
const parameters = (header: string): ReadonlyMap<string, string> | null => {
  const type = TYPE.exec(header);
  if (type === null) return null;
  const found = new Map<string, string>();
  let rest = header.slice(type[0].length);
  // A trailing ';' is common enough and harmless.
  while (!/^;?[\t ]*$/.test(rest)) {
    const match = PARAMETER.exec(rest);
    if (match === null) return null;
    const name = (match[1] ?? '').toLowerCase();
    if (found.has(name)) return null;
    const quoted = match[2];
    found.set(name, quoted === undefined ? (match[3] ?? '') : quoted.replace(/\\(.)/g, '$1'));
    rest = rest.slice(match[0].length);
  }
  return found;
};

const bytesOf = (latin1: string): Uint8Array => Uint8Array.from(latin1, (c) => c.charCodeAt(0));

/** An RFC 8187 value decoded, or `null` when its charset is unknown or its encoding broken. */
const decodeExtended = (value: string): string | null => {
  const match = EXTENDED.exec(value);
  if (match === null) return null;
  const latin1 = (match[2] ?? '').replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  if ((match[1] ?? '').toLowerCase() === 'iso-8859-1') return latin1;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(latin1));
  } catch {
    return null;
  }
};

/**
 * Many servers put raw UTF-8 in a quoted `filename`; fetch hands it over byte by byte as Latin-1. Read it as
 * UTF-8 when it is valid UTF-8 (plain Latin-1 text almost never is), as browsers do.
 */
const utf8IfValid = (latin1: string): string => {
  if (!/[\x80-\xff]/.test(latin1) || /[\u0100-\uffff]/.test(latin1)) return latin1;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(latin1));
  } catch {
    return latin1;
  }
};

/**
 * The file name a `Content-Disposition` header suggests, as sent: `filename*` first, then `filename`;
 * `null` when there is none or the header is malformed. Not safe as a path: see `filenameFromContentDisposition`.
 *
 * @internal
 */
export const contentDispositionFilename = (header: string): string | null => {
  const found = parameters(header);
  if (found === null) return null;
  const extended = found.get('filename*');
  const decoded = extended === undefined ? null : decodeExtended(extended);
  if (decoded !== null) return decoded;
  // An extended value we cannot read is ignored in favour of the plain one (RFC 6266 §4.3).
  const plain = found.get('filename');
  return plain === undefined ? null : utf8IfValid(plain);
};
