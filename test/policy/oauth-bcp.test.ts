import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClientChecks, ClientPolicy, ClientRules, Severity } from '../../src';
import { OAUTH_BCP } from '../../src/policy/baselines';
import { cleanTemp, cli, cliJson, tempDir } from '../cli/cli-harness';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const coverageDoc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'oauth-bcp.md'), 'utf8');

/** The four clients the README shows, as it shows them. */
const CLIENTS: { [name: string]: any } = JSON.parse(/<!-- oauth-bcp-clients:start -->\n```json\n([\s\S]*?)```\n<!-- oauth-bcp-clients:end -->/.exec(readme)![1]);
const BCP = ClientPolicy.oauthBcp();
const errors = (p: any, policy = BCP) => ClientRules.check(p, policy).filter((f) => f.severity === Severity.ERROR);
const policyFindings = (p: any, policy = BCP) => ClientRules.check(p, policy).filter((f) => f.ruleId.startsWith('policy-'));
/** Whether the engine knows a documented rule (redirect-uri-wildcard comes with another branch). */
const known = (id: string) => ClientRules.rules().some((r) => r.id === id);

describe('ClientPolicy.oauthBcp()', () => {
  test('turns on the catalog\'s composition, with the lifetimes it states', () => {
    expect([...BCP.enabledRuleIds].sort()).toEqual([
      'policy-admin-scope-public', 'policy-max-access-token-validity', 'policy-max-id-token-validity', 'policy-max-refresh-token-validity',
      'policy-native-loopback-ip', 'policy-native-scheme-reverse-domain', 'policy-no-example-callback', 'policy-no-implicit',
      'policy-no-plaintext-password-flows', 'policy-prevent-user-existence', 'policy-refresh-rotation', 'policy-token-revocation',
    ]);
    expect(BCP.baseline).toBe('oauth-bcp');
    expect(BCP.acknowledged).toEqual([]);
    expect(BCP.severityOf('policy-refresh-rotation')).toBe(Severity.ERROR);
    expect(BCP._documentedSeverities()).toEqual({ 'redirect-uri-wildcard': Severity.ERROR });
    const at = (prop: string, v: number, unit: string) => policyFindings({ ...CLIENTS.web, [`${prop}Validity`]: v, TokenValidityUnits: { [prop]: unit } }).map((f) => f.ruleId);
    expect(at('AccessToken', 60, 'minutes')).toEqual([]);
    expect(at('AccessToken', 61, 'minutes')).toEqual(['policy-max-access-token-validity']);
    expect(at('IdToken', 60, 'minutes')).toEqual([]);
    expect(at('IdToken', 61, 'minutes')).toEqual(['policy-max-id-token-validity']);
    expect(at('RefreshToken', 30, 'days')).toEqual([]);
    expect(at('RefreshToken', 31, 'days')).toEqual(['policy-max-refresh-token-validity']);
  });

  test.each(Object.keys(CLIENTS))('passes the README\'s %s client (no error, no policy finding)', (name) => {
    expect(errors(CLIENTS[name])).toEqual([]);
    expect(policyFindings(CLIENTS[name])).toEqual([]);
  });

  // One variant of the README's clients per item the baseline decides, each failing that item only.
  const FAILING: Array<[string, any]> = [
    ['policy-no-implicit', { ...CLIENTS.spa, AllowedOAuthFlows: ['code', 'implicit'] }],
    ['policy-no-plaintext-password-flows', { ...CLIENTS.web, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    ['policy-refresh-rotation', { ...CLIENTS.spa, RefreshTokenRotation: undefined, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
    ['policy-token-revocation', { ...CLIENTS.web, EnableTokenRevocation: false }],
    ['policy-prevent-user-existence', { ...CLIENTS.web, PreventUserExistenceErrors: 'LEGACY' }],
    ['policy-no-example-callback', { ...CLIENTS.web, CallbackURLs: ['https://example.com/callback'] }],
    ['policy-admin-scope-public', { ...CLIENTS.spa, AllowedOAuthScopes: ['openid', 'aws.cognito.signin.user.admin'] }],
    ['policy-native-loopback-ip', { ...CLIENTS.spa, CallbackURLs: ['https://notes.example.org/callback', 'http://localhost:5173/callback'] }],
    ['policy-native-scheme-reverse-domain', { ...CLIENTS.native, CallbackURLs: ['notes://callback'] }],
    ['policy-max-access-token-validity', { ...CLIENTS.machine, AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'hours' } }],
    ['policy-max-id-token-validity', { ...CLIENTS.web, IdTokenValidity: 2 }],
    ['policy-max-refresh-token-validity', { ...CLIENTS.web, RefreshTokenValidity: 90 }],
  ];

  test('the failing variants cover every rule the baseline turns on', () => {
    expect(FAILING.map(([id]) => id).sort()).toEqual([...BCP.enabledRuleIds].sort());
  });

  test.each(FAILING)('fails a client for %s, as an error', (id, client) => {
    const found = policyFindings(client);
    expect([...new Set(found.map((f) => f.ruleId))]).toEqual([id]);
    expect(found.every((f) => f.severity === Severity.ERROR)).toBe(true);
  });

  test('redirect-uri-wildcard is an error in the baseline (when the engine has the rule), and the override names no other rule', () => {
    const wildcard = { ...CLIENTS.web, CallbackURLs: ['https://*.notes.example.org/callback'] };
    const found = ClientRules.check(wildcard, BCP).filter((f) => f.ruleId === 'redirect-uri-wildcard');
    if (known('redirect-uri-wildcard')) expect(found.map((f) => f.severity)).toEqual([Severity.ERROR]);
    else expect(found).toEqual([]);
    expect(Object.keys(OAUTH_BCP.documentedSeverities)).toEqual(['redirect-uri-wildcard']);
  });

  test('a documented severity override changes only the rules it names', () => {
    const bad = { ...CLIENTS.web, CallbackURLs: ['http://notes.example.org/callback'] };
    expect(ClientRules.check(bad, BCP).map((f) => [f.ruleId, f.severity])).toEqual(ClientRules.check(bad).map((f) => [f.ruleId, f.severity]));
  });
});

describe('extending the baseline', () => {
  test('tighten and add: no acknowledgement needed', () => {
    const p = ClientPolicy.oauthBcp({ maxAccessTokenValidity: Duration.minutes(15), allowedScopes: ['openid', 'email', 'notes-api/*'] });
    expect(p.enabledRuleIds).toEqual(expect.arrayContaining(['policy-scopes-allowed', 'policy-dcr-scope-explicit']));
    expect(policyFindings({ ...CLIENTS.machine, AccessTokenValidity: 20 }, p).map((f) => f.ruleId)).toEqual(['policy-max-access-token-validity']);
    const file = ClientPolicy.fromJson({ extends: 'oauth-bcp', maxAccessTokenValidity: 'PT15M', severities: { 'policy-user-auth-widens': 'error' }, forbidUserAuth: true });
    expect(file.enabledRuleIds).toContain('policy-user-auth-widens');
    expect(file.acknowledged).toEqual([]);
  });

  test.each([
    ['a rule turned off', { requireRefreshTokenRotation: false }, 'policy-refresh-rotation'],
    ['a longer lifetime', { maxAccessTokenValidity: 'PT2H' }, 'policy-max-access-token-validity'],
    ['an error made a warning', { severities: { 'policy-no-implicit': 'warning' } }, 'policy-no-implicit'],
  ])('%s needs an acknowledgement with a reason, which the policy lists', (_what, change, id) => {
    expect(() => ClientPolicy.fromJson({ extends: 'oauth-bcp', ...change })).toThrow(new RegExp(`weakens ${id} of the oauth-bcp baseline; acknowledge it`));
    expect(() => ClientPolicy.fromJson({ extends: 'oauth-bcp', ...change, acknowledgements: { [id]: 'short' } })).toThrow(/acknowledgements/);
    const p = ClientPolicy.fromJson({ extends: 'oauth-bcp', ...change, acknowledgements: { [id]: '  the legacy app cannot do it before 2027  ' } });
    expect(p.acknowledged).toEqual([expect.objectContaining({ baseline: 'oauth-bcp', ruleId: id, reason: 'the legacy app cannot do it before 2027' })]);
  });

  test('in code, the same', () => {
    expect(() => ClientPolicy.oauthBcp({ forbidImplicitFlow: false })).toThrow(/weakens policy-no-implicit/);
    const p = ClientPolicy.oauthBcp({ forbidImplicitFlow: false, acknowledgements: { 'policy-no-implicit': 'a vendor widget needs it until Q3' } });
    expect(p.enabledRuleIds).not.toContain('policy-no-implicit');
    expect(p.acknowledged.map((a) => a.change)).toEqual(['forbidImplicitFlow: false']);
  });

  test('an acknowledgement of nothing, an unknown baseline, or acknowledgements without a baseline are refused', () => {
    expect(() => ClientPolicy.fromJson({ extends: 'oauth-bcp', acknowledgements: { 'policy-no-implicit': 'nothing is weakened here' } })).toThrow(/nothing to acknowledge/);
    expect(() => ClientPolicy.fromJson({ extends: 'oauth-2.1' })).toThrow(/"extends"/);
    expect(() => ClientPolicy.fromJson({ acknowledgements: { 'policy-no-implicit': 'there is no baseline here' } })).toThrow(/only a policy that extends a baseline/);
    expect(() => new ClientPolicy({ extends: 'oauth-bcp' } as any)).toThrow(/unknown key "extends"/);
    // in code, the message says where a baseline comes from (not "did you mean \"extends\"?")
    expect(() => ClientPolicy.oauthBcp({ extends: 'oauth-bcp' } as any)).toThrow(/"extends" is for policy files; in code, start from ClientPolicy.oauthBcp\(\)/);
    expect(() => ClientPolicy.oauthBcp({ extends: 'oauth-bcp' } as any)).not.toThrow(/did you mean "extends"/);
  });

  test('the README\'s extending file loads, with its acknowledgement', () => {
    const json = JSON.parse(/```json\n(\{\n {2}"extends": "oauth-bcp"[\s\S]*?)```/.exec(readme)![1]);
    const p = ClientPolicy.fromJson(json);
    expect(p.acknowledged.map((a) => a.ruleId)).toEqual(['policy-refresh-rotation']);
    // it tightens the access token to 15 minutes: the machine client (15 minutes) passes, the others keep the 1-hour default
    expect(errors(CLIENTS.machine, p)).toEqual([]);
    expect(errors(CLIENTS.spa, p).map((f) => f.ruleId)).toEqual(['policy-max-access-token-validity']);
  });
});

describe('every report lists an acknowledgement', () => {
  const policyJson = { extends: 'oauth-bcp', requireRefreshTokenRotation: false, acknowledgements: { 'policy-refresh-rotation': 'the legacy desktop app cannot rotate yet' } };

  test('the checker: a note in the report', () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify(policyJson));
      fs.writeFileSync(path.join(dir, 't.json'), JSON.stringify({ Resources: { Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: CLIENTS.web } } }));
      const run = cliJson(['t.json', '--policy', 'policy.json'], { cwd: dir });
      expect(run.status).toBe(0);
      expect((run.report as any).notes).toEqual([{ file: 'policy.json', note: expect.stringContaining('turns off or weakens policy-refresh-rotation (requireRefreshTokenRotation: false), acknowledged: the legacy desktop app cannot rotate yet') }]);
    } finally {
      cleanTemp(dir);
    }
  });

  test('the checker: the text report (stdout, what a CI job keeps) lists it under the policy line', () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify(policyJson));
      fs.writeFileSync(path.join(dir, 't.json'), JSON.stringify({ Resources: { Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: CLIENTS.web } } }));
      const run = cli(['t.json', '--policy', 'policy.json'], { cwd: dir });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Policy: policy.json');
      expect(run.stdout).toContain('turns off or weakens policy-refresh-rotation (requireRefreshTokenRotation: false), acknowledged: the legacy desktop app cannot rotate yet');
    } finally {
      cleanTemp(dir);
    }
  });

  test('the pack with cdk-nag 2: a warning on each stack', () => {
    const app = new App();
    Aspects.of(app).add(new AppClientChecks(app, { policy: ClientPolicy.fromJson(policyJson), reports: false }));
    const stack = new Stack(app, 'Stack');
    new cognito.CfnUserPoolClient(stack, 'Client', { userPoolId: 'us-east-1_AbC123' });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AppClientChecks-baseline-acknowledged'));
    expect(warnings.map((w) => String(w.entry.data))).toEqual([expect.stringContaining('policy-refresh-rotation')]);
  });
});

