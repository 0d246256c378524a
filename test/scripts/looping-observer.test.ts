// The benchmark's observer stand-in behaves like pyth-observer's loop: metrics change once per loop, a restarted
// process serves only its label-less gauges until its first loop, and a stopped process refuses scrapes.
import * as http from 'http';
import { LoopingObserver } from '../../scripts/alert-path/looping-observer';
import { ObserverSimulator } from '../../scripts/alert-path/observer-simulator';
import { OBSERVER_METRICS } from '../../constructs/price-feeds/observer/observer-metrics';

const SYMBOL = 'Crypto.BTC/USD';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function scrape(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(`http://${target}/metrics`, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

const staleness = (text: string) => Number(new RegExp(`^${OBSERVER_METRICS.priceFeedStalenessSlots.name}\\{[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1]);

let observer: LoopingObserver | undefined;
afterEach(async () => {
  if (observer?.running) await observer.stop();
});

test('before its first loop a started process serves only the label-less gauges, at 0', async () => {
  observer = new LoopingObserver(new ObserverSimulator([SYMBOL]), { sleepSeconds: 0.2, workSeconds: [0.1, 0.1], firstLoopSeconds: [5, 5] });
  await observer.start();
  const text = await scrape(observer.target);
  expect(text).toContain(`${OBSERVER_METRICS.latestBlockSlot.name} 0`);
  expect(text).toContain(`${OBSERVER_METRICS.priceFeedsProcessed.name} 0`);
  expect(text).not.toContain('symbol=');
});

test('metrics change once per loop: scrapes between loops read the same snapshot, and a stop shows at the next loop', async () => {
  observer = new LoopingObserver(new ObserverSimulator([SYMBOL]), { sleepSeconds: 1.2, workSeconds: [0, 0] });
  await observer.start(undefined, true);
  const first = await scrape(observer.target);
  observer.simulator.stopFeed(SYMBOL);
  await sleep(500);
  expect(await scrape(observer.target)).toBe(first);
  await sleep(1500);
  expect(staleness(await scrape(observer.target))).toBeGreaterThan(staleness(first));
});

test('a stopped process refuses scrapes; started again on its port it has the same address', async () => {
  observer = new LoopingObserver(new ObserverSimulator([SYMBOL]));
  await observer.start(undefined, true);
  const before = observer.target;
  const port = await observer.stop();
  await expect(scrape(before)).rejects.toThrow(/ECONNREFUSED/);
  await observer.start(port);
  expect(observer.target).toBe(before);
});
