import type { AlertRoutingModel } from '../constructs/alerting/alertmanager/routing-model';
import { marketClosuresOf } from '../constructs/price-feeds/asset-types';
import { priceFeedInhibitions } from '../constructs/price-feeds/rules/inhibitions';
import type { EnvironmentConfig } from '../environments/schema';
import { environmentPriceFeeds } from './environment-monitors';
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
    // The asset types of the resolved feed set, the same the rule groups are built from.
    marketClosures: marketClosuresOf(environmentPriceFeeds(env).assetTypes.map((assetType) => assetType.assetType)),
    inhibitions: priceFeedInhibitions(),
    heartbeat: {
      url: alerting.heartbeat.url,
      authorization: { type: alerting.heartbeat.authorizationType, credentials: HEARTBEAT_SECRET },
    },
  };
}
