import * as net from 'net';
import { ephemeralPortsStart, freePort, freePortIn, portSlice, RecordingServer } from '../../scripts/alert-path/local-servers';

const listenOn = (port: number) =>
  new Promise<net.Server>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
const close = (server: net.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

test("a server process's port is below the kernel's ephemeral range, in this worker's slice, never handed out twice", async () => {
  const slice = portSlice(process.env.JEST_WORKER_ID);
  const ports = await Promise.all(Array.from({ length: 40 }, () => freePort()));
  expect(new Set(ports).size).toBe(ports.length);
  for (const port of ports) {
    expect(port).toBeGreaterThanOrEqual(slice.first);
    expect(port).toBeLessThan(slice.first + slice.size);
    expect(port).toBeLessThan(ephemeralPortsStart());
  }
});

test('jest workers draw from slices that do not overlap', () => {
  const slices = ['1', '2', '3', '4'].map((worker) => portSlice(worker));
  for (let a = 0; a < slices.length; a++) {
    for (let b = a + 1; b < slices.length; b++) {
      expect(slices[a].first + slices[a].size <= slices[b].first || slices[b].first + slices[b].size <= slices[a].first).toBe(true);
    }
  }
  expect(slices[3].first + slices[3].size).toBeLessThanOrEqual(ephemeralPortsStart());
});

test('a port something listens on is skipped, and a slice with none left fails naming it', async () => {
  // Ten ports just below the ephemeral range, outside this worker's slice (so none was handed out here already),
  // the first seven taken by listeners here.
  const first = ephemeralPortsStart() - 10;
  const slice = portSlice(process.env.JEST_WORKER_ID);
  expect(first).toBeGreaterThanOrEqual(slice.first + slice.size);
  const taken = await Promise.all(Array.from({ length: 7 }, (_, index) => listenOn(first + index)));
  try {
    const handed = [await freePortIn({ first, size: 10 }), await freePortIn({ first, size: 10 }), await freePortIn({ first, size: 10 })];
    expect(handed.sort()).toEqual([first + 7, first + 8, first + 9]);
    await expect(freePortIn({ first, size: 10 })).rejects.toThrow(`no free port on 127.0.0.1 in ${first}-${first + 9}`);
  } finally {
    await Promise.all(taken.map(close));
  }
});

test('the Slack recorder listens on the port the kernel picked while binding', async () => {
  const recorder = await RecordingServer.start();
  try {
    await fetch(recorder.url('/slack/critical'), { method: 'POST', body: 'x' });
    expect(recorder.requests.map((request) => [request.path, request.body])).toEqual([['/slack/critical', 'x']]);
  } finally {
    await recorder.stop();
  }
});
