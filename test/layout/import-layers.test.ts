import * as fs from 'fs';
import * as path from 'path';

// The library's layers: core/ is the foundation (cdktf import boundary, value objects, validation) and imports
// nothing above it, so every other folder can use it without a cycle.
const constructsRoot = path.resolve(__dirname, '../../../constructs');

function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/from '(\.[^']+)'/g)].map((match) => path.resolve(path.dirname(file), match[1]));
}

test('core/ imports only from core/', () => {
  const coreDir = path.join(constructsRoot, 'core');
  const files = fs.readdirSync(coreDir).filter((name) => name.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(5);
  const outside = files.flatMap((name) =>
    importsOf(path.join(coreDir, name))
      .filter((target) => !target.startsWith(coreDir + path.sep))
      .map((target) => `core/${name} imports ${path.relative(constructsRoot, target)}`),
  );
  expect(outside).toEqual([]);
});

test('kubernetes/ helpers depend on no monitor pack', () => {
  const dir = path.join(constructsRoot, 'kubernetes');
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(0);
  const packImports = files.flatMap((name) =>
    importsOf(path.join(dir, name)).filter((target) => /constructs\/(price-feeds|wallets|endpoints|slo)\b/.test(target)).map((target) => `${name} -> ${target}`),
  );
  expect(packImports).toEqual([]);
});
