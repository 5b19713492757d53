import { writeFile } from 'node:fs/promises';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { BenchResults } from './BenchResults';

/** One mark of the chart. */
interface Datum {
  readonly n: string;
  readonly series: string;
  readonly kind: 'ours' | 'anchor' | 'oracle';
  readonly requestsPerJob: number;
  readonly p95: number;
  readonly order: number;
}

/** The chart's data: per N, ours across the sweep (a line), the anchors and (b) (points), the oracle (a line). */
export const chartData = (results: BenchResults): Datum[] => {
  const data: Datum[] = [];
  const floor = (x: number): number => Math.max(x, 0.005);
  for (const r of results.polling) {
    const ours = r.strategy === 'a' || r.strategy.startsWith('s');
    data.push({
      n: `N = ${r.n}`,
      series: ours ? 'planviewer-rx, across settings' : `(${r.strategy}) ${r.label}`,
      kind: ours ? 'ours' : 'anchor',
      requestsPerJob: r.requestsPerJob,
      p95: floor(r.detectionMs.p95 / 1_000),
      order: r.requestsPerJob,
    });
  }
  for (const o of results.oracle ?? [])
    for (const p of o.curve)
      data.push({
        n: `N = ${o.n}`,
        series: 'oracle (knows every finish), batched',
        kind: 'oracle',
        requestsPerJob: p.requestsPerJob,
        p95: floor(p.p95Ms / 1_000),
        order: p.requestsPerJob,
      });
  return data;
};

/**
 * Requests per job against p95 detection delay, one panel per N, drawn by vega-lite and rendered to SVG by
 * vega's headless view (no browser, no canvas).
 *
 * @example
 * await writeChart(results, 'docs/benchmarks-polling.svg');
 */
export const writeChart = async (results: BenchResults, file: string): Promise<void> => {
  const x = {
    field: 'requestsPerJob',
    type: 'quantitative',
    scale: { type: 'log' },
    title: 'status requests per job (log)',
  } as const;
  const y = {
    field: 'p95',
    type: 'quantitative',
    scale: { type: 'log' },
    title: 'p95 detection delay, s (log)',
  } as const;
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    legend: { orient: 'bottom', columns: 2, labelLimit: 420 },
  } as const;
  const spec: vl.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values: chartData(results) },
    facet: { field: 'n', type: 'ordinal', title: null, sort: 'ascending' },
    columns: 2,
    spec: {
      width: 300,
      height: 220,
      layer: [
        {
          transform: [{ filter: "datum.kind !== 'anchor'" }],
          mark: { type: 'line', point: true },
          encoding: { x, y, color, order: { field: 'order', type: 'quantitative' } },
        },
        {
          transform: [{ filter: "datum.kind === 'anchor'" }],
          mark: { type: 'point', filled: true, size: 70 },
          encoding: { x, y, color, shape: { field: 'series', type: 'nominal', legend: null } },
        },
      ],
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  await writeFile(file, `${await view.toSVG()}\n`);
  view.finalize();
};
