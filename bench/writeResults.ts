import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as prettier from 'prettier';
import type { BenchResults } from './BenchResults';
import { benchmarksMarkdown } from './report';

const REPO = path.join(__dirname, '..');

/** The chart's file name, next to benchmarks.md (which embeds it by this relative name). */
export const CHART_FILE = 'benchmarks-polling.svg';

/** Where a run's files go. */
export interface OutputPaths {
  readonly results: string;
  readonly markdown: string;
  /** The chart, beside the markdown that embeds it. */
  readonly chart: string;
}

/**
 * bench/results.json and docs/benchmarks.md, or both inside `out` when given (a test's temp folder).
 *
 * @example
 * outputPaths(undefined).markdown; // <repo>/docs/benchmarks.md
 */
export const outputPaths = (out: string | undefined): OutputPaths =>
  out === undefined
    ? {
        results: path.join(REPO, 'bench', 'results.json'),
        markdown: path.join(REPO, 'docs', 'benchmarks.md'),
        chart: path.join(REPO, 'docs', CHART_FILE),
      }
    : {
        results: path.join(out, 'results.json'),
        markdown: path.join(out, 'benchmarks.md'),
        chart: path.join(out, CHART_FILE),
      };

/**
 * Writes both files. The markdown goes through prettier with the repository's config, so the generated
 * docs/benchmarks.md passes the format check as it is.
 *
 * @example
 * await writeResults(results, outputPaths(options.out));
 */
export const writeResults = async (results: BenchResults, paths: OutputPaths): Promise<void> => {
  const config = (await prettier.resolveConfig(path.join(REPO, 'docs', 'benchmarks.md'))) ?? {};
  const markdown = await prettier.format(benchmarksMarkdown(results), { ...config, parser: 'markdown' });
  await mkdir(path.dirname(paths.results), { recursive: true });
  await mkdir(path.dirname(paths.markdown), { recursive: true });
  await writeFile(paths.results, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(paths.markdown, markdown);
};
