import type { EndpointsConfig } from './schema';

/** Problems across endpoints that the per-field schema cannot see, each with its field path below `endpoints`. */
export function endpointProblems(endpoints: EndpointsConfig): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const groups = new Map<string, string[]>();
  for (const [name, endpoint] of Object.entries(endpoints)) {
    if (endpoint.group) groups.set(endpoint.group, [...(groups.get(endpoint.group) ?? []), name]);
  }
  for (const [group, members] of groups) {
    if (members.length < 2) {
      problems.push({
        path: `${members[0]}.group`,
        message: `"${group}" has only this endpoint (allowed: a group of at least 2 redundant providers, or no group so that a failure pages)`,
      });
    }
    const teams = [...new Set(members.map((member) => endpoints[member].team))];
    if (teams.length > 1) {
      problems.push({
        path: `${members[1]}.team`,
        message: `"${endpoints[members[1]].team}" differs from the team of ${members[0]} in group "${group}" (allowed: one owning team per group, "${endpoints[members[0]].team}")`,
      });
    }
  }
  return problems;
}
