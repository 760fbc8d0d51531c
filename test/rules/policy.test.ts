import { readdirSync, readFileSync } from 'fs';
import { join as pathJoin } from 'path';
import { Duration, Token } from 'aws-cdk-lib';
import { ClientRules, ClientPolicy, ClientPolicyProps, ClientSecretPolicy, ExplicitAuthFlow, OAuthFlow, Severity } from '../../src';
import { SETTINGS, rulesOf } from '../../src/policy/settings';

const BASE = { UserPoolId: 'us-east-1_AbC123', ClientName: 'web-client' };
/** Drops keys set to undefined, so "absent" really is absent. */
const clean = (o: any) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const client = (extra: any = {}) => clean({ ...BASE, ...extra });
/** A code-flow client; override what a test needs. */
const oauth = (extra: any = {}) => client({
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid'],
  CallbackURLs: ['https://app.example.org/cb'],
  ...extra,
});

const policyFindings = (p: any, policy?: ClientPolicy) => ClientRules.check(p, policy).filter(f => f.ruleId.startsWith('policy-'));
const find = (p: any, policy: ClientPolicy, ruleId: string) => ClientRules.check(p, policy).filter(f => f.ruleId === ruleId);
const props = (p: any, policy: ClientPolicy, ruleId: string) => find(p, policy, ruleId).map(f => f.property);

const REF = { Ref: 'X' };
const TOKEN = Token.asString({ Ref: 'X' });
const IF = (a: any, b: any) => ({ 'Fn::If': ['IsProd', a, b] });

/** The 8 `policy-*` rules of the catalog (/work/shared/reference/rules.md, "Enums, quotas and org policy"). */
const CATALOG_POLICY_IDS = [
  'policy-no-implicit',
  'policy-prevent-user-existence',
  'policy-token-revocation',
  'policy-no-plaintext-password-flows',
  'policy-user-auth-widens',
  'policy-no-example-callback',
  'policy-no-loopback-in-prod',
  'policy-refresh-rotation',
];

interface Case {
  /** The settings that turn the rule on. */
  readonly settings: ClientPolicyProps;
  /** A client the rule accepts. */
  readonly ok: any;
  /** A client the rule rejects, with the property it names. */
  readonly bad: any;
  readonly property: string;
  readonly severity: Severity;
  /** Clients whose deciding value is unresolved: the rule skips them. */
  readonly unresolved: any[];
}

