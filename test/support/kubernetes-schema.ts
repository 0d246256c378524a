import * as path from 'path';
// The module object itself (not an interop copy): it is node's own, shared by every test file of a jest worker.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import workerThreads = require('worker_threads');

const CHECKER = path.resolve(__dirname, '../../../test/support/kubernetes-schema-check.mjs');
const ANSWER_TIMEOUT_MS = 60_000;

interface SchemaChecker {
  readonly port: workerThreads.MessagePort;
  readonly signal: Int32Array;
}

// Jest gives each test file a fresh module registry and global object, but core modules are node's own objects,
// shared by all test files that one jest worker runs: the checker kept on one is started once per jest worker.
const KEPT_ON = workerThreads as unknown as Record<symbol, SchemaChecker | undefined>;
const KEY = Symbol.for('feedops.kubernetesSchemaChecker');

function checker(): SchemaChecker {
  const kept = KEPT_ON[KEY];
  if (kept) return kept;
  const { port1, port2 } = new workerThreads.MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new workerThreads.Worker(CHECKER, { workerData: { port: port2, signal }, transferList: [port2] });
  worker.unref(); // never keeps a jest worker alive
  port1.unref();
  KEPT_ON[KEY] = { port: port1, signal };
  return KEPT_ON[KEY];
}

/**
 * Schema problems of the given manifests (empty when all are valid), checked by kubernetes-models in a worker
 * thread. Synchronous for the caller: it blocks until the thread answers.
 */
export function kubernetesSchemaProblems(manifests: readonly unknown[]): string[] {
  const { port, signal } = checker();
  Atomics.store(signal, 0, 0);
  // A JSON round trip, as before: the manifests reach the checker as plain data, whatever class built them.
  port.postMessage({ manifests: JSON.parse(JSON.stringify(manifests)) });
  if (Atomics.wait(signal, 0, 0, ANSWER_TIMEOUT_MS) === 'timed-out') {
    throw new Error(`kubernetes schema check did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
  }
  const reply = workerThreads.receiveMessageOnPort(port)?.message as { problems?: string[]; error?: string } | undefined;
  if (!reply || reply.error !== undefined || !reply.problems) throw new Error(`kubernetes schema check failed to run: ${reply?.error ?? 'no answer'}`);
  return reply.problems;
}
