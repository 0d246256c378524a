/**
 * A small IAM policy evaluator for the policies feedops renders, so the tests can ask "is this request allowed?"
 * of the synthesized documents instead of asserting on their text. It implements the parts of AWS's evaluation
 * logic those policies use and throws on anything else (never a silent "allowed"):
 * - an explicit Deny in any policy wins; otherwise a request is allowed only if an identity policy allows it AND,
 *   when the role has a permissions boundary, the boundary allows it too (effective = identity ∩ boundary);
 * - Action / NotAction with `*` and `?` wildcards (case-insensitive), Resource / NotResource with ARN wildcards
 *   (case-sensitive); a statement without Resource (a trust policy) matches every resource;
 * - condition operators StringEquals, StringNotEquals, StringLike, StringNotLike, ArnEquals, ArnLike, ArnNotEquals,
 *   ArnNotLike, Bool, Null, each with the `IfExists` suffix and the `ForAnyValue:` / `ForAllValues:` set prefixes.
 *   Operators AND together, keys within an operator AND together, values of one key OR together; a missing key
 *   fails a positive operator and satisfies a negated one (as AWS does), and `...IfExists` is satisfied by it.
 */
export interface EvaluatedStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Principal?: unknown;
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | boolean | readonly (string | boolean)[]>>>>;
}

export interface EvaluatedPolicy {
  readonly Version?: string;
  readonly Statement: EvaluatedStatement | readonly EvaluatedStatement[];
}

/** Request context values: a string for single-valued keys, an array for multi-valued ones (e.g. aws:TagKeys). */
export type ContextValue = string | readonly string[];

export interface AuthorizationRequest {
  readonly action: string;
  readonly resource: string;
  /** Condition keys present in the request; key names are case-insensitive, as in IAM. @default {} */
  readonly context?: Readonly<Record<string, ContextValue>>;
}

export interface Principal {
  /** Inline and attached policies of the role. */
  readonly identityPolicies: readonly EvaluatedPolicy[];
  /** The role's permissions boundary. @default - none */
  readonly boundary?: EvaluatedPolicy;
}

export type Decision = 'allowed' | 'explicitly denied' | 'implicitly denied';

export function evaluate(principal: Principal, request: AuthorizationRequest): Decision {
  const policies = [...principal.identityPolicies, ...(principal.boundary ? [principal.boundary] : [])];
  if (policies.some((policy) => statementsOf(policy).some((s) => s.Effect === 'Deny' && statementMatches(s, request)))) {
    return 'explicitly denied';
  }
  const allows = (policy: EvaluatedPolicy) => statementsOf(policy).some((s) => s.Effect === 'Allow' && statementMatches(s, request));
  const identityAllows = principal.identityPolicies.some(allows);
  const boundaryAllows = principal.boundary === undefined || allows(principal.boundary);
  return identityAllows && boundaryAllows ? 'allowed' : 'implicitly denied';
}

/** The Sids of the statements of `policy` that match the request (for readable failures). */
export function matchingStatements(policy: EvaluatedPolicy, request: AuthorizationRequest): string[] {
  return statementsOf(policy).filter((s) => statementMatches(s, request)).map((s) => `${s.Effect}:${s.Sid ?? '(no Sid)'}`);
}

function statementsOf(policy: EvaluatedPolicy): readonly EvaluatedStatement[] {
  const statements = policy.Statement;
  return Array.isArray(statements) ? statements : [statements as EvaluatedStatement];
}

function list<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as T];
}

