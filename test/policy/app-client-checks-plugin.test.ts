import { copyFileSync, mkdtempSync, readdirSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Aspects, CfnElement, CfnResource, IPolicyValidationPluginBeta1, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as cr from 'aws-cdk-lib/custom-resources';
import { IConstruct } from 'constructs';
import { compliantClients, nonCompliantL1AndL2 } from './clients';
import { AppClient, AppClientChecks, ClientPolicy, ClientRules, Severity } from '../../src';

// The pack as cdk-nag 3 runs it: a validation plugin handed the synthesized templates. The
// plugin needs nothing from cdk-nag 3 itself, so it is tested here on the current line's minimum,
// aws-cdk-lib 2.251 (some tests register it the deprecated `policyValidationBeta1` way, which the
// classic line uses), with the installed cdk-nag reported as 3.0.2; the real cdk-nag 3 on aws-cdk-lib
// 2.265 and 2.278 is proven by the install check (compat/run.js).
jest.mock('../../src/policy/private/cdk-nag', () => ({
  ...jest.requireActual('../../src/policy/private/cdk-nag'),
  loadCdkNag: () => ({ module: {}, version: '3.0.2', major: 3 }),
}));

const ACK = 'aws:cdk:acknowledged-rules'; // what Validations.of(x).acknowledge() records (aws-cdk-lib 2.253+)

function acknowledge(c: IConstruct, id: string, reason?: string) {
  c.node.addMetadata(ACK, { [id]: reason });
}

/** Every stack template of an assembly directory (nested assemblies too, not nested-stack templates). */
function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return templates(p);
    return name.endsWith('.template.json') && !name.includes('.nested.') ? [p] : [];
  });
}

function setup(policy?: ClientPolicy) {
  const a = new App();
  const pack = new AppClientChecks(a, { policy });
  const stack = new Stack(a, 'Stack');
  const userPool = new cognito.UserPool(stack, 'Pool');
  /** Synthesizes (plugins not registered) and runs the pack on every template, as a plugin. */
  const report = () => pack.validate({ templatePaths: templates(a.synth().directory) });
  return { app: a, pack, stack, userPool, report };
}

