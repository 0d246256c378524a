import type { IConstruct } from 'constructs';
import { IamRole } from '../core/aws';
import type { IAspect } from '../core/cdktf';

/**
 * Puts the environment's permissions boundary on every IAM role of a stack, so no role the apply role creates can
 * miss it (the apply role may create roles only with it). A role that already names a different boundary is an
 * error, not silently replaced.
 */
export class PermissionsBoundaryAspect implements IAspect {
  constructor(private readonly boundaryArn: string) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof IamRole)) return;
    const current = node.permissionsBoundaryInput;
    if (current === undefined) {
      node.permissionsBoundary = this.boundaryArn;
    } else if (current !== this.boundaryArn) {
      throw new Error(`${node.node.path}: permissionsBoundary "${current}" (allowed: the environment's boundary ${this.boundaryArn})`);
    }
  }
}
