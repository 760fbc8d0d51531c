import { ClientRules, Severity } from '../../src';

/** The per-client rules in scope, with their catalog severity (docs: rules.md). */
const IN_SCOPE: Array<[string, Severity]> = [
  ['client-name-length', Severity.ERROR],
  ['client-name-pattern', Severity.ERROR],
  ['user-pool-id-format', Severity.ERROR],
  ['token-validity-range', Severity.ERROR],
  ['token-validity-raw-bounds', Severity.ERROR],
  ['token-refresh-zero', Severity.WARNING],
  ['token-refresh-not-shorter', Severity.WARNING],
  ['token-units-enum', Severity.ERROR],
  ['token-unit-without-value', Severity.WARNING],
  ['auth-session-validity-range', Severity.ERROR],
  ['refresh-rotation-feature-enum', Severity.ERROR],
  ['refresh-rotation-feature-required', Severity.ERROR],
  ['refresh-rotation-grace-range', Severity.ERROR],
  ['refresh-rotation-grace-ignored', Severity.WARNING],
  ['auth-flows-enum', Severity.ERROR],
  ['auth-flows-legacy-mix', Severity.ERROR],
  ['auth-flows-refresh-required', Severity.WARNING],
  ['auth-flows-rotation-no-refresh-auth', Severity.ERROR],
  ['auth-flows-rotation-defaults', Severity.WARNING],
  ['auth-flows-legacy-deprecated', Severity.WARNING],
  ['oauth-flows-enum', Severity.ERROR],
  ['oauth-client-credentials-exclusive', Severity.ERROR],
  ['oauth-client-credentials-secret', Severity.ERROR],
  ['oauth-client-credentials-custom-scopes', Severity.ERROR],
  ['oauth-callback-required', Severity.ERROR],
  ['oauth-flows-scopes-required', Severity.ERROR],
  ['oauth-settings-need-flag', Severity.WARNING],
  ['oauth-scope-format', Severity.ERROR],
  ['oauth-scope-exists', Severity.ERROR],
  ['oauth-scope-openid-companion', Severity.WARNING],
  ['redirect-uri-length', Severity.ERROR],
  ['redirect-uri-charset', Severity.ERROR],
  ['redirect-uri-count', Severity.ERROR],
  ['redirect-uri-absolute', Severity.ERROR],
  ['redirect-uri-host-as-scheme', Severity.WARNING],
  ['redirect-uri-no-fragment', Severity.ERROR],
  ['redirect-uri-https', Severity.ERROR],
  ['logout-uri-https', Severity.WARNING],
  ['default-redirect-in-callbacks', Severity.ERROR],
  ['context-data-needs-secret', Severity.ERROR],
  ['client-secret-exclusive', Severity.ERROR],
  ['client-secret-format', Severity.ERROR],
  ['idp-name-format', Severity.ERROR],
  ['idp-builtin-case', Severity.WARNING],
  ['attr-name-length', Severity.ERROR],
  ['attr-write-immutable', Severity.ERROR],
  ['attr-exists', Severity.ERROR],
  ['analytics-exclusive', Severity.WARNING],
  ['analytics-id-complete', Severity.WARNING],
  ['analytics-target-required', Severity.WARNING],
  ['analytics-formats', Severity.ERROR],
  ['analytics-region', Severity.WARNING],
  ['analytics-pinpoint-eol', Severity.WARNING],
  ['prevent-user-existence-enum', Severity.ERROR],
  ['property-type', Severity.ERROR],
  ['client-not-checkable', Severity.WARNING],
];

