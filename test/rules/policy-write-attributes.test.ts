import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient, AppClientChecks, ClientPolicy, ClientRules, Severity } from '../../src';
import { cleanTemp, cliJson, tempDir } from '../cli/cli-harness';

/**
 * forbiddenWriteAttributes (policy-write-attributes-forbidden) and requireExplicitWriteAttributes
 * (policy-write-attributes-explicit), issue 24 item 1: an omitted or empty WriteAttributes is every
 * mutable attribute; Mutable: false protects an attribute only when users cannot sign themselves up;
 * dev:custom: is exempt; without the pool, an omitted list is a warning saying so.
 */
const FORBIDDEN = 'policy-write-attributes-forbidden';
const EXPLICIT = 'policy-write-attributes-explicit';
const FORBID = ClientPolicy.fromJson({ forbiddenWriteAttributes: ['custom:role', 'custom:tenant*'] });
const REQUIRE = ClientPolicy.fromJson({ requireExplicitWriteAttributes: true });

const attr = (Name: string, more: any = {}) => ({ Name, AttributeDataType: 'String', ...more });
const ADMIN_ONLY = { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } };

/** A template with a pool (its properties) and a client writing `write` (absent when undefined). */
function template(poolProps: any, write?: any) {
  const props: any = { UserPoolId: { Ref: 'Pool' } };
  if (write !== undefined) props.WriteAttributes = write;
  return { Resources: { Pool: { Type: 'AWS::Cognito::UserPool', Properties: poolProps }, Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: props } } };
}
const inTemplate = (t: any, policy: ClientPolicy, id = FORBIDDEN) => ClientRules.checkTemplate(t, { policy }).filter((f) => f.ruleId === id);
const alone = (props: any, policy: ClientPolicy, id = FORBIDDEN) => ClientRules.check({ UserPoolId: 'us-east-1_AbC123', ...props }, policy).filter((f) => f.ruleId === id);

