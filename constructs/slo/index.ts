export { ServiceLevelObjective, type ServiceLevelObjectiveProps } from './service-level-objective';
export {
  BURN_RATE_ALERTS,
  burnFactor,
  DEFAULT_MINIMUM_EVENTS,
  DEFAULT_SLO_WINDOW,
  errorBudget,
  renderSloRules,
  SLI_WINDOWS,
  SLO_LABELS,
  SLO_SERIES,
  sloId,
  sloRuleGroups,
  validateSloSpecs,
  type RenderSloRulesOptions,
} from './render-slo-rules';
export type { BoolGaugeSli, EventsSli, NoDataPolicy, ServiceLevelObjectiveSpec, Sli, SloWindow } from './slo-spec';
export { SLI_WINDOW_PLACEHOLDER } from './slo-spec';
