import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import { App, CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { AppClientChecks, ClientPolicy } from '../../src';

// The cdk-nag 3 pack reports every TemplateFinding of ClientRules.checkTemplate, so the rules on the
// resources attached to a client (issue 22) are reported on those resources' constructs. The attached
// resources are L1 `CfnResource`s of their types: aws-cdk-lib 2.251 may lack their L1 classes.
jest.mock('../../src/policy/private/cdk-nag', () => ({
  ...jest.requireActual('../../src/policy/private/cdk-nag'),
  loadCdkNag: () => ({ module: {}, version: '3.0.2', major: 3 }),
}));

const ACK = 'aws:cdk:acknowledged-rules';

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return templates(p);
    return name.endsWith('.template.json') && !name.includes('.nested.') ? [p] : [];
  });
}

function setup(policy?: ClientPolicy) {
  const app = new App();
  const pack = new AppClientChecks(app, policy ? { policy } : undefined);
  const stack = new Stack(app, 'Stack');
  const pool = new cognito.CfnUserPool(stack, 'Pool', { userPoolTier: 'LITE' });
  const client = new cognito.CfnUserPoolClient(stack, 'Client', {
    userPoolId: pool.ref,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ['code'],
    allowedOAuthScopes: ['openid'],
    callbackUrLs: ['https://app.example.org/cb'],
  });
  const report = () => pack.validate({ templatePaths: templates(app.synth().directory) });
  return { app, pack, stack, pool, client, report };
}

const attach = (scope: IConstruct, id: string, type: string, properties: any) => new CfnResource(scope, id, { type, properties });

