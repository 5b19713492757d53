import * as path from 'node:path';
import {
  checkExamples,
  examplesFromMarkdown,
  examplesFromTsdoc,
  formatProblem,
  publicEntries,
} from '../../scripts/checkExamples';

const ROOT = path.resolve(__dirname, '../..');

describe('examplesFromTsdoc', () => {
  it('takes each @example up to the next tag, with the line of its first code line', () => {
    const text = [
      'import x from "y";', // 1
      '/**', // 2
      ' * Summary.', // 3
      ' *', // 4
      ' * @example', // 5
      " * import { results } from 'planviewer-rx';", // 6
      ' * results();', // 7
      ' *', // 8
      ' * @since 0.1.0', // 9
      ' */', // 10
      '/** @example', // 11
      ' * ```ts', // 12
      ' * const a = 1;', // 13
      ' * ```', // 14
      ' */', // 15
    ].join('\n');
    expect(examplesFromTsdoc('src/a.ts', text)).toEqual([
      { file: 'src/a.ts', line: 6, code: "import { results } from 'planviewer-rx';\nresults();" },
      { file: 'src/a.ts', line: 13, code: 'const a = 1;' },
    ]);
  });
});

describe('examplesFromMarkdown', () => {
  it('takes ts and typescript blocks only, not those inside another fence', () => {
    const text = [
      '# T',
      '```ts',
      'const a = 1;',
      '```',
      '```md',
      '```ts',
      'no',
      '```',
      '```typescript',
      'let b;',
      '```',
    ].join('\n');
    expect(examplesFromMarkdown('docs/x.md', text)).toEqual([
      { file: 'docs/x.md', line: 3, code: 'const a = 1;' },
      { file: 'docs/x.md', line: 10, code: 'let b;' },
    ]);
  });
});

describe('checkExamples', () => {
  const entries = publicEntries(ROOT);

  it('maps every export of package.json to its source entry', () => {
    expect(entries).toMatchObject({
      'planviewer-rx': path.join(ROOT, 'src/index.ts'),
      'planviewer-rx/simulator': path.join(ROOT, 'src/simulator/index.ts'),
    });
  });

  it('reports a name the public entry does not export, and a missing placeholder, at file:line:column', () => {
    const problems = checkExamples(
      ROOT,
      [
        { file: 'docs/good.md', line: 10, code: "import { results } from 'planviewer-rx';\nresults();" },
        {
          file: 'docs/bad.md',
          line: 20,
          code: "import { orderStream } from 'planviewer-rx';\n\nsave(orderStream);",
        },
      ],
      entries,
    );
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^docs\/bad\.md:20:10 - error TS2305: .*has no exported member 'orderStream'/),
      expect.stringMatching(/^docs\/bad\.md:22:1 - error TS2304: Cannot find name 'save'/),
    ]);
  });
});
