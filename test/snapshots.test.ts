import * as fs from 'fs';
import * as path from 'path';
import { refuseUpdateUnderCi, reviewable } from './support/snapshots';
import { synthesizedStacks } from './support/synth';

// One reviewed snapshot per stack, at the top level on purpose: a pull request's diff of __snapshots__/ IS the
// infrastructure change. Refresh them with `npm run snapshots:update` and review the diff before committing.
const SNAPSHOT_DIR = path.resolve(__dirname, '../../__snapshots__');
const updating = process.env.UPDATE_SNAPSHOTS === '1';
const stacks = synthesizedStacks();

refuseUpdateUnderCi(process.env);

test.each(Object.keys(stacks))('%s matches its reviewed snapshot', (stack) => {
  const file = path.join(SNAPSHOT_DIR, `${stack}.tf.json`);
  const actual = `${JSON.stringify(reviewable(stacks[stack]), null, 2)}\n`;
  if (updating) {
    fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    expect(fs.readFileSync(file, 'utf8')).toBe(actual);
    return;
  }
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file)} is missing: run \`npm run snapshots:update\`, review and commit it`);
  }
  expect(JSON.parse(actual)).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
});

test('no snapshot is left for a stack that no longer exists', () => {
  const orphaned = fs.existsSync(SNAPSHOT_DIR)
    ? fs.readdirSync(SNAPSHOT_DIR).filter((file) => file.endsWith('.tf.json') && !(file.replace(/\.tf\.json$/, '') in stacks))
    : [];
  if (updating) {
    orphaned.forEach((file) => fs.rmSync(path.join(SNAPSHOT_DIR, file)));
    expect(orphaned.filter((file) => fs.existsSync(path.join(SNAPSHOT_DIR, file)))).toEqual([]);
  } else {
    expect(orphaned).toEqual([]);
  }
});
