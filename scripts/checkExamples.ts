/**
 * Type-checks every example a user can read: each `@example` in the TSDoc of src/ and each ```ts block in
 * README.md and docs/*.md. Examples import the package the way a user does (`planviewer-rx`,
 * `planviewer-rx/simulator`, …); those specifiers are mapped to the source entries behind package.json's
 * `exports` (read from tsup.config.ts), so an example can only use what the package really exports.
 *
 * An example is its own module and must be self-contained: placeholders are declared
 * (`declare const key: string;`). An example in an internal module may import that module by its relative
 * path, since it documents code no user can import.
 *
 * Usage: `npm run check:examples` (exit code 1 and one `file:line:col - error TS…` per problem).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** One example: its code and where its first line is (1-based) in the file it came from. */
export interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

/** One problem, located in the file the example came from. */
export interface ExampleProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

// -------------------------------------------------------------------------------------
// extraction
// -------------------------------------------------------------------------------------

const FENCE_OPEN = /^(\s*)```(ts|typescript)\s*$/;
const FENCE_ANY = /^(\s*)```/;
// A closing fence has no info string (CommonMark), so ```ts inside a ```md block does not close it.
const FENCE_CLOSE = /^\s*```+\s*$/;

const dedent = (lines: readonly string[], indent: number): string =>
  lines.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');

/** The ```ts blocks of a Markdown text; `line` is the first line of code (after the fence). */
export const examplesFromMarkdown = (file: string, text: string): Example[] => {
  const lines = text.split('\n');
  const found: Example[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = FENCE_OPEN.exec(lines[i] ?? '');
    if (open === null) {
      // Skip other fenced blocks whole, so a ```ts inside a ```md block is not taken.
      if (FENCE_ANY.test(lines[i] ?? '')) {
        i++;
        while (i < lines.length && !FENCE_CLOSE.test(lines[i] ?? '')) i++;
      }
      i++;
      continue;
    }
    const indent = (open[1] ?? '').length;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !FENCE_CLOSE.test(lines[end] ?? '')) end++;
    found.push({ file, line: start + 1, code: dedent(lines.slice(start, end), indent) });
    i = end + 1;
  }
  return found;
};

/**
 * The `@example` sections of the TSDoc comments of a TypeScript text. A section runs to the next block
 * tag or the end of the comment; a fenced block inside it is taken as the code.
 */
export const examplesFromTsdoc = (file: string, text: string): Example[] => {
  const found: Example[] = [];
  const comment = /\/\*\*[\s\S]*?\*\//g;
  for (let m = comment.exec(text); m !== null; m = comment.exec(text)) {
    const firstLine = text.slice(0, m.index).split('\n').length;
    const lines = m[0].split('\n').map((l) =>
      l
        .replace(/^\s*\/\*\*\s?/, '')
        .replace(/\s*\*\/\s*$/, '')
        .replace(/^\s*\* ?/, ''),
    );
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i] ?? '')) continue;
      let end = i + 1;
      while (end < lines.length && !/^@\w/.test(lines[end] ?? '')) end++;
      let body = lines.slice(i + 1, end);
      let offset = i + 1;
      const fence = body.findIndex((l) => FENCE_ANY.test(l));
      if (fence >= 0) {
        const close = body.findIndex((l, k) => k > fence && FENCE_ANY.test(l));
        offset += fence + 1;
        body = body.slice(fence + 1, close < 0 ? body.length : close);
      }
      while (body.length > 0 && (body[body.length - 1] ?? '').trim() === '') body = body.slice(0, -1);
      found.push({ file, line: firstLine + offset, code: body.join('\n') });
      i = end - 1;
    }
  }
  return found;
};

// -------------------------------------------------------------------------------------
// the public entries
// -------------------------------------------------------------------------------------

type TsupEntries = Record<string, string>;

const tsupEntries = (root: string): TsupEntries => {
  // tsup.config.ts is the one place that says which source file each built entry comes from.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.join(root, 'tsup.config.ts')) as { default: unknown };
  const configs = (Array.isArray(loaded.default) ? loaded.default : [loaded.default]) as {
    entry?: unknown;
  }[];
  const entries: TsupEntries = {};
  for (const c of configs)
    if (typeof c.entry === 'object' && c.entry !== null && !Array.isArray(c.entry))
      Object.assign(entries, c.entry as TsupEntries);
  return entries;
};

const typesTargetOf = (target: unknown): string | undefined => {
  if (typeof target === 'string') return target;
  if (typeof target !== 'object' || target === null) return undefined;
  const conditions = target as Record<string, unknown>;
  for (const key of ['types', 'require', 'import', 'node', 'default']) {
    const found = typesTargetOf(conditions[key]);
    if (found !== undefined) return found;
  }
  return undefined;
};

/**
 * Maps each export of package.json (`planviewer-rx`, `planviewer-rx/simulator`, …) to the source file
 * its build comes from: `./dist/<name>.d.ts` is tsup's entry `<name>`.
 */
