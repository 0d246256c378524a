// Issue 17, point 5: one supported Node.js range, accepted by every dependency, checked by .ci/run.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as semver from 'semver';

const projectRoot = path.resolve(__dirname, '../../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: Record<string, string> | string[]; optional?: boolean }> };
const SUPPORTED = packageJson.engines.node;
const script = path.join(projectRoot, 'scripts/check-node-version.cjs');

type Checker = { satisfies(version: string, range: string): boolean };
const checker = (): Promise<Checker> => import(script) as Promise<Checker>;

test('every locked dependency accepts every Node.js version of engines.node (so npm ci warns of no engine)', () => {
  const refusing = Object.entries(lock.packages)
    .filter(([name, entry]) => name !== '' && !Array.isArray(entry.engines) && typeof entry.engines?.node === 'string')
    .filter(([, entry]) => !semver.subset(SUPPORTED, (entry.engines as Record<string, string>).node))
    .map(([name, entry]) => `${name} wants node ${(entry.engines as Record<string, string>).node}`);
  expect(refusing).toEqual([]);
});

test('the Node.js running the tests (this machine, CI) is in the supported range', () => {
  expect(semver.satisfies(process.version, SUPPORTED)).toBe(true);
});

test('the check .ci/run uses agrees with semver on the supported range', async () => {
  const { satisfies } = await checker();
  const versions = ['18.20.4', '20.0.0', '20.18.3', '20.19.0', '20.20.2', '21.7.3', '22.12.0', '22.13.0', '23.11.1', '24.0.0', '26.1.0'];
  expect(versions.map((version) => [version, satisfies(version, SUPPORTED)])).toEqual(versions.map((version) => [version, semver.satisfies(version, SUPPORTED)]));
});

test('fails when a range uses a form the check does not understand, naming it', async () => {
  const { satisfies } = await checker();
  expect(() => satisfies('20.19.0', '>=20 <23')).toThrow('engines.node: ">=20 <23" is not a form this check understands (allowed: ^X.Y.Z or >=X.Y.Z, joined by ||)');
});

test('.ci/run checks the Node.js version before installing anything', () => {
  const ciRun = fs.readFileSync(path.join(projectRoot, '.ci/run'), 'utf8');
  const check = ciRun.indexOf('node scripts/check-node-version.cjs');
  expect(check).toBeGreaterThan(0);
  expect(check).toBeLessThan(ciRun.indexOf('npm ci'));
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  expect([result.status, result.stdout]).toEqual([0, `Node.js ${process.version} is in the supported range ${SUPPORTED}\n`]);
});
