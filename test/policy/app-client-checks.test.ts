import { App, Duration, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AppClient, AppClientChecks, ClientPolicy } from '../../src';

const CALLBACK = 'https://app.example.org/callback';

/** One client of each kind, each compliant with the documented rules and the recommended policy. */
function compliantClients(scope: Construct, userPool: cognito.UserPool) {
  new cognito.CfnUserPoolClient(scope, 'L1', {
    userPoolId: userPool.userPoolId,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ['code'],
    allowedOAuthScopes: ['openid'],
    callbackUrLs: [CALLBACK],
    explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
    preventUserExistenceErrors: 'ENABLED',
    refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 0 },
  });
  userPool.addClient('L2', {
    preventUserExistenceErrors: true,
    authFlows: { userSrp: true },
    oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.OPENID] },
    refreshTokenRotationGracePeriod: Duration.seconds(0),
  });
  new AppClient(scope, 'L3', { userPool, oAuth: { callbackUrls: [CALLBACK] }, refreshTokenRotation: true });
}

function app(policy?: ClientPolicy) {
  const a = new App();
  const pack = new AppClientChecks(a, { policy });
  Validations.of(a).addPlugins(pack);
  const stack = new Stack(a, 'Stack');
  const userPool = new cognito.UserPool(stack, 'Pool');
  return { app: a, pack, stack, userPool };
}