export const publicEntries = (root: string): Record<string, string> => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, unknown>;
  };
  const entries = tsupEntries(root);
  const mapped: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (subpath === './package.json') continue;
    const types = typesTargetOf(target);
    const name = types === undefined ? undefined : /^\.\/dist\/(.+?)\.d\.[cm]?ts$/.exec(types)?.[1];
    const source = name === undefined ? undefined : entries[name];
    if (source === undefined) throw new Error(`package.json exports ${subpath}: no tsup entry builds it`);
    mapped[subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`] = path.join(
      root,
      source,
    );
  }
  return mapped;
};

// -------------------------------------------------------------------------------------
// checking
// -------------------------------------------------------------------------------------

const virtualName = (root: string, e: Example, index: number): string =>
  path.join(root, path.dirname(e.file), `__example_${index}_${path.basename(e.file).replace(/\W/g, '_')}.ts`);

/** Type-checks the examples against the given entries; returns the problems, located in their files. */
export const checkExamples = (
  root: string,
  examples: readonly Example[],
  entries: Record<string, string>,
): ExampleProblem[] => {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const base = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root).options;
  const options: ts.CompilerOptions = {
    ...base,
    noEmit: true,
    // Examples read like user code: ES modules, top-level await, bundler-style resolution.
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    target: ts.ScriptTarget.ES2022,
    noUnusedLocals: false,
    noUnusedParameters: false,
    paths: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v]])),
  };
  const byName = new Map<string, Example>();
  examples.forEach((e, i) => byName.set(virtualName(root, e, i), e));
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const e = byName.get(path.resolve(name));
    return e !== undefined
      ? ts.createSourceFile(name, e.code, language, true)
      : getSourceFile(name, language, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => byName.has(path.resolve(name)) || fileExists(name);
  const program = ts.createProgram([...byName.keys()], options, host);
  const problems: ExampleProblem[] = [];
  for (const [name, e] of byName) {
    const sourceFile = program.getSourceFile(name);
    if (sourceFile === undefined) continue;
    const diagnostics = [
      ...program.getSyntacticDiagnostics(sourceFile),
      ...program.getSemanticDiagnostics(sourceFile),
    ];
    for (const d of diagnostics) {
      const at =
        d.start === undefined ? { line: 0, character: 0 } : sourceFile.getLineAndCharacterOfPosition(d.start);
      problems.push({
        file: e.file,
        line: e.line + at.line,
        column: at.character + 1,
        message: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n  ')}`,
      });
    }
  }
  // Problems outside the examples (in the sources they import) would hide behind the examples' own.
  for (const d of program.getGlobalDiagnostics())
    problems.push({
      file: '(global)',
      line: 0,
      column: 0,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n  '),
    });
  return problems;
};

// -------------------------------------------------------------------------------------
// the repository's examples
// -------------------------------------------------------------------------------------

const walk = (dir: string, keep: (f: string) => boolean, skip: readonly string[] = []): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
        const full = path.join(dir, d.name);
        if (d.isDirectory()) return skip.includes(full) ? [] : walk(full, keep, skip);
        return keep(full) ? [full] : [];
      })
    : [];

/** Every example of the repository: TSDoc of src/, README.md and docs/**.md (the generated docs/api aside). */
export const repositoryExamples = (root: string): Example[] => {
  const relative = (f: string): string => path.relative(root, f);
  const tsdoc = walk(path.join(root, 'src'), (f) => f.endsWith('.ts')).flatMap((f) =>
    examplesFromTsdoc(relative(f), fs.readFileSync(f, 'utf8')),
  );
  const markdown = [
    path.join(root, 'README.md'),
    ...walk(path.join(root, 'docs'), (f) => f.endsWith('.md'), [path.join(root, 'docs', 'api')]),
  ]
    .filter((f) => fs.existsSync(f))
    .flatMap((f) => examplesFromMarkdown(relative(f), fs.readFileSync(f, 'utf8')));
  return [...tsdoc, ...markdown];
};

export const formatProblem = (p: ExampleProblem): string =>
  `${p.file}:${p.line}:${p.column} - error ${p.message}`;

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const examples = repositoryExamples(root);
  const problems = checkExamples(root, examples, publicEntries(root));
  const fromDocs = examples.filter((e) => e.file.endsWith('.md')).length;
  for (const p of problems) console.error(formatProblem(p));
  const summary = `${examples.length} examples (${examples.length - fromDocs} TSDoc @example, ${fromDocs} Markdown ts blocks)`;
  if (problems.length > 0) {
    const files = new Set(problems.map((p) => p.file)).size;
    console.error(`\n${problems.length} problems in ${files} files; ${summary} checked.`);
    process.exit(1);
  }
  console.log(`${summary}: all type-check against the public entries.`);
}
