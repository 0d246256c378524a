import type { IConstruct } from 'constructs';
import { Aspects, TerraformStack, type IAspect } from '../core/cdktf';
import { invalid } from '../core/validation-error';
import { checkSynthesizedStack, GUARDRAIL_RULES, PUBLIC_IDENTIFIER_PATTERN, type GuardrailOffence, type GuardrailRuleId, type PublicIdentifiers } from './guardrail-rules';

// Symbol.for keys: a stack or construct from another copy of feedops carries the same marks.
const REGISTERED = Symbol.for('feedops.guardrails.registered');
const WAIVERS = Symbol.for('feedops.guardrails.waivers');
const PUBLIC_IDENTIFIERS = Symbol.for('feedops.guardrails.publicIdentifiers');

type Waivers = Map<GuardrailRuleId, string>;

/**
 * The CHECKS.md guardrails as a cdktf Aspect: the stack of the first node it visits gets a validation that checks
 * the whole synthesized stack and fails `app.synth()` naming every offender (construct path, resource address, rule,
 * what to change). Add it to a stack (`Aspects.of(stack).add(new FeedopsGuardrails())`); cdktf does not run an
 * App's aspects, so one per stack.
 */
export class FeedopsGuardrails implements IAspect {
  public visit(node: IConstruct): void {
    const stack = TerraformStack.of(node);
    const marked = stack as unknown as Record<symbol, unknown>;
    if (marked[REGISTERED]) return;
    Object.defineProperty(stack, REGISTERED, { value: true });
    stack.node.addValidation({ validate: () => offencesOf(stack).map(formatOffence) });
  }
}

/** Opting in and waiving: `Guardrails.of(stack)`, `Guardrails.waive(construct, 'IMDS_HOP_LIMIT', 'why')`. */
export class Guardrails {
  /** Turns the guardrails on for `stack`: its synth fails while any rule is broken by any of its resources. */
  public static of(stack: IConstruct): void {
    if (!TerraformStack.isStack(stack)) {
      invalid(stack.node.path || '(app)', 'stack', 'is not a TerraformStack (allowed: a stack; cdktf does not run aspects added to an App, so call Guardrails.of on each stack)');
    }
    Aspects.of(stack).add(new FeedopsGuardrails());
  }

  /**
   * Waives one rule for the resources of `construct` (the construct itself and everything below it), with the reason
   * a reviewer reads. Every other rule still applies to them, and the rule still applies everywhere else.
   */
  public static waive(construct: IConstruct, ruleId: GuardrailRuleId, reason: string): void {
    if (!Object.prototype.hasOwnProperty.call(GUARDRAIL_RULES, ruleId)) {
      invalid(construct.node.path, 'ruleId', `${JSON.stringify(ruleId)} is not a guardrail rule (allowed: ${Object.keys(GUARDRAIL_RULES).join(', ')})`);
    }
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      invalid(construct.node.path, 'reason', `${JSON.stringify(reason)} is too short (allowed: a reason of at least 10 characters a reviewer can judge)`);
    }
    waiversOf(construct, true).set(ruleId, reason.trim());
  }

  /**
   * Declares public identifiers that look like 64-hex keys (Pyth price feed ids) in the output of `construct` and
   * everything below it: SECRET_IN_OUTPUT accepts exactly these values there. Any other 64-hex value, and every
   * other secret pattern, is still reported; the values are public by `reason`, which a reviewer reads.
   */
  public static allowPublicIdentifiers(construct: IConstruct, values: readonly string[], reason: string): void {
    const bad = values.filter((value) => typeof value !== 'string' || !PUBLIC_IDENTIFIER_PATTERN.test(value));
    if (bad.length > 0) invalid(construct.node.path, 'values', `${JSON.stringify(bad)} (allowed: 64 lower-case hex digits without 0x each)`);
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      invalid(construct.node.path, 'reason', `${JSON.stringify(reason)} is too short (allowed: a reason of at least 10 characters a reviewer can judge)`);
    }
    const holder = construct as unknown as Record<symbol, Set<string> | undefined>;
    const existing = holder[PUBLIC_IDENTIFIERS] ?? new Set<string>();
    if (!holder[PUBLIC_IDENTIFIERS]) Object.defineProperty(construct, PUBLIC_IDENTIFIERS, { value: existing });
    for (const value of values) existing.add(value);
  }

  /** The waivers set on `construct` itself (not its parents): rule id -> reason. */
  public static waiversOf(construct: IConstruct): ReadonlyMap<GuardrailRuleId, string> {
    return new Map(waiversOf(construct, false));
  }
}

/** The offences of `stack` that no waiver covers. */
function offencesOf(stack: TerraformStack): GuardrailOffence[] {
  const waived = stack.node
    .findAll()
    .flatMap((construct) => [...waiversOf(construct, false).keys()].map((ruleId) => ({ ruleId, path: construct.node.path })));
  const covers = (offence: GuardrailOffence) =>
    waived.some((waiver) => waiver.ruleId === offence.ruleId && (offence.constructPath === waiver.path || offence.constructPath.startsWith(`${waiver.path}/`)));
  const publicIdentifiers: PublicIdentifiers[] = stack.node.findAll().flatMap((construct) => {
    const values = (construct as unknown as Record<symbol, Set<string> | undefined>)[PUBLIC_IDENTIFIERS];
    return values ? [{ path: construct.node.path, values: [...values] }] : [];
  });
  return checkSynthesizedStack(stack.toTerraform(), { publicIdentifiers }).filter((offence) => !covers(offence));
}

function formatOffence(offence: GuardrailOffence): string {
  return (
    `guardrail ${offence.ruleId} broken by ${offence.address} (construct ${offence.constructPath}): ${offence.problem}. ` +
    `Fix: ${offence.fix}. Rule: ${GUARDRAIL_RULES[offence.ruleId]}. ` +
    `To accept it for this resource: Guardrails.waive(construct, '${offence.ruleId}', '<reason>').`
  );
}

function waiversOf(construct: IConstruct, create: boolean): Waivers {
  const holder = construct as unknown as Record<symbol, Waivers | undefined>;
  const existing = holder[WAIVERS];
  if (existing || !create) return existing ?? new Map();
  const waivers: Waivers = new Map();
  Object.defineProperty(construct, WAIVERS, { value: waivers });
  return waivers;
}
