/**
 * The public surface as a snapshot: every name each package entry exports, values and types apart. A change
 * here is a change to what users can import, so it shows in review as a diff of the snapshot
 * (`npx jest spec/surface -u` after deciding it is right).
 */
import * as path from 'node:path';
import ts from 'typescript';
import { publicEntries } from '../../scripts/checkExamples';

const ROOT = path.resolve(__dirname, '../..');
const entries = publicEntries(ROOT);

// One program for every entry: type-checking the sources once is most of this spec's time.
const program = ts.createProgram(Object.values(entries), {
  strict: true,
  skipLibCheck: true,
  esModuleInterop: true,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  target: ts.ScriptTarget.ES2022,
  types: ['node'],
});
const checker = program.getTypeChecker();

const exportedNames = (file: string): { values: string[]; types: string[] } => {
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  const values: string[] = [];
  const types: string[] = [];
  for (const s of checker.getExportsOfModule(moduleSymbol)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    (target.flags & ts.SymbolFlags.Value ? values : types).push(s.name);
  }
  return { values: values.sort(), types: types.sort() };
};

describe('the public surface', () => {
  it('has these entries', () => {
    expect(Object.keys(entries).sort()).toMatchSnapshot();
  });

  describe.each(Object.keys(entries).sort())('%s', (entry) => {
    const names = exportedNames(entries[entry]!);

    it('exports these names', () => {
      expect(names).toMatchSnapshot();
    });

    it('exports at run time exactly its value names (Object.keys of the module)', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const runtime = Object.keys(require(entries[entry]!) as object).sort();
      expect(runtime).toEqual(names.values);
    });
  });
});
