// The synth floor: node start plus loading cdktf and the provider modules the app uses (given as arguments),
// nothing else: what no change to feedops' own code can go below.
// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const module of ['cdktf', ...process.argv.slice(2)]) require(module);
