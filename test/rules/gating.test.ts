import * as fc from 'fast-check';
import { REAL_WORLD_CLIENTS } from './real-world-clients';
import { Client, readClient } from '../../src/rules/private/client';
import { ClientProperty, Emit, RuleSelector, mayReport } from '../../src/rules/private/rule';
import { ClientContext, TemplateIndex } from '../../src/rules/private/template-index';
import { CLIENT_RULES, CONTEXT_RULES } from '../../src/rules/registry';

// The engine skips a rule that declares `needs` when none of those properties is present (see
// private/rule.ts, mayReport). That is only sound if the rule, run anyway, reports nothing on such a
// client: these tests run every gated rule ungated, on clients lacking its properties, and expect
// silence (and no crash, since a crash would be reported too).

const GATED_CLIENT_RULES = CLIENT_RULES.filter((r) => r.needs !== undefined);
const GATED_CONTEXT_RULES = CONTEXT_RULES.filter((r) => r.needs !== undefined);

/** A template around the client that lets every context rule decide (pool with schema and tier, a resource server, identity providers). */
function contextOf(properties: unknown): ClientContext {
  const resources = {
    UserPool: {
      Type: 'AWS::Cognito::UserPool',
      Properties: { UserPoolTier: 'LITE', Schema: [{ Name: 'tier', Required: true }, { Name: 'dev', DeveloperOnlyAttribute: true }, { Name: 'email', Required: true }] },
    },
    Orders: { Type: 'AWS::Cognito::UserPoolResourceServer', Properties: { UserPoolId: { Ref: 'UserPool' }, Identifier: 'orders-api', Scopes: [{ ScopeName: 'read' }] } },
    Saml: { Type: 'AWS::Cognito::UserPoolIdentityProvider', Properties: { UserPoolId: { Ref: 'UserPool' }, ProviderName: 'MySaml', AttributeMapping: { email: 'e', given_name: 'g' } } },
    Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: properties },
  };
  return new TemplateIndex(resources).contextOf('Client');
}

/** The properties without `needs` (each one left out, or written as AWS::NoValue). */
function without(properties: { [key: string]: unknown }, needs: ReadonlyArray<ClientProperty>, noValue: boolean): { [key: string]: unknown } {
  const out = { ...properties };
  for (const p of needs) {
    if (noValue) out[p] = { Ref: 'AWS::NoValue' };
    else delete out[p];
  }
  return out;
}

/** What a rule reports on the properties when it runs whatever its `needs` say. */
function ungated(properties: { [key: string]: unknown }, run: (c: Client, emit: Emit, ctx: ClientContext) => void): string[] {
  const found: string[] = [];
  const emit: Emit = (property, value) => {
    found.push(`${property} = ${value}`);
  };
  run(readClient(properties), emit, contextOf(properties));
  return found;
}

function expectSilentWithout(properties: { [key: string]: unknown }, noValue: boolean): void {
  for (const rule of GATED_CLIENT_RULES) {
    const p = without(properties, rule.needs!, noValue);
    expect({ rule: rule.id, found: ungated(p, (c, emit, ctx) => rule.check(c, emit, ctx)) }).toEqual({ rule: rule.id, found: [] });
    expect({ rule: rule.id, found: ungated(p, (c, emit) => rule.check(c, emit)) }).toEqual({ rule: rule.id, found: [] });
  }
  for (const rule of GATED_CONTEXT_RULES) {
    const p = without(properties, rule.needs!, noValue);
    expect({ rule: rule.id, found: ungated(p, (c, emit, ctx) => rule.check(c, ctx, emit)) }).toEqual({ rule: rule.id, found: [] });
  }
}

