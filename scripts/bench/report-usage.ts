// Preloaded (`node --require`) into a benchmarked process: on exit, writes its peak RSS to BENCH_USAGE_FILE.
import * as fs from 'fs';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    fs.writeFileSync(target, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  });
}