/** `ruleName @ constructPath` for each violation of a report. */
function found(report: { violations: Array<{ ruleName: string; severity?: string; violatingResources: Array<{ constructPath?: string }> }> }) {
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath} (${v.severity})`));
}

function synthError(a: App): string {
  try {
    a.synth();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('AppClientChecks', () => {
  test('every client of every kind, failing documented rules and the recommended policy, is reported in one synth', () => {
    // GIVEN one client of each kind, each with a documented-rule error and policy violations
    const { app: a, pack, stack, userPool } = app(ClientPolicy.recommended());
    new cognito.CfnUserPoolClient(stack, 'L1', {
      userPoolId: userPool.userPoolId,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['implicit'],
      allowedOAuthScopes: ['openid'],
      callbackUrLs: ['http://app.example.org/cb'],
    });
    userPool.addClient('L2', { generateSecret: false, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });
    new AppClient(stack, 'L3', {
      userPool,
      oAuth: { callbackUrls: ['http://localhost:3000/cb', 'https://app.example.org/#x'] },
      authFlows: { userPassword: true },
      preventUserExistenceErrors: false,
    });

    // WHEN
    const report = pack.validateScope(a);

    // THEN
    expect(report.success).toBe(false);
    const violations = found(report);
    expect(violations).toEqual(expect.arrayContaining([
      'AppClientChecks-redirect-uri-https @ Stack/L1 (error)',
      'AppClientChecks-policy-no-implicit @ Stack/L1 (error)',
      'AppClientChecks-policy-prevent-user-existence @ Stack/L1 (error)',
      'AppClientChecks-policy-refresh-rotation @ Stack/L1 (warning)',
      'AppClientChecks-oauth-client-credentials-secret @ Stack/Pool/L2/Resource (error)',
      'AppClientChecks-policy-prevent-user-existence @ Stack/Pool/L2/Resource (error)',
      'AppClientChecks-redirect-uri-no-fragment @ Stack/L3 (error)',
      'AppClientChecks-policy-no-loopback-in-prod @ Stack/L3 (error)',
      'AppClientChecks-policy-no-plaintext-password-flows @ Stack/L3 (error)',
      'AppClientChecks-policy-prevent-user-existence @ Stack/L3 (error)',
    ]));

    // and one synth fails naming each of them, with the property, value and fix
    const message = synthError(a);
    expect(message).toContain('[Stack/L1] [redirect-uri-https] CallbackURLs[0] = "http://app.example.org/cb"');
    expect(message).toContain('[Stack/Pool/L2/Resource] [oauth-client-credentials-secret]');
    expect(message).toContain('[Stack/L3] [redirect-uri-no-fragment] CallbackURLs[1] = "https://app.example.org/#x"');
    expect(message).toContain('[Stack/L3] [policy-no-plaintext-password-flows] ExplicitAuthFlows[0] = "ALLOW_USER_PASSWORD_AUTH"');
    expect(message).toMatch(/Suggested fix: Use "https:\/\/app\.example\.org\/cb"/);
  });

  test('the same app made compliant synthesizes cleanly', () => {
    const { app: a, pack, stack, userPool } = app(ClientPolicy.recommended());
    compliantClients(stack, userPool);
    const report = pack.validateScope(a);
    expect(found(report)).toEqual([]);
    expect(report.success).toBe(true);
    expect(() => a.synth()).not.toThrow();
  });

  test('a warnings-only app synthesizes, and the warnings are reported', () => {
    const { app: a, pack, stack, userPool } = app(ClientPolicy.recommended());
    compliantClients(stack, userPool);
    // a public client without rotation: policy-refresh-rotation is a warning by default;
    // scopes without openid: oauth-scope-openid-companion is a documented warning
    new AppClient(stack, 'Warn', { userPool, oAuth: { callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.EMAIL] } });
    const report = pack.validateScope(a);
    expect(found(report)).toEqual([
      'AppClientChecks-oauth-scope-openid-companion @ Stack/Warn (warning)',
      'AppClientChecks-policy-refresh-rotation @ Stack/Warn (warning)',
    ]);
    expect(report.success).toBe(true);
    expect(() => a.synth()).not.toThrow();
  });

  test('without a policy, only the documented rules run', () => {
    const { app: a, pack, stack, userPool } = app();
    userPool.addClient('L2'); // implicit grant, example.com, LEGACY: policy matters only
    new cognito.CfnUserPoolClient(stack, 'L1', { userPoolId: userPool.userPoolId, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] });
    expect(found(pack.validateScope(a))).toEqual([
      'AppClientChecks-auth-flows-legacy-mix @ Stack/L1 (error)',
      'AppClientChecks-auth-flows-refresh-required @ Stack/L1 (warning)',
      'AppClientChecks-auth-flows-legacy-deprecated @ Stack/L1 (warning)',
    ]);
  });

  test('clients in nested stacks and nested stages are checked', () => {
    const { app: a, pack, userPool } = app();
    const nested = new NestedStack(Stack.of(userPool), 'Nested');
    new cognito.CfnUserPoolClient(nested, 'InNested', { userPoolId: 'eu-west-1_AbC123', callbackUrLs: ['http://a.example.org'] });
    const stage = new Stage(a, 'Prod');
    const inner = new Stage(stage, 'Inner');
    const stageStack = new Stack(inner, 'Deep');
    new cognito.CfnUserPoolClient(stageStack, 'InStage', { userPoolId: 'eu-west-1_AbC123', allowedOAuthFlows: ['code'] });
    const violations = found(pack.validateScope(a));
    expect(violations).toContain('AppClientChecks-redirect-uri-https @ Stack/Nested/InNested (error)');
    expect(violations).toContain('AppClientChecks-oauth-callback-required @ Prod/Inner/Deep/InStage (error)');
    expect(() => a.synth()).toThrow(/Prod\/Inner\/Deep\/InStage\] \[oauth-callback-required\]/);
  });

  test('an AppClient under the pack leaves its findings to the pack (reported once, with everything else)', () => {
    const { app: a, stack, userPool } = app();
    new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['http://a.example.org/cb'], scopes: [cognito.OAuthScope.EMAIL] } });
    new cognito.CfnUserPoolClient(stack, 'L1', { userPoolId: userPool.userPoolId, allowedOAuthFlows: ['code'] });
    const message = synthError(a);
    // reported once, by the pack, on the AppClient's own path
    expect(message.match(/\[Stack\/Client\] \[redirect-uri-https\][^\n]*\(AppClientChecks\)/g)).toHaveLength(1);
    expect(message.match(/\[Stack\/Client\] \[redirect-uri-https\]/g)).toHaveLength(1);
    expect(message).toContain('[Stack/L1] [oauth-callback-required]');
    expect(message).not.toContain('Validation failed with the following errors'); // the construct's own validation stayed silent
  });

  describe('acknowledgements', () => {
    function withFinding() {
      const ctx = app(ClientPolicy.recommended());
      compliantClients(ctx.stack, ctx.userPool);
      const l1 = ctx.stack.node.findChild('L1') as cognito.CfnUserPoolClient;
      l1.preventUserExistenceErrors = 'LEGACY';
      return { ...ctx, l1 };
    }

    test.each([
      'AppClientChecks-policy-prevent-user-existence',
      'AppClientChecks::AppClientChecks-policy-prevent-user-existence',
    ])('%s with a reason silences one finding on one construct', (id) => {
      const { app: a, pack, stack, userPool, l1 } = withFinding();
      new cognito.CfnUserPoolClient(stack, 'Other', {
        userPoolId: userPool.userPoolId,
        preventUserExistenceErrors: 'LEGACY',
        explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
        refreshTokenRotation: { feature: 'ENABLED' },
      });
      Validations.of(l1).acknowledge({ id, reason: 'legacy mobile app relies on UserNotFoundException until 2027' });
      expect(found(pack.validateScope(a))).toEqual(['AppClientChecks-policy-prevent-user-existence @ Stack/Other (error)']);
    });

    test('an acknowledgement on an ancestor covers the clients below it', () => {
      const { app: a, pack, stack } = withFinding();
      Validations.of(stack).acknowledge({ id: 'AppClientChecks-policy-prevent-user-existence', reason: 'migration ticket AUTH-42' });
      expect(found(pack.validateScope(a))).toEqual([]);
    });

    test.each([[''], ['   '], [undefined as any]])('fails when the acknowledgement has no reason (%p)', (reason) => {
      const { app: a, pack, l1 } = withFinding();
      Validations.of(l1).acknowledge({ id: 'AppClientChecks-policy-prevent-user-existence', reason });
      const report = pack.validateScope(a);
      expect(found(report)).toEqual([
        'AppClientChecks-acknowledgement-reason @ Stack/L1 (error)',
        'AppClientChecks-policy-prevent-user-existence @ Stack/L1 (error)',
      ]);
      expect(report.violations[0].description).toContain('has no reason, so it is refused');
      expect(report.success).toBe(false);
    });
  });

  test('finding ids are the catalog ids behind the pack name', () => {
    const pack = new AppClientChecks(undefined, { policy: ClientPolicy.recommended() });
    expect(pack.name).toBe('AppClientChecks');
    expect(pack.ruleIds).toContain('AppClientChecks-redirect-uri-https');
    expect(pack.ruleIds).toContain('AppClientChecks-policy-no-implicit');
    expect(pack.ruleIds).not.toContain('AppClientChecks-policy-client-secret'); // not turned on by recommended()
    expect(pack.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
