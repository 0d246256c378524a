import type { AlertRoutingModel } from '../constructs/alerting/alertmanager/routing-model';
import { assetTypeOfSymbol, marketClosuresOf, type AssetType } from '../constructs/price-feeds/asset-types';
import { priceFeedInhibitions } from '../constructs/price-feeds/rules/inhibitions';
import type { EnvironmentConfig } from '../environments/schema';
import { HEARTBEAT_SECRET } from './platform-secrets';

/** The environment's alerting config as the Alertmanager routing model, muting the closures of its feeds' asset types. */
export function alertRoutingModel(env: EnvironmentConfig): AlertRoutingModel {
  const { alerting } = env;
  return {
    environment: env.name,
    slackReceivers: alerting.slackReceivers,
    routing: {
      bySeverity: alerting.routing.bySeverity,
      byTeam: alerting.routing.byTeam,
      defaultReceiver: alerting.routing.defaultReceiver,
    },
    marketClosures: marketClosuresOf([...new Set(Object.keys(env.priceFeeds.feeds).map((symbol) => assetTypeOfSymbol(symbol) as AssetType))]),
    inhibitions: priceFeedInhibitions(),
    heartbeat: {
      url: alerting.heartbeat.url,
      authorization: { type: alerting.heartbeat.authorizationType, credentials: HEARTBEAT_SECRET },
    },
  };
}
