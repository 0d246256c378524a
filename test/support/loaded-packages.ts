import * as fs from 'fs';
import * as path from 'path';

/**
 * A script to preload (`node --require <script>`) into a process under test: on exit it writes to `resultFile` the
 * packages the process loaded from node_modules (`@scope/name` or `name`), once each, sorted.
 */
export function writeLoadedPackagesRecorder(directory: string, resultFile: string): string {
  const script = path.join(directory, 'record-loaded-packages.js');
  fs.writeFileSync(
    script,
    `process.on('exit', () => {
  const packages = Object.keys(require.cache).flatMap((file) => { const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(file); return match ? [match[1]] : []; });
  require('fs').writeFileSync(${JSON.stringify(resultFile)}, JSON.stringify([...new Set(packages)].sort()));
});
`,
  );
  return script;
}

/** What the recorder wrote; fails when it wrote nothing (the process did not exit normally). */
export function readLoadedPackages(resultFile: string): string[] {
  if (!fs.existsSync(resultFile)) throw new Error(`${resultFile} was not written: the process did not run its exit handlers`);
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as string[];
}
