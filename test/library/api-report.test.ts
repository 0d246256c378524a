// The committed API reports (api/*.api.md) are the reviewed public API: a change to an exported signature without
// `npm run api:update` fails here, so every API change shows in a pull request's diff.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { API_ENTRY_POINTS, PROJECT_ROOT, runApiReports } from '../../scripts/api-report';

test('the compiled public API matches the committed reports (after a deliberate change: npm run api:update)', () => {
  const results = runApiReports();
  expect(results.map(({ report, changed, errors }) => ({ report, changed, errors }))).toEqual(
    API_ENTRY_POINTS.map(({ report }) => ({ report, changed: false, errors: [] })),
  );
});

test('each entry point of package.json has a committed report', () => {
  const exported = Object.values<any>(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).exports)
    .filter((target) => typeof target === 'object')
    .map((target) => target.types.replace(/^\.\//, ''));
  expect(exported.sort()).toEqual(API_ENTRY_POINTS.map((entry) => entry.declarations).sort());
  for (const { report } of API_ENTRY_POINTS) expect(fs.readFileSync(path.join(PROJECT_ROOT, 'api', report), 'utf8')).toContain('export class');
});

test('a changed exported signature is reported as a change against the committed report', () => {
  // A copy of the compiled package, with one signature changed, outside the project (other files copy dist/ while
  // this runs) and with the project's node_modules linked in, so cdktf and constructs resolve.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-api-change-'));
  try {
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    fs.cpSync(path.join(PROJECT_ROOT, 'dist', 'constructs'), path.join(copy, 'dist', 'constructs'), { recursive: true });
    fs.copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(copy, 'package.json'));
    const durationTypes = path.join(copy, 'dist', 'constructs', 'core', 'duration.d.ts');
    const original = fs.readFileSync(durationTypes, 'utf8');
    expect(original).toContain('static minutes(amount: number): Duration;');
    fs.writeFileSync(durationTypes, original.replace('static minutes(amount: number): Duration;', 'static minutes(amount: number, unit?: string): Duration;'));
    const [root, platform] = runApiReports({ projectFolder: copy });
    expect(root).toEqual({ report: 'feedops.api.md', changed: true, errors: [] });
    // Duration is not part of feedops/platform's API.
    expect(platform.changed).toBe(false);
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'api', 'feedops.api.md'), 'utf8')).toContain('static minutes(amount: number): Duration;');
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
