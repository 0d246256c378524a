import * as path from 'path';
import { ENVIRONMENTS, delivery, validateEnvironments } from '../../environments';
import { environmentStacks } from './apply-order';
import { PlanFileError, parsePlanJson } from './plan-json';
import { StackPlan, renderPlanSummary } from './render';

export const USAGE = `Usage: plan-summary [--expect-all-stacks] <plan.json>...

Prints GitHub pull-request comment markdown summarising Terraform plans.

Each <plan.json> is the output of \`terraform show -json <planfile>\` for one stack, and its file name without
".json" is the stack name: plans/prod-cluster.json is the plan of stack prod-cluster.

  --expect-all-stacks  warn about every <environment>-<layer> stack that has no plan file (a plan job failed)
  --help               print this help

Exit status: 0 the summary was printed; 1 a plan file is missing, unreadable, not JSON or not a plan;
2 the command line is wrong.`;

export const EXIT_OK = 0;
export const EXIT_BAD_PLAN = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  readonly readFile: (file: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

interface CliArguments {
  readonly files: readonly string[];
  readonly expectAllStacks: boolean;
  readonly help: boolean;
}

/** Runs the command with its arguments (without `node` and the script) and returns the exit status. */
export function runPlanSummaryCli(argv: readonly string[], io: CliIo): number {
  let args: CliArguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    io.stderr(`plan-summary: ${(error as Error).message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  try {
    const config = validateEnvironments(ENVIRONMENTS, delivery);
    const environments = config.environments.map((environment) => environment.name);
    const plans = args.files.map((file) => readStackPlan(file, io));
    io.stdout(
      renderPlanSummary(plans, {
        environments,
        productionEnvironments: config.environments.filter((environment) => environment.tier === 'production').map((environment) => environment.name),
        expectedStacks: args.expectAllStacks ? environmentStacks(environments) : [],
      }),
    );
    return EXIT_OK;
  } catch (error) {
    io.stderr(`plan-summary: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_BAD_PLAN;
  }
}

function parseArguments(argv: readonly string[]): CliArguments {
  const files: string[] = [];
  let expectAllStacks = false;
  let help = false;
  for (const argument of argv) {
    if (argument === '--help' || argument === '-h') help = true;
    else if (argument === '--expect-all-stacks') expectAllStacks = true;
    else if (argument === '--') continue;
    else if (argument.startsWith('-')) throw new Error(`unknown option ${JSON.stringify(argument)} (allowed: --expect-all-stacks, --help)`);
    else files.push(argument);
  }
  if (!help && files.length === 0 && !expectAllStacks) throw new Error('no plan files given');
  const stacks = new Map<string, string>();
  for (const file of files) {
    if (path.extname(file) !== '.json') {
      throw new Error(`${file}: the file name must end in ".json" (the stack name is the file name without .json, e.g. prod-cluster.json)`);
    }
    const stack = stackName(file);
    const other = stacks.get(stack);
    if (other !== undefined) throw new Error(`${other} and ${file} are both plans of stack "${stack}" (allowed: one file per stack)`);
    stacks.set(stack, file);
  }
  return { files, expectAllStacks, help };
}

/** The stack a plan file belongs to: its file name without `.json`. */
export function stackName(file: string): string {
  return path.basename(file, '.json');
}

function readStackPlan(file: string, io: CliIo): StackPlan {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PlanFileError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${(error as Error).message})`);
  }
  return { stack: stackName(file), plan: parsePlanJson(text, file) };
}
