import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration, Token } from 'aws-cdk-lib';
import { RULE_DOCS } from '../../scripts/rule-examples';
import { ClientRules, ClientPolicy, ClientSecretPolicy, ExplicitAuthFlow, OAuthFlow, Severity } from '../../src';
import { SETTINGS, rulesOf } from '../../src/policy/settings';

/**
 * A policy file with every setting of the settings table, each turning its rules on: the settings this
 * file tests one by one (EXPLICIT), and every other setting with the value its rule page is checked with
 * (scripts/rule-examples.ts), so that a setting added with its rule, test file and page is covered here
 * without editing this file.
 */
const EXPLICIT = {
  $schema: './node_modules/cdk-cognito-app-client/schema/client-policy.schema.json',
  maxAccessTokenValidity: 'PT1H',
  maxIdTokenValidity: 'PT30M',
  maxRefreshTokenValidity: 'P30D',
  allowedOAuthFlows: ['code', 'client_credentials'],
  forbiddenAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  requirePreventUserExistenceErrors: true,
  requireTokenRevocation: true,
  requireRefreshTokenRotation: true,
  forbidImplicitFlow: true,
  forbidPlaintextPasswordFlows: true,
  forbidUserAuth: true,
  forbidExampleUrls: true,
  allowLoopbackUrls: false,
  allowedCallbackUrls: ['https://*.example.org/*'],
  allowedLogoutUrls: ['https://*.example.org/*'],
  allowedScopes: ['openid', 'email', 'orders-api/*'],
  allowedIdentityProviders: ['COGNITO', 'CorpSAML'],
  clientNamePattern: '[a-z][a-z0-9-]*',
  clientSecret: 'FORBIDDEN',
  severities: { 'policy-no-implicit': 'warning', 'policy-client-name-pattern': 'error' },
};
const FROM_PAGES: { [key: string]: unknown } = Object.assign({}, ...Object.values(RULE_DOCS).map(d => d.policy ?? {}));
const VALID_POLICY = { ...Object.fromEntries(Object.entries(FROM_PAGES).filter(([k]) => !(k in EXPLICIT))), ...EXPLICIT };
/** The rules of the settings this file tests one by one (the others are tested in their own files). */
const COVERED = SETTINGS.filter(s => s.key in EXPLICIT).flatMap(s => rulesOf(s));

/** A client that every setting of VALID_POLICY accepts. */
const COMPLIANT = {
  UserPoolId: 'us-east-1_AbC123',
  ClientName: 'web-client',
  PreventUserExistenceErrors: 'ENABLED',
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
  RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid', 'orders-api/read'],
  CallbackURLs: ['https://app.example.org/cb'],
  LogoutURLs: ['https://app.example.org/logout'],
  SupportedIdentityProviders: ['COGNITO'],
  IdTokenValidity: 30,
  TokenValidityUnits: { IdToken: 'minutes' },
};

const RULE_IDS = ClientPolicy.rules().map(r => r.id);
const SETTING_RULE_IDS = SETTINGS.flatMap(s => rulesOf(s));