describe('policy-write-attributes-forbidden', () => {
  test('reject: a listed attribute matching a name or a glob, reported on its entry', () => {
    const f = alone({ WriteAttributes: ['email', 'custom:role', 'custom:tenantId'] }, FORBID);
    expect(f.map((x) => [x.property, x.severity])).toEqual([['WriteAttributes[1]', 'error'], ['WriteAttributes[2]', 'error']]);
    expect(f[1].message).toContain('custom:tenant*');
  });

  test('accept: a list without them; dev:custom: attributes are never user-writable', () => {
    expect(alone({ WriteAttributes: ['email', 'custom:plan'] }, FORBID)).toEqual([]);
    expect(alone({ WriteAttributes: ['email', 'dev:custom:role'] }, FORBID)).toEqual([]);
  });

  test('boundary: an exact name is not a prefix, and a glob needs its literal part', () => {
    expect(alone({ WriteAttributes: ['custom:roles', 'custom:tenan', 'custom:xtenant'] }, FORBID)).toEqual([]);
    expect(alone({ WriteAttributes: ['custom:tenant'] }, FORBID).map((f) => f.property)).toEqual(['WriteAttributes[0]']);
  });

  test('reject: omitted or empty, with a mutable matching attribute in the visible schema', () => {
    for (const write of [undefined, []]) {
      const f = inTemplate(template({ Schema: [attr('role', { Mutable: true })] }, write), FORBID);
      expect(f.map((x) => [x.resource, x.property, x.severity])).toEqual([['Client', 'WriteAttributes', 'error']]);
      expect(f[0].message).toContain('custom:role');
    }
    // Mutable absent is mutable (the API default)
    expect(inTemplate(template({ ...ADMIN_ONLY, Schema: [attr('tenantId')] }), FORBID)).toHaveLength(1);
  });

  test('Mutable: false protects an attribute only when users cannot sign themselves up', () => {
    const immutable = [attr('role', { Mutable: false })];
    expect(inTemplate(template({ ...ADMIN_ONLY, Schema: immutable }), FORBID)).toEqual([]);
    // self sign-up (AllowAdminCreateUserOnly absent or false): users set it at sign-up
    expect(inTemplate(template({ Schema: immutable }), FORBID)).toHaveLength(1);
    expect(inTemplate(template({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: 'false' }, Schema: immutable }), FORBID)).toHaveLength(1);
    expect(inTemplate(template({ Schema: immutable }), FORBID)[0].message).toContain('sign themselves up');
    // listed explicitly: the same
    expect(inTemplate(template({ ...ADMIN_ONLY, Schema: immutable }, ['custom:role']), FORBID)).toEqual([]);
    expect(inTemplate(template({ Schema: immutable }, ['custom:role']), FORBID)).toHaveLength(1);
  });

  test('omitted, with no matching attribute in the visible schema, or only developer-only ones: no finding', () => {
    expect(inTemplate(template({ Schema: [attr('plan')] }), FORBID)).toEqual([]);
    expect(inTemplate(template({ Schema: [attr('role', { DeveloperOnlyAttribute: true })] }), FORBID)).toEqual([]);
    expect(inTemplate(template({}), FORBID)).toEqual([]);
  });

  test('a forbidden standard attribute is writable on every pool when the list is omitted', () => {
    const policy = ClientPolicy.fromJson({ forbiddenWriteAttributes: ['preferred_username'] });
    expect(inTemplate(template({}), policy).map((f) => f.severity)).toEqual(['error']);
    expect(inTemplate(template({ ...ADMIN_ONLY, Schema: [attr('preferred_username', { Mutable: false })] }), policy)).toEqual([]);
  });

  test('pool not visible: an omitted list is a warning saying the pool could not be seen, whatever the policy\'s severity', () => {
    const f = alone({}, FORBID);
    expect(f.map((x) => [x.property, x.severity])).toEqual([['WriteAttributes', Severity.WARNING]]);
    expect(f[0].message).toContain('the pool could not be seen');
    const outside = ClientRules.checkTemplate({ Resources: { Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'us-east-1_AbC123' } } } }, { policy: FORBID })
      .filter((x) => x.ruleId === FORBIDDEN);
    expect(outside.map((x) => x.severity)).toEqual([Severity.WARNING]);
    expect(outside[0].message).toContain('not in this template');
    // a listed attribute is decided without the pool
    expect(alone({ WriteAttributes: ['custom:role'] }, FORBID).map((x) => x.severity)).toEqual([Severity.ERROR]);
  });

  test('unresolved values are skipped: the list, an entry, the Schema (a warning), Mutable or the sign-up setting that could protect', () => {
    expect(alone({ WriteAttributes: { Ref: 'Attrs' } }, FORBID)).toEqual([]);
    expect(alone({ WriteAttributes: [{ 'Fn::Sub': 'custom:${Name}' }] }, FORBID)).toEqual([]);
    expect(inTemplate(template({ Schema: { Ref: 'Schema' } }), FORBID).map((f) => f.severity)).toEqual([Severity.WARNING]);
    expect(inTemplate(template({ ...ADMIN_ONLY, Schema: [attr('role', { Mutable: { Ref: 'M' } })] }), FORBID)).toEqual([]);
    expect(inTemplate(template({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: { Ref: 'A' } }, Schema: [attr('role', { Mutable: false })] }), FORBID)).toEqual([]);
  });

  test('an entry with unresolved parts that matches a forbidden glob whatever they become is reported', () => {
    const f = alone({ WriteAttributes: ['email', { 'Fn::Sub': 'custom:tenant${Stage}' }] }, FORBID);
    expect(f.map((x) => [x.property, x.severity])).toEqual([['WriteAttributes[1]', Severity.ERROR]]);
    expect(f[0].message).toContain('whatever its unresolved parts become');
    expect(f[0].message).toContain('custom:tenant*');
    expect(alone({ WriteAttributes: [{ 'Fn::Join': ['', ['custom:tenant', { Ref: 'X' }, 'Id']] }] }, FORBID)).toHaveLength(1);
    // a resolution could make it right: skipped
    expect(alone({ WriteAttributes: [{ 'Fn::Sub': 'custom:ro${X}' }, { 'Fn::Sub': 'custom:${X}tenant' }] }, FORBID)).toEqual([]);
  });

  test('a listed attribute that an unresolved sign-up setting, Mutable or DeveloperOnlyAttribute could protect is skipped', () => {
    const listed = ['custom:role'];
    expect(inTemplate(template({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: { Ref: 'A' } }, Schema: [attr('role', { Mutable: false })] }, listed), FORBID)).toEqual([]);
    expect(inTemplate(template({ ...ADMIN_ONLY, Schema: [attr('role', { Mutable: { Ref: 'M' } })] }, listed), FORBID)).toEqual([]);
    // omitted list: a DeveloperOnlyAttribute that may be true could make the attribute unwritable
    expect(inTemplate(template({ ...ADMIN_ONLY, Schema: [attr('role', { DeveloperOnlyAttribute: { Ref: 'D' } })] }), FORBID)).toEqual([]);
    // still reported when nothing could protect it
    expect(inTemplate(template({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: { Ref: 'A' } }, Schema: [attr('role', { Mutable: true })] }, listed), FORBID)).toHaveLength(1);
  });
});

