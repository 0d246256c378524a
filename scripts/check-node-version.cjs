// Checks that the running Node.js (any version: plain CommonJS) is in the range package.json's `engines.node` supports, before anything is
// installed (so it cannot use the semver package). It understands the forms that range uses: alternatives joined by
// `||`, each `^X.Y.Z` (X.Y.Z up to the next major) or `>=X.Y.Z`; anything else is refused so it cannot check wrongly.
// test/scripts/check-node-version.test.ts compares it with semver on many versions.
'use strict';
const { readFileSync } = require('fs');
const path = require('path');

/** [major, minor, patch] of "20.19.0" or "v20.19.0". */
function parseVersion(text) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a version (allowed: X.Y.Z)`);
  return match.slice(1).map(Number);
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Whether `version` is in `range` (the subset of npm's range syntax described above). */
function satisfies(version, range) {
  const v = parseVersion(version);
  return range.split('||').some((alternative) => {
    const match = /^\s*(\^|>=)\s*(\d+\.\d+\.\d+)\s*$/.exec(alternative);
    if (!match) throw new Error(`engines.node: "${alternative.trim()}" is not a form this check understands (allowed: ^X.Y.Z or >=X.Y.Z, joined by ||)`);
    const floor = parseVersion(match[2]);
    if (match[1] === '>=') return compare(v, floor) >= 0;
    return v[0] === floor[0] && compare(v, floor) >= 0;
  });
}

module.exports = { parseVersion, satisfies };

if (require.main === module) {
  const packageJson = JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8'));
  const range = packageJson.engines.node;
  if (!satisfies(process.version, range)) {
    process.stderr.write(
      `Node.js ${process.version} is not supported: package.json engines.node is "${range}" (the range every dependency accepts; README "Requirements"). Install a supported Node.js, e.g. 20.19 or later 20.x, or 22.13 or later.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`Node.js ${process.version} is in the supported range ${range}\n`);
}
