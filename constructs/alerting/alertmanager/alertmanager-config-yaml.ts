import { stringify } from 'yaml';
import type { AlertmanagerConfig } from './alertmanager-config';

/**
 * The configuration as `alertmanager.yml` text, for amtool and for the chart. Written as YAML 1.1 because
 * Alertmanager and Helm read YAML 1.1, where an unquoted `09:30` could be a base-60 number; long templates are
 * never folded.
 */
export function alertmanagerConfigToYaml(config: AlertmanagerConfig): string {
  return stringify(config, { lineWidth: 0, version: '1.1' });
}