describe('every report lists an acknowledgement: the pack with cdk-nag 3', () => {
  test('a warning in the validation report', () => {
    jest.isolateModules(() => {
      jest.doMock('../../src/policy/private/cdk-nag', () => ({
        ...jest.requireActual('../../src/policy/private/cdk-nag'),
        loadCdkNag: () => ({ module: {}, version: '3.0.2', major: 3 }),
      }));
      /* eslint-disable @typescript-eslint/no-require-imports */
      const src = require('../../src');
      const cdk = require('aws-cdk-lib');
      const cog = require('aws-cdk-lib/aws-cognito');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const app = new cdk.App();
      const policy = src.ClientPolicy.fromJson({ extends: 'oauth-bcp', maxRefreshTokenValidity: 'P90D', acknowledgements: { 'policy-max-refresh-token-validity': 'kiosk devices sign in once a quarter' } });
      const pack = new src.AppClientChecks(app, { policy });
      const stack = new cdk.Stack(app, 'Stack');
      new cog.CfnUserPoolClient(stack, 'Client', { userPoolId: 'us-east-1_AbC123', preventUserExistenceErrors: 'ENABLED' });
      const dir = app.synth().directory;
      const report = pack.validate({ templatePaths: fs.readdirSync(dir).filter((n: string) => n.endsWith('.template.json')).map((n: string) => path.join(dir, n)) });
      const listed = report.violations.filter((v: any) => v.ruleName === 'AppClientChecks-baseline-acknowledged');
      expect(listed.map((v: any) => [v.severity, v.description])).toEqual([[
        'warning',
        'The policy extends oauth-bcp and turns off or weakens policy-max-refresh-token-validity (maxRefreshTokenValidity: P90D), acknowledged: kiosk devices sign in once a quarter',
      ]]);
    });
  });
});

