import type { PlanviewerError } from './PlanviewerError';

/** What a secret is replaced with. @internal */
export const REDACTED = '[redacted]';

/** Forms shorter than this are not searched for: a 3-letter secret would blank out ordinary words. */
const MIN_FORM_LENGTH = 6;

/** JSON's escaping as PHP writes it by default: non-ASCII as `\uXXXX` and `/` as `\/`. */
const phpJsonEscaped = (s: string): string =>
  JSON.stringify(s)
    .slice(1, -1)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');

/** Base64 of the UTF-8 bytes (btoa alone only takes Latin-1); works in Node and browsers alike. @internal */
export const base64Utf8 = (s: string): string =>
  btoa(Array.from(new TextEncoder().encode(s), (b) => String.fromCharCode(b)).join(''));

/**
 * Every form in which a secret or its Basic token may come back in a server's words: as is, JSON-escaped
 * (also the PHP way), percent-encoded, base64 (alone, and as the `key:secret` token, also with `\/`, and
 * without its `=` padding).
 * Longest first, so that a longer form is replaced before a shorter one inside it.
 *
 * @internal
 */
export const secretForms = (key: string, secret: string): readonly string[] => {
  const token = base64Utf8(`${key}:${secret}`);
  const forms = new Set([
    token,
    token.replace(/\//g, '\\/'),
    `${key}:${secret}`,
    secret,
    JSON.stringify(secret).slice(1, -1),
    phpJsonEscaped(secret),
    encodeURIComponent(secret),
    base64Utf8(secret),
    // Without the padding: covers a token whose '=' was percent-encoded, stripped or cut.
    token.replace(/=+$/, ''),
    encodeURIComponent(token),
    encodeURIComponent(token.replace(/=+$/, '')),
    base64Utf8(secret).replace(/=+$/, ''),
  ]);
  return [...forms].filter((f) => f.length >= MIN_FORM_LENGTH).sort((a, b) => b.length - a.length);
};

/**
 * Replaces every form of the secret in a text with `[redacted]`. Runs on a body BEFORE it is cut to
 * size, so that no half of a token survives at the cut.
 *
 * @internal
 */
export const redactText = (forms: readonly string[], text: string): string => {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
};

const redactValue = (forms: readonly string[], value: unknown): unknown => {
  if (typeof value === 'string') return redactText(forms, value);
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(forms, v));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(forms, v);
    return out;
  }
  return value;
};

/**
 * The error with every form of the secret redacted from every string in it (bodies, messages, reasons,
 * URLs, locations). The last line of defence: bodies are redacted before they are cut, too.
 *
 * @internal
 */
export const redactError = <E extends PlanviewerError>(forms: readonly string[], e: E): E =>
  forms.length === 0 ? e : (redactValue(forms, e) as E);
