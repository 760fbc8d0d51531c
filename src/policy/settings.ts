import { POLICY_RULES } from '../rules/policy';

/** The JSON form of a setting's value. */
export type SettingKind = 'duration' | 'boolean' | 'strings' | 'string' | 'severities';

/**
 * One setting of an organisation policy, as the JSON file and the JSON Schema know it.
 * This table is the single description of the file format: the schema is generated from it,
 * and `ClientPolicy.fromJson` checks files against it.
 */
export interface SettingSpec {
  readonly key: string;
  readonly kind: SettingKind;
  /** The policy rule the setting turns on (none for `severities`). */
  readonly ruleId?: string;
  readonly description: string;
  /** Allowed values (for `string`) or allowed items (for `strings`). */
  readonly values?: ReadonlyArray<string>;
  /** A JSON Schema pattern for `string` values or `strings` items. */
  readonly pattern?: string;
}

export const OAUTH_FLOW_VALUES = ['code', 'implicit', 'client_credentials'];
export const AUTH_FLOW_VALUES = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH', 'ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH',
];
/** ISO 8601 durations as aws-cdk-lib's `Duration.parse` reads them (e.g. PT1H, P30D, PT15M). */
export const ISO_DURATION = '^P(?!$)(\\d+D)?(T(?!$)(\\d+H)?(\\d+M)?(\\d+S)?)?$';

export const SETTINGS: ReadonlyArray<SettingSpec> = [
  { key: 'maxAccessTokenValidity', kind: 'duration', ruleId: 'policy-max-access-token-validity', description: 'Longest allowed access-token lifetime, as an ISO 8601 duration (e.g. "PT1H"). Absent values count as the service default of 60 minutes.' },
  { key: 'maxIdTokenValidity', kind: 'duration', ruleId: 'policy-max-id-token-validity', description: 'Longest allowed ID-token lifetime, as an ISO 8601 duration (e.g. "PT1H").' },
  { key: 'maxRefreshTokenValidity', kind: 'duration', ruleId: 'policy-max-refresh-token-validity', description: 'Longest allowed refresh-token lifetime, as an ISO 8601 duration (e.g. "P30D"). Absent values count as the service default of 30 days.' },
  { key: 'allowedOAuthFlows', kind: 'strings', ruleId: 'policy-oauth-flows-allowed', values: OAUTH_FLOW_VALUES, description: 'The OAuth flows clients may use.' },
  { key: 'forbiddenAuthFlows', kind: 'strings', ruleId: 'policy-auth-flows-forbidden', values: AUTH_FLOW_VALUES, description: 'ExplicitAuthFlows values clients must not use (plain-password flows, legacy values, ALLOW_USER_AUTH, ...). When ExplicitAuthFlows is absent, the service default set is checked.' },
  { key: 'requirePreventUserExistenceErrors', kind: 'boolean', ruleId: 'policy-prevent-user-existence', description: 'Require PreventUserExistenceErrors: ENABLED.' },
  { key: 'requireTokenRevocation', kind: 'boolean', ruleId: 'policy-token-revocation', description: 'Require token revocation (EnableTokenRevocation not false).' },
  { key: 'requireRefreshTokenRotation', kind: 'boolean', ruleId: 'policy-refresh-rotation', description: 'Require refresh-token rotation on public clients (clients without a secret).' },
  { key: 'forbidImplicitFlow', kind: 'boolean', ruleId: 'policy-no-implicit', description: 'Forbid the implicit grant.' },
  { key: 'forbidPlaintextPasswordFlows', kind: 'boolean', ruleId: 'policy-no-plaintext-password-flows', description: 'Forbid flows that send the password instead of using SRP (ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH).' },
  { key: 'forbidUserAuth', kind: 'boolean', ruleId: 'policy-user-auth-widens', description: 'Forbid ALLOW_USER_AUTH, which also enables password and SRP sign-in.' },
  { key: 'forbidExampleUrls', kind: 'boolean', ruleId: 'policy-no-example-callback', description: 'Forbid example.com callback, logout and default redirect URLs (the aws-cdk-lib default callback).' },
  { key: 'allowLoopbackUrls', kind: 'boolean', ruleId: 'policy-no-loopback-in-prod', description: 'false forbids loopback redirect URLs (localhost, 127.0.0.1, [::1], and every other spelling of a loopback host a browser accepts), as production clients should; true exempts http and https URLs on exactly localhost, 127.0.0.1 or [::1] from allowedCallbackUrls and allowedLogoutUrls.' },
  { key: 'allowedCallbackUrls', kind: 'strings', ruleId: 'policy-callback-urls-allowed', description: 'Globs callback URLs and DefaultRedirectURI must match, e.g. "https://*.example.org/*". In the scheme and host, * stays within the host; in the path it matches anything.' },
  { key: 'allowedLogoutUrls', kind: 'strings', ruleId: 'policy-logout-urls-allowed', description: 'Globs logout URLs must match, with the same syntax as allowedCallbackUrls.' },
  { key: 'allowedScopes', kind: 'strings', ruleId: 'policy-scopes-allowed', description: 'OAuth scopes clients may request; * matches any characters (e.g. "orders-api/*").' },
  { key: 'allowedIdentityProviders', kind: 'strings', ruleId: 'policy-identity-providers-allowed', description: 'Identity provider names clients may use (e.g. "COGNITO", "Google", your SAML provider).' },
  { key: 'clientNamePattern', kind: 'string', ruleId: 'policy-client-name-pattern', description: 'A regular expression every ClientName must fully match (e.g. "[a-z][a-z0-9-]*"), in RE2 syntax: matched in linear time, so no backreferences or lookaround.' },
  { key: 'clientSecret', kind: 'string', ruleId: 'policy-client-secret', values: ['REQUIRED', 'FORBIDDEN'], description: 'REQUIRED: every client has a secret; FORBIDDEN: no client has one.' },
  { key: 'severities', kind: 'severities', description: 'The severity of each policy rule ("error" fails synth, "warning" is reported), by rule id; rules keep their default severity otherwise.' },
];

/** Every policy rule id, for the severities map. */
export const POLICY_RULE_IDS = POLICY_RULES.map((r) => r.id);

/** The JSON Schema of a policy file, generated from `SETTINGS`. */
export function policySchema(): { [key: string]: unknown } {
  const properties: { [key: string]: unknown } = {
    $schema: { type: 'string', description: 'The schema this file follows.' },
  };
  for (const s of SETTINGS) {
    const rule = s.ruleId ? ` Rule: ${s.ruleId}.` : '';
    switch (s.kind) {
      case 'duration':
        properties[s.key] = { type: 'string', pattern: ISO_DURATION, description: s.description + rule };
        break;
      case 'boolean':
        properties[s.key] = { type: 'boolean', description: s.description + rule };
        break;
      case 'string':
        properties[s.key] = s.values
          ? { type: 'string', enum: s.values, description: s.description + rule }
          : { type: 'string', minLength: 1, description: s.description + rule };
        break;
      case 'strings':
        properties[s.key] = {
          type: 'array',
          items: s.values ? { type: 'string', enum: s.values } : { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: s.description + rule,
        };
        break;
      case 'severities':
        properties[s.key] = {
          type: 'object',
          propertyNames: { enum: POLICY_RULE_IDS },
          additionalProperties: { type: 'string', enum: ['error', 'warning'] },
          description: s.description,
        };
        break;
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/cdk-cognito-app-client/cdk-cognito-app-client/schema/client-policy.schema.json',
    title: 'cdk-cognito-app-client organisation policy for Cognito app clients',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}
