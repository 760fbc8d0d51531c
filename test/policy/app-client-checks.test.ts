import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Aspects, Aws, CfnCondition, CfnElement, CfnResource, Fn, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cr from 'aws-cdk-lib/custom-resources';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import { CALLBACK, compliantClients, nonCompliantL1AndL2 } from './clients';
import { AppClient, AppClientChecks, ClientPolicy, ClientRules } from '../../src';
import { ATTACHMENT_RULES } from '../../src/rules/registry';


// The pack with cdk-nag 2 (the dev dependency: 2.27.0, the oldest supported), added as cdk-nag 2
// packs are: `Aspects.of(app).add(...)`. Findings are cdk-nag's own annotations.
function app(policy?: ClientPolicy) {
  const a = new App();
  const pack = new AppClientChecks(a, { policy, reports: false });
  Aspects.of(a).add(pack);
  const stack = new Stack(a, 'Stack');
  const userPool = new cognito.UserPool(stack, 'Pool');
  return { app: a, pack, stack, userPool };
}

/** `AppClientChecks-<id> @ path (error|warning)` for each of the pack's annotations in `stack`. */
function found(stack: Stack): string[] {
  const a = Annotations.fromStack(stack);
  const out: string[] = [];
  const levels = [['error', a.findError('*', Match.anyValue())], ['warning', a.findWarning('*', Match.anyValue())]] as const;
  for (const [level, list] of levels) {
    for (const m of list) {
      const id = /^(AppClientChecks-[a-z0-9-]+)(\[[^\n]*?\])?: /.exec(String(m.entry.data))?.[1]; // the rule, without a finding id
      if (id) out.push(`${id} @ ${m.id.replace(/^\//, '')} (${level})`);
    }
  }
  return out;
}

function messageOf(stack: Stack, path: string, ruleId: string): string {
  const a = Annotations.fromStack(stack);
  const all = [...a.findError(path, Match.anyValue()), ...a.findWarning(path, Match.anyValue())];
  return String(all.find((m) => /^(AppClientChecks-[a-z0-9-]+)(\[[^\n]*?\])?: /.exec(String(m.entry.data))?.[1] === `AppClientChecks-${ruleId}`)?.entry.data ?? '');
}