function found(report: { violations: Array<{ ruleName: string; severity?: string; violatingResources: Array<{}> }> }) {
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${(r as { constructPath?: string }).constructPath} (${v.severity})`));
}

describe('AppClientChecks with cdk-nag 3: resources attached to a client', () => {
  test('each attachment rule is reported on the attached resource\'s construct (branding-missing on the client)', () => {
    const { stack, pool, client, report } = setup();
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    const second = new cognito.CfnUserPoolClient(stack, 'Second', { userPoolId: pool.ref });
    const other = new cognito.CfnUserPool(stack, 'Other');
    attach(stack, 'Style', 'AWS::Cognito::ManagedLoginBranding', { UserPoolId: other.ref, ClientId: second.ref, UseCognitoProvidedValues: true, Settings: { a: 1 } });
    attach(stack, 'Terms', 'AWS::Cognito::Terms', { UserPoolId: pool.ref, ClientId: client.ref, TermsName: 'eula', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://x' } });
    attach(stack, 'Session', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment', { UserPoolId: pool.ref, ClientId: client.ref, SSOSession: { MaxValidityMinutes: 200000 } });
    const r = report();
    expect(r.success).toBe(false);
    expect(found(r)).toEqual(expect.arrayContaining([
      'AppClientChecks-branding-provided-values-exclusive @ Stack/Style (error)',
      'AppClientChecks-attachment-pool-mismatch @ Stack/Style (error)',
      'AppClientChecks-branding-missing @ Stack/Client (warning)',
      'AppClientChecks-terms-name @ Stack/Terms (error)',
      'AppClientChecks-sso-session-range @ Stack/Session (error)',
      'AppClientChecks-sso-session-tier @ Stack/Session (error)',
      'AppClientChecks-sso-session-tracking @ Stack/Session (warning)',
    ]));
    const v = r.violations.find((x) => x.ruleName === 'AppClientChecks-sso-session-range')!;
    expect(v.violatingResources[0]).toMatchObject({ resourceLogicalId: 'Session', locations: ['Properties/SSOSession.MaxValidityMinutes'] });
    expect(v.description).toMatch(/^SSOSession\.MaxValidityMinutes = 200000: /);
  });

  test('a compliant app with every attached resource passes', () => {
    const { stack, pool, client, report } = setup();
    pool.userPoolTier = 'ESSENTIALS';
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    attach(stack, 'Style', 'AWS::Cognito::ManagedLoginBranding', { UserPoolId: pool.ref, ClientId: client.ref, UseCognitoProvidedValues: true });
    for (const name of ['terms-of-use', 'privacy-policy']) {
      attach(stack, name, 'AWS::Cognito::Terms', { UserPoolId: pool.ref, ClientId: client.ref, TermsName: name, TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': `https://app.example.org/${name}` } });
    }
    const tracking = attach(stack, 'Tracking', 'AWS::Cognito::UserPoolSessionConfigurationAttachment', { UserPoolId: pool.ref, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 20 } });
    const session = attach(stack, 'Session', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment', { UserPoolId: pool.ref, ClientId: client.ref, SSOSession: { MaxValidityMinutes: 480 } });
    session.addDependency(tracking);
    expect(found(report())).toEqual([]);
  });

  test('an acknowledgement with a reason on the attached resource (or above it) is honoured', () => {
    const { stack, pool, client, report } = setup();
    pool.userPoolTier = 'ESSENTIALS';
    const tracking = attach(stack, 'Tracking', 'AWS::Cognito::UserPoolSessionConfigurationAttachment', { UserPoolId: pool.ref, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 20 } });
    const session = attach(stack, 'Session', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment', { UserPoolId: pool.ref, ClientId: client.ref, SSOSession: { MaxValidityMinutes: 200000 } });
    session.addDependency(tracking);
    expect(found(report())).toEqual(['AppClientChecks-sso-session-range @ Stack/Session (error)']);
    session.node.addMetadata(ACK, { 'AppClientChecks-sso-session-range': 'tested: the range our account allows' });
    expect(found(report())).toEqual([]);
  });

  test('nested stacks: an attached resource in a nested stack is reported there, and counts for its client in the parent', () => {
    const { stack, pool, client, report } = setup();
    pool.userPoolTier = 'ESSENTIALS';
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    const nested = new NestedStack(stack, 'Login');
    // the style names the parent's client through a parameter of the nested stack: the client has a style
    attach(nested, 'Style', 'AWS::Cognito::ManagedLoginBranding', { UserPoolId: pool.ref, ClientId: client.ref, UseCognitoProvidedValues: true });
    // two terms documents of one kind for one client, inside the nested stack
    for (const id of ['Terms1', 'Terms2']) {
      attach(nested, id, 'AWS::Cognito::Terms', { UserPoolId: pool.ref, ClientId: client.ref, TermsName: 'terms-of-use', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://x' } });
    }
    const r = found(report());
    expect(r).toEqual(expect.arrayContaining([
      'AppClientChecks-terms-one-per-kind @ Stack/Login/Terms1 (error)',
      'AppClientChecks-terms-one-per-kind @ Stack/Login/Terms2 (error)',
    ]));
    expect(r.filter((x) => x.includes('branding-missing'))).toEqual([]);
  });

  test('a hosted sign-in client without a style anywhere is reported', () => {
    const { stack, pool, report } = setup();
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    // a nested stack whose template holds no style does not hide the finding
    new CfnResource(new NestedStack(stack, 'Topics'), 'Topic', { type: 'AWS::SNS::Topic' });
    expect(found(report())).toContain('AppClientChecks-branding-missing @ Stack/Client (warning)');
  });

  test('a policy\'s rules on attached resources are reported on their constructs (issue 22 item 3)', () => {
    const policy = ClientPolicy.fromJson({ requireManagedLoginStyle: true, requireTerms: true, maxSsoSessionValidity: 'PT8H' });
    const { stack, pool, client, report } = setup(policy);
    pool.userPoolTier = 'ESSENTIALS';
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    const tracking = attach(stack, 'Tracking', 'AWS::Cognito::UserPoolSessionConfigurationAttachment', { UserPoolId: pool.ref, UserSessionTracking: 'ENABLED' });
    const session = attach(stack, 'Session', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment', { UserPoolId: pool.ref, ClientId: client.ref, SSOSession: { MaxValidityMinutes: 1440 } });
    session.addDependency(tracking);
    const r = report();
    expect(r.success).toBe(false);
    expect(found(r).filter((x) => x.includes('policy-') || x.includes('branding-missing')).sort()).toEqual([
      'AppClientChecks-policy-branding-required @ Stack/Client (error)',
      'AppClientChecks-policy-max-sso-session-validity @ Stack/Session (error)',
      'AppClientChecks-policy-terms-required @ Stack/Client (error)',
    ]);
  });
});
