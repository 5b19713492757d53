/**
 * A value as it goes into an `InvalidInput` reason: strings quoted, anything cut at 60 characters.
 *
 * @internal
 */
export const showValue = (value: unknown): string => {
  const s = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};
