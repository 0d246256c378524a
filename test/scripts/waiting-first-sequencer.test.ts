import * as os from 'os';
import * as path from 'path';
import type { Test } from '@jest/test-result';
import WaitingFirstSequencer from '../support/waiting-first-sequencer';

// As in a fresh clone: no cached timings, so jest alone would order by file size.
const context = { config: { cacheDirectory: path.join(os.tmpdir(), 'feedops-no-jest-cache'), name: 'feedops' }, hasteFS: { getSize: (file: string) => file.length } };
const testAt = (file: string) => ({ path: file, context, duration: undefined }) as unknown as Test;

test('files that wait on real servers start first, the market-open run before the end-to-end paths; then the tool-driven files; the rest keep jest\'s order', async () => {
  const files = [
    '/p/dist/test/core/duration.test.js',
    '/p/dist/test/e2e/wallet-alert-path.test.js',
    '/p/dist/test/a.test.js',
    '/p/dist/test/wallets/wallet-rules.promtool.test.js',
    '/p/dist/test/alerting/alertmanager/market-open.alertmanager.test.js',
    '/p/dist/test/library/package.test.js',
  ];
  const sorted = await new WaitingFirstSequencer().sort(files.map(testAt));
  expect(sorted.map((t) => path.basename(t.path))).toEqual([
    'market-open.alertmanager.test.js',
    'wallet-alert-path.test.js',
    // jest's order (file size, here the path's length) within each tier
    'wallet-rules.promtool.test.js',
    'package.test.js',
    'duration.test.js',
    'a.test.js',
  ]);
});