/** The error a function throws (fails the test when it throws nothing). */
function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but nothing was thrown');
}
const fromJsonError = (json: unknown) => errorOf(() => ClientPolicy.fromJson(json));
const policyFindings = (p: any, policy: ClientPolicy) => ClientRules.check(p, policy).filter(f => COVERED.includes(f.ruleId));

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});
const writeFile = (name: string, text: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('fromJson of a valid policy', () => {
  test('the example policy sets every key of the settings table', () => {
    // extends and acknowledgements are about a baseline (test/policy/oauth-bcp.test.ts)
    expect(Object.keys(VALID_POLICY).sort()).toEqual(['$schema', ...SETTINGS.filter(s => !['extends', 'acknowledgements'].includes(s.kind)).map(s => s.key)].sort());
  });

  test('turns on every setting\'s rule', () => {
    const policy = ClientPolicy.fromJson(VALID_POLICY);
    expect([...policy.enabledRuleIds].sort()).toEqual([...SETTING_RULE_IDS].sort());
    expect([...policy.enabledRuleIds].sort()).toEqual([...RULE_IDS].sort());
  });

  test('applies the severities', () => {
    const policy = ClientPolicy.fromJson(VALID_POLICY);
    expect(policy.severityOf('policy-no-implicit')).toBe(Severity.WARNING);
    expect(policy.severityOf('policy-client-name-pattern')).toBe(Severity.ERROR);
    expect(policy.severityOf('policy-token-revocation')).toBe(Severity.ERROR);
    expect(policy.severityOf('policy-user-auth-widens')).toBe(Severity.WARNING);
  });

  test('a compliant client has no policy findings', () => {
    expect(policyFindings(COMPLIANT, ClientPolicy.fromJson(VALID_POLICY))).toEqual([]);
  });

  test('each setting takes effect', () => {
    const p = {
      ...COMPLIANT,
      ClientName: 'Web Client',
      GenerateSecret: true,
      AccessTokenValidity: 61,
      IdTokenValidity: 31,
      RefreshTokenValidity: 31,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      AllowedOAuthFlows: ['code', 'implicit'],
      ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ADMIN_NO_SRP_AUTH'],
      AllowedOAuthScopes: ['openid', 'profile'],
      CallbackURLs: ['https://example.com', 'http://localhost/cb'],
      LogoutURLs: ['https://evil.io/logout'],
      SupportedIdentityProviders: ['Google'],
      PreventUserExistenceErrors: 'LEGACY',
      EnableTokenRevocation: false,
    };
    const found = policyFindings(p, ClientPolicy.fromJson(VALID_POLICY));
    // policy-refresh-rotation only checks clients without a secret; this one has GenerateSecret: true.
    expect([...new Set(found.map(f => f.ruleId))].sort()).toEqual(COVERED.filter(id => id !== 'policy-refresh-rotation' && id !== 'policy-dcr-scope-explicit').sort());
    expect(found).toContainEqual(expect.objectContaining({ ruleId: 'policy-no-implicit', severity: Severity.WARNING }));
    expect(found).toContainEqual(expect.objectContaining({ ruleId: 'policy-client-name-pattern', severity: Severity.ERROR }));
    expect(policyFindings({ ...COMPLIANT, RefreshTokenRotation: undefined }, ClientPolicy.fromJson(VALID_POLICY)).map(f => f.ruleId))
      .toEqual(['policy-refresh-rotation']);
  });

  test.each([
    ['PT1H', 3600], ['PT15M', 900], ['PT90S', 90], ['PT1H30M', 5400], ['P30D', 2592000], ['P1DT12H', 129600],
  ])('reads the duration %s as %d seconds', (iso, s) => {
    const policy = ClientPolicy.fromJson({ maxRefreshTokenValidity: iso });
    const at = (v: number) => ClientRules
      .check({ UserPoolId: 'us-east-1_AbC123', RefreshTokenValidity: v, TokenValidityUnits: { RefreshToken: 'seconds' } }, policy)
      .filter(f => f.ruleId === 'policy-max-refresh-token-validity').map(f => f.property);
    expect(at(s)).toEqual([]);
    expect(at(s + 1)).toEqual(['RefreshTokenValidity']);
  });

  test('$schema is allowed and turns on nothing', () => {
    expect(ClientPolicy.fromJson({ $schema: 'https://example.org/schema.json' }).enabledRuleIds).toEqual([]);
  });

  test('an empty object is an empty policy', () => {
    expect(ClientPolicy.fromJson({}).enabledRuleIds).toEqual([]);
  });

  test('false settings turn nothing on', () => {
    const policy = ClientPolicy.fromJson({ forbidImplicitFlow: false, requireTokenRevocation: false, forbidUserAuth: false });
    expect(policy.enabledRuleIds).toEqual([]);
  });

  test('allowLoopbackUrls true exempts loopback URLs from allowedCallbackUrls', () => {
    const policy = ClientPolicy.fromJson({ allowLoopbackUrls: true, allowedCallbackUrls: ['https://*.example.org/*'] });
    expect(policy.enabledRuleIds).toEqual(['policy-callback-urls-allowed']);
    expect(policyFindings({ ...COMPLIANT, CallbackURLs: ['http://localhost:3000/cb'] }, policy)).toEqual([]);
  });
});

describe('fromJson of an invalid policy', () => {
  test('fails when a key has a typo, suggesting the right one', () => {
    const e = fromJsonError({ allowedCallbackUrl: ['https://app.example.org/cb'] });
    expect(e.message).toContain('"allowedCallbackUrl"');
    expect(e.message).toContain('did you mean "allowedCallbackUrls"');
  });

  test('fails when a key is unknown, without a far-fetched suggestion', () => {
    const e = fromJsonError({ colour: 'blue' });
    expect(e.message).toContain('unknown key "colour"');
    expect(e.message).not.toContain('did you mean');
  });

  test('fails when a key has the wrong case', () => {
    expect(fromJsonError({ ForbidImplicitFlow: true }).message).toContain('did you mean "forbidImplicitFlow"');
  });

  test.each([
    ['requireTokenRevocation', { requireTokenRevocation: 'yes' }, '"yes"'],
    ['forbidImplicitFlow', { forbidImplicitFlow: 'true' }, '"true"'],
    ['allowLoopbackUrls', { allowLoopbackUrls: null }, 'null'],
    ['maxAccessTokenValidity', { maxAccessTokenValidity: 3600 }, '3600'],
    ['maxIdTokenValidity', { maxIdTokenValidity: '1h' }, '"1h"'],
    ['maxRefreshTokenValidity', { maxRefreshTokenValidity: 'P1W' }, '"P1W"'],
    ['maxRefreshTokenValidity', { maxRefreshTokenValidity: 'PT1.5H' }, '"PT1.5H"'],
    ['maxRefreshTokenValidity', { maxRefreshTokenValidity: 'PT' }, '"PT"'],
    ['maxRefreshTokenValidity', { maxRefreshTokenValidity: 'P' }, '"P"'],
    ['allowedOAuthFlows', { allowedOAuthFlows: 'code' }, '"code"'],
    ['allowedOAuthFlows', { allowedOAuthFlows: ['authorization_code'] }, '"authorization_code"'],
    ['forbiddenAuthFlows', { forbiddenAuthFlows: ['ALLOW_USER_SRP'] }, '"ALLOW_USER_SRP"'],
    ['allowedCallbackUrls', { allowedCallbackUrls: [''] }, '""'],
    ['allowedScopes', { allowedScopes: [42] }, '42'],
    ['allowedIdentityProviders', { allowedIdentityProviders: { COGNITO: true } }, '{"COGNITO":true}'],
    ['severities', { severities: { 'policy-no-implicitt': 'error' } }, '"policy-no-implicitt"'],
    ['policy-no-implicit', { severities: { 'policy-no-implicit': 'fatal' } }, '"fatal"'],
    ['policy-no-implicit', { severities: { 'policy-no-implicit': 'ERROR' } }, '"ERROR"'],
    ['severities', { severities: ['policy-no-implicit'] }, '["policy-no-implicit"]'],
    ['clientNamePattern', { clientNamePattern: '(' }, '"("'],
    ['clientNamePattern', { clientNamePattern: '' }, '""'],
    ['clientNamePattern', { clientNamePattern: 42 }, '42'],
    ['clientSecret', { clientSecret: 'required' }, '"required"'],
    ['clientSecret', { clientSecret: true }, 'true'],
  ])('fails when %s is wrong: %j', (key, json, shown) => {
    const e = fromJsonError(json);
    expect(e.message).toContain(key);
    expect(e.message).toContain(shown);
    expect(e.message).toContain('invalid client policy');
  });

  test('suggests the nearest severities rule id', () => {
    expect(fromJsonError({ severities: { 'policy-no-implicitt': 'error' } }).message).toContain('did you mean "policy-no-implicit"');
  });

  test('suggests the nearest auth flow', () => {
    expect(fromJsonError({ forbiddenAuthFlows: ['ALLOW_USER_SRP_AUT'] }).message).toContain('did you mean "ALLOW_USER_SRP_AUTH"');
  });

  test('names the position of a bad list item', () => {
    expect(fromJsonError({ allowedOAuthFlows: ['code', 'authorization_code'] }).message).toContain('"allowedOAuthFlows"[1]');
  });

  test('reports every type problem in one error', () => {
    const e = fromJsonError({
      allowedCallbackUrl: ['https://app.example.org/cb'],
      requireTokenRevocation: 'yes',
      maxAccessTokenValidity: 3600,
      allowedOAuthFlows: ['code', 'authorization_code'],
      severities: { 'policy-no-implicit': 'fatal' },
    });
    for (const s of ['allowedCallbackUrl', 'requireTokenRevocation', 'maxAccessTokenValidity', 'authorization_code', 'fatal']) {
      expect(e.message).toContain(s);
    }
    expect(e.message.split('\n  - ')).toHaveLength(6);
  });

  test('reports an invalid clientNamePattern together with the type problems', () => {
    const e = fromJsonError({ clientNamePattern: '(', requireTokenRevocation: 'yes', allowedCallbackUrl: [] });
    expect(e.message).toContain('requireTokenRevocation');
    expect(e.message).toContain('allowedCallbackUrl');
    expect(e.message).toContain('clientNamePattern');
  });

  test('names the source given to fromJson', () => {
    expect(errorOf(() => ClientPolicy.fromJson({ forbidUserAuth: 1 }, 'team-policy.json')).message).toMatch(/^\[invalid-policy\] team-policy\.json: /);
  });

  test.each([
    ['an array', [], 'a list'],
    ['null', null, 'null'],
    ['a string', '{"forbidImplicitFlow": true}', 'a string'],
    ['a number', 42, 'a number'],
    ['a boolean', true, 'a boolean'],
  ])('fails when the policy is %s', (_name, json, shown) => {
    const e = fromJsonError(json);
    expect(e.message).toContain('must be a JSON object');
    expect(e.message).toContain(shown);
  });

  test('the error is a ClientPolicyError with the problems listed', () => {
    const e = fromJsonError({ forbidUserAuth: 'yes' }) as Error & { problems?: string[] };
    expect(e.name).toBe('ClientPolicyError');
    expect(e.problems).toEqual([expect.stringContaining('forbidUserAuth')]);
  });
});

describe('a policy built in code is validated like a file (from JavaScript, props are untyped)', () => {
  const codeError = (props: unknown) => errorOf(() => new ClientPolicy(props as any));
  /** An error's problem lines, without the source it names. */
  const problems = (e: Error) => e.message.split('\n').slice(1);

  test.each([
    [{ forbidImplicitFlow: 'true' }],
    [{ allowLoopbackUrls: 'false' }],
    [{ allowedCallbackUrl: ['https://app.example.org/cb'] }],
    [{ requireTokenRevocation: 1, colour: 'blue' }],
    [{ allowedOAuthFlows: 'code' }],
    [{ allowedScopes: ['openid', 'openid'] }],
    [{ clientSecret: 'required' }],
    [{ severities: { 'policy-no-implicitt': 'error' } }],
    [{ forbidImplicitFlow: 'yes', allowLoopbackUrls: 'no', allowedCallbackUrl: [] }],
  ])('%j throws the [invalid-policy] error the file loader gives, listing every problem', (props) => {
    const inCode = codeError(props);
    const inFile = fromJsonError(props);
    expect(inCode.message).toMatch(/^\[invalid-policy\] ClientPolicy: invalid client policy:\n/);
    expect(problems(inCode)).toEqual(problems(inFile));
  });

  test('a misspelled key suggests the right one; every problem is listed', () => {
    const e = codeError({ forbidImplicitFlow: 'yes', allowLoopbackUrls: 'false', allowedCallbackUrl: ['https://app.example.org/cb'] });
    expect(problems(e)).toEqual([
      '  - "forbidImplicitFlow": "yes" is not true or false.',
      '  - "allowLoopbackUrls": "false" is not true or false.',
      '  - unknown key "allowedCallbackUrl" (did you mean "allowedCallbackUrls"?).',
    ]);
  });

  test('durations are Duration objects in code (ISO strings only in files), and undefined props are absent', () => {
    expect(codeError({ maxAccessTokenValidity: 'PT1H' }).message).toContain('"maxAccessTokenValidity": "PT1H" is not a Duration');
    expect(codeError({ maxAccessTokenValidity: 3600 }).message).toContain('"maxAccessTokenValidity": 3600 is not a Duration');
    expect(new ClientPolicy({ maxAccessTokenValidity: Duration.hours(1), forbidImplicitFlow: undefined }).enabledRuleIds).toEqual(['policy-max-access-token-validity']);
  });

  test('not an object', () => {
    expect(codeError(null).message).toMatch(/^\[invalid-policy\] ClientPolicy: invalid client policy:\n {2}- the policy settings must be an object/);
    // issue 21, round three: what is given is named in plain words
    expect(codeError(undefined).message).toContain('the policy settings must be an object, not undefined.');
    expect(fromJsonError(undefined).message).toContain('the policy must be a JSON object, not undefined.');
  });
});

describe('a duration too long to compare is an [invalid-policy] error naming the setting', () => {
  test('a 400-digit ISO duration in a policy file', () => {
    const e = fromJsonError({ maxAccessTokenValidity: `PT${'9'.repeat(400)}S` });
    expect(e.message).toMatch(/^\[invalid-policy\] policy: invalid client policy:\n {2}- "maxAccessTokenValidity": "PT9{20,}\.\.\. is not a duration that can be compared/);
    expect(e.message).not.toContain('Infinity');
  });

  test('in a policy file read from disk', () => {
    const file = path.join(tmp, 'long-duration.json');
    fs.writeFileSync(file, JSON.stringify({ maxRefreshTokenValidity: `P${'9'.repeat(400)}D` }));
    expect(errorOf(() => ClientPolicy.fromFile(file)).message).toMatch(/^\[invalid-policy\] .*long-duration\.json: invalid client policy:\n {2}- "maxRefreshTokenValidity": /);
  });

  test('a Duration too long to compare, in code', () => {
    expect(codeError(Duration.seconds(1e300))).toBeDefined();
    function codeError(d: Duration) {
      const e = errorOf(() => new ClientPolicy({ maxIdTokenValidity: d }));
      expect(e.message).toMatch(/^\[invalid-policy\] ClientPolicy: invalid client policy:\n {2}- "maxIdTokenValidity": .* is too long/);
      return e;
    }
  });
});

describe('fromFile', () => {
  test('reads a valid policy file', () => {
    const file = writeFile('valid.json', JSON.stringify(VALID_POLICY, undefined, 2));
    expect([...ClientPolicy.fromFile(file).enabledRuleIds].sort()).toEqual([...RULE_IDS].sort());
  });

  test('fails when the file is not JSON, naming the file', () => {
    const file = writeFile('broken.json', '{ "forbidImplicitFlow": true, }');
    const e = errorOf(() => ClientPolicy.fromFile(file));
    expect(e.message).toContain(file);
    expect(e.message).toContain('not valid JSON');
  });

  test('fails when the file is missing, naming the file', () => {
    const file = path.join(tmp, 'missing.json');
    const e = errorOf(() => ClientPolicy.fromFile(file));
    expect(e.message).toContain(file);
    expect(e.message).toContain('ENOENT');
  });

  test('fails when a setting is invalid, naming the file and the key', () => {
    const file = writeFile('bad-setting.json', JSON.stringify({ forbidImplicitFlow: true, maxAccessTokenValidity: '1 hour' }));
    const e = errorOf(() => ClientPolicy.fromFile(file));
    expect(e.message).toContain(file);
    expect(e.message).toContain('maxAccessTokenValidity');
    expect(e.message).toContain('"1 hour"');
  });

  test('fails when the file has an invalid regular expression, naming the file and the key', () => {
    const file = writeFile('bad-pattern.json', JSON.stringify({ clientNamePattern: '[a-z' }));
    const e = errorOf(() => ClientPolicy.fromFile(file));
    expect(e.message).toContain(file);
    expect(e.message).toContain('clientNamePattern');
  });

  test('fails when a key is repeated, naming each repeat, at any depth (JSON would keep only the last)', () => {
    const file = writeFile('repeated.json', '{ "forbidImplicitFlow": true, "allowedScopes": ["a\\"b", "forbidImplicitFlow"],\n'
      + '  "severities": { "policy-no-implicit": "error", "policy-no-implicit": "warning" }, "forbidImplicitFlow": false }');
    const e = errorOf(() => ClientPolicy.fromFile(file));
    expect(e.message).toContain(file);
    expect(e.message).toContain('the key "severities.policy-no-implicit" is given more than once');
    expect(e.message).toContain('the key "forbidImplicitFlow" is given more than once');
    expect(e.message.match(/more than once/g)).toHaveLength(2); // a string value equal to a key is no key
  });

  test('keys repeated in different objects are not repeats', () => {
    const file = writeFile('nested.json', JSON.stringify({ severities: { 'policy-no-implicit': 'error' }, forbidImplicitFlow: true, allowedScopes: ['severities'] }));
    expect(ClientPolicy.fromFile(file).enabledRuleIds).toEqual(expect.arrayContaining(['policy-no-implicit']));
  });

  test('fails when the file holds a JSON array, naming the file', () => {
    const file = writeFile('array.json', '[]');
    const e = errorOf(() => ClientPolicy.fromFile(file));
    expect(e.message).toContain(file);
    expect(e.message).toContain('must be a JSON object');
  });
});

describe('patterns and globs are matched in linear time', () => {
  // Each of these takes minutes with a backtracking matcher; jest's 5-second timeout fails them there.
  test('a natural naming pattern against a long name that almost matches', () => {
    const policy = new ClientPolicy({ clientNamePattern: '([a-z0-9]+-?)*' });
    const ids = (name: string) => ClientRules.check({ UserPoolId: 'eu-west-1_AbC123', ClientName: name }, policy).map((f) => f.ruleId);
    expect(ids(`${'a'.repeat(40)}!`)).toContain('policy-client-name-pattern');
    expect(ids('web-shop-2')).not.toContain('policy-client-name-pattern');
  });

  test('globs with many stars against long values', () => {
    const policy = new ClientPolicy({
      allowedCallbackUrls: ['https://*a*a*a*a*a*a*a*.example.org/*a*a*a*a*a*a*a*b'],
      allowedScopes: ['*a*a*a*a*a*a*a*a*b'],
    });
    const long = 'a'.repeat(5000);
    const ids = ClientRules.check({
      UserPoolId: 'eu-west-1_AbC123',
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [`https://${'a'.repeat(60)}.example.org/${long}`],
      AllowedOAuthScopes: [long],
    }, policy).map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['policy-callback-urls-allowed', 'policy-scopes-allowed']));
  });

  test('fails when the pattern needs backtracking (a backreference or lookaround), saying RE2 has none', () => {
    const e = errorOf(() => new ClientPolicy({ clientNamePattern: '(a)\\1' }));
    expect(e.message).toContain('clientNamePattern');
    expect(e.message).toContain('not a valid RE2 regular expression');
    expect(errorOf(() => new ClientPolicy({ clientNamePattern: '(?=x)x' })).message).toContain('lookaround');
  });
});

