import { synthSummary } from './synth-summary/summary';

// The summary of an existing synth output (e.g. after `npx cdktf synth`); `npm run synth` prints it itself.
const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
const summary = synthSummary(outdir);
if (summary === undefined) {
  process.stderr.write(`synth-summary: ${outdir}/manifest.json not found; run the app first (npm run synth)\n`);
  process.exit(1);
}
process.stdout.write(summary);
