// cdktf captures a stack trace for every token it creates, used only in the text of a token-resolution error. Under
// jest, source-map-support maps every frame of every capture through dist/*.js.map: about a tenth of the CPU of a
// test file that builds stacks. The stacks are still captured here, in V8's own format (compiled positions, as
// outside jest). jest.config.js setupFilesAfterEnv; the synth path skips them altogether (constructs/core/cdktf-savings.ts).
import { runInThisContext } from 'vm';

type CaptureStackTrace = (below?: (...args: never[]) => unknown) => string[];
// eslint-disable-next-line @typescript-eslint/no-require-imports -- cdktf's own file (deep path of cdktf 0.21.0)
const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: CaptureStackTrace };
const captureMapped = stackTrace.captureStackTrace;
type StackFormatter = { prepareStackTrace?: unknown };
// Node formats a stack with the Error.prepareStackTrace of the error's own context (jest's test context) and, when
// that has none, with the main context's, where jest installed source-map-support: both are cleared while capturing.
const errorConstructors: StackFormatter[] = [Error as StackFormatter, runInThisContext('Error') as StackFormatter];

stackTrace.captureStackTrace = function captureUnmapped(below) {
  const formatters = errorConstructors.map((constructor) => constructor.prepareStackTrace);
  for (const constructor of errorConstructors) constructor.prepareStackTrace = undefined;
  try {
    return captureMapped(below ?? captureUnmapped);
  } finally {
    errorConstructors.forEach((constructor, index) => (constructor.prepareStackTrace = formatters[index]));
  }
};
