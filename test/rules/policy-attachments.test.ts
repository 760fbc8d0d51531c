import * as fs from 'fs';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { CLIENT, POOL, client, domain, find, hosted, on, pool, session, style, terms, tracking, withClient } from './attachment-fixtures';
import { ClientPolicy, ClientRules } from '../../src';
import { cleanTemp, cliJson, tempDir } from '../cli/cli-harness';

/**
 * The policy settings about what a client carries beside it (issue 22 item 3): a managed login style,
 * terms documents, a maximum SSO session validity, and aws.cognito/dcr/register only by name.
 */
const STYLE = ClientPolicy.fromJson({ requireManagedLoginStyle: true });
const TERMS = ClientPolicy.fromJson({ requireTerms: true });
const SSO = new ClientPolicy({ maxSsoSessionValidity: Duration.hours(8) });
const BOTH = { TermsOfUse: terms('terms-of-use'), PrivacyPolicy: terms('privacy-policy') };

describe('policy-branding-required (requireManagedLoginStyle)', () => {
  const ID = 'policy-branding-required';

  test('reject: a hosted client of a version-2 domain without a style, as an error that replaces branding-missing', () => {
    const t = withClient({ Domain: domain(2) }, hosted());
    const f = find(t, ID, { policy: STYLE });
    expect(f.map((x) => [x.resource, x.severity, x.property])).toEqual([['Client', 'error', 'AllowedOAuthFlows']]);
    expect(f[0].message).toContain('Login pages unavailable');
    expect(on(t, 'branding-missing', { policy: STYLE })).toEqual([]);
    // without the policy, the documented warning stays
    expect(on(t, 'branding-missing')).toEqual(['Client']);
    expect(on(t, ID)).toEqual([]);
  });

  test('accept: a style names the client', () => {
    expect(on(withClient({ Domain: domain(2), Style: style() }, hosted()), ID, { policy: STYLE })).toEqual([]);
  });

  test('boundary: version 1 domain, no domain, or a client without hosted sign-in', () => {
    expect(on(withClient({ Domain: domain(1) }, hosted()), ID, { policy: STYLE })).toEqual([]);
    expect(on(withClient({}, hosted()), ID, { policy: STYLE })).toEqual([]);
    expect(on(withClient({ Domain: domain(2) }, client()), ID, { policy: STYLE })).toEqual([]);
  });

  test('unresolved: a style whose ClientId is unresolved may name the client; an unresolved version decides nothing', () => {
    expect(on(withClient({ Domain: domain(2), Style: style({ ClientId: { 'Fn::ImportValue': 'ClientId' } }) }, hosted()), ID, { policy: STYLE })).toEqual([]);
    expect(on(withClient({ Domain: domain({ Ref: 'Version' }) }, hosted()), ID, { policy: STYLE })).toEqual([]);
  });

  test('the severity follows the policy', () => {
    const warn = ClientPolicy.fromJson({ requireManagedLoginStyle: true, severities: { [ID]: 'warning' } });
    expect(find(withClient({ Domain: domain(2) }, hosted()), ID, { policy: warn }).map((f) => f.severity)).toEqual(['warning']);
  });

  test('false turns nothing on', () => {
    expect(ClientPolicy.fromJson({ requireManagedLoginStyle: false }).enabledRuleIds).toEqual([]);
  });
});

