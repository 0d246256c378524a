import type { AlertmanagerRoute } from '../../../../constructs/alerting/alertmanager';

/** Every route below `root` (not the root itself), each with the routes above it. */
export function descendantRoutes(root: AlertmanagerRoute): { route: AlertmanagerRoute; ancestors: AlertmanagerRoute[] }[] {
  const found: { route: AlertmanagerRoute; ancestors: AlertmanagerRoute[] }[] = [];
  const visit = (route: AlertmanagerRoute, ancestors: AlertmanagerRoute[]) => {
    for (const child of route.routes ?? []) {
      found.push({ route: child, ancestors });
      visit(child, [...ancestors, child]);
    }
  };
  visit(root, [root]);
  return found;
}

/** Seconds in an Alertmanager duration such as "90s", "5m", "1h30m". */
export function durationSeconds(text: string): number {
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  const parts = [...text.matchAll(/(\d+)([smhdw])/g)];
  if (parts.map((part) => part[0]).join('') !== text) throw new Error(`not an Alertmanager duration: "${text}"`);
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * units[unit], 0);
}