describe('the coverage table in docs/oauth-bcp.md', () => {
  const table = /<!-- coverage:start -->\n([\s\S]*?)\n<!-- coverage:end -->/.exec(coverageDoc)![1];
  const rows = table.split('\n').slice(2).map((line) => line.split('|').map((c) => c.trim()));
  const ids = rows.flatMap((r) => [...r[4].matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]));
  const registry = [...ClientRules.rules(), ...ClientPolicy.rules()].map((r) => r.id);

  test('names every rule of the baseline, and the documented rules it changes', () => {
    expect([...new Set(ids)].sort()).toEqual([...BCP.enabledRuleIds, ...Object.keys(OAUTH_BCP.documentedSeverities)].sort());
  });

  test('names only rules of the registry (or a documented rule the baseline names before the engine has it)', () => {
    expect(ids.filter((id) => !registry.includes(id) && !(id in OAUTH_BCP.documentedSeverities))).toEqual([]);
  });

  test('says what a template cannot decide: PKCE, sender-constrained tokens, native app or single-page app', () => {
    for (const item of ['PKCE', 'Sender-constrained access tokens', 'Native app or single-page app']) {
      const row = rows.find((r) => r[1] === item);
      expect(row).toBeDefined();
      expect(row![4]).toBe('–');
    }
  });
});
