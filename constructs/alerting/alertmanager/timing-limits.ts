import { Duration } from '../../core/duration';

/** Limits the rendered routes must respect (feedops alerting practice; CHECKS.md 30). */
export const TIMING_LIMITS = {
  /** A critical alert is notified within this time of arriving. */
  criticalMaxGroupWait: Duration.seconds(30),
  /** A critical alert that stays firing is repeated at least this often. */
  criticalMaxRepeatInterval: Duration.hours(1),
  /** Warning and info alerts repeat no more often than this, to keep channels readable. */
  nonCriticalMinRepeatInterval: Duration.hours(4),
  /** The dead-man's switch hears from Watchdog at least this often. */
  heartbeatMaxInterval: Duration.minutes(5),
  /** A market's alerts stay muted at most this long after it opens: a longer hold hides a feed that never opens. */
  marketOpeningHoldMax: Duration.hours(1),
} as const;
