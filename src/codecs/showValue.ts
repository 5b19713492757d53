/**
 * A value as it goes into a message (an `InvalidInput` reason, a decode error): strings, arrays and objects
 * as JSON, anything else (or what JSON cannot show) as `String` gives it, cut at 60 characters.
 *
 * @internal
 */
export const showValue = (value: unknown): string => {
  let s: string | undefined;
  try {
    if (typeof value === 'string' || (typeof value === 'object' && value !== null)) s = JSON.stringify(value);
  } catch {
    // A cycle or a BigInt inside: String shows what it can.
  }
  s ??= String(value);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};
