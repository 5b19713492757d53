import { badRequest, decodeError } from '../../src/errors';
import { REDACTED, redactError, redactText, secretForms } from '../../src/errors/redactSecrets';

const KEY = 'a1b2c3d4e5f6';
const SECRET = 's3cr3t/é-€+v4lu3';
const TOKEN = Buffer.from(`${KEY}:${SECRET}`, 'utf8').toString('base64');
const forms = secretForms(KEY, SECRET);

describe('redactSecrets', () => {
  it.each([
    ['the token', `Basic ${TOKEN}`],
    ['the token with \\/', `Basic ${TOKEN.replace(/\//g, '\\/')}`],
    ['the percent-encoded token', encodeURIComponent(`Basic ${TOKEN}`)],
    ['the secret', `pw=${SECRET}`],
    ['the JSON-escaped secret', JSON.stringify({ pw: SECRET })],
    ['the PHP-escaped secret', '{"pw":"s3cr3t\\/\\u00e9-\\u20ac+v4lu3"}'],
    ['the percent-encoded secret', `pw=${encodeURIComponent(SECRET)}`],
    ['key:secret', `${KEY}:${SECRET}`],
  ])('redacts %s', (_, text) => {
    const out = redactText(forms, text);
    expect(out).toContain(REDACTED);
    for (const form of forms) expect(out).not.toContain(form);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(TOKEN.slice(0, 12));
  });

  it('leaves text without the secret alone, and never searches for forms too short to mean anything', () => {
    expect(redactText(forms, 'nothing to see')).toBe('nothing to see');
    expect(redactText(secretForms('k', 'abc'), 'abc abc')).toBe('abc abc');
  });

  it('redacts every string of an error, nested ones included', () => {
    const request = { method: 'GET', url: `https://x/?t=${encodeURIComponent(SECRET)}` };
    expect(redactError(forms, badRequest(request, `echo ${SECRET}`))).toEqual(
      badRequest({ method: 'GET', url: `https://x/?t=${REDACTED}` }, `echo ${REDACTED}`),
    );
    expect(redactError(forms, decodeError(request, [`x: got "${TOKEN}"`], '')).errors).toEqual([
      `x: got "${REDACTED}"`,
    ]);
  });
});
