import * as fs from 'fs';
import { runPlanSummaryCli } from './plan-summary/cli';

// `node dist/scripts/plan-summary.js [--expect-all-stacks] plans/*.json` (see USAGE in plan-summary/cli.ts).
process.exitCode = runPlanSummaryCli(process.argv.slice(2), {
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