describe('typed props', () => {
  test('every setting as typed props turns on every rule', () => {
    const policy = new ClientPolicy({
      maxAccessTokenValidity: Duration.hours(1),
      maxIdTokenValidity: Duration.minutes(30),
      maxRefreshTokenValidity: Duration.days(30),
      allowedOAuthFlows: [OAuthFlow.AUTHORIZATION_CODE, OAuthFlow.CLIENT_CREDENTIALS],
      forbiddenAuthFlows: [ExplicitAuthFlow.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlow.ADMIN_NO_SRP_AUTH],
      requirePreventUserExistenceErrors: true,
      requireTokenRevocation: true,
      requireRefreshTokenRotation: true,
      forbidImplicitFlow: true,
      forbidPlaintextPasswordFlows: true,
      forbidUserAuth: true,
      forbidExampleUrls: true,
      allowLoopbackUrls: false,
      allowedCallbackUrls: ['https://*.example.org/*'],
      allowedLogoutUrls: ['https://*.example.org/*'],
      allowedScopes: ['openid', 'email', 'orders-api/*'],
      allowedIdentityProviders: ['COGNITO', 'CorpSAML'],
      clientNamePattern: '[a-z][a-z0-9-]*',
      clientSecret: ClientSecretPolicy.FORBIDDEN,
      severities: { 'policy-no-implicit': Severity.WARNING },
    });
    expect([...policy.enabledRuleIds].sort()).toEqual([...COVERED].sort());
    expect(policy.severityOf('policy-no-implicit')).toBe(Severity.WARNING);
    expect(policyFindings(COMPLIANT, policy)).toEqual([]);
  });

  test('the enums hold the service values', () => {
    expect(Object.values(OAuthFlow).sort()).toEqual(['client_credentials', 'code', 'implicit']);
    expect(Object.values(ClientSecretPolicy).sort()).toEqual(['FORBIDDEN', 'REQUIRED']);
    expect(Object.values(ExplicitAuthFlow).sort()).toEqual(SETTINGS.find(s => s.key === 'forbiddenAuthFlows')!.values!.slice().sort());
    expect(Object.values(OAuthFlow).sort()).toEqual(SETTINGS.find(s => s.key === 'allowedOAuthFlows')!.values!.slice().sort());
  });

  test('fails when clientNamePattern is not a regular expression', () => {
    const e = errorOf(() => new ClientPolicy({ clientNamePattern: '(' }));
    expect(e.message).toContain('clientNamePattern');
    expect(e.message).toContain('"("');
  });

  test('fails when severities names an unknown rule', () => {
    const e = errorOf(() => new ClientPolicy({ severities: { 'policy-no-implicitt': Severity.WARNING } }));
    expect(e.message).toContain('policy-no-implicitt');
    expect(e.message).toContain('did you mean "policy-no-implicit"');
  });

  test('fails when severities names a catalog rule that is not a policy rule', () => {
    expect(errorOf(() => new ClientPolicy({ severities: { 'redirect-uri-https': Severity.WARNING } })).message).toContain('redirect-uri-https');
  });

  test('fails when a severity is not error or warning', () => {
    const e = errorOf(() => new ClientPolicy({ severities: { 'policy-no-implicit': 'fatal' as Severity } }));
    expect(e.message).toContain('policy-no-implicit');
    expect(e.message).toContain('"fatal"');
  });

  test.each([
    ['allowedOAuthFlows', { allowedOAuthFlows: ['authorization_code' as OAuthFlow] }, 'authorization_code'],
    ['forbiddenAuthFlows', { forbiddenAuthFlows: ['ALLOW_USER_SRP' as ExplicitAuthFlow] }, 'ALLOW_USER_SRP'],
    ['clientSecret', { clientSecret: 'required' as ClientSecretPolicy }, 'required'],
    ['allowedScopes', { allowedScopes: 'openid' as unknown as string[] }, 'allowedScopes'],
    ['maxAccessTokenValidity', { maxAccessTokenValidity: 3600 as unknown as Duration }, 'maxAccessTokenValidity'],
  ])('fails when %s is invalid', (key, props, shown) => {
    const e = errorOf(() => new ClientPolicy(props));
    expect(e.message).toContain(key);
    expect(e.message).toContain(shown);
  });

  test('fails when a maximum is a Duration.millis token', () => {
    const e = errorOf(() => new ClientPolicy({ maxAccessTokenValidity: Duration.millis(Token.asNumber({ Ref: 'Max' })) }));
    expect(e.name).toBe('ClientPolicyError');
    expect(e.message).toContain('maxAccessTokenValidity');
  });

  test('fails when a maximum is a Duration.hours token, naming the setting', () => {
    const e = errorOf(() => new ClientPolicy({ maxAccessTokenValidity: Duration.hours(Token.asNumber({ Ref: 'Max' })) }));
    expect(e.name).toBe('ClientPolicyError');
    expect(e.message).toContain('maxAccessTokenValidity');
  });

  test('reports every invalid setting in one error', () => {
    const e = errorOf(() => new ClientPolicy({
      clientNamePattern: '(',
      allowedOAuthFlows: ['token' as OAuthFlow],
      severities: { 'policy-nope': Severity.ERROR },
    }));
    expect(e.message).toContain('clientNamePattern');
    expect(e.message).toContain('"token"');
    expect(e.message).toContain('policy-nope');
  });

  test('severityOf gives each rule its default without severities', () => {
    const p = new ClientPolicy({});
    for (const r of ClientPolicy.rules()) expect(p.severityOf(r.id)).toBe(r.severity);
  });
});