/** Values that make rules report: wrong values, intrinsics, conditions, tokens, wrong JSON types. */
const word = fc.constantFrom(
  'code', 'implicit', 'client_credentials', 'token', 'openid', 'email', 'profile', 'phone',
  'orders-api/read', 'orders-api/none', 'bad scope', 'nope',
  'COGNITO', 'GOOGLE', 'apple', 'MySaml', 'Other', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH',
  'https://app.example.org/cb', 'http://app.example.org/cb', 'localhost:3000/cb', 'https://a.b/#f', 'https://a b/', '/relative', '',
  'email_verified', 'sub', 'custom:tier', 'custom:missing', 'dev:custom:dev', 'custom:tier', 'ENABLED', 'DISABLED', 'enabled', 'LEGACY', 'minutes', 'days', 'weeks',
  'us-east-1_AbC123', 'not a pool', 'arn:aws:mobiletargeting:eu-west-1:123456789012:apps/abc', 'xyz!', 'short', 'a\u0000b', '${Token[TOKEN.12]}', 'x'.repeat(300),
);
const scalar = fc.oneof(word, fc.constantFrom(0, 1, 2, 15, 61, 3650, 86401, -1, 2.5, '60', true, false, 'true', null));
const intrinsic = (inner: fc.Arbitrary<unknown>) => fc.oneof(
  fc.constantFrom({ Ref: 'Param' }, { 'Fn::GetAtt': ['Site', 'WebsiteURL'] }, { 'Fn::Sub': 'http://${Host}/cb' }, { 'Fn::ImportValue': 'x' }),
  fc.tuple(fc.constantFrom('IsProd', 'Other'), inner, inner).map(([c, a, b]) => ({ 'Fn::If': [c, a, b] })),
  fc.array(fc.oneof(word, fc.constant({ Ref: 'Param' })), { maxLength: 3 }).map((l) => ({ 'Fn::Join': ['', l] })),
);
const list = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: intrinsic(word) }, { weight: 1, arbitrary: scalar }),
      { maxLength: 5 }),
  },
  { weight: 1, arbitrary: intrinsic(fc.array(word, { maxLength: 2 })) },
  { weight: 1, arbitrary: scalar },
);
const one = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: intrinsic(scalar) }, { weight: 1, arbitrary: list });
const LISTS = ['ExplicitAuthFlows', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs', 'SupportedIdentityProviders', 'ReadAttributes', 'WriteAttributes'];
const SCALARS = ['ClientName', 'UserPoolId', 'GenerateSecret', 'ClientSecret', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'AuthSessionValidity',
  'AllowedOAuthFlowsUserPoolClient', 'DefaultRedirectURI', 'PreventUserExistenceErrors', 'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData'];
const properties = fc.record({
  ...Object.fromEntries(LISTS.map((k) => [k, list])),
  ...Object.fromEntries(SCALARS.map((k) => [k, one])),
  TokenValidityUnits: fc.oneof(fc.record({ AccessToken: one, IdToken: one, RefreshToken: one }, { requiredKeys: [] }), one),
  RefreshTokenRotation: fc.oneof(fc.record({ Feature: one, RetryGracePeriodSeconds: one }, { requiredKeys: [] }), one),
  AnalyticsConfiguration: fc.oneof(
    fc.record({ ApplicationArn: one, ApplicationId: one, RoleArn: one, ExternalId: one, UserDataShared: one }, { requiredKeys: [] }),
    one),
}, { requiredKeys: [] }) as fc.Arbitrary<{ [key: string]: unknown }>;

/** A client on which most rules report something. */
const NOISY_1 = {
  ClientName: 'bad/name',
  UserPoolId: 'not a pool',
  ClientSecret: 'short',
  GenerateSecret: true,
  EnablePropagateAdditionalUserContextData: true,
  AccessTokenValidity: 86401,
  IdTokenValidity: 0,
  RefreshTokenValidity: 0,
  AuthSessionValidity: 20,
  TokenValidityUnits: { AccessToken: 'weeks', IdToken: 'days', RefreshToken: 'minutes' },
  RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 90 },
  ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'WRONG'],
  AllowedOAuthFlows: ['client_credentials', 'code', 'token', 'implicit'],
  AllowedOAuthScopes: ['email', 'bad scope', 'orders-api/none', 'orders-api/read'],
  CallbackURLs: ['http://app.example.org/cb', 'localhost:3000/cb', '/relative', 'https://a.b/#f', ''],
  LogoutURLs: ['http://app.example.org/', 'https://*.example.org/out'],
  DefaultRedirectURI: 'http://elsewhere.org/',
  SupportedIdentityProviders: ['GOOGLE', 'Missing', 'MySaml', ''],
  ReadAttributes: ['nope', 'custom:missing', 'dev:custom:tier', ''],
  WriteAttributes: ['email_verified', 'custom:aaaaaaaaaaaaaaaaaaaaaaaaa'],
  PreventUserExistenceErrors: 'enabled',
  AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:eu-west-1:123456789012:apps/abc', ApplicationId: 'xyz!', RoleArn: 'role', ExternalId: 'e' },
};