/** Rules that need other resources of a template or app, or the previous deployment. */
const TEMPLATE_ONLY: Array<[string, Severity]> = [
  ['refresh-rotation-tier', Severity.ERROR],
  ['auth-flows-user-auth-tier', Severity.ERROR],
  ['idp-exists', Severity.ERROR],
  ['idp-creation-order', Severity.WARNING],
  ['oauth-scope-creation-order', Severity.WARNING],
  ['attr-write-required', Severity.ERROR],
  ['attr-write-idp-mapped', Severity.WARNING],
  ['quota-clients-per-pool', Severity.WARNING],
  ['generate-secret-replacement', Severity.WARNING],
  ['update-resets-omitted', Severity.WARNING],
  ['update-units-removed', Severity.WARNING],
];

/** Rules on the resources attached to a client by ClientId (catalog: "what an app client carries in 2026"), in catalog order. */
const ATTACHMENT: Array<[string, Severity]> = [
  ['branding-provided-values-exclusive', Severity.ERROR],
  ['branding-assets', Severity.ERROR],
  ['attachment-client-id', Severity.ERROR],
  ['branding-one-per-client', Severity.ERROR],
  ['branding-missing', Severity.WARNING],
  ['attachment-pool-mismatch', Severity.ERROR],
  ['terms-name', Severity.ERROR],
  ['terms-source-enforcement', Severity.ERROR],
  ['terms-links', Severity.ERROR],
  ['terms-one-per-kind', Severity.ERROR],
  ['terms-both-kinds', Severity.WARNING],
  ['sso-session-range', Severity.ERROR],
  ['sso-session-tier', Severity.ERROR],
  ['sso-session-tracking', Severity.WARNING],
  ['sso-session-one-per-client', Severity.WARNING],
];

/**
 * Ids the product adds beyond the catalog, each for a behaviour the catalog describes without an id:
 * a UserPoolId change replaces the client ("GenerateSecret or UserPoolId changes replace the client");
 * Properties written by a macro give "one finding [that] says so" (the value-shape table, Fn::Transform).
 */
const EXTRA_IDS = ['user-pool-id-replacement', 'client-not-checkable'];

/** Every id in the catalog, including rules that need other resources and policy rules. */
const CATALOG_IDS = new Set([
  ...IN_SCOPE.map(([id]) => id),
  ...TEMPLATE_ONLY.map(([id]) => id),
  ...ATTACHMENT.map(([id]) => id),
  'policy-no-implicit', 'policy-prevent-user-existence', 'policy-token-revocation',
  'policy-no-plaintext-password-flows', 'policy-user-auth-widens', 'policy-no-example-callback',
  'policy-no-loopback-in-prod', 'policy-refresh-rotation',
  ...EXTRA_IDS,
]);