describe('ClientPolicy.rules()', () => {
  const rules = ClientPolicy.rules();

  test('lists every policy rule with id, severity, title and an https source', () => {
    expect(rules.length).toBeGreaterThanOrEqual(19);
    for (const r of rules) {
      expect(r.id).toMatch(/^policy-[a-z0-9-]+$/);
      expect([Severity.ERROR, Severity.WARNING]).toContain(r.severity);
      expect(r.title.length).toBeGreaterThan(0);
      expect(r.source).toMatch(/^https:\/\//);
    }
  });

  test('ids are unique', () => {
    expect(new Set(rules.map(r => r.id)).size).toBe(rules.length);
  });

  test('each rule is turned on by exactly one setting, and each setting but extends, acknowledgements and severities turns on its rules', () => {
    expect([...SETTING_RULE_IDS].sort()).toEqual(rules.map(r => r.id).sort());
    expect(SETTINGS.filter(s => s.ruleId === undefined).map(s => s.key)).toEqual(['extends', 'acknowledgements', 'severities']);
  });

  test('policy rules are not in ClientRules.rules()', () => {
    const catalog = ClientRules.rules().map(r => r.id);
    expect(rules.filter(r => catalog.includes(r.id))).toEqual([]);
  });
});

describe('the JSON schema', () => {
  const schemaFile = path.join(__dirname, '..', '..', 'schema', 'client-policy.schema.json');
  const schema = ClientPolicy.jsonSchema();

  test('the committed schema file equals ClientPolicy.jsonSchema()', () => {
    expect(JSON.parse(fs.readFileSync(schemaFile, 'utf8'))).toEqual(schema);
  });

  test('is a closed object', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  test('lists every key of the settings table, and $schema', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', ...SETTINGS.map(s => s.key)].sort());
  });

  test('severities accepts exactly the policy rule ids', () => {
    expect([...schema.properties.severities.propertyNames.enum].sort()).toEqual([...RULE_IDS].sort());
    expect(schema.properties.severities.additionalProperties.enum).toEqual(['error', 'warning']);
  });

  test('every setting with a rule names its rule in its description', () => {
    for (const s of SETTINGS.filter(x => x.ruleId)) expect(schema.properties[s.key].description).toContain(s.ruleId);
  });

  test('every value of the valid example policy is valid under the schema', () => {
    expect(validate(schema, VALID_POLICY)).toEqual([]);
  });

  test('the tiny validator rejects what the schema forbids', () => {
    expect(validate(schema, { requireTokenRevocation: 'yes' })).toEqual(['requireTokenRevocation']);
    expect(validate(schema, { allowedOAuthFlows: ['authorization_code'] })).toEqual(['allowedOAuthFlows[0]']);
    expect(validate(schema, { allowedCallbackUrl: [] })).toEqual(['allowedCallbackUrl']);
    expect(validate(schema, { maxAccessTokenValidity: 'P1W' })).toEqual(['maxAccessTokenValidity']);
  });

  /** Samples on which fromJson and the schema must agree. */
  test.each([
    { forbidImplicitFlow: true },
    { maxAccessTokenValidity: 'PT15M', maxRefreshTokenValidity: 'P1DT12H' },
    { clientSecret: 'REQUIRED', severities: { 'policy-client-secret': 'warning' } },
    { requireTokenRevocation: 'yes' },
    { maxAccessTokenValidity: 3600 },
    { maxAccessTokenValidity: 'P1W' },
    { allowedOAuthFlows: 'code' },
    { allowedOAuthFlows: ['authorization_code'] },
    { severities: { 'policy-no-implicitt': 'error' } },
    { severities: { 'policy-no-implicit': 'fatal' } },
    { clientSecret: 'required' },
    { clientNamePattern: '' },
    { allowedCallbackUrls: [''] },
    { allowedCallbackUrl: [] },
    { allowedOAuthFlows: ['code', 'code'] },
    { allowedScopes: ['openid', 'openid'] },
    { $schema: 42 },
  ])('fromJson and the schema agree on %j', (json) => {
    const schemaAccepts = validate(schema, json).length === 0;
    let fromJsonAccepts = true;
    try {
      ClientPolicy.fromJson(json);
    } catch {
      fromJsonAccepts = false;
    }
    expect(fromJsonAccepts).toBe(schemaAccepts);
  });
});

describe('errors', () => {
  test.each([
    ['fromJson', () => ClientPolicy.fromJson({ forbidUserAuth: 'yes' })],
    ['fromJson of a non-object', () => ClientPolicy.fromJson([])],
    ['fromJson of a bad pattern', () => ClientPolicy.fromJson({ clientNamePattern: '(' })],
    ['fromFile of a missing file', () => ClientPolicy.fromFile(path.join(os.tmpdir(), 'no-such-policy-file.json'))],
    ['the constructor', () => new ClientPolicy({ clientNamePattern: '(' })],
  ])('%s throws without a stack trace from inside the library', (_name, fn) => {
    const e = errorOf(fn);
    expect(e.stack).toBeDefined();
    expect(e.stack).not.toContain('\n    at ');
    expect(e.stack).toContain(e.message);
  });

  test('fromFile of invalid JSON throws without a stack trace', () => {
    const file = writeFile('stack.json', '{');
    expect(errorOf(() => ClientPolicy.fromFile(file)).stack).not.toContain('\n    at ');
  });

  test('each problem is on its own line', () => {
    const e = fromJsonError({ forbidUserAuth: 'yes', forbidImplicitFlow: 1 });
    expect(e.message.split('\n')).toEqual([
      '[invalid-policy] policy: invalid client policy:',
      expect.stringMatching(/^ {2}- "forbidUserAuth": "yes" /),
      expect.stringMatching(/^ {2}- "forbidImplicitFlow": 1 /),
    ]);
  });
});

/**
 * A tiny JSON Schema check, enough for this schema: type, enum, pattern, minLength, items,
 * uniqueItems, propertyNames and additionalProperties. Returns the paths of the invalid values.
 */
function validate(s: any, v: unknown, at = ''): string[] {
  const type = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
  if (s.type !== undefined && s.type !== type) return [at];
  if (s.enum !== undefined && !s.enum.includes(v)) return [at];
  if (typeof v === 'string') {
    if (s.pattern !== undefined && !new RegExp(s.pattern).test(v)) return [at];
    if (s.minLength !== undefined && v.length < s.minLength) return [at];
  }
  const bad: string[] = [];
  if (Array.isArray(v)) {
    if (s.uniqueItems && new Set(v.map(x => JSON.stringify(x))).size !== v.length) bad.push(at);
    if (s.items) v.forEach((x, i) => bad.push(...validate(s.items, x, `${at}[${i}]`)));
  } else if (type === 'object') {
    for (const [k, x] of Object.entries(v as object)) {
      const key = at ? `${at}.${k}` : k;
      if (s.propertyNames && validate(s.propertyNames, k).length) bad.push(key);
      else if (s.properties?.[k]) bad.push(...validate(s.properties[k], x, key));
      else if (s.additionalProperties === false) bad.push(key);
      else if (typeof s.additionalProperties === 'object') bad.push(...validate(s.additionalProperties, x, key));
    }
  }
  return bad;
}
