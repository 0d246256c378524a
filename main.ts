// The cdktf app (cdktf.json runs dist/main.js): the synth (synth.ts), loaded through V8's code cache so a run does
// not compile again what the previous one compiled (scripts/synth-code-cache/code-cache.ts; FEEDOPS_SYNTH_CODE_CACHE=off).
import { withCodeCache } from './scripts/synth-code-cache/code-cache';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- required once the cache is in place, to be compiled through it
withCodeCache(() => require('./synth'));
