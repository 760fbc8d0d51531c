/**
 * Named baselines a policy can start from (`ClientPolicy.oauthBcp()`, `"extends": "oauth-bcp"` in a
 * file), each in the JSON form of a policy file, composed exactly as the rule catalog says.
 */
export interface Baseline {
  /** The settings, as a policy file writes them. */
  readonly settings: { readonly [key: string]: unknown };
  /** Severities of its policy rules (as in a file's `severities`). */
  readonly severities: { readonly [ruleId: string]: 'error' | 'warning' };
  /**
   * Documented rules the baseline reports at another severity than their own (a warning made an
   * error). A rule id the engine does not know (yet) changes nothing.
   */
  readonly documentedSeverities: { readonly [ruleId: string]: 'error' | 'warning' };
}

/**
 * The OAuth 2.0 Security BCP (RFC 9700) with RFC 8252 for native apps: the catalog's composition of
 * rules that exist. What a template cannot decide (PKCE, sender-constrained tokens, native app or
 * single-page app) is in docs/oauth-bcp.md.
 */
export const OAUTH_BCP: Baseline = {
  settings: {
    forbidImplicitFlow: true,
    forbidPlaintextPasswordFlows: true,
    requireRefreshTokenRotation: true,
    requireTokenRevocation: true,
    requirePreventUserExistenceErrors: true,
    forbidExampleUrls: true,
    forbidAdminScopeOnPublicClients: true,
    requireLoopbackIpLiteral: true,
    requireReverseDomainSchemes: true,
    maxAccessTokenValidity: 'PT1H',
    maxIdTokenValidity: 'PT1H',
    maxRefreshTokenValidity: 'P30D',
  },
  // RFC 9700 section 4.14.2: refresh tokens of public clients must be sender-constrained or rotate
  severities: { 'policy-refresh-rotation': 'error' },
  // the documented warning redirect-uri-wildcard (a redirect URL with `*`, which Cognito compares
  // literally) is an error in this baseline
  documentedSeverities: { 'redirect-uri-wildcard': 'error' },
};

/** Every baseline, by the name files give in `extends`. */
export const BASELINES: { readonly [name: string]: Baseline } = { 'oauth-bcp': OAUTH_BCP };
