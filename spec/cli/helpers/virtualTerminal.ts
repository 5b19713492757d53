import type { OutputStream } from '../../../src/cli/CliIo';

/**
 * Just enough of a VT100 to read what a person would see: text, `\n` (as a tty with onlcr: back to column
 * 1 of the next line), `\r`, cursor up (`ESC[nA`), erase to the end of the screen (`ESC[J`), and cursor
 * show/hide. Lines are not wrapped; the screen has no height (nothing scrolls off).
 */
export interface VirtualTerminal {
  readonly stream: OutputStream;
  /** The screen as text, trailing blank lines removed. */
  screen(): string[];
  cursorVisible(): boolean;
}

export const virtualTerminal = (columns = 160, rows = 40): VirtualTerminal => {
  const lines: string[] = [''];
  let row = 0;
  let col = 0;
  let visible = true;
  const put = (ch: string): void => {
    const line = (lines[row] ?? '').padEnd(col, ' ');
    lines[row] = line.slice(0, col) + ch + line.slice(col + 1);
    col += 1;
  };
  const write = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\u001b') {
        // eslint-disable-next-line no-control-regex
        const m = /^\u001b\[(\??)(\d*)([A-Za-z])/.exec(text.slice(i));
        if (m === null) throw new Error(`unknown escape at ${JSON.stringify(text.slice(i, i + 8))}`);
        const [all, private_, n, op] = m;
        if (private_ === '?' && n === '25') visible = op === 'h';
        else if (op === 'A') row = Math.max(0, row - Number(n === '' ? 1 : n));
        else if (op === 'J') {
          lines[row] = (lines[row] ?? '').slice(0, col);
          lines.length = row + 1;
        } else throw new Error(`unsupported escape ${JSON.stringify(all)}`);
        i += all!.length - 1;
      } else if (ch === '\n') {
        row += 1;
        col = 0;
        if (lines[row] === undefined) lines[row] = '';
      } else if (ch === '\r') col = 0;
      else put(ch);
    }
    return true;
  };
  return {
    stream: { isTTY: true, columns, rows, write },
    screen: () => {
      const copy = lines.map((l) => l.trimEnd());
      while (copy.length > 0 && copy.at(-1) === '') copy.pop();
      return copy;
    },
    cursorVisible: () => visible,
  };
};
