import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatProblem } from '../../constructs/core/validation-error';
import { validateEnvironment } from '../../environments/validate';
import { prod } from '../../environments/prod';

/** prod with its endpoints changed by `edit`; the problems validation reports, formatted as synth prints them. */
function problemsWith(edit: (endpoints: Record<string, any>) => void): string[] {
  const config = structuredClone(prod) as any;
  edit(config.endpoints);
  return validateEnvironment('prod', config).problems.map(formatProblem);
}

test('the shipped environments have valid endpoints', () => {
  expect(problemsWith(() => undefined)).toEqual([]);
});

test('fails when an endpoint kind is unknown, naming the allowed kinds', () => {
  expect(problemsWith((e) => (e['pythnet-rpc'].kind = 'websocket'))).toEqual(['prod: endpoints.pythnet-rpc.kind: "websocket" (allowed: "http", "jsonrpc", "tcp")']);
});

test('fails when a URL carries an API key in its path, so keys go to Secrets Manager instead', () => {
  expect(problemsWith((e) => (e['ethereum-rpc-publicnode'].url = 'https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef'))).toEqual([
    expect.stringMatching(/^prod: endpoints\.ethereum-rpc-publicnode\.url: "https:\/\/mainnet\.infura\.io\/v3\/0123456789abcdef0123456789abcdef" has a path segment that looks like an API key \(allowed: no API keys in URLs; use "credentials"/),
  ]);
});

test('fails when a URL carries a key parameter or a password', () => {
  expect(problemsWith((e) => (e['ethereum-rpc-llamarpc'].url = 'https://eth.llamarpc.com/?apiKey=abc'))).toEqual([
    expect.stringContaining('prod: endpoints.ethereum-rpc-llamarpc.url: "https://eth.llamarpc.com/?apiKey=abc" has the credential parameter "apiKey"'),
  ]);
  expect(problemsWith((e) => (e['hermes-ready'].url = 'https://user:pass@hermes.pyth.network/ready'))).toEqual([
    expect.stringContaining('prod: endpoints.hermes-ready.url: "https://user:pass@hermes.pyth.network/ready" carries a user name or password'),
  ]);
});

test('fails when a field belongs to another kind, listing the fields of this kind', () => {
  expect(problemsWith((e) => (e['hermes-ready'].method = 'GET'))).toEqual([
    'prod: endpoints.hermes-ready.method: unknown field (allowed: kind, url, expectedStatus, bodyMatches, credentials, interval, team, latencyObjectiveSeconds, group, availabilityObjectivePercent)',
  ]);
});

test('fails when a name, an interval, a latency objective or a TCP address is malformed', () => {
  expect(
    problemsWith((e) => {
      e['Hermes_Backup'] = { ...e['hermes-ready'] };
      e['hermes-ready'].interval = '2s';
      e['pythnet-rpc'].latencyObjectiveSeconds = 0;
      e['pythnet-tls'].address = 'api2.pythnet.pyth.network';
    }),
  ).toEqual([
    'prod: endpoints.hermes-ready.interval: "2s" is too short (allowed: at least 5s)',
    'prod: endpoints.pythnet-rpc.latencyObjectiveSeconds: number 0 (allowed: above 0)',
    'prod: endpoints.pythnet-tls.address: "api2.pythnet.pyth.network" is not host:port (allowed: e.g. "api2.pythnet.pyth.network:443")',
    'prod: endpoints.Hermes_Backup: key "Hermes_Backup" is not an endpoint name (allowed: lower-case letters, digits and "-", 2-48 characters)',
  ]);
});

test('fails when a body pattern uses lookaround, which the exporter\'s RE2 cannot run', () => {
  expect(problemsWith((e) => (e['hermes-price-feeds'].bodyMatches = '(?!error)'))).toEqual([
    'prod: endpoints.hermes-price-feeds.bodyMatches: "(?!error)" uses lookaround or a backreference (allowed: an RE2 regular expression, as the blackbox exporter uses)',
  ]);
});

test('fails when a group has one member or members of different teams', () => {
  expect(
    problemsWith((e) => {
      e['ethereum-rpc-llamarpc'].team = 'feeds';
      e['pythnet-rpc'].group = 'pythnet';
    }),
  ).toEqual([
    'prod: endpoints.pythnet-rpc.group: "pythnet" has only this endpoint (allowed: a group of at least 2 redundant providers, or no group so that a failure pages)',
    'prod: endpoints.ethereum-rpc-llamarpc.team: "feeds" differs from the team of ethereum-rpc-publicnode in group "ethereum-rpc" (allowed: one owning team per group, "platform")',
  ]);
});

test('fails when credentials name something other than a Secrets Manager reference', () => {
  expect(problemsWith((e) => (e['ethereum-rpc-alchemy'].credentials = { value: 'abc', type: 'Bearer' })).sort()).toEqual([
    'prod: endpoints.ethereum-rpc-alchemy.credentials.property: is missing (allowed: string)',
    'prod: endpoints.ethereum-rpc-alchemy.credentials.secret: is missing (allowed: string)',
    'prod: endpoints.ethereum-rpc-alchemy.credentials.value: unknown field (allowed: secret, property, type)',
  ]);
});

// The compiled app with prod's endpoints broken: synth exits non-zero, names the path, writes nothing.
test('synth fails on a bad endpoint with the field path and writes no output', () => {
  const projectRoot = path.resolve(__dirname, '../../..');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-cli-endpoints-'));
  try {
    fs.cpSync(path.join(projectRoot, 'dist'), path.join(work, 'dist'), { recursive: true, filter: (src) => !src.includes(`${path.sep}test${path.sep}`) });
    const prodFile = path.join(work, 'dist', 'environments', 'prod.js');
    const source = fs.readFileSync(prodFile, 'utf8');
    const broken = source.replace("url: 'https://eth-mainnet.g.alchemy.com/v2'", "url: 'https://eth-mainnet.g.alchemy.com/v2/abcdefghijklmnop0123456789'");
    expect(broken).not.toBe(source);
    fs.writeFileSync(prodFile, broken);
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_PATH: path.join(projectRoot, 'node_modules') };
    delete env.CDKTF_OUTDIR;
    const result = spawnSync(process.execPath, [path.join(work, 'dist', 'main.js')], { cwd: work, encoding: 'utf8', env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('prod: endpoints.ethereum-rpc-alchemy.url: "https://eth-mainnet.g.alchemy.com/v2/abcdefghijklmnop0123456789" has a path segment that looks like an API key');
    expect(fs.existsSync(path.join(work, 'cdktf.out'))).toBe(false);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