describe('ClientRules.rules()', () => {
  const rules = ClientRules.rules();
  const byId = new Map(rules.map(r => [r.id, r]));

  test('returns a non-empty list', () => {
    expect(Array.isArray(rules)).toBe(true);
    expect(rules.length).toBeGreaterThanOrEqual(IN_SCOPE.length);
  });

  test('ids are unique', () => {
    const all = rules.map(r => r.id);
    expect(new Set(all).size).toBe(all.length);
  });

  test('every id is spelled as in the catalog', () => {
    const unknown = rules.map(r => r.id).filter(id => !CATALOG_IDS.has(id));
    expect(unknown).toEqual([]);
  });

  test('the attachment rules are listed once each, in catalog order', () => {
    const ids = rules.map(r => r.id);
    expect(ids.filter(id => ATTACHMENT.some(([a]) => a === id))).toEqual(ATTACHMENT.map(([id]) => id));
  });

  test.each([...IN_SCOPE, ...TEMPLATE_ONLY, ...ATTACHMENT])('%s is registered as %s with a title and an https source', (id, severity) => {
    const r = byId.get(id);
    expect(r).toBeDefined();
    expect(r!.severity).toBe(severity);
    expect(typeof r!.title).toBe('string');
    expect(r!.title.trim().length).toBeGreaterThan(0);
    expect(r!.source).toMatch(/^https:\/\/\S+$/);
  });

  test('every rule has a title and an https source', () => {
    for (const r of rules) {
      expect(r.title.trim().length).toBeGreaterThan(0);
      expect(r.source).toMatch(/^https:\/\//);
    }
  });

  test('returns a fresh copy that callers cannot corrupt', () => {
    const first = ClientRules.rules();
    try {
      (first as any[]).length = 0;
    } catch {
      // a frozen array is fine too
    }
    expect(ClientRules.rules().length).toBe(rules.length);
  });
});

describe('findings agree with the registry', () => {
  const registry = new Map(ClientRules.rules().map(r => [r.id, r.severity]));
  const messy: any[] = [
    { UserPoolId: 'bad', ClientName: '', AccessTokenValidity: 0, RefreshTokenValidity: 0, AuthSessionValidity: 1 },
    { UserPoolId: 'us-east-1_Ab', ClientName: 'Café', TokenValidityUnits: { AccessToken: 'weeks' }, IdTokenValidity: 25 },
    { UserPoolId: 'us-east-1_Ab', RefreshTokenRotation: { RetryGracePeriodSeconds: 99 }, ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_X'] },
    { UserPoolId: 'us-east-1_Ab', RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 5 }, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
    { UserPoolId: 'us-east-1_Ab', RefreshTokenRotation: { Feature: 'ENABLED' } },
    { UserPoolId: 'us-east-1_Ab', RefreshTokenRotation: { Feature: 'bogus' } },
    { UserPoolId: 'us-east-1_Ab', CallbackURLs: ['', ...Array.from({ length: 100 }, (_v, i) => `https://h${i}.example.org`)] },
    { UserPoolId: 'us-east-1_Ab', RefreshTokenRotation: { Feature: 'ENABLED' }, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] },
    {
      UserPoolId: 'us-east-1_Ab',
      AllowedOAuthFlows: ['client_credentials', 'code', 'bogus'],
      AllowedOAuthScopes: ['email', 'admin', 'a b'],
      CallbackURLs: ['http://a.example.org/cb#x', 'localhost:3000', '/rel', 'x y'],
      LogoutURLs: ['http://a.example.org/out'],
      DefaultRedirectURI: 'https://missing.example.org',
      EnablePropagateAdditionalUserContextData: true,
    },
    { UserPoolId: 'us-east-1_Ab', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['implicit'] },
    { UserPoolId: 'us-east-1_Ab', GenerateSecret: true, ClientSecret: 'short' },
    { UserPoolId: 'us-east-1_Ab', SupportedIdentityProviders: ['', 'GOOGLE'], ReadAttributes: ['', 'tenant'], WriteAttributes: ['sub'] },
    { UserPoolId: 'eu-west-1_Ab', AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', RoleArn: 'x', ApplicationId: 'zz' } },
    { UserPoolId: 'us-east-1_Ab', AnalyticsConfiguration: {}, PreventUserExistenceErrors: 'NO', CallbackURLs: 5 },
    { UserPoolId: 'us-east-1_Ab', AccessTokenValidity: 24, RefreshTokenValidity: 1, TokenValidityUnits: { RefreshToken: 'hours' } },
    { 'Fn::Transform': { Name: 'ClientMacro', Parameters: { Env: 'prod' } } },
  ];

  test.each(messy.map((p, i) => [i, p]))('input %d: each finding has a registered id and its registry severity', (_i, p) => {
    const out = ClientRules.check(p);
    expect(out.length).toBeGreaterThan(0);
    for (const f of out) {
      expect(registry.has(f.ruleId)).toBe(true);
      expect(f.severity).toBe(registry.get(f.ruleId));
    }
  });

  test('together the messy inputs exercise every in-scope rule', () => {
    const seen = new Set(messy.flatMap(p => ClientRules.check(p).map(f => f.ruleId)));
    const missing = IN_SCOPE.map(([id]) => id).filter(id => !seen.has(id));
    expect(missing).toEqual([]);
  });
});
