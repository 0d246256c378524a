import { FX_MARKET_CLOSURE, US_EQUITY_MARKET_CLOSURE } from './market-hours';
import type { AlertRoutingModel } from './routing-model';

const HEARTBEAT_CREDENTIALS = { secretName: 'alertmanager-heartbeat', key: 'api-key' } as const;

/**
 * A realistic routing model per environment, used by the tests and as a starting point for environment config.
 * dev and staging share one channel per environment; prod pages the feeds and platform teams separately.
 * The heartbeat is an Opsgenie heartbeat ping: the URL names the heartbeat, the API key comes from a secret.
 */
export function exampleRoutingModel(environment: string): AlertRoutingModel {
  // The markets of the feeds the example watches: their alerts are muted while closed.
  const marketClosures = { Equity: US_EQUITY_MARKET_CLOSURE, FX: FX_MARKET_CLOSURE };
  const heartbeat = {
    url: `https://api.opsgenie.com/v2/heartbeats/feedops-${environment}/ping`,
    authorization: { type: 'GenieKey', credentials: HEARTBEAT_CREDENTIALS },
  };
  if (environment !== 'prod') {
    return {
      environment,
      slackReceivers: { [`${environment}-alerts`]: { channel: `#feedops-${environment}-alerts` } },
      routing: {
        bySeverity: { critical: `${environment}-alerts`, warning: `${environment}-alerts`, info: `${environment}-alerts` },
      },
      heartbeat,
      marketClosures,
    };
  }
  return {
    environment,
    slackReceivers: {
      'platform-critical': { channel: '#platform-critical' },
      'platform-alerts': { channel: '#platform-alerts' },
      'platform-info': { channel: '#platform-info' },
      'feeds-critical': { channel: '#feeds-critical' },
      'feeds-alerts': { channel: '#feeds-alerts' },
    },
    routing: {
      bySeverity: { critical: 'platform-critical', warning: 'platform-alerts', info: 'platform-info' },
      byTeam: {
        feeds: { critical: 'feeds-critical', warning: 'feeds-alerts', info: 'feeds-alerts' },
        platform: { critical: 'platform-critical', warning: 'platform-alerts' },
      },
      defaultReceiver: 'platform-alerts',
    },
    heartbeat,
    marketClosures,
  };
}
