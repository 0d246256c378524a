// The floor (floor.ts) loaded as the synth loads it, through the code cache (FEEDOPS_SYNTH_CODE_CACHE_DIR): what
// the synth is compared with to show feedops' own work apart from loading cdktf.
import { codeCacheDirectory, installCodeCache } from '../synth-code-cache/code-cache';

installCodeCache(codeCacheDirectory());
// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const module of process.argv.slice(2)) require(module);
