import * as E from 'fp-ts/lib/Either.js';
import * as path from 'node:path';
import { parseCommandLine, type CliCommand, type UsageError } from '../../src/cli/cliArgs';

const CWD = '/home/someone/work';
const INTENTION = '3ca18ee6-a6be-4934-8e4a-3edc8b2106dd';
const JOB = '7e6d5c4b-3a29-4f18-9e07-222222222222';

const ok = (argv: readonly string[]): CliCommand => {
  const r = parseCommandLine(argv, CWD);
  if (E.isLeft(r)) throw new Error(`expected Right, got ${r.left.message}`);
  return r.right;
};
const refused = (argv: readonly string[]): UsageError => {
  const r = parseCommandLine(argv, CWD);
  if (E.isRight(r)) throw new Error(`expected Left, got ${JSON.stringify(r.right)}`);
  return r.left;
};

describe('parseCommandLine', () => {
  it('shows the help without arguments, for --help, and for <command> --help', () => {
    expect(ok([])).toEqual({ kind: 'help' });
    expect(ok(['--help'])).toEqual({ kind: 'help' });
    expect(ok(['-h'])).toEqual({ kind: 'help' });
    expect(ok(['order', '--help'])).toEqual({ kind: 'help', topic: 'order' });
    expect(ok(['--version'])).toEqual({ kind: 'version' });
  });

  it('fills in the defaults: the real API, ./out resolved against the working folder, no JSON, no force', () => {
    expect(ok(['products'])).toEqual({
      kind: 'products',
      common: {
        baseUrl: 'https://www.planviewer.nl',
        outDir: path.join(CWD, 'out'),
        json: false,
        force: false,
        simSpeed: 1,
      },
    });
  });

  it('accepts options before and after the command', () => {
    const cmd = ok([
      '--json',
      'order',
      INTENTION,
      '--yes',
      '--out',
      'results',
      '--base-url',
      'http://127.0.0.1:9',
    ]);
    expect(cmd).toMatchObject({
      kind: 'order',
      intentions: [INTENTION],
      yes: true,
      common: { json: true, outDir: path.join(CWD, 'results'), baseUrl: 'http://127.0.0.1:9' },
    });
  });

  it('reads --location for order, repeatable, as uuids', () => {
    const loc = 'cd017d6c-dbb3-4372-91e8-ed98de04cd0b';
    expect(ok(['order', INTENTION])).toMatchObject({ locations: [] });
    expect(ok(['order', INTENTION, '--location', loc])).toMatchObject({ locations: [loc] });
    expect(refused(['order', INTENTION, '--location', 'Kerkweg 8']).message).toMatch(
      /not a valid location uuid/,
    );
  });

  it('orders without consent unless --yes or -y is given', () => {
    expect(ok(['order', INTENTION])).toMatchObject({ yes: false });
    expect(ok(['order', '-y', INTENTION])).toMatchObject({ yes: true });
  });

  it('reads search with a house letter and an addition', () => {
    expect(ok(['search', '1234 ab', '12', '--huisletter', 'b', '--toevoeging', '3'])).toMatchObject({
      kind: 'search',
      postcode: '1234 ab',
      huisnummer: '12',
      huisletter: 'b',
      toevoeging: '3',
    });
    expect(refused(['search', '1234AB'])).toMatchObject({ command: 'search' });
  });

  it('reads repeated --product for intentions and requires one', () => {
    const loc = 'cd017d6c-dbb3-4372-91e8-ed98de04cd0b';
    expect(ok(['intentions', loc, '-p', 'a', '--product', 'b'])).toMatchObject({
      locations: [loc],
      products: ['a', 'b'],
    });
    expect(refused(['intentions', loc]).message).toMatch(/--product/);
  });

  it('reads --choose and --deadline (seconds) for commands that follow jobs', () => {
    expect(ok(['download', JOB, '--choose', '2', '--deadline', '1.5'])).toMatchObject({
      follow: { choose: 2, deadlineMs: 1500 },
    });
    expect(ok(['resume'])).toMatchObject({ kind: 'resume', follow: {} });
    expect(refused(['resume', '--choose', '0']).message).toMatch(/--choose/);
    expect(refused(['resume', '--deadline', 'soon']).message).toMatch(/--deadline/);
  });

  it('refuses what would be a mistake before anything is sent', () => {
    expect(refused(['order']).message).toBe('expected at least one intention uuid');
    expect(refused(['order', 'not-a-uuid']).message).toMatch(/not a valid intention uuid: "not-a-uuid"/);
    expect(refused(['order', INTENTION, INTENTION]).message).toMatch(/given twice/);
    expect(refused(['status', JOB, '../etc']).message).toMatch(/not a valid job uuid/);
    expect(refused(['resume', JOB]).message).toMatch(/unexpected argument/);
    expect(refused(['frobnicate']).message).toMatch(/unknown command "frobnicate"/);
    expect(refused(['products', '--yes'])).toMatchObject({
      command: 'products',
      message: expect.stringMatching(/--yes/),
    });
    expect(refused(['order', INTENTION, '--out'])).toMatchObject({ command: 'order' });
    expect(refused(['products', '--sim-speed', '0']).message).toMatch(/--sim-speed/);
  });
});
