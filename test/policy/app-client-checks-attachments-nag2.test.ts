import { App, Aspects, CfnResource, Duration, NestedStack, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { NagSuppressions } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { AppClient, AppClientChecks, ClientPolicy, ManagedLoginStyle, TermsLanguage } from '../../src';

// The pack with cdk-nag 2 (an Aspect; the dev dependency is cdk-nag 2.27.0): the rules on the
// resources attached to a client (issue 22) are reported on those resources, as cdk-nag findings
// (suppressible there), with Compliant rows only for the rules about their own type.

function setup() {
  const app = new App();
  const pack = new AppClientChecks(app, { reports: false });
  Aspects.of(app).add(pack);
  const stack = new Stack(app, 'Stack');
  const pool = new cognito.CfnUserPool(stack, 'Pool', { userPoolTier: 'LITE' });
  const client = new cognito.CfnUserPoolClient(stack, 'Client', {
    userPoolId: pool.ref,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ['code'],
    allowedOAuthScopes: ['openid'],
    callbackUrLs: ['https://app.example.org/cb'],
  });
  return { app, pack, stack, pool, client };
}

const attach = (scope: IConstruct, id: string, type: string, properties: any) => new CfnResource(scope, id, { type, properties });

/** `AppClientChecks-<id> @ path (error|warning)` for each of the pack's annotations in `stack`. */
function found(stack: Stack): string[] {
  const a = Annotations.fromStack(stack);
  const out: string[] = [];
  for (const [level, list] of [['error', a.findError('*', Match.anyValue())], ['warning', a.findWarning('*', Match.anyValue())]] as const) {
    for (const m of list) {
      const id = /^(AppClientChecks-[a-z0-9-]+)(\[[^\n]*?\])?: /.exec(String(m.entry.data))?.[1];
      if (id) out.push(`${id} @ ${m.id.replace(/^\//, '')} (${level})`);
    }
  }
  return out;
}

describe('AppClientChecks with cdk-nag 2: resources attached to a client', () => {
  test('each attachment rule is reported on the attached resource (branding-missing on the client)', () => {
    const { stack, pool, client } = setup();
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    const second = new cognito.CfnUserPoolClient(stack, 'Second', { userPoolId: pool.ref });
    const other = new cognito.CfnUserPool(stack, 'Other');
    attach(stack, 'Style', 'AWS::Cognito::ManagedLoginBranding', { UserPoolId: other.ref, ClientId: second.ref, UseCognitoProvidedValues: true, Settings: { a: 1 } });
    attach(stack, 'Terms', 'AWS::Cognito::Terms', { UserPoolId: pool.ref, ClientId: client.ref, TermsName: 'eula', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://x' } });
    attach(stack, 'Session', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment', { UserPoolId: pool.ref, ClientId: client.ref, SSOSession: { MaxValidityMinutes: 200000 } });
    expect(found(stack)).toEqual(expect.arrayContaining([
      'AppClientChecks-branding-provided-values-exclusive @ Stack/Style (error)',
      'AppClientChecks-attachment-pool-mismatch @ Stack/Style (error)',
      'AppClientChecks-branding-missing @ Stack/Client (warning)',
      'AppClientChecks-terms-name @ Stack/Terms (error)',
      'AppClientChecks-sso-session-range @ Stack/Session (error)',
      'AppClientChecks-sso-session-tier @ Stack/Session (error)',
      'AppClientChecks-sso-session-tracking @ Stack/Session (warning)',
    ]));
    // nothing about an attachment is reported on a client
    expect(found(stack).filter((f) => / @ Stack\/(Client|Second) /.test(f) && !f.includes('branding-missing'))
      .filter((f) => /terms-|sso-session-|attachment-|branding-(assets|one|provided)/.test(f))).toEqual([]);
  });

  test('a compliant app with every attached resource passes', () => {
    const { stack, pool, client } = setup();
    pool.userPoolTier = 'ESSENTIALS';
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    attach(stack, 'Style', 'AWS::Cognito::ManagedLoginBranding', { UserPoolId: pool.ref, ClientId: client.ref, UseCognitoProvidedValues: true });
    for (const name of ['terms-of-use', 'privacy-policy']) {
      attach(stack, name, 'AWS::Cognito::Terms', { UserPoolId: pool.ref, ClientId: client.ref, TermsName: name, TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': `https://app.example.org/${name}` } });
    }
    const tracking = attach(stack, 'Tracking', 'AWS::Cognito::UserPoolSessionConfigurationAttachment', { UserPoolId: pool.ref, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 20 } });
    const session = attach(stack, 'Session', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment', { UserPoolId: pool.ref, ClientId: client.ref, SSOSession: { MaxValidityMinutes: 480 } });
    session.addDependency(tracking);
    expect(found(stack)).toEqual([]);
  });

  test('a cdk-nag suppression on the attached resource, granular or of the rule, is honoured', () => {
    const { stack, pool, client } = setup();
    pool.userPoolTier = 'ESSENTIALS';
    const tracking = attach(stack, 'Tracking', 'AWS::Cognito::UserPoolSessionConfigurationAttachment', { UserPoolId: pool.ref, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 20 } });
    const session = attach(stack, 'Session', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment', { UserPoolId: pool.ref, ClientId: client.ref, SSOSession: { MaxValidityMinutes: 200000 } });
    session.addDependency(tracking);
    NagSuppressions.addResourceSuppressions(session, [{ id: 'AppClientChecks-sso-session-range', reason: 'tested: a range the service will accept later' }]);
    expect(found(stack)).toEqual([]);
  });

  test('the AppClient\'s own style, terms and SSO session setting are reported by the pack, on those resources', () => {
    const app = new App();
    Aspects.of(app).add(new AppClientChecks(app, { reports: false }));
    const stack = new Stack(app, 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const web = new AppClient(stack, 'Web', {
      userPool,
      oAuth: { callbackUrls: ['https://app.example.org/callback'] },
      managedLogin: ManagedLoginStyle.cognitoProvidedValues(),
      terms: {
        termsOfUse: [{ language: TermsLanguage.DEFAULT, url: 'https://app.example.org/terms' }],
        privacyPolicy: [{ language: TermsLanguage.DEFAULT, url: 'https://app.example.org/privacy' }],
      },
      ssoSessionValidity: Duration.hours(8),
    });
    web.termsOfUse!.addPropertyOverride('TermsName', 'terms');
    expect(found(stack)).toEqual([
      'AppClientChecks-terms-name @ Stack/Web/TermsOfUse (error)',
      // (its terms of use renamed, the privacy policy has no partner of the other kind)
      'AppClientChecks-terms-both-kinds @ Stack/Web/PrivacyPolicy (warning)',
      'AppClientChecks-sso-session-tracking @ Stack/Web/SsoSession (warning)',
    ]);
  });

  test('a nested stack\'s attached resources are reported there', () => {
    const { stack, pool, client } = setup();
    pool.userPoolTier = 'ESSENTIALS';
    const nested = new NestedStack(stack, 'Login');
    for (const id of ['Terms1', 'Terms2']) {
      attach(nested, id, 'AWS::Cognito::Terms', { UserPoolId: 'us-east-1_abc', ClientId: 'literalclientid', TermsName: 'terms-of-use', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://x' } });
    }
    void client;
    // (a nested stack's annotations are in its parent's artifact)
    expect(found(stack)).toEqual(expect.arrayContaining([
      'AppClientChecks-terms-one-per-kind @ Stack/Login/Terms1 (error)',
      'AppClientChecks-terms-one-per-kind @ Stack/Login/Terms2 (error)',
    ]));
  });

  test('a style in a nested stack counts for its client in the parent (no branding-missing)', () => {
    const { stack, pool, client } = setup();
    pool.userPoolTier = 'ESSENTIALS';
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    const nested = new NestedStack(stack, 'Login');
    attach(nested, 'Style', 'AWS::Cognito::ManagedLoginBranding', { UserPoolId: pool.ref, ClientId: client.ref, UseCognitoProvidedValues: true });
    expect(found(stack).filter((x) => x.includes('branding-missing'))).toEqual([]);
  });

  test('a nested stack without a style does not hide branding-missing', () => {
    const { stack, pool } = setup();
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    new NestedStack(stack, 'Login');
    expect(found(stack)).toContain('AppClientChecks-branding-missing @ Stack/Client (warning)');
  });

  test('the policy rules about what a client carries (style, terms, SSO session maximum, the DCR scope) are reported too', () => {
    const app = new App();
    const policy = new ClientPolicy({ requireManagedLoginStyle: true, requireTerms: true, maxSsoSessionValidity: Duration.hours(1), allowedScopes: ['openid', 'aws.cognito/*'] });
    Aspects.of(app).add(new AppClientChecks(app, { reports: false, policy }));
    const stack = new Stack(app, 'Stack');
    const pool = new cognito.CfnUserPool(stack, 'Pool');
    const client = new cognito.CfnUserPoolClient(stack, 'Client', {
      userPoolId: pool.ref,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['code'],
      allowedOAuthScopes: ['openid', 'aws.cognito/dcr/register'],
      callbackUrLs: ['https://app.example.org/cb'],
    });
    new cognito.CfnUserPoolDomain(stack, 'Domain', { userPoolId: pool.ref, domain: 'example-app', managedLoginVersion: 2 });
    const tracking = attach(stack, 'Tracking', 'AWS::Cognito::UserPoolSessionConfigurationAttachment', { UserPoolId: pool.ref, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 20 } });
    const session = attach(stack, 'Session', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment', { UserPoolId: pool.ref, ClientId: client.ref, SSOSession: { MaxValidityMinutes: 480 } });
    session.addDependency(tracking);
    expect(found(stack).sort()).toEqual([
      'AppClientChecks-policy-branding-required @ Stack/Client (error)',
      'AppClientChecks-policy-dcr-scope-explicit @ Stack/Client (error)',
      'AppClientChecks-policy-max-sso-session-validity @ Stack/Session (error)',
      'AppClientChecks-policy-terms-required @ Stack/Client (error)',
    ]);
  });
});