/** Clients on which, together, every gated rule reports something. */
const NOISY: ReadonlyArray<{ [key: string]: unknown }> = [
  NOISY_1,
  { ...NOISY_1, UserPoolId: { Ref: 'UserPool' } },
  {
    ...NOISY_1,
    UserPoolId: 'us-east-1_AbC123',
    ClientName: 'x'.repeat(200),
    GenerateSecret: false,
    ClientSecret: undefined,
    RefreshTokenRotation: { Feature: 'enabled' },
    CallbackURLs: Array.from({ length: 101 }, (_, i) => `https://app.example.org/${i}`),
    TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'minutes' },
    AccessTokenValidity: 1,
    IdTokenValidity: 2,
    RefreshTokenValidity: 60,
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
  },
  { ...NOISY_1, UserPoolId: { Ref: 'UserPool' }, RefreshTokenRotation: { Feature: 'ENABLED' }, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] },
  // Absences that are wrong only beside another property: a unit without its value, rotation without
  // Feature, the code flow without callback URLs, OAuth on without scopes, an incomplete analytics target.
  {
    ...NOISY_1,
    AccessTokenValidity: undefined,
    RefreshTokenRotation: {},
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: undefined,
    CallbackURLs: undefined,
    AnalyticsConfiguration: { ApplicationId: 'abc' },
  },
  { ...NOISY_1, RefreshTokenRotation: { Feature: 'ENABLED' }, ExplicitAuthFlows: undefined, AnalyticsConfiguration: { UserDataShared: true } },
];

describe('rules that declare the properties they need', () => {
  test('most per-client and context rules are gated, and each names at least one property', () => {
    expect(GATED_CLIENT_RULES.length).toBeGreaterThan(40);
    expect(GATED_CONTEXT_RULES.length).toBeGreaterThan(5);
    for (const r of [...GATED_CLIENT_RULES, ...GATED_CONTEXT_RULES]) expect(r.needs!.length).toBeGreaterThan(0);
  });

  test('each gated rule reports on one of the noisy clients when its properties are there (the tests below are not vacuous)', () => {
    const quiet = [
      ...GATED_CLIENT_RULES.filter((r) => !NOISY.some((p) => ungated(p, (c, emit, ctx) => r.check(c, emit, ctx)).length > 0)),
      ...GATED_CONTEXT_RULES.filter((r) => !NOISY.some((p) => ungated(p, (c, emit, ctx) => r.check(c, ctx, emit)).length > 0)),
    ].map((r) => r.id);
    expect(quiet).toEqual([]);
  });

  test.each([false, true])('no gated rule reports without its properties: the noisy clients (AWS::NoValue: %s)', (noValue) => {
    for (const p of NOISY) expectSilentWithout(p, noValue);
  });

  test('no gated rule reports without its properties: the real-world corpus', () => {
    for (const c of REAL_WORLD_CLIENTS) expectSilentWithout(c.properties, false);
  });

  test('no gated rule reports without its properties: generated clients (intrinsics, conditions, tokens, wrong types)', () => {
    fc.assert(fc.property(properties, fc.boolean(), (p, noValue) => {
      expectSilentWithout(p, noValue);
    }), { numRuns: 400, seed: 20261201 });
  });

  test('the engine\'s rule selection is mayReport, in registry order, for every combination of present properties', () => {
    const clientSelector = new RuleSelector(CLIENT_RULES);
    const contextSelector = new RuleSelector(CONTEXT_RULES);
    const check = (p: { [key: string]: unknown }) => {
      const c = readClient(p);
      expect(clientSelector.select(c).map((r) => r.id)).toEqual(CLIENT_RULES.filter((r) => mayReport(c, r.needs)).map((r) => r.id));
      expect(contextSelector.select(c).map((r) => r.id)).toEqual(CONTEXT_RULES.filter((r) => mayReport(c, r.needs)).map((r) => r.id));
    };
    for (const p of NOISY) check(p);
    for (const c of REAL_WORLD_CLIENTS) check(c.properties);
    // More combinations than the selector keeps lists for: the ones it does not keep are still right.
    fc.assert(fc.property(properties, (p) => check(p)), { numRuns: 600, seed: 20261202 });
    check({});
  });

  test('a selector refuses more needed properties than its masks hold', () => {
    const rules = Array.from({ length: 31 }, (_, i) => ({ needs: [`P${i}` as ClientProperty] }));
    expect(() => new RuleSelector(rules)).toThrow(/31 properties/);
  });
});
