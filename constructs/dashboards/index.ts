export * from './dashboard-config-map';
export * from './dashboard-model';
export * from './dashboard-tags';
export * from './grafana-dashboard-json';
export * from './grid-layout';
export * from './render-dashboard';
export * from './validate-dashboard';
