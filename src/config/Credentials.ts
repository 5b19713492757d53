import * as E from 'fp-ts/lib/Either.js';
import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';
import { base64Utf8, REDACTED, redactText, secretForms } from '../errors/redactSecrets';

/** An access key id and secret, as the Planviewer dashboard shows them once. @category model */
export interface CredentialsInput {
  readonly key: string;
  readonly secret: string;
}

/**
 * Holds the Basic `Authorization` header in a private field. `JSON.stringify`, `util.inspect` (which
 * never shows a private field), `String()` and spreading all show the key id only, so a client or config
 * object can be logged safely.
 *
 * @category model
 */
export class Credentials {
  readonly #authorization: string;
  readonly #forms: readonly string[];
  readonly key: string;

  private constructor(key: string, authorization: string, forms: readonly string[]) {
    this.key = key;
    this.#authorization = authorization;
    this.#forms = forms;
  }

  /**
   * Validates and encodes: UTF-8 before base64 (RFC 7617), and a key with ':' is refused because Basic auth
   * could not tell where the key ends.
   */
  static from(input: CredentialsInput | undefined): E.Either<InvalidInput, Credentials> {
    if (typeof input !== 'object' || input === null)
      return E.left(invalidInput('credentials', 'expected { key, secret }: the access key id and secret'));
    const { key, secret } = input;
    if (typeof key !== 'string' || key.trim() === '')
      return E.left(invalidInput('credentials.key', 'the access key id is missing'));
    if (key.includes(':'))
      return E.left(
        invalidInput('credentials.key', "the access key id may not contain ':' (Basic auth separator)"),
      );
    if (typeof secret !== 'string' || secret === '')
      return E.left(invalidInput('credentials.secret', 'the access key secret is missing'));
    if (/[\r\n\0]/.test(key + secret))
      return E.left(
        invalidInput('credentials', 'line breaks and NUL are not allowed in the key id or secret'),
      );
    // UTF-8 before base64 (RFC 7617).
    return E.right(new Credentials(key, `Basic ${base64Utf8(`${key}:${secret}`)}`, secretForms(key, secret)));
  }

  /**
   * The text with the secret and the Basic token (in every form a server may echo them) replaced by
   * `[redacted]`. The http layer runs every body and message it keeps through this.
   */
  redact(text: string): string {
    return redactText(this.#forms, text);
  }

  /** The forms {@link redact} searches for; for redacting whole errors. @internal */
  secretForms(): readonly string[] {
    return this.#forms;
  }

  /** The header value; only the http layer calls this, right before fetch. */
  authorization(): string {
    return this.#authorization;
  }

  toJSON(): { key: string; secret: string } {
    return { key: this.key, secret: REDACTED };
  }

  toString(): string {
    return `Credentials(${this.key}, secret ${REDACTED})`;
  }
}