describe('policy-write-attributes-explicit', () => {
  test('reject: omitted or empty', () => {
    expect(alone({}, REQUIRE, EXPLICIT).map((f) => [f.property, f.severity])).toEqual([['WriteAttributes', 'error']]);
    expect(alone({ WriteAttributes: [] }, REQUIRE, EXPLICIT)).toHaveLength(1);
  });

  test('accept and boundary: one attribute is a list', () => {
    expect(alone({ WriteAttributes: ['email'] }, REQUIRE, EXPLICIT)).toEqual([]);
  });

  test('unresolved: a Ref is skipped; an item that may vanish is reported for the branch that empties the list', () => {
    expect(alone({ WriteAttributes: { Ref: 'Attrs' } }, REQUIRE, EXPLICIT)).toEqual([]);
    expect(alone({ WriteAttributes: [{ 'Fn::If': ['C', 'email', { Ref: 'AWS::NoValue' }] }] }, REQUIRE, EXPLICIT).map((f) => f.condition)).toEqual(['when C is false']);
  });
});

describe('through the construct and both packs', () => {
  const policy = ClientPolicy.fromJson({ forbiddenWriteAttributes: ['custom:role'], requireExplicitWriteAttributes: true });
  function stackWithClients(app: App) {
    const stack = new Stack(app, 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool', { selfSignUpEnabled: true, customAttributes: { role: new cognito.StringAttribute({ mutable: true }) } });
    new AppClient(stack, 'Writes', { userPool, writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }).withCustomAttributes('role') });
    new AppClient(stack, 'Default', { userPool });
    new AppClient(stack, 'Narrow', { userPool, writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }) });
    return stack;
  }
  const expected = [
    `AppClientChecks-${EXPLICIT} @ Stack/Default (error)`,
    `AppClientChecks-${FORBIDDEN} @ Stack/Default (error)`,
    `AppClientChecks-${FORBIDDEN} @ Stack/Writes (error)`,
  ];

  test('cdk-nag 2: custom:role written (through ClientAttributes) and an omitted list fail; a narrow list passes', () => {
    const app = new App();
    Aspects.of(app).add(new AppClientChecks(app, { policy, reports: false }));
    const stack = stackWithClients(app);
    const a = Annotations.fromStack(stack);
    const found = a.findError('*', Match.stringLikeRegexp('AppClientChecks-policy-write-attributes'))
      .map((m) => `${/^(AppClientChecks-[a-z-]+)/.exec(String(m.entry.data))![1]} @ ${m.id.replace(/^\//, '').replace(/\/Resource$/, '')} (error)`);
    expect(found.sort()).toEqual(expected);
  });

  describe('cdk-nag 3', () => {
    beforeAll(() => {
      jest.resetModules();
    });
    test('the same findings, on the AppClient constructs', () => {
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
        const pack = new src.AppClientChecks(app, { policy: src.ClientPolicy.fromJson({ forbiddenWriteAttributes: ['custom:role'], requireExplicitWriteAttributes: true }) });
        const stack = new cdk.Stack(app, 'Stack');
        const userPool = new cog.UserPool(stack, 'Pool', { selfSignUpEnabled: true, customAttributes: { role: new cog.StringAttribute({ mutable: true }) } });
        new src.AppClient(stack, 'Writes', { userPool, writeAttributes: new cog.ClientAttributes().withStandardAttributes({ email: true }).withCustomAttributes('role') });
        new src.AppClient(stack, 'Default', { userPool });
        new src.AppClient(stack, 'Narrow', { userPool, writeAttributes: new cog.ClientAttributes().withStandardAttributes({ email: true }) });
        const dir = app.synth().directory;
        const report = pack.validate({ templatePaths: fs.readdirSync(dir).filter((n: string) => n.endsWith('.template.json')).map((n: string) => path.join(dir, n)) });
        const found = report.violations.flatMap((v: any) => v.violatingResources.map((r: any) => `${v.ruleName.replace(/\[.*\]$/, '')} @ ${r.constructPath} (${v.severity})`))
          .filter((x: string) => x.includes('policy-write-attributes'));
        expect(found.sort()).toEqual(expected);
      });
    });
  });
});

describe('through the checker', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => cleanTemp(dir));

  test('a client writing custom:role and one listing nothing fail; the report names them', () => {
    const t = template({ Schema: [attr('role')] });
    (t.Resources as any).Writer = { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, WriteAttributes: ['email', 'custom:role'] } };
    (t.Resources as any).Narrow = { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, WriteAttributes: ['email'] } };
    fs.writeFileSync(path.join(dir, 't.json'), JSON.stringify(t));
    fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify({ forbiddenWriteAttributes: ['custom:role'], requireExplicitWriteAttributes: true }));
    const run = cliJson(['t.json', '--policy', 'policy.json'], { cwd: dir });
    expect(run.status).toBe(1);
    const got = run.report.findings.filter((f: any) => f.ruleId.startsWith('policy-write')).map((f: any) => `${f.ruleId} ${f.resource} ${f.property}`).sort();
    expect(got).toEqual([
      `${EXPLICIT} Client WriteAttributes`,
      `${FORBIDDEN} Client WriteAttributes`,
      `${FORBIDDEN} Writer WriteAttributes[1]`,
    ]);
  });
});
