import { isLoopbackHost } from '../../src/config';

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['localhost.', true],
    ['sim.localhost', true],
    ['127.0.0.1', true],
    ['127.0.0.5', true],
    ['127.255.255.255', true],
    ['[::1]', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['127.0.0.256', false],
    ['127.0.0', false],
    ['127.0.0.1.example.com', false],
    ['localhost.example.com', false],
    ['notlocalhost', false],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['0.0.0.0', false],
    ['[::]', false],
    ['[::ffff:7f00:1]', false],
    ['planviewer.nl', false],
    ['', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
