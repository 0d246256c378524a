// The public API as reviewed text: one report per entry point (api/feedops.api.md for the package root,
// api/feedops-platform.api.md for `feedops/platform`), written by API Extractor from the compiled declarations.
// `npm run api:update` rewrites them after a deliberate change; `npm test` (test/library/api-report.test.ts) fails
// while the compiled API and the committed reports differ, so a pull request shows every API change in its diff.
import * as fs from 'fs';
import * as path from 'path';
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage } from '@microsoft/api-extractor';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Each entry point of package.json's `exports` and its report. */
export const API_ENTRY_POINTS: ReadonlyArray<{ readonly report: string; readonly declarations: string }> = [
  { report: 'feedops.api.md', declarations: 'dist/constructs/index.d.ts' },
  { report: 'feedops-platform.api.md', declarations: 'dist/constructs/platform.d.ts' },
];

export interface ApiReportOptions {
  /** Where dist/ and package.json are. @default PROJECT_ROOT */
  readonly projectFolder?: string;
  /** Where the committed reports are. @default <PROJECT_ROOT>/api */
  readonly reportFolder?: string;
  /** Rewrite the reports instead of comparing. @default false */
  readonly update?: boolean;
}

export interface ApiReportResult {
  readonly report: string;
  /** The compiled API differs from the committed report. */
  readonly changed: boolean;
  /** Errors API Extractor reported (an unexported type in the API is listed in the report, not here). */
  readonly errors: readonly string[];
}

export function runApiReports(options: ApiReportOptions = {}): ApiReportResult[] {
  const projectFolder = options.projectFolder ?? PROJECT_ROOT;
  const reportFolder = options.reportFolder ?? path.join(PROJECT_ROOT, 'api');
  const tempFolder = path.join(projectFolder, 'dist', 'api-report');
  fs.mkdirSync(tempFolder, { recursive: true });
  const configs = API_ENTRY_POINTS.map(({ report, declarations }) =>
    ExtractorConfig.prepare({
      configObjectFullPath: path.join(projectFolder, 'api-extractor.json'),
      packageJsonFullPath: path.join(projectFolder, 'package.json'),
      configObject: {
        projectFolder,
        mainEntryPointFilePath: path.join(projectFolder, declarations),
        compiler: {
          overrideTsconfig: {
            // Only the ES2022 library, without the DOM and Node's types: the reports are the same (API Extractor prints a
            // type as the declarations name it), and parsing those 4.6 MB of declarations was a third of a report's time.
            compilerOptions: { target: 'ES2022', lib: ['es2022'], module: 'commonjs', moduleResolution: 'node', strict: true, skipLibCheck: true, types: [] },
            files: API_ENTRY_POINTS.map((entry) => path.join(projectFolder, entry.declarations)),
          },
        },
        apiReport: { enabled: true, reportFileName: report, reportFolder, reportTempFolder: tempFolder },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
          // Release tags (@public/@beta) and TSDoc syntax are not feedops conventions (it documents `@default`).
          extractorMessageReporting: {
            default: { logLevel: ExtractorLogLevel.Error },
            'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
            'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
            'ae-internal-missing-underscore': { logLevel: ExtractorLogLevel.None },
            'ae-undocumented': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
            'ae-unresolved-link': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        },
      },
    }),
  );
  // One TypeScript program for both entry points (creating it is most of a report's time).
  const compilerState = CompilerState.create(configs[0], { additionalEntryPoints: configs.map((config) => config.mainEntryPointFilePath) });
  return configs.map((config, index) => {
    const { report } = API_ENTRY_POINTS[index];
    const errors: string[] = [];
    const result = Extractor.invoke(config, {
      compilerState,
      localBuild: options.update ?? false,
      messageCallback: (message: ExtractorMessage) => {
        if (message.logLevel === ExtractorLogLevel.Error) errors.push(message.formatMessageWithLocation(projectFolder));
        // Quiet: the result says what changed.
        message.handled = true;
      },
    });
    return { report, changed: result.apiReportChanged, errors };
  });
}

if (require.main === module) {
  const update = process.argv.includes('--update');
  const results = runApiReports({ update });
  for (const { report, changed, errors } of results) {
    for (const error of errors) console.error(error);
    console.log(`${report}: ${changed ? (update ? 'updated' : 'differs from the compiled API (run npm run api:update)') : 'up to date'}`);
  }
  if (results.some((result) => result.errors.length > 0 || (!update && result.changed))) process.exitCode = 1;
}