const CASES: { [ruleId: string]: Case } = {
  'policy-no-implicit': {
    settings: { forbidImplicitFlow: true },
    ok: oauth(),
    bad: oauth({ AllowedOAuthFlows: ['code', 'implicit'] }),
    property: 'AllowedOAuthFlows[1]',
    severity: Severity.ERROR,
    unresolved: [
      oauth({ AllowedOAuthFlows: REF }),
      oauth({ AllowedOAuthFlows: ['code', TOKEN] }),
      oauth({ AllowedOAuthFlows: ['code', IF('implicit', 'code')] }),
      oauth({ AllowedOAuthFlows: IF(['implicit'], ['code']) }),
    ],
  },
  'policy-prevent-user-existence': {
    settings: { requirePreventUserExistenceErrors: true },
    ok: client({ PreventUserExistenceErrors: 'ENABLED' }),
    bad: client({ PreventUserExistenceErrors: 'LEGACY' }),
    property: 'PreventUserExistenceErrors',
    severity: Severity.ERROR,
    unresolved: [
      client({ PreventUserExistenceErrors: REF }),
      client({ PreventUserExistenceErrors: TOKEN }),
      client({ PreventUserExistenceErrors: IF('LEGACY', 'ENABLED') }),
    ],
  },
  'policy-token-revocation': {
    settings: { requireTokenRevocation: true },
    ok: client({ EnableTokenRevocation: true }),
    bad: client({ EnableTokenRevocation: false }),
    property: 'EnableTokenRevocation',
    severity: Severity.ERROR,
    unresolved: [
      client({ EnableTokenRevocation: REF }),
      client({ EnableTokenRevocation: Token.asAny({ Ref: 'X' }) }),
      client({ EnableTokenRevocation: IF(false, true) }),
    ],
  },
  'policy-no-plaintext-password-flows': {
    settings: { forbidPlaintextPasswordFlows: true },
    ok: client({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    bad: client({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] }),
    property: 'ExplicitAuthFlows[1]',
    severity: Severity.ERROR,
    unresolved: [
      client({ ExplicitAuthFlows: REF }),
      client({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', TOKEN] }),
      client({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', IF('ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH')] }),
    ],
  },
  'policy-user-auth-widens': {
    settings: { forbidUserAuth: true },
    ok: client({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }),
    bad: client({ ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    property: 'ExplicitAuthFlows[0]',
    severity: Severity.WARNING,
    unresolved: [
      client({ ExplicitAuthFlows: REF }),
      client({ ExplicitAuthFlows: [TOKEN] }),
      client({ ExplicitAuthFlows: [IF('ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH')] }),
    ],
  },
  'policy-no-example-callback': {
    settings: { forbidExampleUrls: true },
    ok: oauth(),
    bad: oauth({ CallbackURLs: ['https://app.example.org/cb', 'https://example.com'] }),
    property: 'CallbackURLs[1]',
    severity: Severity.ERROR,
    unresolved: [
      oauth({ CallbackURLs: REF }),
      oauth({ CallbackURLs: [TOKEN] }),
      oauth({ CallbackURLs: [IF('https://example.com', 'https://app.example.org/cb')] }),
      oauth({ DefaultRedirectURI: IF('https://example.com', 'https://app.example.org/cb') }),
    ],
  },
  'policy-no-loopback-in-prod': {
    settings: { allowLoopbackUrls: false },
    ok: oauth(),
    bad: oauth({ CallbackURLs: ['http://localhost:3000/cb'] }),
    property: 'CallbackURLs[0]',
    severity: Severity.ERROR,
    unresolved: [
      oauth({ CallbackURLs: REF }),
      oauth({ CallbackURLs: [TOKEN] }),
      oauth({ CallbackURLs: [IF('http://localhost:3000/cb', 'https://app.example.org/cb')] }),
      oauth({ LogoutURLs: [{ 'Fn::Sub': 'http://${Host}/logout' }] }),
    ],
  },
  'policy-refresh-rotation': {
    settings: { requireRefreshTokenRotation: true },
    ok: client({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } }),
    bad: client({ RefreshTokenRotation: { Feature: 'DISABLED' } }),
    property: 'RefreshTokenRotation.Feature',
    severity: Severity.WARNING,
    unresolved: [
      client({ RefreshTokenRotation: REF }),
      client({ RefreshTokenRotation: { Feature: REF } }),
      client({ RefreshTokenRotation: { Feature: TOKEN } }),
      client({ RefreshTokenRotation: { Feature: IF('DISABLED', 'ENABLED') } }),
      client({ GenerateSecret: REF }),
      client({ GenerateSecret: IF(false, true) }),
    ],
  },
  'policy-max-access-token-validity': {
    settings: { maxAccessTokenValidity: Duration.hours(1) },
    ok: client({ AccessTokenValidity: 60, TokenValidityUnits: { AccessToken: 'minutes' } }),
    bad: client({ AccessTokenValidity: 2 }),
    property: 'AccessTokenValidity',
    severity: Severity.ERROR,
    unresolved: [
      client({ AccessTokenValidity: REF }),
      client({ AccessTokenValidity: Token.asNumber({ Ref: 'X' }) }),
      client({ AccessTokenValidity: IF(2, 1) }),
      client({ AccessTokenValidity: 2, TokenValidityUnits: REF }),
      client({ AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: TOKEN } }),
    ],
  },
  'policy-max-id-token-validity': {
    settings: { maxIdTokenValidity: Duration.hours(1) },
    ok: client({ IdTokenValidity: 3600, TokenValidityUnits: { IdToken: 'seconds' } }),
    bad: client({ IdTokenValidity: 61, TokenValidityUnits: { IdToken: 'minutes' } }),
    property: 'IdTokenValidity',
    severity: Severity.ERROR,
    unresolved: [
      client({ IdTokenValidity: REF }),
      client({ IdTokenValidity: Token.asNumber({ Ref: 'X' }) }),
      client({ IdTokenValidity: IF(2, 1) }),
      client({ IdTokenValidity: 2, TokenValidityUnits: { IdToken: REF } }),
    ],
  },
  'policy-max-refresh-token-validity': {
    settings: { maxRefreshTokenValidity: Duration.days(30) },
    ok: client({ RefreshTokenValidity: 30 }),
    bad: client({ RefreshTokenValidity: 31 }),
    property: 'RefreshTokenValidity',
    severity: Severity.ERROR,
    unresolved: [
      client({ RefreshTokenValidity: REF }),
      client({ RefreshTokenValidity: Token.asNumber({ Ref: 'X' }) }),
      client({ RefreshTokenValidity: IF(31, 30) }),
      client({ RefreshTokenValidity: 31, TokenValidityUnits: { RefreshToken: REF } }),
    ],
  },
  'policy-oauth-flows-allowed': {
    settings: { allowedOAuthFlows: [OAuthFlow.AUTHORIZATION_CODE] },
    ok: oauth(),
    bad: oauth({ AllowedOAuthFlows: ['code', 'client_credentials'] }),
    property: 'AllowedOAuthFlows[1]',
    severity: Severity.ERROR,
    unresolved: [
      oauth({ AllowedOAuthFlows: REF }),
      oauth({ AllowedOAuthFlows: ['code', TOKEN] }),
      oauth({ AllowedOAuthFlows: [IF('implicit', 'code')] }),
    ],
  },
  'policy-auth-flows-forbidden': {
    settings: { forbiddenAuthFlows: [ExplicitAuthFlow.ALLOW_USER_PASSWORD_AUTH] },
    ok: client({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }),
    bad: client({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] }),
    property: 'ExplicitAuthFlows[1]',
    severity: Severity.ERROR,
    unresolved: [
      client({ ExplicitAuthFlows: REF }),
      client({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', TOKEN] }),
      client({ ExplicitAuthFlows: [IF('ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH')] }),
    ],
  },
  'policy-callback-urls-allowed': {
    settings: { allowedCallbackUrls: ['https://*.example.org/*'] },
    ok: oauth(),
    bad: oauth({ CallbackURLs: ['https://app.example.org/cb', 'https://evil.io/cb'] }),
    property: 'CallbackURLs[1]',
    severity: Severity.ERROR,
    unresolved: [
      oauth({ CallbackURLs: REF }),
      oauth({ CallbackURLs: [TOKEN] }),
      oauth({ CallbackURLs: [IF('https://evil.io/cb', 'https://app.example.org/cb')] }),
      oauth({ DefaultRedirectURI: IF('https://evil.io/cb', 'https://app.example.org/cb') }),
    ],
  },
  'policy-logout-urls-allowed': {
    settings: { allowedLogoutUrls: ['https://*.example.org/*'] },
    ok: oauth({ LogoutURLs: ['https://app.example.org/logout'] }),
    bad: oauth({ LogoutURLs: ['https://evil.io/logout'] }),
    property: 'LogoutURLs[0]',
    severity: Severity.ERROR,
    unresolved: [
      oauth({ LogoutURLs: REF }),
      oauth({ LogoutURLs: [TOKEN] }),
      oauth({ LogoutURLs: [IF('https://evil.io/logout', 'https://app.example.org/logout')] }),
    ],
  },
  'policy-scopes-allowed': {
    settings: { allowedScopes: ['openid', 'orders-api/*'] },
    ok: oauth({ AllowedOAuthScopes: ['openid', 'orders-api/read'] }),
    bad: oauth({ AllowedOAuthScopes: ['openid', 'email'] }),
    property: 'AllowedOAuthScopes[1]',
    severity: Severity.ERROR,
    unresolved: [
      oauth({ AllowedOAuthScopes: REF }),
      oauth({ AllowedOAuthScopes: ['openid', TOKEN] }),
      oauth({ AllowedOAuthScopes: ['openid', IF('email', 'openid')] }),
    ],
  },
  'policy-identity-providers-allowed': {
    settings: { allowedIdentityProviders: ['COGNITO'] },
    ok: oauth({ SupportedIdentityProviders: ['COGNITO'] }),
    bad: oauth({ SupportedIdentityProviders: ['COGNITO', 'Google'] }),
    property: 'SupportedIdentityProviders[1]',
    severity: Severity.ERROR,
    unresolved: [
      oauth({ SupportedIdentityProviders: REF }),
      oauth({ SupportedIdentityProviders: ['COGNITO', TOKEN] }),
      oauth({ SupportedIdentityProviders: ['COGNITO', IF('Google', 'COGNITO')] }),
    ],
  },
  'policy-client-name-pattern': {
    settings: { clientNamePattern: 'web-[a-z]+' },
    ok: client({ ClientName: 'web-client' }),
    bad: client({ ClientName: 'Web Client' }),
    property: 'ClientName',
    severity: Severity.WARNING,
    unresolved: [
      client({ ClientName: REF }),
      client({ ClientName: TOKEN }),
      client({ ClientName: `web-${TOKEN}` }),
      client({ ClientName: IF('Web Client', 'web-client') }),
      client({ ClientName: { 'Fn::Join': ['-', ['web', REF]] } }),
    ],
  },
  'policy-client-secret': {
    settings: { clientSecret: ClientSecretPolicy.REQUIRED },
    ok: client({ GenerateSecret: true }),
    bad: client({ GenerateSecret: false }),
    property: 'GenerateSecret',
    severity: Severity.ERROR,
    unresolved: [
      client({ GenerateSecret: REF }),
      client({ GenerateSecret: Token.asAny({ Ref: 'X' }) }),
      client({ GenerateSecret: IF(false, true) }),
    ],
  },
};
const RULE_IDS = Object.keys(CASES);
const flip = (s: Severity) => (s === Severity.ERROR ? Severity.WARNING : Severity.ERROR);

describe('the rule table of this file', () => {
  test('covers every policy rule of ClientPolicy.rules(), or the rule has its own test file', () => {
    // a setting added later brings its rule's own test file (docs/development.md, "Adding a policy setting")
    const others = readdirSync(__dirname).filter(f => f.endsWith('.test.ts') && f !== 'policy.test.ts')
      .map(f => readFileSync(pathJoin(__dirname, f), 'utf8')).join('\n');
    const untested = ClientPolicy.rules().map(r => r.id).filter(id => !RULE_IDS.includes(id) && !others.includes(`'${id}'`));
    expect(untested).toEqual([]);
  });

  test('includes every catalog policy rule', () => {
    expect(RULE_IDS).toEqual(expect.arrayContaining(CATALOG_POLICY_IDS));
  });
});

describe('off by default', () => {
  const everyBad = RULE_IDS.map(id => [id, CASES[id].bad]);

  test.each(everyBad)('%s: no policy reports nothing', (_id, bad) => {
    expect(policyFindings(bad)).toEqual([]);
  });

  test.each(everyBad)('%s: an empty policy reports nothing', (_id, bad) => {
    expect(policyFindings(bad, new ClientPolicy({}))).toEqual([]);
  });

  test('an empty policy turns on no rule', () => {
    expect(new ClientPolicy({}).enabledRuleIds).toEqual([]);
  });

  test('a policy with every setting off or absent reports nothing on a client breaking every rule', () => {
    const p = oauth({
      ClientName: 'Bad Name',
      AllowedOAuthFlows: ['implicit', 'client_credentials'],
      AllowedOAuthScopes: ['email'],
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH'],
      CallbackURLs: ['https://example.com', 'http://localhost/cb'],
      LogoutURLs: ['https://evil.io/'],
      SupportedIdentityProviders: ['Google'],
      EnableTokenRevocation: false,
      PreventUserExistenceErrors: 'LEGACY',
      AccessTokenValidity: 24,
      IdTokenValidity: 24,
      RefreshTokenValidity: 3650,
    });
    const off = new ClientPolicy({
      forbidImplicitFlow: false,
      requirePreventUserExistenceErrors: false,
      requireTokenRevocation: false,
      requireRefreshTokenRotation: false,
      forbidPlaintextPasswordFlows: false,
      forbidUserAuth: false,
      forbidExampleUrls: false,
    });
    expect(off.enabledRuleIds).toEqual([]);
    expect(policyFindings(p)).toEqual([]);
    expect(policyFindings(p, off)).toEqual([]);
  });
});

describe.each(RULE_IDS)('%s', (id) => {
  const c = CASES[id];
  const policy = new ClientPolicy(c.settings);

  test('the settings turn on this rule and only the rules of the same setting', () => {
    expect(policy.enabledRuleIds).toContain(id);
    const setting = SETTINGS.find(s => rulesOf(s).includes(id))!;
    expect(policy.enabledRuleIds.filter(x => !rulesOf(setting).includes(x))).toEqual([]);
  });

  test('accepts a compliant client', () => {
    expect(policyFindings(c.ok, policy)).toEqual([]);
  });

  test('fails when the client breaks the rule', () => {
    const findings = policyFindings(c.bad, policy);
    expect(findings).toEqual([expect.objectContaining({ ruleId: id, property: c.property, severity: c.severity })]);
    expect(findings[0].message).toMatch(new RegExp(`^\\[${id}\\] ${c.property.replace(/[.[\]]/g, '\\$&')} = `));
    expect(findings[0].fix.length).toBeGreaterThan(0);
  });

  test('the default severity is the one ClientPolicy.rules() lists', () => {
    expect(ClientPolicy.rules().find(r => r.id === id)!.severity).toBe(c.severity);
    expect(policy.severityOf(id)).toBe(c.severity);
  });

  test('severities changes the severity of its findings', () => {
    const changed = new ClientPolicy({ ...c.settings, severities: { [id]: flip(c.severity) } });
    expect(find(c.bad, changed, id)).toEqual([expect.objectContaining({ property: c.property, severity: flip(c.severity) })]);
  });

  test('severities of another rule leaves this one alone', () => {
    const other = RULE_IDS.find(x => x !== id)!;
    const changed = new ClientPolicy({ ...c.settings, severities: { [other]: flip(CASES[other].severity) } });
    expect(find(c.bad, changed, id)).toEqual([expect.objectContaining({ severity: c.severity })]);
  });

  const hasIf = (u: any) => JSON.stringify(u).includes('Fn::If');
  const unresolved = c.unresolved.filter((u) => !hasIf(u));
  const conditional = c.unresolved.filter(hasIf);

  test.each(unresolved.map((u, i) => [i, u]))('skips unresolved value #%d', (_i, u) => {
    expect(find(u, policy, id)).toEqual([]);
  });

  test.each(conditional.map((u, i) => [i, u]))('reports the failing branch of Fn::If #%d, naming the condition', (_i, u) => {
    const findings = find(u, policy, id);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.condition).toBe('when IsProd is true');
      expect(f.message).toContain(' when IsProd is true: ');
      expect(f.severity).toBe(c.severity);
    }
  });

  test('skips an Fn::If whose branches are both unresolved', () => {
    for (const u of conditional) {
      const both = JSON.parse(JSON.stringify(u).replace(/"Fn::If":\["IsProd",("[^"]*"|true|false|\d+|\["[^"]*"\]),("[^"]*"|true|false|\d+|\["[^"]*"\])\]/g, '"Fn::If":["IsProd",{"Ref":"A"},{"Ref":"B"}]'));
      expect(JSON.stringify(both)).toContain('{"Ref":"A"}');
      expect(find(both, policy, id)).toEqual([]);
    }
  });

  test('never reports other policy rules', () => {
    expect(policyFindings(c.bad, policy).every(f => f.ruleId === id)).toBe(true);
  });
});

describe('severities', () => {
  test('policy-no-implicit defaults to error and can be lowered to warning', () => {
    const bad = oauth({ AllowedOAuthFlows: ['implicit'] });
    expect(find(bad, new ClientPolicy({ forbidImplicitFlow: true }), 'policy-no-implicit'))
      .toEqual([expect.objectContaining({ severity: Severity.ERROR, property: 'AllowedOAuthFlows[0]' })]);
    const lowered = new ClientPolicy({ forbidImplicitFlow: true, severities: { 'policy-no-implicit': Severity.WARNING } });
    expect(find(bad, lowered, 'policy-no-implicit'))
      .toEqual([expect.objectContaining({ severity: Severity.WARNING, property: 'AllowedOAuthFlows[0]' })]);
  });

  test('severities alone turn no rule on', () => {
    const p = new ClientPolicy({ severities: { 'policy-no-implicit': Severity.WARNING } });
    expect(p.enabledRuleIds).toEqual([]);
    expect(policyFindings(oauth({ AllowedOAuthFlows: ['implicit'] }), p)).toEqual([]);
  });

  test('recommended() keeps the severities override', () => {
    const p = ClientPolicy.recommended({ severities: { 'policy-refresh-rotation': Severity.ERROR } });
    expect(find(client(), p, 'policy-refresh-rotation')).toEqual([expect.objectContaining({ severity: Severity.ERROR })]);
  });

  test('the catalog policy rules default to error, except user-auth-widens and refresh-rotation (warning)', () => {
    const byId = Object.fromEntries(ClientPolicy.rules().map(r => [r.id, r.severity]));
    expect(CATALOG_POLICY_IDS.map(id => [id, byId[id]])).toEqual([
      ['policy-no-implicit', Severity.ERROR],
      ['policy-prevent-user-existence', Severity.ERROR],
      ['policy-token-revocation', Severity.ERROR],
      ['policy-no-plaintext-password-flows', Severity.ERROR],
      ['policy-user-auth-widens', Severity.WARNING],
      ['policy-no-example-callback', Severity.ERROR],
      ['policy-no-loopback-in-prod', Severity.ERROR],
      ['policy-refresh-rotation', Severity.WARNING],
    ]);
  });
});

describe('policy-no-implicit', () => {
  const policy = new ClientPolicy({ forbidImplicitFlow: true });

  test.each([[['code']], [['client_credentials']], [['code', 'client_credentials']]])('accepts %j', (flows) => {
    expect(props(oauth({ AllowedOAuthFlows: flows }), policy, 'policy-no-implicit')).toEqual([]);
  });

  test('accepts a client without AllowedOAuthFlows', () => {
    expect(props(client(), policy, 'policy-no-implicit')).toEqual([]);
  });

  test('fails when implicit is listed, naming each entry', () => {
    expect(props(oauth({ AllowedOAuthFlows: ['implicit', 'code', 'implicit'] }), policy, 'policy-no-implicit'))
      .toEqual(['AllowedOAuthFlows[0]', 'AllowedOAuthFlows[2]']);
  });
});

describe('policy-prevent-user-existence', () => {
  const policy = new ClientPolicy({ requirePreventUserExistenceErrors: true });

  test('fails when PreventUserExistenceErrors is absent (the default is LEGACY)', () => {
    const findings = find(client(), policy, 'policy-prevent-user-existence');
    expect(findings).toEqual([expect.objectContaining({ property: 'PreventUserExistenceErrors', severity: Severity.ERROR })]);
    expect(findings[0].message).toContain('LEGACY');
  });

  test.each(['LEGACY', 'enabled', 'DISABLED'])('fails when PreventUserExistenceErrors is %j', (v) => {
    expect(props(client({ PreventUserExistenceErrors: v }), policy, 'policy-prevent-user-existence')).toEqual(['PreventUserExistenceErrors']);
  });

  test('accepts ENABLED', () => {
    expect(props(client({ PreventUserExistenceErrors: 'ENABLED' }), policy, 'policy-prevent-user-existence')).toEqual([]);
  });
});

describe('policy-token-revocation', () => {
  const policy = new ClientPolicy({ requireTokenRevocation: true });

  test.each([[undefined], [true], ['true']])('accepts EnableTokenRevocation %j', (v) => {
    expect(props(client({ EnableTokenRevocation: v }), policy, 'policy-token-revocation')).toEqual([]);
  });

  test.each([[false], ['false']])('fails when EnableTokenRevocation is %j', (v) => {
    expect(props(client({ EnableTokenRevocation: v }), policy, 'policy-token-revocation')).toEqual(['EnableTokenRevocation']);
  });
});

describe('policy-no-plaintext-password-flows', () => {
  const policy = new ClientPolicy({ forbidPlaintextPasswordFlows: true });

  test.each(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'])(
    'fails when ExplicitAuthFlows has %s', (flow) => {
      expect(props(client({ ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', flow] }), policy, 'policy-no-plaintext-password-flows'))
        .toEqual(['ExplicitAuthFlows[1]']);
    });

  test.each(['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'])('accepts %s', (flow) => {
    expect(props(client({ ExplicitAuthFlows: [flow] }), policy, 'policy-no-plaintext-password-flows')).toEqual([]);
  });

  test('accepts a client without ExplicitAuthFlows (the service default set has no password flow)', () => {
    expect(props(client(), policy, 'policy-no-plaintext-password-flows')).toEqual([]);
  });
});

describe('policy-user-auth-widens', () => {
  const policy = new ClientPolicy({ forbidUserAuth: true });

  test('accepts a client without ExplicitAuthFlows', () => {
    expect(props(client(), policy, 'policy-user-auth-widens')).toEqual([]);
  });

  test('fails when ALLOW_USER_AUTH is listed, as a warning', () => {
    expect(find(client({ ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'] }), policy, 'policy-user-auth-widens'))
      .toEqual([expect.objectContaining({ property: 'ExplicitAuthFlows[1]', severity: Severity.WARNING })]);
  });
});

describe('policy-no-example-callback', () => {
  const policy = new ClientPolicy({ forbidExampleUrls: true });

  test.each([
    ['CallbackURLs', { CallbackURLs: ['https://example.com'] }, 'CallbackURLs[0]'],
    ['CallbackURLs with a path', { CallbackURLs: ['https://app.example.org/cb', 'https://example.com/callback'] }, 'CallbackURLs[1]'],
    ['LogoutURLs', { LogoutURLs: ['https://example.com/logout'] }, 'LogoutURLs[0]'],
    ['DefaultRedirectURI', { DefaultRedirectURI: 'https://app.example.org/cb', CallbackURLs: ['https://app.example.org/cb'] }, undefined],
    ['DefaultRedirectURI example.com', { DefaultRedirectURI: 'https://example.com', CallbackURLs: ['https://example.com'] }, 'DefaultRedirectURI'],
    ['upper case host', { CallbackURLs: ['https://EXAMPLE.COM/cb'] }, 'CallbackURLs[0]'],
  ])('%s', (_name, extra, expected) => {
    const found = props(oauth(extra), policy, 'policy-no-example-callback');
    if (expected === undefined) expect(found).toEqual([]);
    else expect(found).toContain(expected);
  });

  test.each(['https://example.org/cb', 'https://app.example.org/cb', 'https://example.com.evil.io/cb'])('accepts %s', (url) => {
    expect(props(oauth({ CallbackURLs: [url] }), policy, 'policy-no-example-callback')).toEqual([]);
  });

  test('fails when a partly resolved URL already has the host example.com', () => {
    const url = { 'Fn::Join': ['', ['https://example.com/', { Ref: 'Path' }]] };
    expect(props(oauth({ CallbackURLs: [url] }), policy, 'policy-no-example-callback')).toEqual(['CallbackURLs[0]']);
  });
});

describe('policy-no-loopback-in-prod (allowLoopbackUrls: false)', () => {
  const policy = new ClientPolicy({ allowLoopbackUrls: false });
  const loopbacks = ['http://localhost:3000/cb', 'http://127.0.0.1/cb', 'http://[::1]/cb', 'http://LOCALHOST/cb', 'http://[::1]:8080/cb'];

  test.each(loopbacks)('fails when a callback URL is %s', (url) => {
    expect(find(oauth({ CallbackURLs: ['https://app.example.org/cb', url] }), policy, 'policy-no-loopback-in-prod'))
      .toEqual([expect.objectContaining({ property: 'CallbackURLs[1]', severity: Severity.ERROR })]);
  });

  test.each(loopbacks)('fails when a logout URL is %s', (url) => {
    expect(props(oauth({ LogoutURLs: [url] }), policy, 'policy-no-loopback-in-prod')).toEqual(['LogoutURLs[0]']);
  });

  test.each(loopbacks)('fails when DefaultRedirectURI is %s', (url) => {
    expect(props(oauth({ DefaultRedirectURI: url, CallbackURLs: [url] }), policy, 'policy-no-loopback-in-prod'))
      .toEqual(['CallbackURLs[0]', 'DefaultRedirectURI']);
  });

  test('fails when userinfo hides a loopback host', () => {
    expect(props(oauth({ CallbackURLs: ['http://app.example.org@localhost/cb'] }), policy, 'policy-no-loopback-in-prod'))
      .toEqual(['CallbackURLs[0]']);
  });

  test('fails when a backslash ends the authority before a loopback host (browsers read \\ as /)', () => {
    expect(props(oauth({ CallbackURLs: ['http://localhost\\@app.example.org/cb'] }), policy, 'policy-no-loopback-in-prod'))
      .toEqual(['CallbackURLs[0]']);
  });

  test.each(['http://localhost.example.org/cb', 'https://app.example.org/localhost', 'http://localhost@app.example.org/cb', 'myapp://callback'])(
    'accepts %s', (url) => {
      expect(props(oauth({ CallbackURLs: [url] }), policy, 'policy-no-loopback-in-prod')).toEqual([]);
    });

  test.each([
    'http://127.1/cb', 'http://0x7f000001/cb', 'http://2130706433/cb', 'http://0177.0.0.1/cb', 'http://127.0.0.2:8080/cb',
    'http://127.255.255.254/cb', 'http://0x7f.1/cb', 'http://%31%32%37.0.0.1/cb', 'http://[0:0:0:0:0:0:0:1]/cb',
    'http://[::ffff:127.0.0.1]/cb', 'http://[::ffff:7f00:1]/cb', 'http://LOCALHOST/cb', 'http://localhost./cb',
    'http://127.0.0.1./cb', 'http://app.localhost/cb', 'myapp://127.1/cb',
  ])('reads hosts as browsers do: %s is loopback', (url) => {
    expect(props(oauth({ CallbackURLs: [url] }), policy, 'policy-no-loopback-in-prod')).toEqual(['CallbackURLs[0]']);
  });

  test.each([
    'http://128.0.0.1/cb', 'http://126.255.255.255/cb', 'http://0x80000001/cb', 'http://127.0.0.1.example.org/cb', 'http://[::2]/cb',
    'http://[::ffff:10.0.0.1]/cb', 'http://localhostx/cb', 'http://1.2.3.4.5/cb', 'http://0x7g.0.0.1/cb', 'http://08.0.0.1/cb',
  ])('reads hosts as browsers do: %s is not loopback', (url) => {
    expect(props(oauth({ CallbackURLs: [url] }), policy, 'policy-no-loopback-in-prod')).toEqual([]);
  });

  test('redirect-uri-https keeps its exact reading of loopback (only localhost, 127.0.0.1, [::1] are exempt)', () => {
    const ids = (url: string) => ClientRules.check(oauth({ CallbackURLs: [url] })).filter(f => f.ruleId === 'redirect-uri-https').map(f => f.property);
    expect(ids('http://127.1/cb')).toEqual(['CallbackURLs[0]']);
    expect(ids('http://127.0.0.1/cb')).toEqual([]);
  });

  test('allowLoopbackUrls true or absent does not turn the rule on', () => {
    const p = oauth({ CallbackURLs: ['http://localhost:3000/cb'] });
    expect(props(p, new ClientPolicy({ allowLoopbackUrls: true }), 'policy-no-loopback-in-prod')).toEqual([]);
    expect(props(p, new ClientPolicy({ forbidExampleUrls: true }), 'policy-no-loopback-in-prod')).toEqual([]);
  });
});

describe('policy-refresh-rotation', () => {
  const policy = new ClientPolicy({ requireRefreshTokenRotation: true });

  test.each([
    ['absent', {}],
    ['DISABLED', { RefreshTokenRotation: { Feature: 'DISABLED' } }],
    ['an object without Feature', { RefreshTokenRotation: { RetryGracePeriodSeconds: 10 } }],
    ['GenerateSecret false', { GenerateSecret: false, RefreshTokenRotation: { Feature: 'DISABLED' } }],
    ['GenerateSecret "false"', { GenerateSecret: 'false' }],
  ])('fails for a client without a secret when rotation is %s', (_name, extra) => {
    expect(find(client(extra), policy, 'policy-refresh-rotation'))
      .toEqual([expect.objectContaining({ property: 'RefreshTokenRotation.Feature', severity: Severity.WARNING })]);
  });

  test.each([
    ['GenerateSecret true', { GenerateSecret: true }],
    ['GenerateSecret "true"', { GenerateSecret: 'true', RefreshTokenRotation: { Feature: 'DISABLED' } }],
  ])('accepts a client with a secret (%s) and no rotation', (_name, extra) => {
    expect(find(client(extra), policy, 'policy-refresh-rotation')).toEqual([]);
  });

  test('accepts a public client with rotation ENABLED', () => {
    expect(find(client({ RefreshTokenRotation: { Feature: 'ENABLED' } }), policy, 'policy-refresh-rotation')).toEqual([]);
  });
});

describe.each([
  ['access', 'maxAccessTokenValidity', 'AccessTokenValidity', 'AccessToken', 'policy-max-access-token-validity'],
  ['ID', 'maxIdTokenValidity', 'IdTokenValidity', 'IdToken', 'policy-max-id-token-validity'],
] as const)('the %s token maximum', (_label, setting, property, unitKey, id) => {
  const at = (max: Duration) => new ClientPolicy({ [setting]: max });
  const check = (max: Duration, value?: number, unit?: string) =>
    props(client({ [property]: value, TokenValidityUnits: unit ? { [unitKey]: unit } : undefined }), at(max), id);

  test.each([
    [60, 'minutes'], [3600, 'seconds'], [1, 'hours'], [1, undefined],
  ])('accepts exactly 1 hour: %d %s', (value, unit) => {
    expect(check(Duration.hours(1), value, unit)).toEqual([]);
  });

  test.each([
    [61, 'minutes'], [3601, 'seconds'], [2, 'hours'], [2, undefined], [1, 'days'],
  ])('fails when over 1 hour: %d %s', (value, unit) => {
    expect(check(Duration.hours(1), value, unit)).toEqual([property]);
  });

  test('accepts an absent value when the maximum is the 60-minute default', () => {
    expect(check(Duration.minutes(60))).toEqual([]);
  });

  test('fails when the value is absent and the maximum is under 60 minutes', () => {
    const [f] = find(client(), at(Duration.minutes(59)), id);
    expect(f).toEqual(expect.objectContaining({ property, severity: Severity.ERROR }));
    expect(f.message).toContain('absent');
    expect(f.message).toContain('3600 seconds');
    expect(f.message).toContain('3540 seconds');
  });

  test('the message gives both lifetimes in seconds', () => {
    const [f] = find(client({ [property]: 1801, TokenValidityUnits: { [unitKey]: 'seconds' } }), at(Duration.minutes(30)), id);
    expect(f.message).toContain('1801 seconds');
    expect(f.message).toContain('1800 seconds');
  });

  test('accepts exactly 30 minutes against a 30-minute maximum, and fails one second over', () => {
    expect(check(Duration.minutes(30), 30, 'minutes')).toEqual([]);
    expect(check(Duration.minutes(30), 1800, 'seconds')).toEqual([]);
    expect(check(Duration.minutes(30), 1801, 'seconds')).toEqual([property]);
  });

  test('a value with an invalid unit is skipped (token-units-enum reports it)', () => {
    expect(check(Duration.minutes(30), 2, 'Hours')).toEqual([]);
  });

  test('the maximum of the other token does not check this one', () => {
    const other = setting === 'maxAccessTokenValidity' ? 'maxIdTokenValidity' : 'maxAccessTokenValidity';
    expect(props(client({ [property]: 24 }), new ClientPolicy({ [other]: Duration.hours(1) }), id)).toEqual([]);
  });
});

describe('the refresh token maximum', () => {
  const id = 'policy-max-refresh-token-validity';
  const check = (max: Duration, value?: number, unit?: string) =>
    props(client({ RefreshTokenValidity: value, TokenValidityUnits: unit ? { RefreshToken: unit } : undefined }),
      new ClientPolicy({ maxRefreshTokenValidity: max }), id);

  test.each([
    [undefined, undefined], [0, undefined], [30, undefined], [30, 'days'], [720, 'hours'], [43200, 'minutes'], [2592000, 'seconds'],
  ])('accepts exactly 30 days: %s %s', (value, unit) => {
    expect(check(Duration.days(30), value, unit)).toEqual([]);
  });

  test.each([
    [31, undefined], [721, 'hours'], [43201, 'minutes'], [2592001, 'seconds'], [3650, 'days'],
  ])('fails when over 30 days: %d %s', (value, unit) => {
    expect(check(Duration.days(30), value, unit)).toEqual(['RefreshTokenValidity']);
  });

  test.each([[undefined], [0]])('fails when RefreshTokenValidity is %j (30 days) and the maximum is 7 days', (value) => {
    const [f] = find(client({ RefreshTokenValidity: value }), new ClientPolicy({ maxRefreshTokenValidity: Duration.days(7) }), id);
    expect(f).toEqual(expect.objectContaining({ property: 'RefreshTokenValidity', severity: Severity.ERROR }));
    expect(f.message).toContain('2592000 seconds');
    expect(f.message).toContain('604800 seconds');
  });

  test('accepts exactly 7 days in any unit, and fails one second over', () => {
    expect(check(Duration.days(7), 7)).toEqual([]);
    expect(check(Duration.days(7), 10080, 'minutes')).toEqual([]);
    expect(check(Duration.days(7), 604800, 'seconds')).toEqual([]);
    expect(check(Duration.days(7), 604801, 'seconds')).toEqual(['RefreshTokenValidity']);
  });

  test('an ISO duration maximum works like a Duration', () => {
    const policy = new ClientPolicy({ maxRefreshTokenValidity: Duration.parse('P30D') });
    expect(props(client({ RefreshTokenValidity: 30 }), policy, id)).toEqual([]);
    expect(props(client({ RefreshTokenValidity: 31 }), policy, id)).toEqual(['RefreshTokenValidity']);
  });
});

describe('policy-oauth-flows-allowed', () => {
  test('names every flow the policy does not allow', () => {
    const policy = new ClientPolicy({ allowedOAuthFlows: [OAuthFlow.AUTHORIZATION_CODE] });
    expect(props(oauth({ AllowedOAuthFlows: ['implicit', 'code', 'client_credentials'] }), policy, 'policy-oauth-flows-allowed'))
      .toEqual(['AllowedOAuthFlows[0]', 'AllowedOAuthFlows[2]']);
  });

  test('an empty list allows no flow', () => {
    const policy = new ClientPolicy({ allowedOAuthFlows: [] });
    expect(policy.enabledRuleIds).toEqual(['policy-oauth-flows-allowed']);
    expect(props(oauth(), policy, 'policy-oauth-flows-allowed')).toEqual(['AllowedOAuthFlows[0]']);
    expect(props(client(), policy, 'policy-oauth-flows-allowed')).toEqual([]);
  });

  test('accepts a client-credentials client when client_credentials is allowed', () => {
    const policy = new ClientPolicy({ allowedOAuthFlows: [OAuthFlow.AUTHORIZATION_CODE, OAuthFlow.CLIENT_CREDENTIALS] });
    expect(props(oauth({ AllowedOAuthFlows: ['client_credentials'] }), policy, 'policy-oauth-flows-allowed')).toEqual([]);
  });
});

describe('policy-auth-flows-forbidden', () => {
  const id = 'policy-auth-flows-forbidden';

  test.each([
    ExplicitAuthFlow.ALLOW_REFRESH_TOKEN_AUTH,
    ExplicitAuthFlow.ALLOW_USER_SRP_AUTH,
    ExplicitAuthFlow.ALLOW_CUSTOM_AUTH,
  ])('fails when ExplicitAuthFlows is absent and the service default %s is forbidden', (flow) => {
    const findings = find(client(), new ClientPolicy({ forbiddenAuthFlows: [flow] }), id);
    expect(findings).toEqual([expect.objectContaining({ property: 'ExplicitAuthFlows', severity: Severity.ERROR })]);
    expect(findings[0].message).toContain(flow);
    expect(findings[0].message).toContain('absent');
  });

  test('reports each forbidden flow of the default set', () => {
    const policy = new ClientPolicy({ forbiddenAuthFlows: [ExplicitAuthFlow.ALLOW_CUSTOM_AUTH, ExplicitAuthFlow.ALLOW_REFRESH_TOKEN_AUTH] });
    const messages = find(client(), policy, id).map(f => f.message);
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toContain('ALLOW_CUSTOM_AUTH');
    expect(messages.join('\n')).toContain('ALLOW_REFRESH_TOKEN_AUTH');
  });

  test.each([
    ExplicitAuthFlow.ALLOW_USER_PASSWORD_AUTH,
    ExplicitAuthFlow.ALLOW_USER_AUTH,
    ExplicitAuthFlow.ADMIN_NO_SRP_AUTH,
  ])('accepts an absent ExplicitAuthFlows when only %s (not a default) is forbidden', (flow) => {
    expect(props(client(), new ClientPolicy({ forbiddenAuthFlows: [flow] }), id)).toEqual([]);
  });

  test('accepts an explicit list without the forbidden default', () => {
    const policy = new ClientPolicy({ forbiddenAuthFlows: [ExplicitAuthFlow.ALLOW_CUSTOM_AUTH] });
    expect(props(client({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }), policy, id)).toEqual([]);
  });

  test('names each forbidden entry of a literal list', () => {
    const policy = new ClientPolicy({ forbiddenAuthFlows: [ExplicitAuthFlow.ALLOW_USER_AUTH, ExplicitAuthFlow.USER_PASSWORD_AUTH] });
    expect(props(client({ ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] }), policy, id))
      .toEqual(['ExplicitAuthFlows[0]', 'ExplicitAuthFlows[2]']);
  });
});

describe('URL globs (policy-callback-urls-allowed)', () => {
  const id = 'policy-callback-urls-allowed';
  const policy = new ClientPolicy({ allowedCallbackUrls: ['https://*.example.org/*'] });

  test.each([
    'https://app.example.org/cb',
    'https://a.b.example.org/x/y?z=1',
    'https://app.example.org/',
  ])('accepts %s', (url) => {
    expect(props(oauth({ CallbackURLs: [url] }), policy, id)).toEqual([]);
  });

  test.each([
    'https://example.org.evil.io/cb',
    'https://evil.io/x.example.org/',
    'https://evil.io?.example.org/cb',
    'https://evil.io#.example.org/cb',
    'https://evil.io@app.example.org/cb',
    'http://app.example.org/cb',
    'https://example.org/cb',
    'https://app.example.org',
    'https://app.example.org:8443/cb',
  ])('fails when a callback URL is %s', (url) => {
    const findings = find(oauth({ CallbackURLs: [url] }), policy, id);
    expect(findings).toEqual([expect.objectContaining({ property: 'CallbackURLs[0]', severity: Severity.ERROR })]);
    expect(findings[0].message).toContain('https://*.example.org/*');
  });

  test('fails when a backslash puts the glob\'s domain in the path (browsers read \\ as /, so the host is evil.io)', () => {
    expect(props(oauth({ CallbackURLs: ['https://evil.io\\.example.org/cb'] }), policy, id)).toEqual(['CallbackURLs[0]']);
  });

  test('fails when the DefaultRedirectURI does not match', () => {
    expect(props(oauth({ CallbackURLs: ['https://app.example.org/cb'], DefaultRedirectURI: 'https://evil.io/cb' }), policy, id))
      .toEqual(['DefaultRedirectURI']);
  });

  test('does not check logout URLs', () => {
    expect(props(oauth({ LogoutURLs: ['https://evil.io/logout'] }), policy, id)).toEqual([]);
  });

  test('a URL matching any of several globs is accepted', () => {
    const two = new ClientPolicy({ allowedCallbackUrls: ['https://app.example.org/cb', 'myapp://*'] });
    expect(props(oauth({ CallbackURLs: ['https://app.example.org/cb', 'myapp://callback', 'https://app.example.org/cb2'] }), two, id))
      .toEqual(['CallbackURLs[2]']);
  });

  test('dots in a glob are literal', () => {
    const exact = new ClientPolicy({ allowedCallbackUrls: ['https://app.example.org/cb'] });
    expect(props(oauth({ CallbackURLs: ['https://appXexampleYorg/cb'] }), exact, id)).toEqual(['CallbackURLs[0]']);
  });

  test('loopback URLs are not exempt unless allowLoopbackUrls is true', () => {
    expect(props(oauth({ CallbackURLs: ['http://localhost:3000/cb'] }), policy, id)).toEqual(['CallbackURLs[0]']);
  });

  describe('with allowLoopbackUrls: true', () => {
    const withLoopback = new ClientPolicy({
      allowedCallbackUrls: ['https://*.example.org/*'],
      allowedLogoutUrls: ['https://*.example.org/*'],
      allowLoopbackUrls: true,
    });

    test.each(['http://localhost:3000/cb', 'http://127.0.0.1/cb', 'http://[::1]/cb'])('accepts %s as callback, logout and default', (url) => {
      const p = oauth({ CallbackURLs: [url], LogoutURLs: [url], DefaultRedirectURI: url });
      expect(policyFindings(p, withLoopback)).toEqual([]);
    });

    test.each([
      'com.attacker.app://localhost/cb', 'javascript://localhost/%0Aalert(1)', 'evil://127.0.0.1/cb', 'myapp://localhost\\@attacker.net/cb',
      'ftp://[::1]/cb', 'http://127.1/cb', 'http://localhost./cb',
    ])('only http(s) on exactly localhost, 127.0.0.1 or [::1] is exempt: %s is checked against the patterns', (url) => {
      const p = oauth({ CallbackURLs: [url], LogoutURLs: [url] });
      expect(policyFindings(p, withLoopback).map(f => [f.ruleId, f.property])).toEqual([
        ['policy-callback-urls-allowed', 'CallbackURLs[0]'],
        ['policy-logout-urls-allowed', 'LogoutURLs[0]'],
      ]);
    });

    test('https on a loopback host is exempt too', () => {
      expect(policyFindings(oauth({ CallbackURLs: ['https://localhost:8443/cb'] }), withLoopback)).toEqual([]);
    });

    test('fails when a backslash hides the real host behind a loopback-looking userinfo', () => {
      expect(props(oauth({ CallbackURLs: ['http://evil.io\\@localhost/cb'] }), withLoopback, 'policy-callback-urls-allowed'))
        .toEqual(['CallbackURLs[0]']);
    });

    test('fails when the host only starts with localhost', () => {
      const p = oauth({ CallbackURLs: ['http://localhost.example.org/cb'], LogoutURLs: ['http://localhost.example.org/cb'] });
      expect(policyFindings(p, withLoopback).map(f => [f.ruleId, f.property])).toEqual([
        ['policy-callback-urls-allowed', 'CallbackURLs[0]'],
        ['policy-logout-urls-allowed', 'LogoutURLs[0]'],
      ]);
    });
  });
});

describe('policy-logout-urls-allowed', () => {
  const id = 'policy-logout-urls-allowed';
  const policy = new ClientPolicy({ allowedLogoutUrls: ['https://*.example.org/*'] });

  test('does not check callback URLs nor DefaultRedirectURI', () => {
    expect(props(oauth({ CallbackURLs: ['https://evil.io/cb'], DefaultRedirectURI: 'https://evil.io/cb' }), policy, id)).toEqual([]);
  });

  test('fails when a logout URL is on another host, naming each', () => {
    expect(props(oauth({ LogoutURLs: ['https://evil.io/out', 'https://app.example.org/out', 'https://example.org.evil.io/out'] }), policy, id))
      .toEqual(['LogoutURLs[0]', 'LogoutURLs[2]']);
  });
});

describe('policy-scopes-allowed', () => {
  const id = 'policy-scopes-allowed';
  const policy = new ClientPolicy({ allowedScopes: ['openid', 'orders-api/*'] });

  test.each(['openid', 'orders-api/read', 'orders-api/admin/write', 'orders-api/'])('accepts %s', (scope) => {
    expect(props(oauth({ AllowedOAuthScopes: [scope] }), policy, id)).toEqual([]);
  });

  const outside = ['orders-api', 'other-api/read', 'xorders-api/read', 'orders-apix/read', 'email', 'OPENID', 'openid2'];
  test.each(outside)('fails when a scope is %s', (scope) => {
    const findings = find(oauth({ AllowedOAuthScopes: ['openid', scope] }), policy, id);
    expect(findings).toEqual([expect.objectContaining({ property: 'AllowedOAuthScopes[1]', severity: Severity.ERROR })]);
    expect(findings[0].message).toContain(scope);
  });

  test('dots in a scope glob are literal', () => {
    const dotted = new ClientPolicy({ allowedScopes: ['aws.cognito.signin.user.admin'] });
    expect(props(oauth({ AllowedOAuthScopes: ['awsXcognito.signin.user.admin'] }), dotted, id)).toEqual(['AllowedOAuthScopes[0]']);
  });
});

describe('policy-identity-providers-allowed', () => {
  const policy = new ClientPolicy({ allowedIdentityProviders: ['COGNITO', 'CorpSAML'] });

  test('names each provider the policy does not allow (names are case-sensitive)', () => {
    expect(props(oauth({ SupportedIdentityProviders: ['COGNITO', 'Google', 'corpsaml', 'CorpSAML'] }), policy, 'policy-identity-providers-allowed'))
      .toEqual(['SupportedIdentityProviders[1]', 'SupportedIdentityProviders[2]']);
  });

  test('accepts a client without SupportedIdentityProviders', () => {
    expect(props(client(), policy, 'policy-identity-providers-allowed')).toEqual([]);
  });
});

describe('policy-client-name-pattern', () => {
  const id = 'policy-client-name-pattern';
  const policy = new ClientPolicy({ clientNamePattern: 'web-[a-z]+' });

  test.each(['web-client', 'web-a'])('accepts %s', (name) => {
    expect(props(client({ ClientName: name }), policy, id)).toEqual([]);
  });

  test.each(['my-web-client', 'web-client-2', 'web-', 'WEB-client', 'web-client\n'])('fails when ClientName is %j (not a full match)', (name) => {
    expect(find(client({ ClientName: name }), policy, id))
      .toEqual([expect.objectContaining({ property: 'ClientName', severity: Severity.WARNING })]);
  });

  test('fails when ClientName is absent (a generated name cannot match)', () => {
    const findings = find(client({ ClientName: undefined }), policy, id);
    expect(findings).toEqual([expect.objectContaining({ property: 'ClientName', severity: Severity.WARNING })]);
    expect(findings[0].message).toContain('absent');
  });

  test('an alternation must match the whole name', () => {
    const alt = new ClientPolicy({ clientNamePattern: 'web|api' });
    expect(props(client({ ClientName: 'web' }), alt, id)).toEqual([]);
    expect(props(client({ ClientName: 'api' }), alt, id)).toEqual([]);
    expect(props(client({ ClientName: 'webx' }), alt, id)).toEqual(['ClientName']);
    expect(props(client({ ClientName: 'xapi' }), alt, id)).toEqual(['ClientName']);
  });

  test('anchors in the pattern are allowed', () => {
    const anchored = new ClientPolicy({ clientNamePattern: '^[a-z][a-z0-9-]*$' });
    expect(props(client({ ClientName: 'web-client-2' }), anchored, id)).toEqual([]);
    expect(props(client({ ClientName: '2web' }), anchored, id)).toEqual(['ClientName']);
  });
});

describe('policy-client-secret', () => {
  const id = 'policy-client-secret';
  const required = new ClientPolicy({ clientSecret: ClientSecretPolicy.REQUIRED });
  const forbidden = new ClientPolicy({ clientSecret: ClientSecretPolicy.FORBIDDEN });

  test.each([[true], ['true']])('REQUIRED accepts GenerateSecret %j', (v) => {
    expect(props(client({ GenerateSecret: v }), required, id)).toEqual([]);
  });

  test.each([[false], ['false'], [undefined]])('fails when REQUIRED and GenerateSecret is %j', (v) => {
    expect(find(client({ GenerateSecret: v }), required, id))
      .toEqual([expect.objectContaining({ property: 'GenerateSecret', severity: Severity.ERROR })]);
  });

  test.each([[false], ['false'], [undefined]])('FORBIDDEN accepts GenerateSecret %j', (v) => {
    expect(props(client({ GenerateSecret: v }), forbidden, id)).toEqual([]);
  });

  test.each([[true], ['true']])('fails when FORBIDDEN and GenerateSecret is %j', (v) => {
    expect(find(client({ GenerateSecret: v }), forbidden, id))
      .toEqual([expect.objectContaining({ property: 'GenerateSecret', severity: Severity.ERROR })]);
  });

  test.each([[REF], [IF(REF, TOKEN)], [Token.asAny({ Ref: 'X' })]])('both skip an unresolved GenerateSecret (%#)', (v) => {
    expect(props(client({ GenerateSecret: v }), required, id)).toEqual([]);
    expect(props(client({ GenerateSecret: v }), forbidden, id)).toEqual([]);
  });

  test('each reports its failing branch of a conditional GenerateSecret', () => {
    expect(find(client({ GenerateSecret: IF(true, false) }), required, id).map((f) => f.condition)).toEqual(['when IsProd is false']);
    expect(find(client({ GenerateSecret: IF(true, false) }), forbidden, id).map((f) => f.condition)).toEqual(['when IsProd is true']);
  });

  test('the messages say what the policy requires', () => {
    expect(find(client(), required, id)[0].message).toContain('requires');
    expect(find(client({ GenerateSecret: true }), forbidden, id)[0].message).toContain('forbids');
  });
});

describe('ClientPolicy.recommended()', () => {
  const COMPLIANT = {
    UserPoolId: 'us-east-1_AbC123',
    PreventUserExistenceErrors: 'ENABLED',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
    RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid'],
    CallbackURLs: ['https://app.example.org/cb'],
  };

  test('turns on exactly the 8 catalog policy rules', () => {
    expect([...ClientPolicy.recommended().enabledRuleIds].sort()).toEqual([...CATALOG_POLICY_IDS].sort());
  });

  test('a fully compliant client has no findings', () => {
    expect(ClientRules.check(COMPLIANT, ClientPolicy.recommended())).toEqual([]);
  });

  test('each catalog rule fires on its violation under recommended()', () => {
    const recommended = ClientPolicy.recommended();
    for (const id of CATALOG_POLICY_IDS) {
      expect(find(CASES[id].bad, recommended, id)).toEqual([expect.objectContaining({ property: CASES[id].property })]);
    }
  });

  test('a client with every catalog violation has one finding per rule', () => {
    const p = {
      UserPoolId: 'us-east-1_AbC123',
      PreventUserExistenceErrors: 'LEGACY',
      EnableTokenRevocation: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['implicit'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['https://example.com', 'http://localhost:3000/cb'],
    };
    expect(policyFindings(p, ClientPolicy.recommended()).map(f => [f.ruleId, f.property])).toEqual(expect.arrayContaining([
      ['policy-no-implicit', 'AllowedOAuthFlows[0]'],
      ['policy-prevent-user-existence', 'PreventUserExistenceErrors'],
      ['policy-token-revocation', 'EnableTokenRevocation'],
      ['policy-no-plaintext-password-flows', 'ExplicitAuthFlows[0]'],
      ['policy-user-auth-widens', 'ExplicitAuthFlows[1]'],
      ['policy-no-example-callback', 'CallbackURLs[0]'],
      ['policy-no-loopback-in-prod', 'CallbackURLs[1]'],
      ['policy-refresh-rotation', 'RefreshTokenRotation.Feature'],
    ]));
    expect(policyFindings(p, ClientPolicy.recommended())).toHaveLength(8);
  });

  test('overrides replace the baseline settings', () => {
    const dev = ClientPolicy.recommended({ allowLoopbackUrls: true, forbidImplicitFlow: false });
    expect(dev.enabledRuleIds).not.toContain('policy-no-loopback-in-prod');
    expect(dev.enabledRuleIds).not.toContain('policy-no-implicit');
    expect(dev.enabledRuleIds).toHaveLength(6);
    expect(props(oauth({ ...COMPLIANT, CallbackURLs: ['http://localhost:3000/cb'] }), dev, 'policy-no-loopback-in-prod')).toEqual([]);
  });

  test('overrides can add setting rules', () => {
    const p = ClientPolicy.recommended({ maxAccessTokenValidity: Duration.minutes(15) });
    expect(p.enabledRuleIds).toContain('policy-max-access-token-validity');
    expect(props(COMPLIANT, p, 'policy-max-access-token-validity')).toEqual(['AccessTokenValidity']);
  });
});

describe('ClientRules.check with a policy', () => {
  test('policy findings come after the catalog rules, and catalog findings are unchanged', () => {
    const p = oauth({ AllowedOAuthFlows: ['implicit'], CallbackURLs: ['http://app.example.org/cb'] });
    const without = ClientRules.check(p);
    const withPolicy = ClientRules.check(p, new ClientPolicy({ forbidImplicitFlow: true }));
    expect(withPolicy.slice(0, without.length)).toEqual(without);
    expect(withPolicy.slice(without.length).map(f => f.ruleId)).toEqual(['policy-no-implicit']);
  });

  test.each([[null], [[]], ['x'], [42]])('never throws on %j properties', (v) => {
    expect(() => ClientRules.check(v as any, ClientPolicy.recommended())).not.toThrow();
  });

  test('never throws on ill-typed values', () => {
    const p = {
      UserPoolId: 'us-east-1_AbC123',
      ClientName: 42,
      ExplicitAuthFlows: 'ALLOW_USER_AUTH',
      AllowedOAuthFlows: [{ a: 1 }],
      CallbackURLs: [null],
      RefreshTokenRotation: 'ENABLED',
      AccessTokenValidity: 'an hour',
      GenerateSecret: 'yes',
    };
    const policy = new ClientPolicy({
      ...{ forbidImplicitFlow: true, requireRefreshTokenRotation: true, allowLoopbackUrls: false, forbidExampleUrls: true },
      maxAccessTokenValidity: Duration.hours(1),
      forbiddenAuthFlows: [ExplicitAuthFlow.ALLOW_USER_AUTH],
      allowedCallbackUrls: ['https://*'],
      clientNamePattern: 'x',
      clientSecret: ClientSecretPolicy.REQUIRED,
    });
    const findings = ClientRules.check(p, policy);
    expect(findings.some(f => f.message.includes('could not run'))).toBe(false);
  });
});

describe('allowlists and values with unresolved parts: the literal parts decide when they can', () => {
  const join = (...parts: unknown[]) => ({ 'Fn::Join': ['', parts] });
  const STACK = { Ref: 'AWS::StackName' };
  const policy = new ClientPolicy({
    allowedCallbackUrls: ['https://*.example.org/*'],
    allowedLogoutUrls: ['https://*.example.org/*'],
    allowedScopes: ['openid', 'orders-api/*'],
  });
  const ids = (clientProps: { [key: string]: unknown }, p: ClientPolicy = policy) => ClientRules.check({
    UserPoolId: 'eu-west-1_AbC123', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], ...clientProps,
  }, p).filter((f) => f.ruleId.startsWith('policy-')).map((f) => `${f.ruleId} ${f.property}`);

  test.each([
    ['a literal host outside the list, before a token', join('https://attacker.example.net/', STACK, '/cb')],
    ['a host that a token cannot turn into an allowed one', join('https://evil.com/', STACK, '.example.org/cb')],
    ['a scheme outside the list', join('http://app.example.org/', STACK)],
  ])('fails: %s', (_what, url) => {
    expect(ids({ CallbackURLs: [url] })).toContain('policy-callback-urls-allowed CallbackURLs[0]');
    expect(ids({ LogoutURLs: [url] })).toContain('policy-logout-urls-allowed LogoutURLs[0]');
  });

  test.each([
    ['an allowed host before a token', join('https://app.example.org/', STACK, '/cb')],
    ['a host that is a token', join('https://', STACK, '.example.org/cb')],
    ['a host that a token completes', join('https://', STACK, '/cb')],
    ['the whole value a token', STACK],
  ])('passes (some resolution is allowed): %s', (_what, url) => {
    expect(ids({ CallbackURLs: [url] })).toEqual([]);
  });

  test('the message says the unresolved parts cannot help', () => {
    const f = ClientRules.check({ UserPoolId: 'eu-west-1_AbC123', CallbackURLs: [join('https://attacker.example.net/', STACK, '/cb')] }, policy)
      .find((x) => x.ruleId === 'policy-callback-urls-allowed')!;
    expect(f.message).toContain('whatever its unresolved parts become, it matches none of the allowed patterns (https://*.example.org/*)');
  });

  test('scopes: a literal resource server the list does not allow fails; one it allows passes', () => {
    expect(ids({ AllowedOAuthScopes: [join('admin-api/', STACK)] })).toEqual(['policy-scopes-allowed AllowedOAuthScopes[0]']);
    expect(ids({ AllowedOAuthScopes: [join('orders-api/', STACK)] })).toEqual([]);
    expect(ids({ AllowedOAuthScopes: [join(STACK, '/read')] })).toEqual([]);
  });

  test('with allowLoopbackUrls, a value whose host is not settled may be loopback: skipped', () => {
    const loopback = new ClientPolicy({ allowedCallbackUrls: ['https://*.example.org/*'], allowLoopbackUrls: true });
    expect(ids({ CallbackURLs: [join('http://', STACK, ':3000/cb')] }, loopback)).toEqual([]);
    expect(ids({ CallbackURLs: [join('http://attacker.example.net/', STACK)] }, loopback)).toEqual(['policy-callback-urls-allowed CallbackURLs[0]']);
    // a value whose literal prefix settles another scheme cannot be an http(s) loopback URL
    expect(ids({ CallbackURLs: [join('evil://', STACK, ':3000/cb')] }, loopback)).toEqual(['policy-callback-urls-allowed CallbackURLs[0]']);
  });
});