describe('policy-terms-required (requireTerms)', () => {
  const ID = 'policy-terms-required';

  test('reject: a hosted client with no terms, or one kind only, even in a template without attached resources', () => {
    const none = find(withClient({}, hosted()), ID, { policy: TERMS });
    expect(none.map((f) => f.resource)).toEqual(['Client']);
    expect(none[0].message).toContain('no terms-of-use or privacy-policy document');
    const one = find(withClient({ TermsOfUse: terms('terms-of-use') }, hosted()), ID, { policy: TERMS });
    expect(one[0].message).toContain('no privacy-policy document');
  });

  test('accept: both kinds name the client', () => {
    expect(on(withClient(BOTH, hosted()), ID, { policy: TERMS })).toEqual([]);
  });

  test('boundary: a client without hosted sign-in needs none; documents of another client do not count', () => {
    expect(on(withClient({}, client()), ID, { policy: TERMS })).toEqual([]);
    const other = { ...withClient({ Other: hosted() }, hosted()) };
    other.Resources.TermsOfUse = terms('terms-of-use', undefined, { ClientId: { Ref: 'Other' } });
    other.Resources.PrivacyPolicy = terms('privacy-policy', undefined, { ClientId: { Ref: 'Other' } });
    expect(on(other, ID, { policy: TERMS })).toEqual(['Client']);
  });

  test('unresolved: a document whose ClientId or TermsName is unresolved may be the missing one; an unseen nested stack decides nothing', () => {
    const t = withClient({
      TermsOfUse: terms('terms-of-use'),
      PrivacyPolicy: terms({ Ref: 'Kind' }),
    }, hosted());
    expect(on(t, ID, { policy: TERMS })).toEqual([]);
    const imported = withClient({ ...BOTH }, hosted());
    imported.Resources.PrivacyPolicy = terms('privacy-policy', undefined, { ClientId: { 'Fn::ImportValue': 'X' } });
    expect(on(imported, ID, { policy: TERMS })).toEqual([]);
    const nested = withClient({ Nested: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://x' } } }, hosted());
    expect(on(nested, ID, { policy: TERMS })).toEqual([]);
  });
});

describe('policy-max-sso-session-validity (maxSsoSessionValidity)', () => {
  const ID = 'policy-max-sso-session-validity';
  const t = (minutes: any) => withClient({ Tracking: tracking(), Session: session(minutes) });

  test('reject: longer than the maximum, reported on the attachment', () => {
    const f = find(t(481), ID, { policy: SSO });
    expect(f.map((x) => [x.resource, x.property, x.severity])).toEqual([['Session', 'SSOSession.MaxValidityMinutes', 'error']]);
    expect(f[0].message).toContain('at most 480 minutes');
  });

  test('accept and boundary: exactly the maximum, and 0', () => {
    expect(on(t(480), ID, { policy: SSO })).toEqual([]);
    expect(on(t(0), ID, { policy: SSO })).toEqual([]);
    expect(on(t('480'), ID, { policy: SSO })).toEqual([]);
  });

  test('unresolved: a Ref for the minutes is skipped', () => {
    expect(on(t({ Ref: 'Minutes' }), ID, { policy: SSO })).toEqual([]);
  });

  test('in a policy file: an ISO 8601 duration; a token-valued Duration is refused in code', () => {
    expect(on(t(600), ID, { policy: ClientPolicy.fromJson({ maxSsoSessionValidity: 'PT8H' }) })).toEqual(['Session']);
    expect(() => ClientPolicy.fromJson({ maxSsoSessionValidity: 8 })).toThrow(/maxSsoSessionValidity/);
  });
});

describe('policy-dcr-scope-explicit (allowedScopes)', () => {
  const ID = 'policy-dcr-scope-explicit';
  const DCR = 'aws.cognito/dcr/register';
  const m2m = (scopes: any) => ({ UserPoolId: 'us-east-1_AbC123', GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: scopes });
  const ids = (p: any, policy: ClientPolicy) => ClientRules.check(p, policy).filter((f) => f.ruleId.startsWith('policy-')).map((f) => f.ruleId);

  test('reject: a glob does not grant it, and it is reported once (not also as policy-scopes-allowed)', () => {
    expect(ids(m2m([DCR]), ClientPolicy.fromJson({ allowedScopes: ['*'] }))).toEqual([ID]);
    expect(ids(m2m([DCR]), ClientPolicy.fromJson({ allowedScopes: ['aws.cognito/*'] }))).toEqual([ID]);
    expect(ids(m2m([DCR]), ClientPolicy.fromJson({ allowedScopes: ['orders-api/*'] }))).toEqual([ID]);
  });

  test('accept: listed by name', () => {
    expect(ids(m2m([DCR, 'orders-api/read']), ClientPolicy.fromJson({ allowedScopes: [DCR, 'orders-api/*'] }))).toEqual([]);
  });

  test('boundary: other aws.cognito scopes stay under policy-scopes-allowed; no allowedScopes, no rule', () => {
    expect(ids(m2m(['aws.cognito/other']), ClientPolicy.fromJson({ allowedScopes: ['orders-api/*'] }))).toEqual(['policy-scopes-allowed']);
    expect(ids(m2m([DCR]), ClientPolicy.fromJson({ forbidImplicitFlow: true }))).toEqual([]);
  });

  test('unresolved: a scope written with a Ref is not the DCR scope', () => {
    expect(ids(m2m([{ 'Fn::Sub': '${Api}/read' }]), ClientPolicy.fromJson({ allowedScopes: ['*'] }))).toEqual([]);
  });

  test('allowedScopes turns on both rules', () => {
    expect(ClientPolicy.fromJson({ allowedScopes: ['*'] }).enabledRuleIds).toEqual(['policy-scopes-allowed', ID]);
  });

  test('in a template, on a pool that is visible', () => {
    const t = { Resources: { Pool: pool(), Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { ...m2m([DCR]), UserPoolId: POOL } } } };
    expect(on(t, ID, { policy: ClientPolicy.fromJson({ allowedScopes: ['*'] }) })).toEqual(['Client']);
    expect(CLIENT).toEqual({ Ref: 'Client' });
  });
});

describe('through the checker', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => cleanTemp(dir));

  test('each rule is reported on its resource with --policy, and fails the run', () => {
    const policy = { requireManagedLoginStyle: true, requireTerms: true, maxSsoSessionValidity: 'PT8H', allowedScopes: ['openid', '*'] };
    const template = {
      Resources: {
        Pool: pool(),
        Domain: domain(2),
        Client: hosted({ AllowedOAuthScopes: ['openid', 'aws.cognito/dcr/register'] }),
        Tracking: tracking(),
        Session: session(1440),
      },
    };
    fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify(policy));
    fs.writeFileSync(path.join(dir, 't.json'), JSON.stringify(template));
    const run = cliJson(['t.json', '--policy', 'policy.json'], { cwd: dir });
    expect(run.status).toBe(1);
    const got = run.report.findings.filter((f: any) => f.ruleId.startsWith('policy-')).map((f: any) => `${f.ruleId} ${f.resource}`).sort();
    expect(got).toEqual([
      'policy-branding-required Client',
      'policy-dcr-scope-explicit Client',
      'policy-max-sso-session-validity Session',
      'policy-terms-required Client',
    ]);
    expect(run.report.findings.map((f: any) => f.ruleId)).not.toContain('branding-missing');
  });
});

