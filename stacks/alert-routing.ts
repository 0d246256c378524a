import type { AlertRoutingModel } from '../constructs/alerting/alertmanager/routing-model';
import type { EnvironmentConfig } from '../environments/schema';
import { HEARTBEAT_SECRET } from './platform-secrets';

/** The environment's alerting config as the Alertmanager routing model (defaults for timing and market hours). */
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
    heartbeat: {
      url: alerting.heartbeat.url,
      authorization: { type: alerting.heartbeat.authorizationType, credentials: HEARTBEAT_SECRET },
    },
  };
}