function found(report: { violations: Array<{ ruleName: string; severity?: string; violatingResources: Array<{}> }> }) {
  // the rule, without the finding id of a finding about one value (`AppClientChecks-<rule>[<finding id>]`)
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName.replace(/\[.*\]$/, '')} @ ${(r as { constructPath?: string }).constructPath} (${v.severity})`));
}

describe('AppClientChecks with cdk-nag 3 (a validation plugin)', () => {
  test('every client of every kind is reported from the synthesized templates, on its construct path', () => {
    const { stack, userPool, report } = setup(ClientPolicy.recommended());
    nonCompliantL1AndL2(stack, userPool);
    new AppClient(stack, 'L3', { userPool, oAuth: { callbackUrls: ['http://localhost:3000/cb'] }, authFlows: { userPassword: true } });
    const r = report();
    expect(r.success).toBe(false);
    expect(found(r)).toEqual(expect.arrayContaining([
      'AppClientChecks-redirect-uri-https @ Stack/L1 (error)',
      'AppClientChecks-policy-no-implicit @ Stack/L1 (error)',
      'AppClientChecks-oauth-client-credentials-secret @ Stack/Pool/L2/Resource (error)',
      // an AppClient's policy findings are reported on the AppClient (the path the user wrote)
      'AppClientChecks-policy-no-loopback-in-prod @ Stack/L3 (error)',
      'AppClientChecks-policy-no-plaintext-password-flows @ Stack/L3 (error)',
    ]));
    const v = r.violations.find((x) => x.ruleName === 'AppClientChecks-redirect-uri-https[CallbackURLs::http://app.example.org/cb]')!;
    // the report names the rule and the construct: the description says neither again
    expect(v.description).toMatch(/^CallbackURLs\[0\] = "http:\/\/app\.example\.org\/cb"/);
    expect(v.fix).toContain('https://app.example.org/cb');
    expect(v.violatingResources[0]).toMatchObject({ resourceLogicalId: 'L1', locations: ['Properties/CallbackURLs[0]'] });
  });

  test('the compliant app passes; warnings alone keep success true', () => {
    const ok = setup(ClientPolicy.recommended());
    compliantClients(ok.stack, ok.userPool);
    expect(found(ok.report())).toEqual([]);
    const { stack, userPool, report } = setup(ClientPolicy.recommended());
    compliantClients(stack, userPool);
    new AppClient(stack, 'Warn', { userPool, oAuth: { callbackUrls: ['https://app.example.org/cb'] } });
    const r = report();
    expect(found(r)).toEqual(['AppClientChecks-policy-refresh-rotation @ Stack/Warn (warning)']);
    expect(r.success).toBe(true);
  });

  test('what the template says is checked: a resource turned into a client by an override', () => {
    const { stack, report } = setup();
    const other = new CfnResource(stack, 'Sneaky', { type: 'AWS::SNS::Topic', properties: {} });
    other.addOverride('Type', 'AWS::Cognito::UserPoolClient');
    other.addOverride('Properties', { UserPoolId: 'eu-west-1_AbC123', CallbackURLs: ['http://evil.example.org/cb'] });
    expect(found(report())).toContain('AppClientChecks-redirect-uri-https @ Stack/Sneaky (error)');
  });

  test('clients in nested stacks are checked in their own templates', () => {
    const { stack, report } = setup();
    const nested = new NestedStack(stack, 'Nested');
    new cognito.CfnUserPoolClient(nested, 'InNested', { userPoolId: 'eu-west-1_AbC123', callbackUrLs: ['http://a.example.org'] });
    expect(found(report())).toContain('AppClientChecks-redirect-uri-https @ Stack/Nested/InNested (error)');
  });

  test('a resource server in a nested stack is visible to the scope rules of a client in the parent', () => {
    const { stack, userPool, report } = setup();
    const nested = new NestedStack(stack, 'Apis');
    new cognito.CfnUserPoolResourceServer(nested, 'Orders', { userPoolId: userPool.userPoolId, identifier: 'orders-api', name: 'orders', scopes: [{ scopeName: 'read', scopeDescription: 'read' }] });
    const client = new cognito.CfnUserPoolClient(stack, 'Worker', {
      userPoolId: userPool.userPoolId,
      generateSecret: true,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['client_credentials'],
      allowedOAuthScopes: ['orders-api/read', 'orders-api/write'],
    });
    client.node.addDependency(nested);
    const r = found(report());
    expect(r).toContain('AppClientChecks-oauth-scope-exists @ Stack/Worker (error)'); // orders-api/write is defined nowhere
    expect(r.filter((x) => x.startsWith('AppClientChecks-oauth-scope-'))).toHaveLength(1); // orders-api/read is found, in order
  });

  test("an AppClient's documented errors are left to the AppClient (reported once)", () => {
    const { app: a, stack, userPool, pack } = setup();
    new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
    expect(() => a.synth()).toThrow(/\[redirect-uri-https\] CallbackURLs\[0\]/);
    // and the pack did not report it: synthesized with validation skipped, the pack sees the AppClient's
    // documented error in the template and leaves it to the AppClient, which already failed synth
    const r = pack.validate({ templatePaths: templates(a.synth({ skipValidation: true }).directory) });
    expect(found(r)).toEqual([]);
  });

  test('each stage is checked by its own pack only', () => {
    // GIVEN a relaxed pack on Dev and the strict one on Prod, registered per stage
    const a = new App();
    const devPack = new AppClientChecks(a, { policy: ClientPolicy.recommended({ allowLoopbackUrls: true }) });
    const prodPack = new AppClientChecks(a, { policy: ClientPolicy.recommended() });
    const dev = new Stage(a, 'Dev', { policyValidationBeta1: [devPack as IPolicyValidationPluginBeta1] });
    const prod = new Stage(a, 'Prod', { policyValidationBeta1: [prodPack] });
    for (const [stage, url] of [[dev, 'http://localhost:3000/cb'], [prod, 'https://app.example.org/cb']] as const) {
      const s = new Stack(stage, 'Auth');
      compliantClients(s, new cognito.UserPool(s, 'Pool'));
      (s.node.findChild('L1') as cognito.CfnUserPoolClient).callbackUrLs = [url];
    }
    // WHEN the app is synthesized THEN neither pack fails: Prod's never sees Dev's loopback client
    expect(() => a.synth()).not.toThrow();
  });

  describe('acknowledgements', () => {
    function withFinding() {
      const ctx = setup(ClientPolicy.recommended());
      compliantClients(ctx.stack, ctx.userPool);
      const l1 = ctx.stack.node.findChild('L1') as cognito.CfnUserPoolClient;
      l1.preventUserExistenceErrors = 'LEGACY';
      return { ...ctx, l1 };
    }

    test.each([
      'AppClientChecks-policy-prevent-user-existence',
      'AppClientChecks::AppClientChecks-policy-prevent-user-existence',
      'AppClientChecks::policy-prevent-user-existence',
    ])('%s with a reason silences the finding on that construct', (id) => {
      const { l1, report } = withFinding();
      acknowledge(l1, id, 'legacy mobile app relies on UserNotFoundException until 2027');
      expect(found(report())).toEqual([]);
    });

    test('an acknowledgement on an ancestor covers the clients below it', () => {
      const { stack, report } = withFinding();
      acknowledge(stack, 'AppClientChecks-policy-prevent-user-existence', 'migration ticket AUTH-42');
      expect(found(report())).toEqual([]);
    });

    test.each([[''], ['   '], [undefined]])('fails when the acknowledgement has no reason (%p)', (reason) => {
      const { l1, report } = withFinding();
      acknowledge(l1, 'AppClientChecks-policy-prevent-user-existence', reason);
      const r = report();
      expect(found(r)).toEqual([
        'AppClientChecks-acknowledgement-reason @ Stack/L1 (fatal)',
        'AppClientChecks-policy-prevent-user-existence @ Stack/L1 (error)',
      ]);
      expect(r.violations[0].description).toContain('is refused: it has no reason (fewer than 10 visible characters)');
      expect(r.success).toBe(false);
    });
  });

  test.each([['\u200B'.repeat(10)], ['\u3164'.repeat(10)], ['\u2800'.repeat(10)], [' '.repeat(10)], ['\u00A0'.repeat(10)], ['too short']])('an acknowledgement whose reason has fewer than 10 visible characters (%p) is refused, saying so', (reason) => {
    const ctx = setup(ClientPolicy.recommended());
    compliantClients(ctx.stack, ctx.userPool);
    const l1 = ctx.stack.node.findChild('L1') as cognito.CfnUserPoolClient;
    l1.preventUserExistenceErrors = 'LEGACY';
    acknowledge(l1, 'AppClientChecks-policy-prevent-user-existence', reason);
    const r = ctx.report();
    expect(found(r)).toEqual([
      'AppClientChecks-acknowledgement-reason @ Stack/L1 (fatal)',
      'AppClientChecks-policy-prevent-user-existence @ Stack/L1 (error)',
    ]);
    expect(r.violations[0].description).toContain('fewer than 10 visible characters');
  });

  test.each([['\u200B'.repeat(10)], ['\u3164'.repeat(10)], ['\u2800'.repeat(10)], [' '.repeat(10)], ['\u00A0'.repeat(10)], ['too short']])('excludeStage refuses a reason with fewer than 10 visible characters (%p)', (reason) => {
    const a = new App();
    const pack = new AppClientChecks(a);
    expect(() => pack.excludeStage(new Stage(a, 'Dev'), reason)).toThrow(/^\[pack-option\] AppClientChecks\.excludeStage\(Dev\): .*fewer than 10 visible characters/);
  });

  test.each([
    'Annotation::AppClientChecks-acknowledgement-reason',
    'AppClientChecks-acknowledgement-reason',
    'AppClientChecks::AppClientChecks-acknowledgement-reason',
    'AppClientChecks::acknowledgement-reason',
  ])('the refusal of a reasonless acknowledgement cannot itself be acknowledged (%s on the app)', (id) => {
    const ctx = setup(ClientPolicy.recommended());
    compliantClients(ctx.stack, ctx.userPool);
    const l1 = ctx.stack.node.findChild('L1') as cognito.CfnUserPoolClient;
    l1.preventUserExistenceErrors = 'LEGACY';
    acknowledge(l1, 'AppClientChecks-policy-prevent-user-existence', '');
    // what Validations.of(app).acknowledge({ id, reason }) records (aws-cdk-lib 2.253+)
    acknowledge(ctx.app, id, 'silence every refused acknowledgement');
    const r = ctx.report();
    expect(found(r)).toEqual([
      'AppClientChecks-acknowledgement-reason @ Stack/L1 (fatal)',
      'AppClientChecks-policy-prevent-user-existence @ Stack/L1 (error)',
    ]);
    // aws-cdk-lib (2.253 and later) never suppresses a fatal violation, whatever is acknowledged
    expect(r.violations[0].severity).toBe('fatal');
    expect(r.success).toBe(false);
  });

  test('a refused acknowledgement alone fails the report', () => {
    const ctx = setup(ClientPolicy.recommended({ severities: { 'policy-prevent-user-existence': Severity.WARNING } }));
    compliantClients(ctx.stack, ctx.userPool);
    const l1 = ctx.stack.node.findChild('L1') as cognito.CfnUserPoolClient;
    l1.preventUserExistenceErrors = 'LEGACY';
    acknowledge(l1, 'AppClientChecks-policy-prevent-user-existence', '');
    const r = ctx.report();
    expect(found(r)).toEqual([
      'AppClientChecks-acknowledgement-reason @ Stack/L1 (fatal)',
      'AppClientChecks-policy-prevent-user-existence @ Stack/L1 (warning)',
    ]);
    expect(r.success).toBe(false);
  });

  describe('acknowledgements follow the construct tree, not the aws:cdk:path string of a template', () => {
    const PROPS = { UserPoolId: 'eu-west-1_AbC123', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://a.example.org/cb'] };
    /** A raw element that writes its own resource, with metadata naming the acknowledged construct. */
    class RawElement extends CfnElement {
      public _toCloudFormation(): object {
        return { Resources: { [this.logicalId]: { Type: 'AWS::Cognito::UserPoolClient', Metadata: { 'aws:cdk:path': 'Stack/Acked' }, Properties: PROPS } } };
      }
    }
    function withAcked() {
      const ctx = setup();
      const acked = new cognito.CfnUserPoolClient(ctx.stack, 'Acked', { userPoolId: 'eu-west-1_AbC123' });
      acknowledge(acked, 'AppClientChecks-redirect-uri-https', 'the acknowledged client only, ticket AUTH-1');
      return ctx;
    }

    test.each([
      ['a raw CfnElement', (stack: Stack) => new RawElement(stack, 'Raw')],
      ['a CfnResource with addMetadata', (stack: Stack) => new CfnResource(stack, 'Raw', { type: 'AWS::Cognito::UserPoolClient', properties: PROPS }).addMetadata('aws:cdk:path', 'Stack/Acked')],
      ['a CfnResource with addOverride', (stack: Stack) => new CfnResource(stack, 'Raw', { type: 'AWS::Cognito::UserPoolClient', properties: PROPS }).addOverride('Metadata.aws:cdk:path', 'Stack/Acked')],
    ])('%s naming an acknowledged construct\'s path does not inherit its acknowledgement', (_, add) => {
      const { stack, report } = withAcked();
      add(stack);
      const r = report();
      expect(r.violations.map((v) => [v.ruleName.replace(/\[.*\]$/, ''), v.violatingResources[0].resourceLogicalId])).toEqual([['AppClientChecks-redirect-uri-https', 'Raw']]);
      expect(r.success).toBe(false);
      // nor is it reported on that construct's path, where aws-cdk-lib would apply the acknowledgement
      expect(found(r)).toEqual([expect.stringMatching(/^AppClientChecks-redirect-uri-https @ (Stack\/Raw|Raw) \(error\)$/)]);
    });

    test('a raw CfnElement client is its own place in the tree: reported on its path, acknowledged on it or its ancestors', () => {
      const { stack, report } = withAcked();
      const raw = new RawElement(stack, 'Raw');
      expect(found(report())).toEqual(['AppClientChecks-redirect-uri-https @ Stack/Raw (error)']);
      acknowledge(raw, 'AppClientChecks-redirect-uri-https', 'the client written by hand, ticket AUTH-2');
      expect(found(report())).toEqual([]);
    });

    test('a template read from a copy of the assembly still finds its construct by path, logical id and template name', () => {
      const a = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
      const pack = new AppClientChecks(a);
      const stack = new Stack(a, 'Stack');
      const acked = new cognito.CfnUserPoolClient(stack, 'Acked', { userPoolId: 'eu-west-1_AbC123', allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: ['openid'], callbackUrLs: ['http://a.example.org/cb'] });
      const other = new cognito.CfnUserPoolClient(stack, 'Other', { userPoolId: 'eu-west-1_AbC123', allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: ['openid'], callbackUrLs: ['http://b.example.org/cb'] });
      acknowledge(acked, 'AppClientChecks-redirect-uri-https', 'the acknowledged client only, ticket AUTH-1');
      // a raw resource whose metadata names the acknowledged one: in a copy, only the path can find a construct
      new CfnResource(stack, 'Raw', { type: 'AWS::Cognito::UserPoolClient', properties: PROPS }).addOverride('Metadata.aws:cdk:path', 'Stack/Acked');
      const copy = mkdtempSync(join(tmpdir(), 'copy-'));
      const file = join(copy, 'Stack.template.json');
      copyFileSync(join(a.synth().directory, 'Stack.template.json'), file);
      const r = pack.validate({ templatePaths: [file] });
      // the raw resource is not reported on the path its metadata claims (aws-cdk-lib would apply that construct's acknowledgements)
      expect(found(r)).toEqual([`AppClientChecks-redirect-uri-https @ ${other.node.path} (error)`, 'AppClientChecks-redirect-uri-https @ Raw (error)']);
      expect(r.violations.map((v) => v.violatingResources[0].resourceLogicalId)).toEqual(['Other', 'Raw']);
    });
  });

  test('added as an Aspect without a scope, it fails at once, naming cdk-nag 3 and the line to use', () => {
    const pack = new AppClientChecks();
    expect(() => pack.visit(new App())).toThrow(/^\[pack-registration\] AppClientChecks was added as an Aspect, but cdk-nag 3\.0\.2 is installed[\s\S]*Validations\.of\(app\)\.addPlugins\(new AppClientChecks\(app\)\)/);
  });

  test('added as an Aspect of its app, the synth fails with the message as a construct validation (every release and app mode)', () => {
    const a = new App();
    const pack = new AppClientChecks(a);
    Aspects.of(a).add(pack);
    new Stack(a, 'Stack');
    expect(() => a.synth()).toThrow(/Validation failed[\s\S]*\[pack-registration\] AppClientChecks was added as an Aspect, but cdk-nag 3\.0\.2 is installed, where packs are validation plugins, so nothing is checked\. Fix: replace Aspects/);
  });

  test("cdk-nag 2's options are refused with cdk-nag 3, each named (cdk-nag 3 removed them)", () => {
    expect(() => new AppClientChecks(new App(), { reports: true, reportFormats: ['csv'], logIgnores: true }))
      .toThrow(/^\[pack-option\] AppClientChecks options with cdk-nag 3\.0\.2:\n {2}reports: a cdk-nag 2 option, which cdk-nag 3 removed[\s\S]*\n {2}reportFormats: [\s\S]*\n {2}logIgnores: /);
  });

  test('verbose adds each rule\'s explanation (its title and source) to the description', () => {
    const plain = setup();
    new cognito.CfnUserPoolClient(plain.stack, 'L1', { userPoolId: 'eu-west-1_AbC123', allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: ['openid'], callbackUrLs: ['http://a.example.org/cb'] });
    const a = new App();
    const pack = new AppClientChecks(a, { verbose: true });
    const stack = new Stack(a, 'Stack');
    new cognito.CfnUserPoolClient(stack, 'L1', { userPoolId: 'eu-west-1_AbC123', allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: ['openid'], callbackUrLs: ['http://a.example.org/cb'] });
    const verbose = pack.validate({ templatePaths: templates(a.synth().directory) }).violations.find((v) => v.ruleName.startsWith('AppClientChecks-redirect-uri-https['))!;
    const terse = plain.report().violations.find((v) => v.ruleName.startsWith('AppClientChecks-redirect-uri-https['))!;
    const rule = ClientRules.rules().find((r) => r.id === 'redirect-uri-https')!;
    expect(verbose.description).toBe(`${terse.description} (${rule.title}. Source: ${rule.source} Rule page: ${rule.docs})`);
  });

  describe("an AppClient's errors with the pack registered", () => {
    function withBrokenAppClient(register: (a: App, pack: AppClientChecks) => void) {
      const a = new App();
      const pack = new AppClientChecks(a);
      register(a, pack);
      const stack = new Stack(a, 'Stack');
      new AppClient(stack, 'Client', { userPool: new cognito.UserPool(stack, 'Pool'), oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
      return { a, pack, stack };
    }

    /** Synthesizes: the message of what was thrown ('' if nothing), with process.exitCode kept (aws-cdk-lib 2.251 sets it on a failed report). */
    function synthMessage(synth: () => unknown): string {
      const saved = process.exitCode;
      try {
        synth();
        return '';
      } catch (e) {
        return String((e as Error).message);
      } finally {
        process.exitCode = saved;
      }
    }

    test('are in the plugin\'s report, so the synth reaches every plugin (the AppClient does not stop it)', () => {
      const { a, pack } = withBrokenAppClient((app, p) => Validations.of(app).addPlugins(p));
      // the construct validation does not throw the AppClient's error: the synth goes on to the plugins
      expect(synthMessage(() => a.synth())).not.toContain('[Stack/Client] [redirect-uri-https]');
      const r = pack.validate({ templatePaths: templates(a.outdir) });
      expect(r.success).toBe(false);
      expect(found(r)).toEqual(['AppClientChecks-redirect-uri-https @ Stack/Client (error)']);
    });

    test('registered the classic way (StageProps.policyValidationBeta1) too', () => {
      const a = new App();
      const pack = new AppClientChecks(a);
      const stage = new Stage(a, 'Prod', { policyValidationBeta1: [pack as IPolicyValidationPluginBeta1] });
      const stack = new Stack(stage, 'Stack');
      new AppClient(stack, 'Client', { userPool: new cognito.UserPool(stack, 'Pool'), oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
      expect(synthMessage(() => a.synth())).not.toContain('[redirect-uri-https]');
      expect(found(pack.validate({ templatePaths: templates(stage.outdir) }))).toEqual(['AppClientChecks-redirect-uri-https @ Prod/Stack/Client (error)']);
    });

    test('a pack made but never added as a plugin leaves the AppClient to throw its errors itself (no silent skip)', () => {
      const { a } = withBrokenAppClient(() => undefined);
      expect(() => a.synth()).toThrow(/\[redirect-uri-https\] CallbackURLs\[0\] = "http:\/\/a\.example\.org\/cb"/);
    });
  });

  test('a stage the app excludes, saying why, is not checked by the app\'s plugin, and its report says so; an AppClient there reports itself', () => {
    const a = new App();
    const pack = new AppClientChecks(a, { policy: new ClientPolicy({ allowLoopbackUrls: false }) });
    const dev = new Stage(a, 'Dev');
    pack.excludeStage(dev, 'development stage with loopback callbacks');
    const stack = new Stack(dev, 'Auth');
    new cognito.CfnUserPoolClient(stack, 'Local', { userPoolId: 'eu-west-1_AbC123', allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: ['openid'], callbackUrLs: ['http://localhost:3000/cb'] });
    const r = pack.validate({ templatePaths: templates(a.synth().directory) });
    expect(r.success).toBe(true);
    expect(r.violations.map((v) => [v.ruleName, v.severity, v.description])).toEqual([
      ['AppClientChecks-stage-excluded', 'warning', 'the AppClientChecks pack of the app does not check stage Dev: development stage with loopback callbacks'],
    ]);
    // registered as the app's plugin, it does not take over an AppClient in the excluded stage
    const b = new App();
    const plugin = new AppClientChecks(b);
    Validations.of(b).addPlugins(plugin);
    const devB = new Stage(b, 'Dev');
    plugin.excludeStage(devB, 'development stage with loopback callbacks');
    const stackB = new Stack(devB, 'Auth');
    new AppClient(stackB, 'Client', { userPool: new cognito.UserPool(stackB, 'Pool'), oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
    expect(() => devB.synth()).toThrow(/\[redirect-uri-https\] CallbackURLs\[0\]/);
  });

  test('what may hold clients unseen is in the report: a CfnStack that is no nested stack of the app; a NestedStack is checked, not reported', () => {
    const { stack, report } = setup();
    new NestedStack(stack, 'Inner');
    new CfnResource(stack, 'Outside', { type: 'AWS::CloudFormation::Stack', properties: { TemplateURL: 'https://s3.amazonaws.com/b/other.json' } });
    expect(found(report())).toEqual(['AppClientChecks-client-not-checkable @ Stack/Outside (warning)']);
  });

  test('a client made through the SDK (service cognito-identity-provider, Type overridden to AWS::CloudFormation::CustomResource) is reported on the custom resource', () => {
    const { stack, userPool, report } = setup();
    const sdk = new cr.AwsCustomResource(stack, 'SdkClient', {
      onCreate: {
        service: 'cognito-identity-provider',
        action: 'CreateUserPoolClientCommand',
        parameters: { UserPoolId: userPool.userPoolId, ClientName: 'sdk', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://sdk.example.org/cb'] },
        physicalResourceId: cr.PhysicalResourceId.fromResponse('UserPoolClient.ClientId'),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    });
    (sdk.node.findChild('Resource').node.defaultChild as CfnResource).addOverride('Type', 'AWS::CloudFormation::CustomResource');
    expect(found(report())).toEqual(['AppClientChecks-redirect-uri-https @ Stack/SdkClient/Resource/Default (error)']);
  });

  describe('Fn::ForEach (AWS::LanguageExtensions) in a template', () => {
    const CLIENT = { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'eu-west-1_AbC123', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://${Name}.example.org/cb'] } };
    /** A raw element that writes a loop into Resources, as CfnInclude or an escape hatch could. */
    class Loop extends CfnElement {
      constructor(scope: Stack, id: string, private readonly collection: unknown) { super(scope, id); }
      public _toCloudFormation(): object {
        return { Resources: { 'Fn::ForEach::Clients': ['Name', this.collection, { 'Client${Name}': CLIENT }] } };
      }
    }
    const violations = (r: any) => r.violations.map((v: any) => `${v.ruleName.replace(/\[.*\]$/, '')} ${v.violatingResources[0].resourceLogicalId} (${v.severity})`);

    test('the clients a loop makes are checked', () => {
      const { stack, report } = setup();
      stack.addTransform('AWS::LanguageExtensions');
      new Loop(stack, 'Loop', ['web', 'admin']);
      expect(violations(report())).toEqual(['AppClientChecks-redirect-uri-https Clientweb (error)', 'AppClientChecks-redirect-uri-https Clientadmin (error)']);
    });

    test('a loop whose collection is known only at deploy time is one client-not-checkable warning', () => {
      const { stack, report } = setup();
      stack.addTransform('AWS::LanguageExtensions');
      new Loop(stack, 'Loop', { Ref: 'Names' });
      const r = report();
      expect(violations(r)).toEqual(['AppClientChecks-client-not-checkable Fn::ForEach::Clients (warning)']);
      expect(r.success).toBe(true);
    });
  });

  test('registered as a plugin, nothing is said; a stack without resources has nothing to check', () => {
    const a = new App();
    const pack = new AppClientChecks(a);
    Validations.of(a).addPlugins(pack);
    new Stack(a, 'Stack');
    expect(() => a.synth()).not.toThrow();
    expect(pack.validate({ templatePaths: templates(a.synth().directory) })).toEqual({ success: true, violations: [], pluginVersion: pack.version });
  });
});

describe('AppClientChecks with cdk-nag 3: providers and servers the app says exist outside the template', () => {
  const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' });
  const exists = (r: ReturnType<AppClientChecks['validate']>) => found(r).filter((f) => /-exists /.test(f)).sort();

  test('an L2 client naming a provider imported with fromProviderName and registered on the pool, and a scope of an imported server: no finding', () => {
    const { stack, userPool, report } = setup();
    userPool.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'));
    const server = cognito.UserPoolResourceServer.fromUserPoolResourceServerId(stack, 'Orders', 'orders-api');
    userPool.addClient('L2', {
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpSAML')],
      oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.resourceServer(server, read)] },
    });
    expect(exists(report())).toEqual([]);
  });

  test('an L2 client naming a provider imported but not registered, and a scope of no server: idp-exists and oauth-scope-exists', () => {
    const { stack, userPool, report } = setup();
    cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML');
    userPool.addClient('L2', {
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpSAML')],
      oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom('orders-api/read')] },
    });
    expect(exists(report())).toEqual([
      'AppClientChecks-idp-exists @ Stack/Pool/L2/Resource (error)',
      'AppClientChecks-oauth-scope-exists @ Stack/Pool/L2/Resource (error)',
    ]);
  });

  test('an AppClient naming a provider and a scope of its pool in a sibling stack: no finding', () => {
    const { app: a, stack, userPool, report } = setup();
    const other = new Stack(a, 'Federation');
    new cognito.UserPoolIdentityProviderOidc(other, 'Oidc', {
      userPool, name: 'CorpOIDC', clientId: 'id', clientSecret: 'secret', issuerUrl: 'https://idp.example.org', scopes: ['openid'],
    });
    new cognito.UserPoolResourceServer(other, 'Orders', { userPool, identifier: 'orders-api', scopes: [read] });
    new AppClient(stack, 'Web', {
      userPool,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpOIDC')],
      oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom('orders-api/read')] },
    });
    expect(exists(report())).toEqual([]);
  });
});

describe('in an app of another jsii language', () => {
  const saved = { agent: process.env.JSII_AGENT, mode: process.env.CDK_APP_MODE };
  afterEach(() => {
    for (const [k, v] of [['JSII_AGENT', saved.agent], ['CDK_APP_MODE', saved.mode]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  test("under the cdk CLI (process mode) the pack makes a failed validation throw to the app, whose process never sees Node's exit code", () => {
    process.env.JSII_AGENT = 'Python/3.11.7';
    process.env.CDK_APP_MODE = 'process';
    new AppClientChecks(new App());
    expect(process.env.CDK_APP_MODE).toBe('inmemory');
  });

  test('a JavaScript app keeps its mode', () => {
    delete process.env.JSII_AGENT;
    process.env.CDK_APP_MODE = 'process';
    new AppClientChecks(new App());
    expect(process.env.CDK_APP_MODE).toBe('process');
  });
});