describe('AppClientChecks with cdk-nag 2 (an Aspect)', () => {
  test('every client of every kind, failing documented rules and the recommended policy, is reported in one synth', () => {
    // GIVEN one client of each kind; the AppClient breaks only the policy (its own documented
    // errors would stop synth before the report: the AppClient reports those itself)
    const { stack, userPool } = app(ClientPolicy.recommended());
    nonCompliantL1AndL2(stack, userPool);
    new AppClient(stack, 'L3', {
      userPool,
      oAuth: { callbackUrls: ['http://localhost:3000/cb', 'https://app.example.org/cb'] },
      authFlows: { userPassword: true },
      preventUserExistenceErrors: false,
    });

    // WHEN synthesized THEN every finding is an annotation on its resource
    expect(found(stack)).toEqual(expect.arrayContaining([
      'AppClientChecks-redirect-uri-https @ Stack/L1 (error)',
      'AppClientChecks-policy-no-implicit @ Stack/L1 (error)',
      'AppClientChecks-policy-prevent-user-existence @ Stack/L1 (error)',
      'AppClientChecks-policy-refresh-rotation @ Stack/L1 (warning)',
      'AppClientChecks-oauth-client-credentials-secret @ Stack/Pool/L2/Resource (error)',
      'AppClientChecks-policy-prevent-user-existence @ Stack/Pool/L2/Resource (error)',
      'AppClientChecks-policy-no-loopback-in-prod @ Stack/L3/Resource (error)',
      'AppClientChecks-policy-no-plaintext-password-flows @ Stack/L3/Resource (error)',
      'AppClientChecks-policy-prevent-user-existence @ Stack/L3/Resource (error)',
    ]));
    // with the property, the value and the fix
    expect(messageOf(stack, '/Stack/L1', 'redirect-uri-https')).toMatch(/CallbackURLs\[0\] = "http:\/\/app\.example\.org\/cb"[\s\S]*Fix: Use "https:\/\/app\.example\.org\/cb"/);
    expect(messageOf(stack, '/Stack/L3/Resource', 'policy-no-plaintext-password-flows')).toContain('ExplicitAuthFlows[0] = "ALLOW_USER_PASSWORD_AUTH"');
  });

  test('the same app made compliant has no finding', () => {
    const { stack, userPool } = app(ClientPolicy.recommended());
    compliantClients(stack, userPool);
    expect(found(stack)).toEqual([]);
  });

  test('warnings are warning annotations (they do not fail cdk synth), errors are error annotations', () => {
    const { stack, userPool } = app(ClientPolicy.recommended());
    compliantClients(stack, userPool);
    new cognito.CfnUserPoolClient(stack, 'Warn', {
      userPoolId: userPool.userPoolId,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['code'],
      allowedOAuthScopes: ['email'],
      callbackUrLs: [CALLBACK],
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: 'ENABLED',
    });
    expect(found(stack)).toEqual([
      'AppClientChecks-oauth-scope-openid-companion @ Stack/Warn (warning)',
      'AppClientChecks-policy-refresh-rotation @ Stack/Warn (warning)',
    ]);
  });

  test('without a policy, only the documented rules run', () => {
    const { stack, userPool } = app();
    userPool.addClient('L2'); // implicit grant, example.com, LEGACY: policy matters only
    new cognito.CfnUserPoolClient(stack, 'L1', { userPoolId: userPool.userPoolId, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] });
    expect(found(stack).sort()).toEqual([
      'AppClientChecks-auth-flows-legacy-deprecated @ Stack/L1 (warning)',
      'AppClientChecks-auth-flows-legacy-mix @ Stack/L1 (error)',
      'AppClientChecks-auth-flows-refresh-required @ Stack/L1 (warning)',
    ]);
  });

  test('a token in a callback URL does not hide a literal host outside the allowlist', () => {
    const { stack, userPool } = app(new ClientPolicy({ allowedCallbackUrls: ['https://*.example.org/*'], allowedScopes: ['openid', 'orders-api/*'] }));
    userPool.addClient('Sneaky', {
      oAuth: {
        flows: { authorizationCodeGrant: true },
        callbackUrls: [`https://attacker.example.net/${Aws.STACK_NAME}/cb`, `https://app.example.org/${Aws.STACK_NAME}/cb`],
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom(`admin-api/${Aws.STACK_NAME}`)],
      },
    });
    expect(found(stack).sort()).toEqual([
      'AppClientChecks-policy-callback-urls-allowed @ Stack/Pool/Sneaky/Resource (error)',
      'AppClientChecks-policy-scopes-allowed @ Stack/Pool/Sneaky/Resource (error)',
    ]);
    expect(messageOf(stack, '/Stack/Pool/Sneaky/Resource', 'policy-callback-urls-allowed')).toContain('CallbackURLs[0]');
    expect(messageOf(stack, '/Stack/Pool/Sneaky/Resource', 'policy-callback-urls-allowed')).not.toContain('CallbackURLs[1]');
  });

  test('a condition cannot turn a forbidden setting on at deploy time', () => {
    const { stack, userPool } = app(new ClientPolicy({ forbidImplicitFlow: true }));
    const cond = new CfnCondition(stack, 'IsLegacy', { expression: Fn.conditionEquals(Aws.REGION, 'us-east-1') });
    new cognito.CfnUserPoolClient(stack, 'Conditional', {
      userPoolId: userPool.userPoolId,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: Fn.conditionIf(cond.logicalId, ['implicit'], ['code']) as unknown as string[],
      allowedOAuthScopes: ['openid'],
      callbackUrLs: [CALLBACK],
    });
    expect(found(stack)).toContain('AppClientChecks-policy-no-implicit @ Stack/Conditional (error)');
    expect(messageOf(stack, '/Stack/Conditional', 'policy-no-implicit')).toContain('when IsLegacy is true');
  });

  test('the most common L2 shape, a pool with addClient alone, is checked', () => {
    const { stack, userPool } = app(ClientPolicy.recommended());
    userPool.addClient('Web');
    expect(found(stack)).toEqual(expect.arrayContaining(['AppClientChecks-policy-no-implicit @ Stack/Pool/Web/Resource (error)']));
  });

  test("addClient('Default') fails in aws-cdk-lib itself, with or without the pack (its logical id is the pool's)", () => {
    const a = new App();
    const pool = new cognito.UserPool(new Stack(a, 'Stack'), 'Pool');
    pool.addClient('Default');
    expect(() => a.synth()).toThrow(/section 'Resources' already contains 'PoolD3F588B8'/);
  });

  test('clients in nested stacks are checked, and in a stage that has the pack (Aspects do not cross stages)', () => {
    const { app: a, stack, userPool } = app();
    const nested = new NestedStack(Stack.of(userPool), 'Nested');
    new cognito.CfnUserPoolClient(nested, 'InNested', { userPoolId: 'eu-west-1_AbC123', callbackUrLs: ['http://a.example.org'] });
    const inner = new Stage(new Stage(a, 'Prod'), 'Inner');
    Aspects.of(inner).add(new AppClientChecks(inner, { reports: false }));
    const stageStack = new Stack(inner, 'Deep');
    new cognito.CfnUserPoolClient(stageStack, 'InStage', { userPoolId: 'eu-west-1_AbC123', allowedOAuthFlows: ['code'] });
    expect(found(stack)).toContain('AppClientChecks-redirect-uri-https @ Stack/Nested/InNested (error)');
    a.synth();
    const errors = stageStack.node.findChild('InStage').node.metadata.filter((m) => m.type === 'aws:cdk:error').map((m) => String(m.data));
    expect(errors).toEqual([expect.stringMatching(/^AppClientChecks-oauth-callback-required: /)]);
  });

  test("with the pack registered, an AppClient's documented errors are reported once, by the pack, beside every other pack's findings", () => {
    // GIVEN an AppClient with an error, an S3 bucket AwsSolutionsChecks fails, both packs registered
    const { app: a, stack, userPool } = app();
    Aspects.of(a).add(new AwsSolutionsChecks({ reports: false }));
    new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
    new s3.Bucket(stack, 'Bucket');
    // WHEN synthesized THEN the synth does not stop at the AppClient: every pack's errors are annotations (cdk synth fails on them)
    expect(() => a.synth()).not.toThrow();
    const errors = Annotations.fromStack(stack).findError('*', Match.anyValue()).map((m) => `${m.id} ${String(m.entry.data).split(':')[0]}`);
    expect(errors.filter((e) => e.includes('AppClientChecks-redirect-uri-https'))).toEqual(['/Stack/Client/Resource AppClientChecks-redirect-uri-https[CallbackURLs']);
    expect(errors.some((e) => e.startsWith('/Stack/Bucket/Resource AwsSolutions-S1'))).toBe(true);
  });

  test('the pack reports an AppClient\'s findings as the AppClient does: AppClient.acknowledge is honoured, a reasonless one refused', () => {
    const { app: a, stack, userPool } = app();
    const client = new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['http://a.example.org/cb', 'http://b.example.org/cb'] } });
    AppClient.acknowledge(client, 'redirect-uri-https[CallbackURLs::http://a.example.org/cb]', 'the partner integration still posts to HTTP until 2027');
    AppClient.acknowledge(client, 'redirect-uri-no-fragment', '');
    a.synth();
    const errors = Annotations.fromStack(stack).findError('*', Match.anyValue()).map((m) => String(m.entry.data));
    expect(errors.filter((e) => e.startsWith('AppClientChecks-redirect-uri-https')).map((e) => e.split(': ')[0]))
      .toEqual(['AppClientChecks-redirect-uri-https[CallbackURLs::http://b.example.org/cb]']);
  });

  test.each([['\u200B'.repeat(10)], ['\u3164'.repeat(10)], ['\u2800'.repeat(10)], [' '.repeat(10)], ['\u00A0'.repeat(10)], ['too short']])('AppClient.acknowledge with fewer than 10 visible characters (%p) is refused by the pack, saying so', (reason) => {
    const { app: a, stack, userPool } = app();
    const client = new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
    AppClient.acknowledge(client, 'redirect-uri-https', reason);
    a.synth();
    const errors = Annotations.fromStack(stack).findError('*', Match.anyValue()).map((m) => String(m.entry.data));
    expect(errors.filter((e) => e.startsWith('AppClientChecks-redirect-uri-https')).map((e) => e.split(': ')[0]))
      .toEqual(['AppClientChecks-redirect-uri-https[CallbackURLs::http://a.example.org/cb]']);
    expect(errors.filter((e) => e.startsWith('AppClientChecks-acknowledgement-reason'))).toEqual([expect.stringMatching(/fewer than 10 visible characters/)]);
  });

  test('a pack made but not registered reports nothing, so the AppClient throws its errors itself (no silent skip)', () => {
    const a = new App();
    new AppClientChecks(undefined, { reports: false }); // no scope, not an Aspect
    const stack = new Stack(a, 'Stack');
    new AppClient(stack, 'Client', { userPool: new cognito.UserPool(stack, 'Pool'), oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
    expect(() => a.synth()).toThrow(/\[redirect-uri-https\] CallbackURLs\[0\]/);
  });

  test('an AppClient checks itself in a stage synthesized alone and in Template.fromStack, with the pack on the app', () => {
    const a = new App();
    Aspects.of(a).add(new AppClientChecks(a, { reports: false }));
    const stage = new Stage(a, 'Prod');
    const stack = new Stack(stage, 'Auth');
    new AppClient(stack, 'Client', { userPool: new cognito.UserPool(stack, 'Pool'), oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
    expect(() => Template.fromStack(stack)).toThrow(/\[redirect-uri-https\]/);
    expect(() => stage.synth({ force: true })).toThrow(/\[redirect-uri-https\]/);
  });

  describe('the clients are checked once every Aspect has run', () => {
    const http = (c: cognito.CfnUserPoolClient) => {
      c.allowedOAuthFlowsUserPoolClient = true;
      c.allowedOAuthFlows = ['code'];
      c.allowedOAuthScopes = ['openid'];
      c.callbackUrLs = ['http://late.example.org/cb'];
    };
    const errorsOf = (stack: Stack) => stack.node.findAll().flatMap((c) => c.node.metadata)
      .filter((m) => m.type === 'aws:cdk:error').map((m) => String(m.data).split(': ')[0]);

    test('an Aspect added to the app after the pack, and one on the stack, change a client: the changed client is checked', () => {
      const { app: a, stack } = app();
      const l1 = new cognito.CfnUserPoolClient(stack, 'L1', { userPoolId: 'eu-west-1_AbC123' });
      const second = new cognito.CfnUserPoolClient(stack, 'Second', { userPoolId: 'eu-west-1_AbC123' });
      Aspects.of(a).add({ visit: (c) => { if (c === l1) http(l1); } });
      Aspects.of(stack).add({ visit: (c) => { if (c === second) http(second); } });
      a.synth();
      expect(errorsOf(stack).sort()).toEqual([
        'AppClientChecks-redirect-uri-https[CallbackURLs::http://late.example.org/cb]',
        'AppClientChecks-redirect-uri-https[CallbackURLs::http://late.example.org/cb]',
      ]);
    });

    test('a client created by a later Aspect is checked', () => {
      const { app: a, stack } = app();
      let made = false;
      Aspects.of(a).add({
        visit: (c) => {
          if (c !== stack || made) return;
          made = true;
          http(new cognito.CfnUserPoolClient(stack, 'Late', { userPoolId: 'eu-west-1_AbC123' }));
        },
      });
      a.synth();
      expect(errorsOf(stack)).toEqual(['AppClientChecks-redirect-uri-https[CallbackURLs::http://late.example.org/cb]']);
    });

    test('a pack on the app checks the clients of every stage below it: errors in a nested stage fail the synth', () => {
      const { app: a } = app();
      const dev = new Stage(a, 'Dev');
      const stack = new Stack(dev, 'Auth');
      http(new cognito.CfnUserPoolClient(stack, 'InStage', { userPoolId: 'eu-west-1_AbC123' }));
      expect(() => a.synth()).toThrow(/\[Dev\/Auth\/InStage\] AppClientChecks-redirect-uri-https\[CallbackURLs::http:\/\/late\.example\.org\/cb\]: CallbackURLs\[0\]/);
    });

    test('issue 21, round three: the refusal of a reasonless AppClient.acknowledge in a nested stage fails the synth too', () => {
      const { app: a } = app();
      const dev = new Stage(a, 'Dev');
      const stack = new Stack(dev, 'Auth');
      const client = new AppClient(stack, 'Client', { userPool: new cognito.UserPool(stack, 'Pool'), oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
      AppClient.acknowledge(client, 'redirect-uri-https', '\u2800'.repeat(10));
      // (the stage synthesizes before the app's pack runs: the AppClient, or the pack, reports it)
      expect(() => a.synth()).toThrow(/\[Dev\/Auth\/Client[^\]]*\] (\[acknowledgement-reason\]|AppClientChecks-acknowledgement-reason:) cdk-cognito-app-client:redirect-uri-https is acknowledged at Dev\/Auth\/Client without a reason: it has no reason/);
    });

    test.each([
      ['CognitoIdentityServiceProvider', undefined],
      ['cognito-identity-provider', 'AWS::CloudFormation::CustomResource'],
    ])('a client made through the SDK (AwsCustomResource, service %s, Type overridden to %s) is checked from its request, on the custom resource', (service, type) => {
      const { app: a, stack, userPool } = app();
      const sdk = new cr.AwsCustomResource(stack, 'SdkClient', {
        onCreate: {
          service,
          action: 'createUserPoolClient',
          parameters: { UserPoolId: userPool.userPoolId, ClientName: 'sdk', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://sdk.example.org/cb'] },
          physicalResourceId: cr.PhysicalResourceId.fromResponse('UserPoolClient.ClientId'),
        },
        policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      });
      if (type) (sdk.node.findChild('Resource').node.defaultChild as CfnResource).addOverride('Type', type);
      const written = Object.values<any>(a.synth().getStackByName(stack.stackName).template.Resources).map((r) => r.Type);
      expect(written).toContain(type ?? 'Custom::AWS');
      expect(errorsOf(stack)).toEqual(['AppClientChecks-redirect-uri-https[CallbackURLs::http://sdk.example.org/cb]']);
    });

    test('what may hold clients unseen is a warning: a CfnStack that is no nested stack of the app, a stack set, a macro; a NestedStack is not', () => {
      const { app: a, stack } = app();
      new NestedStack(stack, 'Inner');
      new CfnResource(stack, 'Outside', { type: 'AWS::CloudFormation::Stack', properties: { TemplateURL: 'https://s3.amazonaws.com/b/other.json' } });
      new CfnResource(stack, 'Set', { type: 'AWS::CloudFormation::StackSet', properties: { StackSetName: 's', PermissionModel: 'SELF_MANAGED', TemplateURL: 'https://s3/set.json' } });
      stack.addTransform('MyCompany::Macro');
      a.synth();
      const warnings = stack.node.findAll().flatMap((c) => c.node.metadata.map((m) => ({ c, m })))
        .filter(({ m }) => m.type === 'aws:cdk:warning' && String(m.data).startsWith('AppClientChecks-client-not-checkable'))
        .map(({ c }) => c.node.path).sort();
      expect(warnings).toEqual(['Stack', 'Stack/Outside', 'Stack/Set']);
    });

    test('Fn::ForEach (AWS::LanguageExtensions): the clients a loop makes are reported on the stack; a loop that cannot be expanded is a warning', () => {
      const CLIENT = { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'eu-west-1_AbC123', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://${Name}.example.org/cb'] } };
      /** A raw element that writes a loop into Resources, as an escape hatch could. */
      class Loop extends CfnElement {
        constructor(scope: Stack, id: string, private readonly collection: unknown) { super(scope, id); }
        public _toCloudFormation(): object {
          return { Resources: { [`Fn::ForEach::${this.node.id}`]: ['Name', this.collection, { [`${this.node.id}\${Name}`]: CLIENT }] } };
        }
      }
      const { app: a, stack } = app();
      stack.addTransform('AWS::LanguageExtensions');
      new Loop(stack, 'Literal', ['web']);
      new Loop(stack, 'Param', { Ref: 'Names' });
      a.synth();
      const messages = (type: string) => stack.node.metadata.filter((m) => m.type === type).map((m) => String(m.data).split(': ').slice(0, 2).join(': '));
      expect(messages('aws:cdk:error')).toEqual(['AppClientChecks-redirect-uri-https: [Literalweb] CallbackURLs[0] = "http://web.example.org/cb"']);
      expect(messages('aws:cdk:warning')).toEqual([expect.stringMatching(/^AppClientChecks-client-not-checkable: \[Fn::ForEach::Param\] Fn::ForEach::Param = \{"Ref":"Names"\}/)]);
    });

    test('Fn::ForEach in a client\'s own properties (an escape hatch) is expanded, and what it writes is checked on the client', () => {
      const { app: a, stack } = app();
      stack.addTransform('AWS::LanguageExtensions');
      const client = new cognito.CfnUserPoolClient(stack, 'Looped', { userPoolId: 'eu-west-1_AbC123', allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: ['openid'] });
      client.addPropertyOverride('Fn::ForEach::Urls', ['Kind', ['CallbackURLs', 'LogoutURLs'], { '${Kind}': ['http://app.example.org/${Kind}'] }]);
      a.synth();
      expect(found(stack).sort()).toEqual(['AppClientChecks-logout-uri-https @ Stack/Looped (warning)', 'AppClientChecks-redirect-uri-https @ Stack/Looped (error)']);
    });

    test('a stage the app excludes, saying why, is left to its own pack, and its report says so', () => {
      const a = new App();
      const appPack = new AppClientChecks(a, { policy: new ClientPolicy({ allowLoopbackUrls: false }), reports: false });
      Aspects.of(a).add(appPack);
      const dev = new Stage(a, 'Dev');
      appPack.excludeStage(dev, 'development stage with loopback callbacks');
      Aspects.of(dev).add(new AppClientChecks(dev, { policy: new ClientPolicy({ allowLoopbackUrls: true }), reports: false }));
      const stack = new Stack(dev, 'Auth');
      new cognito.CfnUserPoolClient(stack, 'Local', { userPoolId: 'eu-west-1_AbC123', allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: ['openid'], callbackUrLs: ['http://localhost:3000/cb'] });
      const assembly = a.synth().getNestedAssembly('assembly-Dev');
      const messages = assembly.getStackArtifact(stack.artifactId).messages.map((m) => `${m.level} ${String(m.entry.data)}`);
      expect(messages).toEqual(['warning AppClientChecks-stage-excluded: the AppClientChecks pack of the app does not check stage Dev: development stage with loopback callbacks']);
      expect(() => appPack.excludeStage(dev, 'short')).toThrow(/\[pack-option\].*fewer than 10 visible characters/);
    });

    test('a client checked by the app\'s pack and its stage\'s pack gets each documented finding once', () => {
      const { app: a } = app();
      const dev = new Stage(a, 'Dev');
      Aspects.of(dev).add(new AppClientChecks(dev, { reports: false }));
      const stack = new Stack(dev, 'Auth');
      http(new cognito.CfnUserPoolClient(stack, 'Both', { userPoolId: 'eu-west-1_AbC123' }));
      const assembly = a.synth().getNestedAssembly('assembly-Dev');
      const errors = assembly.getStackArtifact(stack.artifactId).messages.filter((m) => m.level === 'error');
      expect(errors.map((m) => String(m.entry.data).split(': ')[0])).toEqual(['AppClientChecks-redirect-uri-https[CallbackURLs::http://late.example.org/cb]']);
    });
  });

  describe('suppressions (NagSuppressions, with a reason)', () => {
    function withFinding() {
      const ctx = app(ClientPolicy.recommended());
      compliantClients(ctx.stack, ctx.userPool);
      const l1 = ctx.stack.node.findChild('L1') as cognito.CfnUserPoolClient;
      l1.preventUserExistenceErrors = 'LEGACY';
      const l3 = ctx.stack.node.findChild('L3') as AppClient;
      l3.resource.preventUserExistenceErrors = 'LEGACY';
      return { ...ctx, l1, l3 };
    }

    test('a suppression with a reason silences one finding on one construct', () => {
      const { stack, l1 } = withFinding();
      NagSuppressions.addResourceSuppressions(l1, [{ id: 'AppClientChecks-policy-prevent-user-existence', reason: 'legacy mobile app relies on UserNotFoundException until 2027' }]);
      expect(found(stack)).toEqual(['AppClientChecks-policy-prevent-user-existence @ Stack/L3/Resource (error)']);
    });

    test('a suppression on an AppClient applies to its resource', () => {
      const { stack, l3 } = withFinding();
      NagSuppressions.addResourceSuppressions(l3, [{ id: 'AppClientChecks-policy-prevent-user-existence', reason: 'migration ticket AUTH-42, due 2027-01' }]);
      expect(found(stack)).toEqual(['AppClientChecks-policy-prevent-user-existence @ Stack/L1 (error)']);
    });

    test('a suppression on the stack covers every client in it', () => {
      const { stack } = withFinding();
      NagSuppressions.addStackSuppressions(stack, [{ id: 'AppClientChecks-policy-prevent-user-existence', reason: 'migration ticket AUTH-42, due 2027-01' }]);
      expect(found(stack)).toEqual([]);
    });

    // Issue 21, round three: cdk-nag 2 asks a suppression for 10 characters; the pack asks for 10 visible ones.
    test.each([['\u200B'.repeat(10)], ['\u3164'.repeat(10)], ['\u2800'.repeat(10)], ['\u00A0'.repeat(10)], ['\u2060\u00AD'.repeat(6)]])(
      'a suppression whose reason has no visible character (%p) is ignored, saying why', (reason) => {
        const { stack, l1 } = withFinding();
        NagSuppressions.addResourceSuppressions(l1, [{ id: 'AppClientChecks-policy-prevent-user-existence', reason }]);
        expect(found(stack)).toContain('AppClientChecks-policy-prevent-user-existence @ Stack/L1 (error)');
        const infos = Annotations.fromStack(stack).findInfo('/Stack/L1', Match.anyValue()).map((m) => String(m.entry.data));
        expect(infos.join('\n')).toMatch(/The suppression for AppClientChecks-policy-prevent-user-existence was ignored[\s\S]*it has no reason \(fewer than 10 visible characters\); white space, invisible and blank-looking characters do not count/);
      });

    test('a suppression with a reason of 10 visible characters among invisible ones still applies', () => {
      const { stack, l1 } = withFinding();
      NagSuppressions.addResourceSuppressions(l1, [{ id: 'AppClientChecks-policy-prevent-user-existence', reason: '\u200Bticket-123\u200B' }]);
      expect(found(stack)).toEqual(['AppClientChecks-policy-prevent-user-existence @ Stack/L3/Resource (error)']);
    });

    test('the user\'s own suppressionIgnoreCondition still applies beside the pack\'s', () => {
      const a = new App();
      const organisation = { createMessage: () => 'the organisation ignores every suppression' };
      Aspects.of(a).add(new AppClientChecks(a, { policy: ClientPolicy.recommended(), reports: false, suppressionIgnoreCondition: organisation }));
      const stack = new Stack(a, 'Stack');
      compliantClients(stack, new cognito.UserPool(stack, 'Pool'));
      const l1 = stack.node.findChild('L1') as cognito.CfnUserPoolClient;
      l1.preventUserExistenceErrors = 'LEGACY';
      NagSuppressions.addResourceSuppressions(l1, [{ id: 'AppClientChecks-policy-prevent-user-existence', reason: 'a real reason, ticket AUTH-42' }]);
      expect(found(stack)).toContain('AppClientChecks-policy-prevent-user-existence @ Stack/L1 (error)');
    });

    // Issue 21, round three: the refusal of a reasonless acknowledgement cannot itself be silenced.
    test.each([
      ['a stack suppression', (stack: Stack) => NagSuppressions.addStackSuppressions(stack, [{ id: 'AppClientChecks-acknowledgement-reason', reason: 'silence the refusals, please' }])],
      ['a suppression on the AppClient', (stack: Stack) => NagSuppressions.addResourceSuppressions(stack.node.findChild('Client'), [{ id: 'AppClientChecks-acknowledgement-reason', reason: 'silence the refusals, please' }], true)],
      ['an app-level acknowledgement', (stack: Stack) => stack.node.root.node.addMetadata('aws:cdk:acknowledged-rules', { 'Annotation::AppClientChecks-acknowledgement-reason': 'x' })],
    ])('the refusal of a reasonless AppClient.acknowledge survives %s', (_, silence) => {
      const { app: a, stack, userPool } = app();
      const client = new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
      AppClient.acknowledge(client, 'redirect-uri-https', '');
      silence(stack);
      a.synth();
      const errors = Annotations.fromStack(stack).findError('*', Match.anyValue()).map((m) => String(m.entry.data));
      expect(errors.filter((e) => e.startsWith('AppClientChecks-acknowledgement-reason'))).toEqual([
        expect.stringMatching(/^AppClientChecks-acknowledgement-reason: cdk-cognito-app-client:redirect-uri-https is acknowledged at Stack\/Client without a reason: it has no reason/),
      ]);
      expect(errors.filter((e) => e.startsWith('AppClientChecks-redirect-uri-https'))).toHaveLength(1);
    });

    test('fails when the suppression has no real reason (cdk-nag asks for 10 characters or more)', () => {
      const { stack, l1 } = withFinding();
      expect(() => {
        NagSuppressions.addResourceSuppressions(l1, [{ id: 'AppClientChecks-policy-prevent-user-existence', reason: 'ok' }]);
        found(stack);
      }).toThrow(/10 characters or more/);
    });
  });

  test('registered as a validation plugin instead, it fails, naming cdk-nag 2 and the line to use', () => {
    const pack = new AppClientChecks();
    const report = pack.validate({ templatePaths: [] });
    expect(report.success).toBe(false);
    expect(report.violations[0].description).toContain('cdk-nag 2.27.0 is installed');
    expect(report.violations[0].fix).toContain('Aspects.of(app).add(new AppClientChecks(app))');
    expect(pack.cdkNagVersion).toBe('2.27.0');
  });

  test('registered as a validation plugin in an app, the synth fails with the message on the console (a construct validation, every release and app mode)', () => {
    const a = new App();
    Validations.of(a).addPlugins(new AppClientChecks(a));
    new Stack(a, 'Stack');
    expect(() => a.synth()).toThrow(/Validation failed[\s\S]*\[pack-registration\] AppClientChecks was created with cdk-nag 2\.27\.0 installed, but is not an Aspect of this app, so nothing is checked\. Fix: add it with Aspects\.of\(app\)\.add/);
  });

  test('created but never added, the synth fails the same way', () => {
    const a = new App();
    new AppClientChecks(a);
    expect(() => a.synth()).toThrow(/\[pack-registration\] AppClientChecks was created with cdk-nag 2\.27\.0 installed, but is not an Aspect/);
  });

  test('an Aspect of any construct of the app counts (a stage, a stack)', () => {
    const a = new App();
    const stage = new Stage(a, 'Dev');
    const stack = new Stack(stage, 'Stack');
    Aspects.of(stack).add(new AppClientChecks(a));
    expect(() => stage.synth()).not.toThrow();
    expect(() => a.synth()).not.toThrow();
  });

  describe("cdk-nag 2's options, as AwsSolutionsChecks takes them", () => {
    function synthWith(props: ConstructorParameters<typeof AppClientChecks>[1], suppress?: boolean) {
      const a = new App();
      Aspects.of(a).add(new AppClientChecks(a, props));
      const stack = new Stack(a, 'Stack');
      const oauth = { allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: ['openid'] };
      const bad = new cognito.CfnUserPoolClient(stack, 'L1', { userPoolId: 'eu-west-1_AbC123', ...oauth, callbackUrLs: ['http://a.example.org/cb'] });
      new cognito.CfnUserPoolClient(stack, 'Good', { userPoolId: 'eu-west-1_AbC123', ...oauth, callbackUrLs: ['https://a.example.org/cb'] });
      if (suppress) NagSuppressions.addResourceSuppressions(bad, [{ id: 'AppClientChecks-redirect-uri-https', reason: 'a legacy partner redirect, until Q3' }]);
      return { dir: a.synth().directory, stack };
    }

    test('reportFormats csv and json: both reports, with a Compliant row for every rule a client passes, as cdk-nag\'s packs write', () => {
      const { dir } = synthWith({ reportFormats: ['csv', 'json'] });
      const csv = readFileSync(join(dir, 'AppClientChecks-Stack-NagReport.csv'), 'utf8').split('\n');
      expect(csv[0]).toBe('Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info');
      const row = (rule: string, resource: string) => csv.find((l) => l.startsWith(`"AppClientChecks-${rule}","Stack/${resource}"`));
      expect(row('redirect-uri-https', 'L1')).toMatch(/,"Non-Compliant","N\/A","Error",/);
      expect(row('redirect-uri-https', 'Good')).toMatch(/,"Compliant","N\/A","Error",/);
      expect(row('token-validity-range', 'Good')).toMatch(/,"Compliant",/);
      // a row per rule per client (but those reported on a resource attached to a client: style, terms, SSO session)
      const onAttached = new Set(ATTACHMENT_RULES.filter((r) => r.reportsOn === 'attachment').map((r) => r.id));
      expect(csv.filter((l) => l.includes('"Stack/Good"'))).toHaveLength(ClientRules.rules().filter((r) => !onAttached.has(r.id)).length);
      const json = JSON.parse(readFileSync(join(dir, 'AppClientChecks-Stack-NagReport.json'), 'utf8'));
      expect(json.lines.find((l: any) => l.ruleId === 'AppClientChecks-redirect-uri-https' && l.resourceId === 'Stack/L1').compliance).toBe('Non-Compliant');
    });

    test('a suppression is a Suppressed row with its reason; logIgnores also annotates it', () => {
      const { dir, stack } = synthWith({ logIgnores: true }, true);
      const csv = readFileSync(join(dir, 'AppClientChecks-Stack-NagReport.csv'), 'utf8');
      expect(csv).toContain('"AppClientChecks-redirect-uri-https","Stack/L1","Suppressed","a legacy partner redirect, until Q3"');
      const infos = Annotations.fromStack(stack).findInfo('/Stack/L1', Match.stringLikeRegexp('AppClientChecks-redirect-uri-https'));
      expect(infos.length).toBeGreaterThan(0);
      expect(found(stack)).toEqual([]);
    });

    test('additionalLoggers get every result; suppressionIgnoreCondition can refuse a suppression', () => {
      const seen: string[] = [];
      const logger: any = {
        onCompliance: () => undefined,
        onNonCompliance: (d: any) => seen.push(`${d.ruleId} ${d.resource.node.path}`),
        onSuppressed: () => undefined,
        onError: () => undefined,
        onSuppressedError: () => undefined,
        onNotApplicable: () => undefined,
      };
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { SuppressionIgnoreErrors } = require('cdk-nag');
      const { stack } = synthWith({ additionalLoggers: [logger], suppressionIgnoreCondition: new SuppressionIgnoreErrors() }, true);
      expect(seen).toEqual(['AppClientChecks-redirect-uri-https Stack/L1']);
      expect(found(stack)).toEqual(['AppClientChecks-redirect-uri-https @ Stack/L1 (error)']);
    });

    test('options that cdk-nag 2 does not have, or of the wrong type, are refused at once, each named', () => {
      expect(() => new AppClientChecks(new App(), { reportFormats: ['xml'], writeSuppressionsToCloudFormation: true, additionalLoggers: [{}], suppressionIgnoreCondition: 'always' }))
        .toThrow(/^\[pack-option\] AppClientChecks options with cdk-nag 2\.27\.0:\n {2}writeSuppressionsToCloudFormation: a cdk-nag 3 option[\s\S]*\n {2}reportFormats: "xml" is not a cdk-nag report format[\s\S]*\n {2}additionalLoggers\[0\]: not a cdk-nag INagLogger \(it has no onCompliance, [\s\S]*\n {2}suppressionIgnoreCondition: not a cdk-nag INagSuppressionIgnore/);
    });
  });

  test("cdk-nag's compliance report is written by default", () => {
    const a = new App();
    Aspects.of(a).add(new AppClientChecks(a));
    const stack = new Stack(a, 'Stack');
    new cognito.CfnUserPoolClient(stack, 'L1', { userPoolId: 'eu-west-1_AbC123', callbackUrLs: ['http://a.example.org'] });
    const dir = a.synth().directory;
    const csv = readFileSync(join(dir, 'AppClientChecks-Stack-NagReport.csv'), 'utf8');
    expect(csv).toContain('AppClientChecks-redirect-uri-https');
  });

  test('finding ids are the catalog ids behind the pack name', () => {
    const pack = new AppClientChecks(undefined, { policy: ClientPolicy.recommended() });
    expect(pack.name).toBe('AppClientChecks');
    expect(pack.readPackName).toBe('AppClientChecks');
    expect(pack.ruleIds).toContain('AppClientChecks-redirect-uri-https');
    expect(pack.ruleIds).toContain('AppClientChecks-policy-no-implicit');
    expect(pack.ruleIds).not.toContain('AppClientChecks-policy-client-secret'); // not turned on by recommended()
    expect(pack.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('AppClientChecks with cdk-nag 2: providers and servers the app says exist outside the template', () => {
  test('an L2 client naming a provider imported with fromProviderName and registered on the pool, and a scope of an imported server: no finding', () => {
    const { stack, userPool } = app();
    userPool.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'));
    const server = cognito.UserPoolResourceServer.fromUserPoolResourceServerId(stack, 'Orders', 'orders-api');
    const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' });
    userPool.addClient('L2', {
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpSAML')],
      oAuth: { callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.resourceServer(server, read)] },
    });
    Template.fromStack(stack);
    expect(found(stack).filter((f) => /-exists /.test(f))).toEqual([]);
  });

  test('an L2 client naming a provider neither in the app nor registered, or a scope of no server: idp-exists and oauth-scope-exists', () => {
    const { stack, userPool } = app();
    cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'); // imported, not registered
    userPool.addClient('L2', {
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpSAML')],
      oAuth: { callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom('orders-api/read')] },
    });
    Template.fromStack(stack);
    expect(found(stack).filter((f) => /-exists /.test(f)).sort()).toEqual([
      'AppClientChecks-idp-exists @ Stack/Pool/L2/Resource (error)',
      'AppClientChecks-oauth-scope-exists @ Stack/Pool/L2/Resource (error)',
    ]);
  });

  test('an AppClient naming a provider of its pool in a sibling stack: no finding', () => {
    const { app: a, stack, userPool } = app();
    const other = new Stack(a, 'Federation');
    new cognito.UserPoolIdentityProviderOidc(other, 'Oidc', {
      userPool, name: 'CorpOIDC', clientId: 'id', clientSecret: 'secret', issuerUrl: 'https://idp.example.org', scopes: ['openid'],
    });
    new AppClient(stack, 'Web', { userPool, supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpOIDC')], oAuth: { callbackUrls: [CALLBACK] } });
    Template.fromStack(stack);
    expect(found(stack).filter((f) => /-exists /.test(f))).toEqual([]);
  });
});
