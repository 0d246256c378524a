export * from './rules';
export * from './price-feeds';
