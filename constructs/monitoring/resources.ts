import type { PlainObject } from '../core/deep-merge';

/** CPU and memory of one container, in Kubernetes quantities. */
export interface ResourceQuantities {
  readonly cpu: string;
  readonly memory: string;
}

/** Requests and limits; feedops sets both on every container (CHECKS.md 20). */
export interface ContainerResources {
  readonly requests: ResourceQuantities;
  readonly limits: ResourceQuantities;
}

export function renderResources(resources: ContainerResources): PlainObject {
  return {
    requests: { cpu: resources.requests.cpu, memory: resources.requests.memory },
    limits: { cpu: resources.limits.cpu, memory: resources.limits.memory },
  };
}
