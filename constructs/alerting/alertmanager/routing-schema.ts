import { z } from 'zod';

/**
 * The field rules of the routing model as zod schemas: the routing resolver checks its fields with them and the
 * environment schema composes them, so a receiver name or heartbeat URL is valid in both or in neither.
 */

export const RECEIVER_NAME_PATTERN = /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
export const RECEIVER_NAME_RULE = 'lower-case letters, digits and "-", 2-63 characters, starting with a letter';
/** Label values used in matchers (team, environment): kept to a simple alphabet so they never need escaping. */
export const LABEL_VALUE_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;
export const LABEL_VALUE_RULE = 'lower-case letters, digits, "_" and "-", starting with a letter, at most 63 characters';
/** Slack channel names: lower-case letters, digits, "-" and "_", at most 80 characters. */
export const SLACK_CHANNEL_PATTERN = /^#[a-z0-9][a-z0-9_-]{0,79}$/;
export const SLACK_CHANNEL_RULE = 'a Slack channel name: "#" then lower-case letters, digits, "-" and "_", at most 80 characters';
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
export const HEARTBEAT_URL_RULE =
  'an https URL (http only for a loopback host) with no user, password or query string; send credentials with the authorization header';

/** Whether a heartbeat URL may be rendered in clear: it must not carry a credential. */
export function isAcceptableHeartbeatUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK_HOSTS.includes(parsed.hostname));
  return secure && !parsed.username && !parsed.password && !parsed.search && parsed.hostname !== 'hooks.slack.com';
}

export const receiverNameSchema = z.string().regex(RECEIVER_NAME_PATTERN, { message: `(allowed: a receiver name: ${RECEIVER_NAME_RULE})` });
export const teamLabelSchema = z.string().regex(LABEL_VALUE_PATTERN, { message: `(allowed: a team label value: ${LABEL_VALUE_RULE})` });
export const slackChannelSchema = z.string().regex(SLACK_CHANNEL_PATTERN, { message: `(allowed: ${SLACK_CHANNEL_RULE})` });
export const heartbeatUrlSchema = z.string().refine(isAcceptableHeartbeatUrl, { message: `(allowed: ${HEARTBEAT_URL_RULE})` });

const severityReceivers = z.strictObject({ critical: receiverNameSchema, warning: receiverNameSchema, info: receiverNameSchema });

/** Slack receivers keyed by receiver name. */
export const slackReceiversSchema = z.record(receiverNameSchema, z.strictObject({ channel: slackChannelSchema }));

/** Who gets which alert: per severity, per team (missing severities fall back), and a default. */
export const routingSchema = z.strictObject({
  bySeverity: severityReceivers,
  byTeam: z.record(teamLabelSchema, severityReceivers.partial()).optional(),
  defaultReceiver: receiverNameSchema.optional(),
});
