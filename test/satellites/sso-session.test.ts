import { App, CfnResource, Duration, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient } from '../../src';

const CLIENT_SESSION = 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment';
const POOL_SESSION = 'AWS::Cognito::UserPoolSessionConfigurationAttachment';
// the rule sso-session-tracking, on the client's attachment, reported by the AppClient (once)
const TRACKING_WARNING = /^\(Stack\/Web\/SsoSession\) \[sso-session-tracking\] UserPoolId = \{"Ref":"Pool\w+"\}: (.*)\. Fix: Add an AWS::Cognito::UserPoolSessionConfigurationAttachment with UserSessionTracking: ENABLED on the pool.* \[ack: cdk-cognito-app-client:sso-session-tracking\]$/;

function setup() {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const userPool = new cognito.UserPool(stack, 'Pool');
  return { app, stack, userPool };
}

/** The pool's session tracking, as an app writes it (the construct never creates it). */
function tracking(stack: Stack, id: string, userPoolId: string, userSessionTracking: unknown = 'ENABLED') {
  return new CfnResource(stack, id, {
    type: POOL_SESSION,
    properties: { UserPoolId: userPoolId, UserSessionTracking: userSessionTracking, TokenSession: { MaxPerUser: 20 } },
  });
}

function sessionResource(stack: Stack) {
  const found = Template.fromStack(stack).findResources(CLIENT_SESSION);
  expect(Object.keys(found)).toHaveLength(1);
  return Object.values<any>(found)[0];
}

function trackingWarnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue())
    .map((w) => String(w.entry.data)).filter((d) => d.includes('sso-session-tracking'));
}

