// Every construct of the public entry points takes `<Class>Props`, declared in the construct's own file and exported
// next to it, and documents the default of every optional prop (`@default`), as construct libraries do.
import * as path from 'path';
import * as ts from 'typescript';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
// The compiled declarations the package ships (their doc comments included): the same classes and props as the
// sources, without the bodies the checker would otherwise load.
const ENTRY_POINTS = ['dist/constructs/index.d.ts', 'dist/constructs/platform.d.ts'].map((file) => path.join(PROJECT_ROOT, file));
/** The source file a declaration file was compiled from, for names a reader finds. */
const sourceOf = (file: string) => path.relative(PROJECT_ROOT, file).replace(/^dist\//, '').replace(/\.d\.ts$/, '.ts');
// Only the ES2022 library: the DOM's declarations are not needed to read the props, and were a third of the parsing.
const program = ts.createProgram(ENTRY_POINTS, { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], module: ts.ModuleKind.CommonJS, skipLibCheck: true, types: [] });
const checker = program.getTypeChecker();

interface ExportedConstruct {
  readonly entry: string;
  readonly name: string;
  readonly declaration: ts.ClassDeclaration;
  readonly exportedNames: ReadonlySet<string>;
}

function extendsConstruct(declaration: ts.ClassDeclaration): boolean {
  const type = checker.getTypeAtLocation(declaration) as ts.InterfaceType;
  const bases = checker.getBaseTypes(type);
  return bases.some((base) => base.symbol?.name === 'Construct' || (base.symbol?.declarations ?? []).some((d) => ts.isClassDeclaration(d) && extendsConstruct(d)));
}

const constructs: ExportedConstruct[] = ENTRY_POINTS.flatMap((entry) => {
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const exports = checker.getExportsOfModule(moduleSymbol);
  const exportedNames = new Set(exports.map((symbol) => symbol.name));
  return exports.flatMap((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.find(ts.isClassDeclaration);
    return declaration && extendsConstruct(declaration) ? [{ entry: sourceOf(entry), name: symbol.name, declaration, exportedNames }] : [];
  });
});

test('the entry points export constructs to check', () => {
  expect(constructs.map((construct) => construct.name)).toEqual(expect.arrayContaining(['FeedopsClusterConnection', 'PrometheusRules', 'GrafanaDashboard', 'EksCluster', 'Network']));
});

describe.each(constructs.map((construct) => [`${construct.entry}: ${construct.name}`, construct] as const))('%s', (_name, construct) => {
  const constructor = construct.declaration.members.find(ts.isConstructorDeclaration);
  const propsParameter = constructor?.parameters[2];

  test('takes <Class>Props, declared in its own file and exported with it (or takes no props)', () => {
    if (!propsParameter) {
      expect(constructor?.parameters.length ?? 0).toBeLessThanOrEqual(2);
      return;
    }
    const typeName = propsParameter.type?.getText();
    expect(typeName).toBe(`${construct.name}Props`);
    const propsSymbol = checker.getSymbolAtLocation((propsParameter.type as ts.TypeReferenceNode).typeName)!;
    const propsFiles = (propsSymbol.declarations ?? []).map((declaration) => declaration.getSourceFile().fileName);
    expect(propsFiles).toEqual([construct.declaration.getSourceFile().fileName]);
    expect(construct.exportedNames.has(`${construct.name}Props`)).toBe(true);
  });

  test('documents the default of every optional prop with @default', () => {
    if (!propsParameter) return expect(propsParameter).toBeUndefined();
    const type = checker.getTypeAtLocation(propsParameter);
    const undocumented = checker
      .getPropertiesOfType(type)
      .filter((property) => property.flags & ts.SymbolFlags.Optional)
      .filter((property) => !property.getJsDocTags(checker).some((tag) => tag.name === 'default'))
      .map((property) => property.name);
    expect(undocumented).toEqual([]);
  });
});
