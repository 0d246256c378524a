import { ALLOWED_ACTION_LISTS, ChangeKind, changeKind } from './change-kind';

/** The parts of a `terraform show -json <planfile>` document the summary reads. */
export interface TerraformPlan {
  /** JSON format version, e.g. "1.2"; only major version 1 exists. */
  readonly formatVersion: string;
  /** Version of Terraform that wrote the plan, when present. */
  readonly terraformVersion?: string;
  readonly resourceChanges: readonly PlannedChange[];
}

export interface PlannedChange {
  /** Absolute resource instance address, e.g. `aws_eks_cluster.eks_cluster_55B0C966`. */
  readonly address: string;
  readonly kind: ChangeKind;
}

/** A plan file that cannot be summarised; the message names the file and what is wrong with it. */
export class PlanFileError extends Error {
  constructor(
    public readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'PlanFileError';
  }
}

/** Terraform promises backward-compatible changes within a major version and asks readers to reject others. */
export const SUPPORTED_FORMAT_MAJOR_VERSION = 1;

const EXPECTED = 'expected the output of `terraform show -json <planfile>`';

/**
 * Parses and checks one plan document. `file` only names the source in errors. Unknown properties are ignored
 * (Terraform adds them in minor format versions); a missing or malformed part the summary needs is an error.
 */
export function parsePlanJson(text: string, file: string): TerraformPlan {
  if (text.trim() === '') throw new PlanFileError(file, `the file is empty; ${EXPECTED}`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlanFileError(file, `not valid JSON (${reason}); the file may be truncated; ${EXPECTED}`);
  }
  if (!isObject(document)) {
    throw new PlanFileError(file, `the document is ${describeJson(document)}, not an object; ${EXPECTED}`);
  }
  return {
    formatVersion: checkFormatVersion(document, file),
    terraformVersion: typeof document.terraform_version === 'string' ? document.terraform_version : undefined,
    resourceChanges: readResourceChanges(document, file),
  };
}

function checkFormatVersion(document: Record<string, unknown>, file: string): string {
  const version = document.format_version;
  if (version === undefined) {
    throw new PlanFileError(file, `format_version is missing, so this is not Terraform JSON output; ${EXPECTED}`);
  }
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    throw new PlanFileError(file, `format_version is ${JSON.stringify(version)}, not a "<major>.<minor>" string; ${EXPECTED}`);
  }
  if (Number(version.split('.')[0]) !== SUPPORTED_FORMAT_MAJOR_VERSION) {
    throw new PlanFileError(file, `format_version "${version}" is not supported (allowed: ${SUPPORTED_FORMAT_MAJOR_VERSION}.x)`);
  }
  // A plan always has planned_values; state output (`terraform show -json` without a plan file) has values instead.
  if (!('planned_values' in document) && !('resource_changes' in document)) {
    const hint = 'values' in document ? ' (it looks like state output: run `terraform show -json` on the saved plan file)' : '';
    throw new PlanFileError(file, `neither planned_values nor resource_changes is present, so this is not a plan${hint}; ${EXPECTED}`);
  }
  return version;
}

function readResourceChanges(document: Record<string, unknown>, file: string): PlannedChange[] {
  // Terraform omits resource_changes when the configuration has no resources.
  const changes = document.resource_changes;
  if (changes === undefined) return [];
  if (!Array.isArray(changes)) {
    throw new PlanFileError(file, `resource_changes is ${describeJson(changes)}, expected an array of resource changes`);
  }
  return changes.map((change, index) => readResourceChange(change, `resource_changes[${index}]`, file));
}

function readResourceChange(change: unknown, where: string, file: string): PlannedChange {
  if (!isObject(change)) throw new PlanFileError(file, `${where} is ${describeJson(change)}, expected an object`);
  const address = change.address;
  if (typeof address !== 'string' || address === '') {
    throw new PlanFileError(file, `${where}.address is ${describeJson(address)}, expected a resource address string`);
  }
  const named = `${where} (${address})`;
  const actions = isObject(change.change) ? change.change.actions : undefined;
  if (!Array.isArray(actions) || !actions.every((action): action is string => typeof action === 'string')) {
    throw new PlanFileError(file, `${named}: change.actions is ${describeJson(actions)}, expected an array of action names`);
  }
  const kind = changeKind(actions);
  if (!kind) {
    throw new PlanFileError(file, `${named}: change.actions ${JSON.stringify(actions)} is not a Terraform action list (allowed: ${ALLOWED_ACTION_LISTS.join(', ')})`);
  }
  return { address, kind };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value).slice(0, 60)}`;
}
