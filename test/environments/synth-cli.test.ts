import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENVIRONMENTS } from '../../environments';
import { readLoadedPackages, writeLoadedPackagesRecorder } from '../support/loaded-packages';

// Runs the compiled app (dist/main.js) as `npm run synth` does, with one environment file replaced by a broken one.
const projectRoot = path.resolve(__dirname, '../../..');
const distRoot = path.join(projectRoot, 'dist');

/** One copy of the compiled app for the file (copying dist/ per case cost more than most runs); each case edits its prod. */
let work: string;
let pristineProd: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-cli-'));
  fs.cpSync(distRoot, path.join(work, 'dist'), { recursive: true, filter: (src) => !src.includes(`${path.sep}test${path.sep}`) });
  pristineProd = fs.readFileSync(path.join(work, 'dist', 'environments', 'prod.js'), 'utf8');
});
afterAll(() => work && fs.rmSync(work, { recursive: true, force: true }));

function runApp(breakProd?: (source: string) => string, nodeArgs: string[] = []) {
  fs.writeFileSync(path.join(work, 'dist', 'environments', 'prod.js'), breakProd ? breakProd(pristineProd) : pristineProd);
  fs.rmSync(path.join(work, 'cdktf.out'), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [...nodeArgs, path.join(work, 'dist', 'main.js')], {
    cwd: work,
    encoding: 'utf8',
    env: withoutOutdir({ ...process.env, NODE_PATH: path.join(projectRoot, 'node_modules') }),
  });
  const wroteOutput = fs.existsSync(path.join(work, 'cdktf.out'));
  const stacks = wroteOutput ? fs.readdirSync(path.join(work, 'cdktf.out', 'stacks')) : [];
  return { status: result.status, stderr: result.stderr, wroteOutput, stacks };
}

/** The app must write to its working directory's cdktf.out, not wherever the calling shell points. */
function withoutOutdir(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.CDKTF_OUTDIR;
  return rest;
}

/** Runs the app with a recorder preloaded, which writes on exit the packages the app loaded from node_modules. */
function runAppRecordingPackages(breakProd?: (source: string) => string) {
  const loadedFile = path.join(work, 'loaded-packages.json');
  fs.rmSync(loadedFile, { force: true });
  const run = runApp(breakProd, ['--require', writeLoadedPackagesRecorder(work, loadedFile)]);
  return { ...run, packages: new Set(readLoadedPackages(loadedFile)) };
}

const CDKTF_PACKAGES = /^(cdktf|constructs|@cdktf\/)/;

test('a valid configuration writes every cluster stack', () => {
  const run = runAppRecordingPackages();
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stacks).toEqual(expect.arrayContaining(Object.keys(ENVIRONMENTS).map((env) => `${env}-cluster`)));
  expect([...run.packages]).toEqual(expect.arrayContaining(['cdktf', 'constructs', '@cdktf/provider-aws']));
});

test('fails when an environment file is broken: exits non-zero, names the field path, writes no stack output, before cdktf loads', () => {
  const run = runAppRecordingPackages((source) => source.replace("publicEndpointCidrs: []", "publicEndpointCidrs: ['0.0.0.0/0']").replace("vpcCidr: '10.30.0.0/16'", "vpcCidr: '10.30.0.0/33'"));
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('prod: cluster.publicEndpointCidrs[0]: "0.0.0.0/0" opens the Kubernetes API to the whole internet');
  expect(run.stderr).toContain('prod: network.vpcCidr:');
  expect(run.wroteOutput).toBe(false);
  // Validated before cdktf and the providers load: the app read the environments (zod) and nothing of cdktf.
  expect(run.packages.has('zod')).toBe(true);
  expect([...run.packages].filter((name) => CDKTF_PACKAGES.test(name))).toEqual([]);
});

test('fails when an environment file throws while it loads: names the environment and the file, no stack trace', () => {
  const run = runApp((source) => `exports.prod = undefined.cluster;\n${source}`);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("prod: environments/prod.ts: TypeError: Cannot read properties of undefined (reading 'cluster') (while loading the file)");
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.wroteOutput).toBe(false);
});

