import * as E from 'fp-ts/lib/Either.js';
import { createPlanviewer, type Planviewer } from '../client/createPlanviewer';
import { PlanviewerConfigError } from '../client/PlanviewerConfigError';
import { describeError } from '../errors/describeError';
import type { CommonOptions } from './cliArgs';
import type { CliIo } from './CliIo';
import { pollingForSpeed } from './pollingForSpeed';

/**
 * The environment variable that holds the access key id.
 *
 * @example
 * process.env[KEY_ENV]; // the key id
 */
export const KEY_ENV = 'PLANVIEWER_KEY';

/**
 * The environment variable that holds the access key secret (never printed).
 *
 * @example
 * spawn('planviewer', ['products'], { env: { ...process.env, [SECRET_ENV]: secret } });
 */
export const SECRET_ENV = 'PLANVIEWER_SECRET';

/**
 * A client from `PLANVIEWER_KEY` / `PLANVIEWER_SECRET` and the command's options, or why not (a sentence
 * for a usage error). The secret and the Basic-auth token made from it are registered with `io.redact`
 * first, so no output can show them.
 *
 * @example
 * const pv = clientFromEnv(io, cmd.common); // Right(Planviewer) or Left('set PLANVIEWER_KEY …')
 */
export const clientFromEnv = (io: CliIo, common: CommonOptions): E.Either<string, Planviewer> => {
  const key = io.env[KEY_ENV];
  const secret = io.env[SECRET_ENV];
  if (secret !== undefined && secret !== '') io.redact(secret);
  if (key === undefined || key === '' || secret === undefined || secret === '')
    return E.left(
      `set ${KEY_ENV} and ${SECRET_ENV} to your Planviewer access key id and secret (dashboard → API Applicaties)`,
    );
  // The Basic-auth token carries the secret too (Base64 is not a disguise): a server that echoes the
  // Authorization header in an error body must not get it printed.
  io.redact(Buffer.from(`${key}:${secret}`, 'utf8').toString('base64'));
  try {
    return E.right(
      createPlanviewer({
        credentials: { key, secret },
        baseUrl: common.baseUrl,
        polling: pollingForSpeed(common.simSpeed),
      }),
    );
  } catch (e) {
    if (e instanceof PlanviewerConfigError) return E.left(describeError(e.error));
    throw e;
  }
};