describe('conditions on attached resources, domains and clients: each branch is checked (a finite set)', () => {
  const when = (t: any, id: string, policy: ClientPolicy) => find(t, id, { policy }).map((f) => [f.resource, f.condition ?? 'always']);

  test('an Fn::If for the SSO session minutes: the branch past the maximum is reported, naming it', () => {
    const t = withClient({ Tracking: tracking(), Session: session({ 'Fn::If': ['IsProd', 60, 1000] }) });
    const f = find(t, 'policy-max-sso-session-validity', { policy: SSO });
    expect(f.map((x) => [x.resource, x.condition])).toEqual([['Session', 'when IsProd is false']]);
    expect(f[0].message).toContain('SSOSession.MaxValidityMinutes = 1000 when IsProd is false:');
    // the whole SSOSession in an Fn::If
    const whole = withClient({ Tracking: tracking(), Session: session(60) });
    whole.Resources.Session.Properties.SSOSession = { 'Fn::If': ['IsProd', { MaxValidityMinutes: 1000 }, { MaxValidityMinutes: 60 }] };
    expect(when(whole, 'policy-max-sso-session-validity', SSO)).toEqual([['Session', 'when IsProd is true']]);
    // both branches within the maximum: nothing
    expect(when(withClient({ Tracking: tracking(), Session: session({ 'Fn::If': ['IsProd', 60, 480] }) }), 'policy-max-sso-session-validity', SSO)).toEqual([]);
    // the documented range rule too
    expect(when(withClient({ Tracking: tracking(), Session: session({ 'Fn::If': ['IsProd', 60, 200000] }) }), 'sso-session-range', SSO)).toEqual([['Session', 'when IsProd is false']]);
  });

  test('a style or terms document that exists only under a condition: the client is reported for the other branch', () => {
    const t = withClient({ Domain: domain(2), Style: { ...style(), Condition: 'IsProd' }, TermsOfUse: { ...terms('terms-of-use'), Condition: 'IsProd' }, PrivacyPolicy: terms('privacy-policy') }, hosted());
    expect(when(t, 'policy-branding-required', ClientPolicy.fromJson({ requireManagedLoginStyle: true, requireTerms: true }))).toEqual([['Client', 'when IsProd is false']]);
    expect(when(t, 'policy-terms-required', TERMS)).toEqual([['Client', 'when IsProd is false']]);
  });

  test('a ClientId, a TermsName, a domain version or the client\'s hosted sign-in in an Fn::If: each branch is checked', () => {
    // (a literal id may be this client's: the other branch names another client of the template)
    const byIf = withClient({ Domain: domain(2), Other: client(), Style: style({ ClientId: { 'Fn::If': ['IsProd', CLIENT, { Ref: 'Other' }] } }) }, hosted());
    expect(when(byIf, 'policy-branding-required', STYLE)).toEqual([['Client', 'when IsProd is false']]);
    const kinds = withClient({ TermsOfUse: terms({ 'Fn::If': ['IsProd', 'terms-of-use', 'privacy-policy'] }), PrivacyPolicy: terms('privacy-policy') }, hosted());
    expect(when(kinds, 'policy-terms-required', TERMS)).toEqual([['Client', 'when IsProd is false']]);
    const version = withClient({ Domain: domain({ 'Fn::If': ['IsProd', 1, 2] }) }, hosted());
    expect(when(version, 'policy-branding-required', STYLE)).toEqual([['Client', 'when IsProd is false']]);
    const c = hosted();
    c.Properties.AllowedOAuthFlowsUserPoolClient = { 'Fn::If': ['IsProd', true, false] };
    expect(when(withClient({ Domain: domain(2) }, c), 'policy-branding-required', STYLE)).toEqual([['Client', 'when IsProd is true']]);
  });

  test('a condition with no effect adds nothing; what holds whatever the condition is is reported once, unqualified', () => {
    const t = withClient({ Tracking: tracking(), Session: { ...session(1000), Condition: 'IsProd' }, Other: { ...style(), Condition: 'Unrelated' } });
    expect(when(t, 'policy-max-sso-session-validity', SSO)).toEqual([['Session', 'always']]);
  });
});

test('past 32 conditions on the resources the attachment rules read, the rest are reported as not checked (never a silent skip)', () => {
  const resources: any = { Tracking: tracking() };
  for (let i = 0; i < 34; i++) resources[`S${i}`] = session({ 'Fn::If': [`C${i}`, 60, 1000] }, { ClientId: { Ref: `Client${i}` } });
  for (let i = 0; i < 34; i++) resources[`Client${i}`] = client();
  const all = ClientRules.checkTemplate(withClient(resources), { policy: SSO });
  expect(all.filter((f) => f.ruleId === 'policy-max-sso-session-validity')).toHaveLength(32);
  const skipped = all.filter((f) => f.ruleId === 'client-not-checkable' && f.property === 'Condition');
  expect(skipped).toHaveLength(1);
  expect(skipped[0].severity).toBe('warning');
  expect(skipped[0].message).toContain('C32, C33 were not');
});