/** Appends a statement that changes the compiled prod environment, as an edit of environments/prod.ts would. */
const editProd = (statement: string) => (source: string) => `${source}\n${statement}\n`;

describe('the price-feed and routing fields fail synth through the one validation path', () => {
  test('fails when a Slack receiver is named "x" (a receiver name needs 2 characters)', () => {
    const run = runApp(editProd(`exports.prod.alerting = { ...exports.prod.alerting, slackReceivers: { ...exports.prod.alerting.slackReceivers, x: { channel: '#x' } } };`));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('prod: alerting.slackReceivers.x: key "x" (allowed: a receiver name: lower-case letters, digits and "-", 2-63 characters');
    expect(run.wroteOutput).toBe(false);
  });

  test('fails when the heartbeat URL has a query string (it would put a credential in the rendered config)', () => {
    const run = runApp(editProd(`exports.prod.alerting = { ...exports.prod.alerting, heartbeat: { ...exports.prod.alerting.heartbeat, url: 'https://api.eu.opsgenie.com/v2/heartbeats/feedops-prod/ping?apiKey=abc' } };`));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('prod: alerting.heartbeat.url: "https://api.eu.opsgenie.com/v2/heartbeats/feedops-prod/ping?apiKey=abc" (allowed: an https URL');
    expect(run.wroteOutput).toBe(false);
  });

  test('fails when a feed has an unknown asset type', () => {
    const run = runApp(editProd(`exports.prod.priceFeeds.feeds['Stocks.US.AAPL/USD'] = {};`));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('prod: priceFeeds.feeds["Stocks.US.AAPL/USD"]: "Stocks.US.AAPL/USD" has asset type "Stocks", which is not a Pyth asset class (allowed: Crypto, Equity, FX, Metal, Rates, Commodities');
    expect(run.wroteOutput).toBe(false);
  });

  test('fails when a feed is listed twice', () => {
    const run = runApp(editProd(`exports.prod.priceFeeds.feeds['crypto.btc/usd'] = { coingeckoId: 'bitcoin' };`));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('prod: priceFeeds.feeds["crypto.btc/usd"]: "crypto.btc/usd" is a duplicate of feed "Crypto.BTC/USD" (allowed: each Pyth feed once)');
    expect(run.wroteOutput).toBe(false);
  });
});

// ---- wallets (constructs/wallets) ----
describe('a broken wallet fails synth: exits non-zero, names the field path, writes no stack output', () => {
  test.each([
    [
      'a bad EVM checksum',
      (source: string) => source.replace("address: '0x68fc5207dd28339551292b8E94133abd2878936C'", "address: '0x68FC5207dd28339551292b8E94133abd2878936C'"),
      'prod: wallets.wallets.ethereum-pusher.address: "0x68FC5207dd28339551292b8E94133abd2878936C" fails its EIP-55 checksum',
    ],
    [
      'floors in the wrong order',
      (source: string) => source.replace("floors: { warning: '1.5', critical: '0.5' }", "floors: { warning: '0.5', critical: '1.5' }"),
      'prod: wallets.wallets.ethereum-pusher.floors.warning: "0.5" is not above the critical floor "1.5" (allowed: warning > critical)',
    ],
    [
      'an undeclared network',
      (source: string) => source.replace("network: 'solana',", "network: 'solana-mainnet',"),
      'prod: wallets.wallets.solana-pusher.network: "solana-mainnet" is not declared in wallets.networks (allowed: ethereum, arbitrum, solana, pythnet)',
    ],
  ])('%s', (_what, breakProd, message) => {
    const broken = breakProd(fs.readFileSync(path.join(distRoot, 'environments', 'prod.js'), 'utf8'));
    expect(broken).not.toBe(fs.readFileSync(path.join(distRoot, 'environments', 'prod.js'), 'utf8'));
    const run = runApp(breakProd);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.wroteOutput).toBe(false);
  });
});
