// cdktf captures a stack trace for every token it creates, used only in the text of a token-resolution error. Under
// jest, source-map-support maps every frame of every capture through dist/*.js.map: about a tenth of the CPU of a
// test file that builds stacks. The stacks are still captured here, in V8's own format (compiled positions, as
// outside jest). jest.config.js setupFilesAfterEnv; the synth path skips them altogether (constructs/core/cdktf-savings.ts).
type CaptureStackTrace = (below?: (...args: never[]) => unknown) => string[];
// eslint-disable-next-line @typescript-eslint/no-require-imports -- cdktf's own file (deep path of cdktf 0.21.0)
const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: CaptureStackTrace };
const captureMapped = stackTrace.captureStackTrace;
const errorConstructor = Error as { prepareStackTrace?: unknown };

stackTrace.captureStackTrace = function captureUnmapped(below) {
  const prepare = errorConstructor.prepareStackTrace;
  errorConstructor.prepareStackTrace = undefined;
  try {
    return captureMapped(below ?? captureUnmapped);
  } finally {
    errorConstructor.prepareStackTrace = prepare;
  }
};
