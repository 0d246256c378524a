// The token creation stacks cdktf captures under jest are in V8's own format (compiled .js positions), not mapped
// through source maps by jest's source-map-support: mapping every frame of every token cost a tenth of a test file's
// CPU (test/support/plain-token-stacks.ts).
import { Lazy } from '../../constructs/core/cdktf';

test('a token created under jest records its creation stack with compiled positions, not source-mapped ones', () => {
  const stack = Lazy.anyValue({ produce: () => 'value' }).creationStack;
  const here = stack.find((frame) => frame.includes('plain-token-stacks.test'));
  expect(here).toMatch(/plain-token-stacks\.test\.js:\d+:\d+/);
  expect(stack.filter((frame) => /\.ts:\d+/.test(frame))).toEqual([]);
});

test('an error thrown in a test still has a source-mapped stack (only token captures are unmapped)', () => {
  const error = new Error('mapped');
  expect(error.stack).toMatch(/plain-token-stacks\.test\.ts:\d+:\d+/);
});
