import { invalid } from '../core/validation-error';
import { Construct } from 'constructs';
import { IamOpenidConnectProvider } from '../core/aws';
import type { PolicyStatement } from '../core/iam-policy';

export const GITHUB_OIDC_ISSUER = 'token.actions.githubusercontent.com';
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

/** The account's identity provider for GitHub Actions OIDC tokens: no long-lived keys anywhere. */
export class GithubOidcProvider extends Construct {
  public readonly provider: IamOpenidConnectProvider;
  public readonly providerArn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // AWS verifies GitHub's certificate chain itself, so no thumbprint is pinned.
    this.provider = new IamOpenidConnectProvider(this, 'provider', {
      url: `https://${GITHUB_OIDC_ISSUER}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
    });
    this.providerArn = this.provider.arn;
  }
}

/**
 * Trust policy for a role assumed from GitHub Actions: audience `sts.amazonaws.com` and an exact `sub` (no wildcards),
 * e.g. `repo:org/feedops:environment:prod`.
 */
export function githubTrustStatement(providerArn: string, subjects: readonly string[]): PolicyStatement {
  const wildcard = subjects.find((subject) => /[*?]/.test(subject));
  if (wildcard) invalid('GitHub OIDC trust', 'subjects', `"${wildcard}" has a wildcard (allowed: exact subjects such as repo:org/repo:pull_request)`);
  if (subjects.length === 0) invalid('GitHub OIDC trust', 'subjects', 'none given (allowed: at least one subject, repo:<org>/<repo>:...)');
  return {
    Sid: 'GithubActionsOidc',
    Effect: 'Allow',
    Principal: { Federated: providerArn },
    Action: ['sts:AssumeRoleWithWebIdentity'],
    Condition: {
      StringEquals: {
        [`${GITHUB_OIDC_ISSUER}:aud`]: GITHUB_OIDC_AUDIENCE,
        [`${GITHUB_OIDC_ISSUER}:sub`]: subjects.length === 1 ? subjects[0] : subjects,
      },
    },
  };
}