function statementMatches(statement: EvaluatedStatement, request: AuthorizationRequest): boolean {
  if ((statement.Action === undefined) === (statement.NotAction === undefined)) {
    throw new Error(`statement ${statement.Sid ?? '(no Sid)'}: needs exactly one of Action and NotAction`);
  }
  const actionListed = (patterns: readonly string[]) => patterns.some((pattern) => globMatches(pattern, request.action, true));
  const actionMatches = statement.Action !== undefined ? actionListed(list(statement.Action)) : !actionListed(list(statement.NotAction));
  if (!actionMatches) return false;
  const resourceListed = (patterns: readonly string[]) => patterns.some((pattern) => globMatches(pattern, request.resource, false));
  let resourceMatches = true;
  if (statement.Resource !== undefined) resourceMatches = resourceListed(list(statement.Resource));
  else if (statement.NotResource !== undefined) resourceMatches = !resourceListed(list(statement.NotResource));
  if (!resourceMatches) return false;
  return conditionsMatch(statement, request.context ?? {});
}

/** IAM wildcards: `*` any run of characters (also across `:` and `/`), `?` one character. */
export function globMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

type SingleValueTest = (contextValue: string, policyValue: string) => boolean;

const POSITIVE_OPERATORS: Readonly<Record<string, SingleValueTest>> = {
  StringEquals: (c, p) => c === p,
  StringLike: (c, p) => globMatches(p, c, false),
  ArnEquals: (c, p) => c === p,
  ArnLike: (c, p) => globMatches(p, c, false),
  Bool: (c, p) => c.toLowerCase() === p.toLowerCase(),
};
const NEGATED_OPERATORS: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

function conditionsMatch(statement: EvaluatedStatement, context: Readonly<Record<string, ContextValue>>): boolean {
  const lookup = (key: string): readonly string[] | undefined => {
    const found = Object.keys(context).find((name) => name.toLowerCase() === key.toLowerCase());
    if (found === undefined) return undefined;
    return list(context[found]);
  };
  for (const [rawOperator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, rawPolicyValues] of Object.entries(keys)) {
      const policyValues = list(rawPolicyValues).map(String);
      if (!conditionMatches(rawOperator, lookup(key), policyValues, statement.Sid)) return false;
    }
  }
  return true;
}

function conditionMatches(rawOperator: string, contextValues: readonly string[] | undefined, policyValues: readonly string[], sid?: string): boolean {
  const setMatch = /^(ForAnyValue|ForAllValues):(.+)$/.exec(rawOperator);
  const setOperator = setMatch?.[1];
  let operator = setMatch ? setMatch[2] : rawOperator;
  const ifExists = operator.endsWith('IfExists');
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);

  if (operator === 'Null') {
    if (setOperator || ifExists) throw new Error(`statement ${sid}: ${rawOperator} is not a valid operator`);
    const wantsAbsent = policyValues.some((value) => value.toLowerCase() === 'true');
    return wantsAbsent === (contextValues === undefined);
  }
  const negatedOf = NEGATED_OPERATORS[operator];
  const base = POSITIVE_OPERATORS[negatedOf ?? operator];
  if (!base) throw new Error(`statement ${sid}: condition operator ${rawOperator} is not supported by this evaluator`);
  // One context value against the policy's values: positive = matches any; negated = matches none.
  const single = (value: string) => {
    const matchesAny = policyValues.some((policyValue) => base(value, policyValue));
    return negatedOf ? !matchesAny : matchesAny;
  };

  if (setOperator === 'ForAnyValue') return contextValues !== undefined && contextValues.some(single);
  if (setOperator === 'ForAllValues') return contextValues === undefined || contextValues.every(single);
  if (contextValues === undefined) return ifExists || negatedOf !== undefined;
  if (contextValues.length !== 1) {
    throw new Error(`statement ${sid}: ${rawOperator} on a multi-valued key needs ForAnyValue: or ForAllValues:`);
  }
  return single(contextValues[0]);
}

/** Parses a policy that a synthesized resource holds as a JSON string. */
export function parsePolicy(json: unknown, where: string): EvaluatedPolicy {
  if (typeof json !== 'string') throw new Error(`${where}: policy is not a JSON string (got ${typeof json}); was it rendered from a token?`);
  const policy = JSON.parse(json) as EvaluatedPolicy;
  if (!policy.Statement) throw new Error(`${where}: no Statement`);
  return policy;
}
