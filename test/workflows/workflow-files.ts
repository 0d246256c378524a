import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

/** The repository root (tests run from dist/test/workflows). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const WORKFLOWS_DIR = path.join(REPO_ROOT, '.github/workflows');
export const ACTIONS_DIR = path.join(REPO_ROOT, '.github/actions');

export interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly shell?: string;
  readonly 'working-directory'?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}

export interface Job {
  readonly uses?: string;
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string | { name: string };
  readonly permissions?: Record<string, string> | string;
  readonly concurrency?: string | { group: string; 'cancel-in-progress'?: boolean | string };
  readonly strategy?: { matrix?: Record<string, unknown> };
  readonly with?: Record<string, unknown>;
  readonly secrets?: Record<string, unknown> | 'inherit';
  readonly 'timeout-minutes'?: number;
  readonly 'runs-on'?: string | string[];
  readonly outputs?: Record<string, string>;
  readonly steps?: Step[];
}

export interface Workflow {
  readonly on: Record<string, unknown>;
  readonly defaults?: { run?: { shell?: string } };
  readonly permissions?: Record<string, string> | string;
  readonly concurrency?: Job['concurrency'];
  readonly jobs: Record<string, Job>;
}

export interface InputDeclaration {
  readonly required?: boolean;
}

export interface CompositeAction {
  readonly inputs?: Record<string, InputDeclaration>;
  readonly runs: { using: string; steps: Step[] };
}

export interface LoadedFile<T> {
  /** Path from the repository root, e.g. `.github/workflows/apply.yml`. */
  readonly file: string;
  readonly text: string;
  readonly document: T;
}

function load<T>(absolutePath: string): LoadedFile<T> {
  const text = fs.readFileSync(absolutePath, 'utf8');
  return { file: path.relative(REPO_ROOT, absolutePath), text, document: parse(text) as T };
}

/** Every workflow in .github/workflows. */
export function loadWorkflows(): LoadedFile<Workflow>[] {
  return fs
    .readdirSync(WORKFLOWS_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => load<Workflow>(path.join(WORKFLOWS_DIR, name)));
}

export function loadWorkflow(name: string): LoadedFile<Workflow> {
  return load<Workflow>(path.join(WORKFLOWS_DIR, name));
}

/** Every local composite action (.github/actions/<name>/action.yml). */
export function loadCompositeActions(): LoadedFile<CompositeAction>[] {
  if (!fs.existsSync(ACTIONS_DIR)) return [];
  return fs
    .readdirSync(ACTIONS_DIR)
    .sort()
    .map((name) => path.join(ACTIONS_DIR, name, 'action.yml'))
    .filter((file) => fs.existsSync(file))
    .map((file) => load<CompositeAction>(file));
}

/** A local reusable workflow or composite action referenced by `uses: ./...`. */
export function loadLocalWorkflow(uses: string): LoadedFile<Workflow> {
  return load<Workflow>(path.join(REPO_ROOT, uses));
}

export function loadLocalAction(uses: string): LoadedFile<CompositeAction> {
  return load<CompositeAction>(path.join(REPO_ROOT, uses, 'action.yml'));
}

export function isLocal(uses: string): boolean {
  return uses.startsWith('./');
}

export function isReusableWorkflowCall(job: Job): job is Job & { uses: string } {
  return typeof job.uses === 'string';
}

/** `owner/repo` (or `owner/repo/path`) of a remote action reference, without the ref. */
export function actionName(uses: string): string {
  return uses.split('@')[0];
}

/** Job ids of a workflow, each after the jobs it needs. */
export function jobIdsInNeedsOrder(workflow: Workflow): string[] {
  const order: string[] = [];
  const visit = (id: string) => {
    if (order.includes(id)) return;
    needsOf(workflow.jobs[id]).forEach(visit);
    order.push(id);
  };
  Object.keys(workflow.jobs).forEach(visit);
  return order;
}

export function needsOf(job: Job): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

export function permissionsOf(permissions: Job['permissions']): Record<string, string> {
  if (permissions === undefined) return {};
  if (typeof permissions === 'string') return { '*': permissions };
  return permissions;
}

export function environmentOf(job: Job): string | undefined {
  if (job.environment === undefined) return undefined;
  return typeof job.environment === 'string' ? job.environment : job.environment.name;
}

/** Every job of every workflow with where it lives, for messages like `apply.yml job prod`. */
export function allJobs(workflows = loadWorkflows()): { where: string; workflow: LoadedFile<Workflow>; id: string; job: Job }[] {
  return workflows.flatMap((workflow) =>
    Object.entries(workflow.document.jobs).map(([id, job]) => ({ where: `${workflow.file} job ${id}`, workflow, id, job })),
  );
}

/** Every step of every job and composite action, with where it lives. */
export function allSteps(): { where: string; step: Step; job?: Job }[] {
  const fromJobs = allJobs().flatMap(({ where, job }) =>
    (job.steps ?? []).map((step, index) => ({ where: `${where} step ${step.name ?? step.id ?? index + 1}`, step, job })),
  );
  const fromActions = loadCompositeActions().flatMap(({ file, document }) =>
    document.runs.steps.map((step, index) => ({ where: `${file} step ${step.name ?? step.id ?? index + 1}`, step })),
  );
  return [...fromJobs, ...fromActions];
}
