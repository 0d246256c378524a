import { parse } from 'yaml';
import { resources, TerraformJson } from './synth';

/** The values of a synthesized helm_release, parsed back from the YAML Terraform hands to Helm. */
export function helmValues(tf: TerraformJson, chart: string): Record<string, any> {
  const releases = resources(tf, 'helm_release').filter((release) => release.config.chart === chart);
  if (releases.length !== 1) throw new Error(`expected one helm_release of chart ${chart}, found ${releases.length}`);
  const documents: string[] = releases[0].config.values ?? [];
  return Object.assign({}, ...documents.map((document) => parse(document) as Record<string, any>));
}