describe('ssoSessionValidity', () => {
  test('8 hours: the client\'s attachment with 480 minutes, depending on the pool\'s session tracking', () => {
    // GIVEN
    const { stack, userPool } = setup();
    tracking(stack, 'SessionTracking', userPool.userPoolId);
    // WHEN
    const c = new AppClient(stack, 'Web', { userPool, oAuth: { callbackUrls: ['https://app.example.org/callback'] }, ssoSessionValidity: Duration.hours(8) });
    // THEN
    const r = sessionResource(stack);
    const pool = { Ref: stack.getLogicalId(userPool.node.defaultChild as CfnResource) };
    expect(r.Properties).toEqual({ ClientId: { Ref: stack.getLogicalId(c.resource) }, SSOSession: { MaxValidityMinutes: 480 }, UserPoolId: pool });
    expect(r.DependsOn).toEqual(['SessionTracking']);
    expect(trackingWarnings(stack)).toEqual([]);
    // the construct never creates the pool's attachment
    Template.fromStack(stack).resourceCountIs(POOL_SESSION, 1);
  });

  test('the pool\'s attachment made after the client, and naming the pool by Fn::GetAtt UserPoolId, counts too', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Web', { userPool, ssoSessionValidity: Duration.minutes(90) });
    tracking(stack, 'Later', (userPool.node.defaultChild as cognito.CfnUserPool).getAtt('UserPoolId').toString());
    expect(sessionResource(stack).DependsOn).toEqual(['Later']);
    expect(trackingWarnings(stack)).toEqual([]);
  });

  test('0 minutes (never reuse the session silently) and 90 days are accepted', () => {
    for (const [d, minutes] of [[Duration.minutes(0), 0], [Duration.days(90), 129_600]] as const) {
      const { stack, userPool } = setup();
      new AppClient(stack, 'Web', { userPool, ssoSessionValidity: d });
      expect(sessionResource(stack).Properties.SSOSession).toEqual({ MaxValidityMinutes: minutes });
    }
  });

  test('without the pool\'s session tracking in the stack: no dependency, a warning saying what the pool needs', () => {
    const { stack, userPool } = setup();
    const other = new cognito.UserPool(stack, 'Other');
    tracking(stack, 'OtherTracking', other.userPoolId);
    new AppClient(stack, 'Web', { userPool, ssoSessionValidity: Duration.hours(8) });
    expect(sessionResource(stack).DependsOn).toBeUndefined();
    const warnings = trackingWarnings(stack);
    expect(warnings).toHaveLength(1);
    expect(TRACKING_WARNING.exec(warnings[0])?.[1]).toMatch(/^no AWS::Cognito::UserPoolSessionConfigurationAttachment of this template turns session tracking on for user pool Pool\w+ \(UserSessionTracking: ENABLED\), and the setting takes effect only while it is on$/);
    Annotations.fromStack(stack).hasWarning('/Stack/Web', Match.stringLikeRegexp('sso-session-tracking'));
  });

  test('with the pool\'s attachment turning tracking off: the dependency, and the warning', () => {
    const { stack, userPool } = setup();
    tracking(stack, 'SessionTracking', userPool.userPoolId, 'DISABLED');
    new AppClient(stack, 'Web', { userPool, ssoSessionValidity: Duration.hours(8) });
    expect(sessionResource(stack).DependsOn).toEqual(['SessionTracking']);
    const warnings = trackingWarnings(stack);
    expect(warnings).toHaveLength(1);
    expect(TRACKING_WARNING.exec(warnings[0])?.[1]).toMatch(/^no AWS::Cognito::UserPoolSessionConfigurationAttachment of this template turns session tracking on for user pool Pool\w+/);
  });

  test('tracking set from a value resolved at deploy time is not judged; an Fn::If is judged branch by branch', () => {
    const { stack, userPool } = setup();
    tracking(stack, 'SessionTracking', userPool.userPoolId, { Ref: 'Tracking' });
    new AppClient(stack, 'Web', { userPool, ssoSessionValidity: Duration.hours(8) });
    expect(sessionResource(stack).DependsOn).toEqual(['SessionTracking']);
    expect(trackingWarnings(stack)).toEqual([]);

    const branches = setup();
    tracking(branches.stack, 'SessionTracking', branches.userPool.userPoolId, { 'Fn::If': ['Prod', 'ENABLED', 'DISABLED'] });
    new AppClient(branches.stack, 'Web', { userPool: branches.userPool, ssoSessionValidity: Duration.hours(8) });
    const warnings = trackingWarnings(branches.stack);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('when Prod is false');
  });

  test('the attachment is reachable for escape hatches', () => {
    const { stack, userPool } = setup();
    const c = new AppClient(stack, 'Web', { userPool, ssoSessionValidity: Duration.hours(8) });
    expect(c.ssoSessionAttachment).toBeInstanceOf(CfnResource);
    expect(c.ssoSessionAttachment!.node.path).toBe('Stack/Web/SsoSession');
    c.ssoSessionAttachment!.addPropertyOverride('SSOSession.MaxValidityMinutes', 15);
    expect(sessionResource(stack).Properties.SSOSession).toEqual({ MaxValidityMinutes: 15 });
  });

  test('a token in minutes is left to the engine', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Web', { userPool, ssoSessionValidity: Duration.minutes(Token.asNumber({ Ref: 'Minutes' })) });
    expect(sessionResource(stack).Properties.SSOSession).toEqual({ MaxValidityMinutes: { Ref: 'Minutes' } });
  });

  describe('fails at construction', () => {
    test.each([
      [Duration.seconds(90), 'duration-units', /ssoSessionValidity = 1 minute 30 seconds: it is not a whole number of minutes\. CloudFormation takes SSOSession\.MaxValidityMinutes in whole minutes\./],
      [Duration.minutes(129_601), 'sso-session-range', /it is 129601 minutes; Cognito takes 0 \(never reuse the session\) to 129600 minutes \(90 days\)\. Fix: Give a validity from Duration\.minutes\(0\) to Duration\.days\(90\)\./],
      [Duration.hours(Token.asNumber({ Ref: 'Hours' })), 'duration-units', /a token-valued duration in hours cannot be converted at synth; it must be given in minutes/],
    ])('%#: %s', (d, code, message) => {
      const { stack, userPool } = setup();
      let error: Error | undefined;
      try {
        new AppClient(stack, 'Web', { userPool, ssoSessionValidity: d });
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toMatch(/^\[invalid-props\] Stack\/Web: invalid AppClient props:\n {2}\[/);
      expect(error?.message).toContain(`[${code}] ssoSessionValidity = `);
      expect(error?.message).toMatch(message);
    });
  });
});
