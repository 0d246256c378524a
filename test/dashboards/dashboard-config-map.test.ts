import { dashboardConfigMap, renderDashboard } from '../../constructs/dashboards';
import { priceFeedsDashboard } from '../../constructs/price-feeds/dashboards/price-feeds-dashboard';
import { publishersDashboard } from '../../constructs/price-feeds/dashboards/publishers-dashboard';
import { PROD_FEEDS } from '../price-feeds/fixtures';
import { GRAFANA_DASHBOARD_LABEL, MONITORING_NAMESPACE } from '../../constructs/monitoring/kube-prometheus-stack';
import { kubernetesSchemaProblems } from '../support/kubernetes-schema';

const model = priceFeedsDashboard(PROD_FEEDS);
const configMap = dashboardConfigMap(model);

describe('dashboardConfigMap', () => {
  test('carries the label the Grafana sidecar of KubePrometheusStack watches', () => {
    expect(configMap.metadata.labels).toMatchObject(GRAFANA_DASHBOARD_LABEL);
  });

  test('holds one file named after the dashboard uid', () => {
    expect(Object.keys(configMap.data)).toEqual(['feedops-price-feeds.json']);
  });

  test('holds JSON that parses back to the rendered dashboard', () => {
    expect(JSON.parse(configMap.data['feedops-price-feeds.json'])).toEqual(renderDashboard(model));
  });

  test('is named grafana-dashboard-<uid> in the monitoring namespace by default', () => {
    expect(configMap.metadata).toMatchObject({ name: 'grafana-dashboard-feedops-price-feeds', namespace: MONITORING_NAMESPACE });
  });

  test('takes its name and namespace from the options', () => {
    expect(dashboardConfigMap(model, { name: 'feeds', namespace: 'feedops' }).metadata).toMatchObject({ name: 'feeds', namespace: 'feedops' });
  });

  test('sets no folder annotation, which the sidecar only reads when folderAnnotation is configured', () => {
    expect(configMap.metadata).not.toHaveProperty('annotations');
  });

  test.each([
    ['Price feeds', configMap],
    ['Publishers', dashboardConfigMap(publishersDashboard(PROD_FEEDS))],
  ])('passes the Kubernetes ConfigMap schema (%s)', (_title, manifest) => {
    expect(kubernetesSchemaProblems([manifest])).toEqual([]);
  });

  test('fails the Kubernetes ConfigMap schema when a label value is not a string (the check can fail)', () => {
    const broken = { ...configMap, metadata: { ...configMap.metadata, labels: { grafana_dashboard: 1 } } };
    expect(kubernetesSchemaProblems([broken])).not.toEqual([]);
  });

  test('fails when the uid does not make a valid ConfigMap name and no name is given', () => {
    expect(() => dashboardConfigMap({ ...model, uid: 'Feeds_Prod' })).toThrow(
      'Dashboard ConfigMap of "Feeds_Prod": name: "grafana-dashboard-Feeds_Prod" (allowed: a DNS subdomain name: lower-case letters, digits, "-" and "."; set options.name when the uid is not one',
    );
  });

  test('fails when the namespace is not a DNS label', () => {
    expect(() => dashboardConfigMap(model, { namespace: 'Monitoring' })).toThrow(
      'Dashboard ConfigMap of "feedops-price-feeds": namespace: "Monitoring" (allowed: a DNS label: lower-case letters, digits and "-", at most 63 characters',
    );
  });
});
