// A jest reporter: after every run, the slowest test files, so the next one to speed up is named by the run itself.
const SHOWN = 8;

interface FileResult {
  testFilePath: string;
  perfStats: { start: number; end: number };
}

class SlowestFilesReporter {
  public onRunComplete(_contexts: unknown, results: { testResults: FileResult[]; startTime: number }): void {
    const files = results.testResults
      .map((file) => ({ file: file.testFilePath.replace(`${process.cwd()}/`, ''), seconds: (file.perfStats.end - file.perfStats.start) / 1000 }))
      .sort((a, b) => b.seconds - a.seconds);
    const total = files.reduce((sum, file) => sum + file.seconds, 0);
    const lines = files.slice(0, SHOWN).map(({ file, seconds }) => `  ${seconds.toFixed(1).padStart(5)} s  ${file}`);
    process.stderr.write(`\nslowest test files (${total.toFixed(1)} s in ${files.length} files, over ${((Date.now() - results.startTime) / 1000).toFixed(1)} s wall):\n${lines.join('\n')}\n`);
  }
}

export = SlowestFilesReporter;
