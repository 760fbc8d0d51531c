import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const SEVERITIES = Object.values(Severity) as string[];
const REGISTRY = new Map(ClientRules.rules().map(r => [r.id, r.severity]));

/** check() must not throw and must return well-formed findings. */
const safeCheck = (input: any) => {
  let out: any;
  expect(() => { out = ClientRules.check(input); }).not.toThrow();
  expect(Array.isArray(out)).toBe(true);
  for (const f of out) {
    expect(typeof f.ruleId).toBe('string');
    expect(SEVERITIES).toContain(f.severity);
    // a finding is one of the registered rules, with its registered severity
    // (a rule that crashed and was turned into a finding would not match)
    expect({ ruleId: f.ruleId, severity: f.severity }).toEqual({ ruleId: f.ruleId, severity: REGISTRY.get(f.ruleId) });
    expect(typeof f.property).toBe('string');
    expect(typeof f.message).toBe('string');
    expect(typeof f.fix).toBe('string');
    expect(f.fix.length).toBeGreaterThan(0);
  }
  return out as any[];
};

const deepArray = (depth: number) => {
  let v: any = 'https://app.example.org/cb';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
const deepObject = (depth: number) => {
  let v: any = { Feature: 'ENABLED' };
  for (let i = 0; i < depth; i++) v = { Nested: v };
  return v;
};
const deepJoin = (depth: number) => {
  let v: any = 'https://app.example.org/cb';
  for (let i = 0; i < depth; i++) v = { 'Fn::Join': ['', [v, '/x']] };
  return v;
};
const deepIf = (depth: number) => {
  let v: any = 60;
  for (let i = 0; i < depth; i++) v = { 'Fn::If': ['C', v, 1] };
  return v;
};

describe('check() never throws', () => {
  test.each([
    ['null', null],
    ['an empty array', []],
    ['an array of values', [1, 'a', null, {}]],
    ['zero', 0],
    ['a number', 42],
    ['a string', 'AWS::Cognito::UserPoolClient'],
    ['an empty string', ''],
    ['true', true],
    ['false', false],
    ['an empty object', {}],
    ['a whole resource instead of its properties', { Type: 'AWS::Cognito::UserPoolClient', Properties: BASE }],
  ])('for %s as the whole input', (_d, input) => {
    safeCheck(input);
  });

  test.each([
    ['TokenValidityUnits', []],
    ['TokenValidityUnits', [{ AccessToken: 'hours' }]],
    ['RefreshTokenRotation', [[]]],
    ['AnalyticsConfiguration', [1, 2]],
    ['CallbackURLs', { 0: 'https://a.example.org' }],
    ['CallbackURLs', [{ a: { b: { c: 1 } } }]],
    ['ExplicitAuthFlows', [[], {}, null, 1, true]],
    ['AllowedOAuthScopes', [null]],
    ['DefaultRedirectURI', {}],
    ['UserPoolId', []],
    ['ClientName', { Ref: 5 }],
    ['CallbackURLs', { Ref: null }],
    ['CallbackURLs', [{ 'Fn::Join': 'x' }]],
    ['CallbackURLs', [{ 'Fn::Join': ['', 'not-a-list'] }]],
    ['CallbackURLs', [{ 'Fn::Join': [null, [1, null, {}]] }]],
    ['CallbackURLs', [{ 'Fn::Sub': ['http://${X}/cb', 'not-an-object'] }]],
    ['CallbackURLs', [{ 'Fn::Sub': 42 }]],
    ['CallbackURLs', { 'Fn::If': [] }],
    ['AccessTokenValidity', { 'Fn::If': ['C'] }],
    ['UserPoolId', { 'Fn::GetAtt': null }],
    ['ClientName', { 'Fn::Select': [0, 'x'] }],
    ['TokenValidityUnits', { AccessToken: { 'Fn::Unknown': 1 } }],
    ['RefreshTokenRotation', { Feature: { Ref: 'AWS::NoValue' }, RetryGracePeriodSeconds: { Ref: 'AWS::NoValue' } }],
    ['AnalyticsConfiguration', { ApplicationArn: { 'Fn::Sub': 'arn:${AWS::Partition}' } }],
    ['AccessTokenValidity', Number.MAX_SAFE_INTEGER],
    ['AccessTokenValidity', -Number.MAX_VALUE],
    ['AccessTokenValidity', '1e400'],
    ['RefreshTokenValidity', '99999999999999999999999'],
    ['AuthSessionValidity', -0],
  ])('for %s = %j', (prop, v) => {
    safeCheck({ ...BASE, [prop]: v });
  });

  test('for prototype-like keys', () => {
    safeCheck(JSON.parse('{"__proto__": {"ClientName": 1}, "UserPoolId": "us-east-1_AbC"}'));
    safeCheck({ ...BASE, constructor: 1, toString: 'x', valueOf: [], hasOwnProperty: null });
    safeCheck({ ...BASE, TokenValidityUnits: JSON.parse('{"constructor": "hours", "toString": "days"}') });
    safeCheck({ ...BASE, TokenValidityUnits: JSON.parse('{"__proto__": {"AccessToken": "weeks"}}') });
  });

  test('for CDK tokens everywhere', () => {
    safeCheck({
      UserPoolId: Token.asString({ Ref: 'Pool' }),
      ClientName: Lazy.string({ produce: () => 'x' }),
      AccessTokenValidity: Token.asNumber({ Ref: 'N' }),
      IdTokenValidity: Lazy.number({ produce: () => 1 }),
      RefreshTokenValidity: Token.asNumber({ Ref: 'R' }),
      CallbackURLs: Token.asList({ Ref: 'L' }),
      LogoutURLs: [Token.asString({ Ref: 'U' })],
      AllowedOAuthFlows: Lazy.list({ produce: () => ['code'] }),
      AllowedOAuthScopes: Token.asList({ Ref: 'S' }),
      GenerateSecret: Token.asAny({ Ref: 'G' }),
      TokenValidityUnits: Token.asAny({ Ref: 'T' }),
      RefreshTokenRotation: Lazy.any({ produce: () => ({ Feature: 'ENABLED' }) }),
      AnalyticsConfiguration: Token.asAny({ Ref: 'A' }),
    });
  });

  test('does not modify its input', () => {
    const input = {
      ...BASE,
      CallbackURLs: ['http://app.example.org/cb', { Ref: 'X' }],
      TokenValidityUnits: { AccessToken: 'weeks' },
      RefreshTokenRotation: { RetryGracePeriodSeconds: 99 },
      AccessTokenValidity: '60',
      ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'],
    };
    const copy = JSON.parse(JSON.stringify(input));
    ClientRules.check(input);
    expect(input).toEqual(copy);
  });

  test('works on a frozen input', () => {
    const input = Object.freeze({
      ...BASE,
      CallbackURLs: Object.freeze(['http://app.example.org/cb']),
      TokenValidityUnits: Object.freeze({ AccessToken: 'minutes' }),
      AccessTokenValidity: 60,
    });
    expect(ids(input)).toContain('redirect-uri-https');
  });
});

describe('huge and deep inputs', () => {
  const HUGE = 'a'.repeat(1_000_000);

  test.each([
    ['ClientName', HUGE],
    ['ClientName', 'a '.repeat(500_000) + '!'],
    ['UserPoolId', HUGE],
    ['UserPoolId', 'a_'.repeat(500_000) + '!'],
    ['UserPoolId', 'us-east-1_' + HUGE],
    ['DefaultRedirectURI', 'https://' + HUGE],
    ['PreventUserExistenceErrors', HUGE],
    ['ClientSecret', HUGE + '-'],
    ['AccessTokenValidity', '9'.repeat(1_000_000)],
  ])('handles a 1e6-char %s quickly', (prop, v) => {
    const start = Date.now();
    const out = safeCheck({ ...BASE, [prop]: v });
    expect(Date.now() - start).toBeLessThan(3000);
    expect(out.length).toBeGreaterThan(0);
  });

  test.each([
    ['CallbackURLs', ['https://' + HUGE, 'http://' + 'b'.repeat(1_000_000) + '/cb', 'https://app.example.org/' + '#'.repeat(1_000_000)]],
    ['LogoutURLs', ['http://' + HUGE]],
    ['AllowedOAuthScopes', [HUGE, 'a/'.repeat(500_000)]],
    ['ExplicitAuthFlows', ['ALLOW_' + HUGE]],
    ['ReadAttributes', ['custom:' + HUGE]],
    ['SupportedIdentityProviders', [HUGE]],
  ])('handles 1e6-char entries in %s quickly', (prop, v) => {
    const start = Date.now();
    const out = safeCheck({ ...BASE, [prop]: v });
    expect(Date.now() - start).toBeLessThan(3000);
    expect(out.length).toBeGreaterThan(0);
  });

  test('handles 1e6-char strings inside nested objects and intrinsics', () => {
    safeCheck({
      ...BASE,
      AnalyticsConfiguration: { ApplicationArn: 'arn:' + HUGE, ExternalId: HUGE, RoleArn: HUGE },
      TokenValidityUnits: { AccessToken: HUGE },
      RefreshTokenRotation: { Feature: HUGE },
      CallbackURLs: [{ 'Fn::Sub': 'http://' + HUGE + '${X}' }, { 'Fn::Join': ['', ['http://', HUGE, { Ref: 'X' }]] }],
    });
  });

  test('handles long lists', () => {
    const urls = Array.from({ length: 20_000 }, (_v, i) => `http://h${i}.example.org/cb`);
    const start = Date.now();
    const out = ClientRules.check({ ...BASE, CallbackURLs: urls, LogoutURLs: urls, AllowedOAuthScopes: urls, ReadAttributes: urls });
    expect(Date.now() - start).toBeLessThan(3000);
    expect(out.map(f => f.ruleId)).toContain('redirect-uri-count');
  });

  test.each([
    ['CallbackURLs', deepArray(10_000)],
    ['RefreshTokenRotation', deepObject(10_000)],
    ['AnalyticsConfiguration', deepObject(10_000)],
    ['CallbackURLs', [deepJoin(10_000)]],
    ['DefaultRedirectURI', deepJoin(10_000)],
    ['AccessTokenValidity', deepIf(10_000)],
    ['TokenValidityUnits', { AccessToken: deepIf(10_000) }],
  ])('handles 10000-deep nesting in %s', (prop, v) => {
    safeCheck({ ...BASE, [prop]: v });
  });

  test('handles a 10000-deep whole input', () => {
    safeCheck(deepObject(10_000));
    safeCheck(deepArray(10_000));
  });
});

describe('all findings come at once', () => {
  test('an input with independent mistakes reports every rule', () => {
    // GIVEN six unrelated mistakes in one client
    const p = {
      ...BASE,
      ClientName: 'Café',
      AuthSessionValidity: 20,
      PreventUserExistenceErrors: 'YES',
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['http://app.example.org/cb'],
      WriteAttributes: ['email_verified'],
      TokenValidityUnits: { AccessToken: 'weeks' },
      AccessTokenValidity: 1,
    };
    // THEN one check() call reports all of them, not just the first
    expect(ids(p)).toEqual(expect.arrayContaining([
      'client-name-pattern',
      'auth-session-validity-range',
      'prevent-user-existence-enum',
      'redirect-uri-https',
      'attr-write-immutable',
      'token-units-enum',
    ]));
    const https = ClientRules.check(p).find(f => f.ruleId === 'redirect-uri-https');
    expect(https?.message).toContain('http://app.example.org/cb');
    expect(https?.fix).toBeTruthy();
  });

  test('errors and warnings are reported together', () => {
    const out = ClientRules.check({
      ...BASE,
      RefreshTokenValidity: 0,
      ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'],
      AnalyticsConfiguration: {},
    });
    const r = out.map(f => f.ruleId);
    expect(r).toEqual(expect.arrayContaining([
      'token-refresh-zero', 'auth-flows-legacy-mix', 'auth-flows-legacy-deprecated', 'analytics-pinpoint-eol',
    ]));
    expect(out.map(f => f.severity)).toEqual(expect.arrayContaining([Severity.ERROR, Severity.WARNING]));
  });

  test('the same rule reports every offending value', () => {
    const out = ClientRules.check({ ...BASE, ReadAttributes: ['tenant', 'email', 'Email', 'custom:'] })
      .filter(f => f.ruleId === 'attr-exists')
      .map(f => f.property);
    expect(out).toEqual(expect.arrayContaining(['ReadAttributes[0]', 'ReadAttributes[2]', 'ReadAttributes[3]']));
    expect(out).not.toContain('ReadAttributes[1]');
  });

  test('check() is deterministic', () => {
    const p = { ...BASE, ClientName: '', AccessTokenValidity: 0, CallbackURLs: ['x y', 'http://a.example.org#f'] };
    expect(ClientRules.check(p)).toEqual(ClientRules.check(p));
  });
});
