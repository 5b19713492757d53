import { fitWidth, liveRegion, printable } from '../../src/cli/liveRegion';
import { virtualTerminal } from './helpers/virtualTerminal';

// Time stands still (now = 0 after the first draw would merge redraws), so each spec passes a clock
// that moves 1 s per call: every change is drawn at once.
const ticking = (): (() => number) => {
  let t = 0;
  return () => (t += 1_000);
};

describe('liveRegion', () => {
  it('redraws rows in place: one row per id at its latest text, lines written above them', () => {
    const term = virtualTerminal();
    const region = liveRegion(term.stream, { now: ticking() });
    region.set('a', 'job a  10%');
    region.set('b', 'job b   0%');
    region.set('a', 'job a  50%');
    region.above(() => term.stream.write('job b: saved out/b.pdf\n'));
    region.set('b', 'job b 100%');
    region.above(() => term.stream.write('a line\nthat is two\n'));
    expect(term.screen()).toEqual([
      'job b: saved out/b.pdf',
      'a line',
      'that is two',
      'job a  50%',
      'job b 100%',
    ]);
    expect(term.cursorVisible()).toBe(false);
    region.close();
    expect(term.screen().slice(-2)).toEqual(['job a  50%', 'job b 100%']);
    expect(term.cursorVisible()).toBe(true);
  });

  it('cuts rows to the terminal width so they never wrap, and folds rows the screen cannot hold', () => {
    const term = virtualTerminal(20, 6);
    const region = liveRegion(term.stream, { now: ticking() });
    for (const id of ['1', '2', '3', '4', '5', '6']) region.set(id, `row ${id} with a long text`);
    region.close();
    expect(term.screen()).toEqual([
      'row 1 with a long …',
      'row 2 with a long …',
      'row 3 with a long …',
      '… and 3 more',
    ]);
  });

  it('erases its rows while paused (a question) and draws them again after', () => {
    const term = virtualTerminal();
    const region = liveRegion(term.stream, { now: ticking() });
    region.set('a', 'job a 10%');
    region.pause();
    expect(term.screen()).toEqual([]);
    expect(term.cursorVisible()).toBe(true);
    term.stream.write('Lot number? 1\n');
    region.set('a', 'job a 20%');
    region.resume();
    expect(term.screen()).toEqual(['Lot number? 1', 'job a 20%']);
  });

  it('merges redraws closer than 40 ms and draws the last state on close', () => {
    let written = 0;
    const term = virtualTerminal();
    const stream = { ...term.stream, write: (t: string) => ((written += 1), term.stream.write(t)) };
    const region = liveRegion(stream, { now: () => 0 });
    region.set('a', 'job a 1%');
    for (let i = 2; i <= 100; i++) region.set('a', `job a ${i}%`);
    expect(written).toBe(1);
    region.close();
    expect(term.screen()).toEqual(['job a 100%']);
  });

  it('after the terminal got narrower, erases every line its rows wrapped over', () => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 80, rows: 40, write: (t: string) => written.push(t) };
    const region = liveRegion(stream, { now: ticking() });
    region.set('a', 'a'.repeat(60));
    region.set('b', 'b'.repeat(60));
    stream.columns = 40;
    region.above(() => undefined);
    // Two rows of 60 columns on a 40-column terminal: four lines to go back over.
    expect(written.at(-2)).toBe('\u001b[4A\r\u001b[J');
  });

  it('puts no control character from a server on the terminal', () => {
    expect(printable('Kerkweg\u001b[2J 8\u009b\r')).toBe('Kerkweg?[2J 8??');
    expect(printable('two\nlines', true)).toBe('two\nlines');
    expect(fitWidth('日本語のラベル', 7)).toBe('日本語…');
  });
});
