import { describeNetworkFailure } from '../../src/http/networkFailure';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('describeNetworkFailure', () => {
  it.each<[string, unknown, { code?: string; message: string; provesNothingSent: boolean }]>([
    [
      'a node-fetch connection refused',
      Object.assign(new Error('request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED'), {
        code: 'ECONNREFUSED',
        errno: 'ECONNREFUSED',
      }),
      {
        code: 'ECONNREFUSED',
        message: 'request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED',
        provesNothingSent: true,
      },
    ],
    [
      'a Node fetch connection refused (code on the cause)',
      new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED') }),
      {
        code: 'ECONNREFUSED',
        message: 'fetch failed: connect ECONNREFUSED 127.0.0.1:1',
        provesNothingSent: true,
      },
    ],
    [
      'a DNS failure',
      new TypeError('fetch failed', { cause: withCode('getaddrinfo ENOTFOUND nope', 'ENOTFOUND') }),
      { code: 'ENOTFOUND', message: 'fetch failed: getaddrinfo ENOTFOUND nope', provesNothingSent: true },
    ],
    [
      'a reset',
      withCode('socket hang up', 'ECONNRESET'),
      { code: 'ECONNRESET', message: 'socket hang up', provesNothingSent: false },
    ],
    [
      'an undici socket error',
      new TypeError('fetch failed', { cause: withCode('other side closed', 'UND_ERR_SOCKET') }),
      { code: 'UND_ERR_SOCKET', message: 'fetch failed: other side closed', provesNothingSent: false },
    ],
    ['an error without a code', new Error('boom'), { message: 'boom', provesNothingSent: false }],
    ['a thrown string', 'weird', { message: 'weird', provesNothingSent: false }],
  ])('reads %s', (_, error, expected) => {
    expect(describeNetworkFailure(error)).toEqual(expected);
  });
});
