import * as fs from 'fs';
import * as path from 'path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { cleanTemp, cli, cliJson, tempDir, writeIn } from './cli-harness';
import { AppClient } from '../../src';

process.env.CDK_VALIDATION = 'false';

const POOL = 'eu-west-1_AbCdEf123';
const A = 'http://a.example.org/cb';
const B = 'http://b.example.org/cb';
/** A client with two HTTP callback URLs: two redirect-uri-https errors, each with its finding id. */
const TWO_HTTP = {
  Type: 'AWS::Cognito::UserPoolClient',
  Properties: { UserPoolId: POOL, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: [A, B] },
};
/** A client whose UserPoolId is malformed: one user-pool-id-format error, without a finding id. */
const BAD_POOL = { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'x' } };
const REASON = 'internal test host, never deployed to production';

let dir: string;
beforeEach(() => { dir = tempDir(); });
afterEach(() => cleanTemp(dir));

const write = (name: string, value: unknown): string => writeIn(dir, name, value);

function withNag(resource: any, rules: object[]): any {
  return { ...resource, Metadata: { cdk_nag: { rules_to_suppress: rules } } };
}

/** Synthesizes an app with one stack `Dev` into `outdir`. */
function synth(outdir: string, build: (stack: Stack) => void): void {
  const app = new App({ outdir });
  build(new Stack(app, 'Dev'));
  app.synth();
}

/** A CfnUserPoolClient with two HTTP callback URLs. */
function httpClient(scope: Stack | NestedStack, id: string): cognito.CfnUserPoolClient {
  return new cognito.CfnUserPoolClient(scope, id, { // CREATED-HERE: the first frame of user code
    userPoolId: POOL, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: ['openid'], callbackUrLs: [A, B],
  });
}

describe('cdk-nag 2 suppressions in template metadata', () => {
  test('a rule-level suppression on the resource covers every finding of the rule; it is listed with its reason and source', () => {
    const file = write('t.json', { Resources: { Web: withNag(TWO_HTTP, [{ id: 'AppClientChecks-redirect-uri-https', reason: REASON }]) } });
    const { status, report, stderr } = cliJson([file]);
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toEqual([A, B].map((u) => expect.objectContaining({
      ruleId: 'redirect-uri-https',
      findingId: `CallbackURLs::${u}`,
      severity: 'error',
      resource: 'Web',
      file,
      reason: REASON,
      source: 'cdk-nag-resource',
      suppressionId: 'AppClientChecks-redirect-uri-https',
    })));
    expect(stderr).toBe('cognito-client-check: 1 client checked: 0 errors, 0 warnings, 2 suppressed\n');
  });

  test('applies_to with a finding id covers only that finding', () => {
    const file = write('t.json', { Resources: { Web: withNag(TWO_HTTP, [{ id: 'AppClientChecks-redirect-uri-https', reason: REASON, applies_to: [`CallbackURLs::${A}`] }]) } });
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.property)).toEqual(['CallbackURLs[1]']);
    expect(report.suppressed.map((s) => s.findingId)).toEqual([`CallbackURLs::${A}`]);
  });

  test('applies_to with cdk-nag\'s { regex: "/.../flags" } form', () => {
    const file = write('t.json', { Resources: { Web: withNag(TWO_HTTP, [{ id: 'AppClientChecks-redirect-uri-https', reason: REASON, applies_to: [{ regex: '/^CALLBACKURLS::http:\\/\\/b\\./i' }] }]) } });
    const { report } = cliJson([file]);
    expect(report.suppressed.map((s) => s.findingId)).toEqual([`CallbackURLs::${B}`]);
    expect(report.findings.map((f) => f.property)).toEqual(['CallbackURLs[0]']);
  });

  test('an entry with applies_to never covers a finding without a finding id', () => {
    const file = write('t.json', { Resources: { C: withNag(BAD_POOL, [{ id: 'AppClientChecks-user-pool-id-format', reason: REASON, applies_to: [{ regex: '/.*/' }] }]) } });
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['user-pool-id-format']);
    expect(report.suppressed).toEqual([]);
  });

  test('a reason cdk-nag encoded (is_reason_encoded) is decoded', () => {
    const encoded = Buffer.from(REASON).toString('base64');
    const file = write('t.json', { Resources: { Web: withNag(TWO_HTTP, [{ id: 'AppClientChecks-redirect-uri-https', reason: encoded, is_reason_encoded: true }]) } });
    const { report } = cliJson([file]);
    expect(report.suppressed.map((s) => s.reason)).toEqual([REASON, REASON]);
  });

  test('a stack-wide suppression in the template\'s Metadata covers every resource', () => {
    const file = write('t.json', {
      Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AppClientChecks-user-pool-id-format', reason: REASON }] } },
      Resources: { C1: BAD_POOL, C2: BAD_POOL },
    });
    const { status, report } = cliJson([file]);
    expect(status).toBe(0);
    expect(report.suppressed.map((s) => [s.resource, s.source])).toEqual([['C1', 'cdk-nag-stack'], ['C2', 'cdk-nag-stack']]);
  });

  test('a suppression without a reason, or with one shorter than cdk-nag\'s 10 characters, is refused: the finding stays and the refusal is listed', () => {
    const file = write('t.json', {
      Resources: {
        C1: withNag(BAD_POOL, [{ id: 'AppClientChecks-user-pool-id-format', reason: 'too short' }]),
        C2: withNag(BAD_POOL, [{ id: 'AppClientChecks-user-pool-id-format' }]),
      },
    });
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.resource)).toEqual(['C1', 'C2']);
    expect(report.refusedSuppressions.map((r) => [r.resource, r.refused])).toEqual([
      ['C1', 'its reason has fewer than 10 visible characters (8)'],
      ['C2', 'it has no reason (fewer than 10 visible characters)'],
    ]);
    const text = cli([file]).stdout;
    expect(text).toContain('Refused suppressions');
    expect(text).toContain('refused: cdk-nag suppression in the resource\'s metadata (AppClientChecks-user-pool-id-format): it has no reason');
  });

  test('another pack\'s suppressions are not this pack\'s', () => {
    const file = write('t.json', { Resources: { C: withNag(BAD_POOL, [{ id: 'AwsSolutions-COG1', reason: REASON }, { id: 'user-pool-id-format', reason: REASON }]) } });
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    expect(report.suppressed).toEqual([]);
    expect(report.refusedSuppressions).toEqual([]);
  });
});

describe('acknowledgements in a cloud assembly (read from manifest.json, by construct path)', () => {
  test('where aws-cdk-lib 2.251 writes them: the stack artifact\'s additionalMetadataFile, every type kept', () => {
    const out = path.join(dir, 'cdk.out');
    synth(out, (stack) => {
      httpClient(stack, 'Web').node.addMetadata('aws:cdk:acknowledged-rules', { 'Annotation::AppClientChecks-redirect-uri-https': REASON });
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const artifact = manifest.artifacts.Dev;
    const metadata = { ...artifact.metadata, ...(artifact.additionalMetadataFile ? JSON.parse(fs.readFileSync(path.join(out, artifact.additionalMetadataFile), 'utf8')) : {}) };
    expect(metadata['/Dev/Web']).toEqual(expect.arrayContaining([
      { type: 'aws:cdk:logicalId', data: 'Web' },
      { type: 'aws:cdk:acknowledged-rules', data: { 'Annotation::AppClientChecks-redirect-uri-https': REASON } },
    ]));
  });

  test('Validations.of(x).acknowledge\'s metadata (Annotation::AppClientChecks-<rule>) on the client covers the rule', () => {
    const out = path.join(dir, 'cdk.out');
    synth(out, (stack) => {
      httpClient(stack, 'Web').node.addMetadata('aws:cdk:acknowledged-rules', { 'Annotation::AppClientChecks-redirect-uri-https': REASON });
      httpClient(stack, 'Other');
    });
    const { status, report } = cliJson([out]);
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.resource)).toEqual(['Other', 'Other']);
    expect(report.suppressed).toEqual([A, B].map(() => expect.objectContaining({
      resource: 'Web',
      constructPath: '/Dev/Web',
      source: 'acknowledgement',
      at: '/Dev/Web',
      reason: REASON,
      suppressionId: 'AppClientChecks-redirect-uri-https',
      file: path.join(out, 'Dev.template.json'),
    })));
  });

  test('each accepted id form, with [finding id] covering only that finding; an acknowledgement on the stack covers the resources below it', () => {
    const out = path.join(dir, 'cdk.out');
    synth(out, (stack) => {
      httpClient(stack, 'One').node.addMetadata('aws:cdk:acknowledged-rules', { [`AppClientChecks::redirect-uri-https[CallbackURLs::${A}]`]: REASON });
      httpClient(stack, 'Two').node.addMetadata('aws:cdk:acknowledged-rules', { [`annotation::AppClientChecks::AppClientChecks-redirect-uri-https[CallbackURLs::${B}]`]: REASON });
      httpClient(stack, 'Three').node.addMetadata('cdk-cognito-app-client:acknowledged', { 'cdk-cognito-app-client:redirect-uri-https': REASON });
      new cognito.CfnUserPoolClient(stack, 'Four', { userPoolId: 'x' });
      stack.node.addMetadata('aws:cdk:acknowledged-rules', { 'AppClientChecks-user-pool-id-format': 'pool ids are filled in by the pipeline' });
    });
    const { report } = cliJson([out]);
    expect(report.findings.map((f) => `${f.resource} ${f.findingId}`)).toEqual([`One CallbackURLs::${B}`, `Two CallbackURLs::${A}`]);
    expect(report.suppressed.map((s) => `${s.resource} ${s.at} ${s.suppressionId}`)).toEqual([
      `One /Dev/One AppClientChecks::redirect-uri-https[CallbackURLs::${A}]`,
      `Two /Dev/Two AppClientChecks::AppClientChecks-redirect-uri-https[CallbackURLs::${B}]`,
      'Three /Dev/Three cdk-cognito-app-client:redirect-uri-https',
      'Three /Dev/Three cdk-cognito-app-client:redirect-uri-https',
      'Four /Dev AppClientChecks-user-pool-id-format',
    ]);
  });

  test('AppClient.acknowledge: what let synth pass is honoured by the checker too', () => {
    const out = path.join(dir, 'cdk.out');
    synth(out, (stack) => {
      const userPool = new cognito.UserPool(stack, 'Pool');
      const web = new AppClient(stack, 'Web', { userPool, oAuth: { callbackUrls: [A] } });
      AppClient.acknowledge(web, `redirect-uri-https[CallbackURLs::${A}]`, REASON);
    });
    const { status, report } = cliJson([out]);
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toEqual([expect.objectContaining({
      ruleId: 'redirect-uri-https',
      constructPath: '/Dev/Web/Resource',
      at: '/Dev/Web',
      source: 'acknowledgement',
      suppressionId: `cdk-cognito-app-client:redirect-uri-https[CallbackURLs::${A}]`,
      reason: REASON,
    })]);
    expect(status).toBe(0);
  });

  test('an acknowledgement without a reason is refused: the finding counts and the refusal is listed', () => {
    const out = path.join(dir, 'cdk.out');
    synth(out, (stack) => {
      new cognito.CfnUserPoolClient(stack, 'C', { userPoolId: 'x' }).node.addMetadata('aws:cdk:acknowledged-rules', { 'AppClientChecks-user-pool-id-format': '  ' });
    });
    const { status, report } = cliJson([out]);
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['user-pool-id-format']);
    expect(report.refusedSuppressions).toEqual([expect.objectContaining({ resource: 'C', at: '/Dev/C', source: 'acknowledgement', refused: 'it has no reason (fewer than 10 visible characters)' })]);
  });

  test('a template claiming an acknowledged construct path (aws:cdk:path) is not covered: paths come from the manifest only', () => {
    const out = path.join(dir, 'cdk.out');
    synth(out, (stack) => {
      httpClient(stack, 'Web').node.addMetadata('aws:cdk:acknowledged-rules', { 'AppClientChecks-redirect-uri-https': REASON });
    });
    const file = path.join(out, 'Dev.template.json');
    const template = JSON.parse(fs.readFileSync(file, 'utf8'));
    template.Resources.Evil = { ...TWO_HTTP, Metadata: { 'aws:cdk:path': 'Dev/Web' } };
    template.Resources.Evil2 = { ...TWO_HTTP, Metadata: { 'aws:cdk:path': '/Dev/Web/Resource' } };
    fs.writeFileSync(file, JSON.stringify(template));
    const { status, report } = cliJson([out]);
    expect(status).toBe(1);
    expect(new Set(report.findings.map((f) => f.resource))).toEqual(new Set(['Evil', 'Evil2']));
    expect(new Set(report.suppressed.map((s) => s.resource))).toEqual(new Set(['Web']));
  });

  test('an acknowledgement on the App itself does not reach the stack\'s metadata (aws-cdk-lib writes each stack\'s subtree only): not honoured', () => {
    const out = path.join(dir, 'cdk.out');
    const app = new App({ outdir: out });
    app.node.addMetadata('aws:cdk:acknowledged-rules', { 'AppClientChecks-redirect-uri-https': REASON });
    httpClient(new Stack(app, 'Dev'), 'Web');
    app.synth();
    const { status, report } = cliJson([out]);
    expect(status).toBe(1);
    expect(report.suppressed).toEqual([]);
  });

  test('nested stacks: their resources get their construct paths, and an acknowledgement on the parent stack covers them', () => {
    const out = path.join(dir, 'cdk.out');
    synth(out, (stack) => {
      httpClient(new NestedStack(stack, 'Inner'), 'Deep');
      stack.node.addMetadata('aws:cdk:acknowledged-rules', { 'AppClientChecks-redirect-uri-https': REASON });
    });
    const { status, report } = cliJson([out]);
    expect(status).toBe(0);
    expect(report.suppressed.map((s) => [s.constructPath, s.at, path.basename(s.file)])).toEqual([
      ['/Dev/Inner/Deep', '/Dev', expect.stringMatching(/\.nested\.template\.json$/)],
      ['/Dev/Inner/Deep', '/Dev', expect.stringMatching(/\.nested\.template\.json$/)],
    ]);
  });
});

describe('a malformed cloud assembly manifest', () => {
  test.each([
    ['not JSON', '{'],
    ['artifacts not an object', { artifacts: [] }],
    ['odd entries', {
      artifacts: {
        Dev: {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: 'Dev.template.json' },
          additionalMetadataFile: '../../etc/passwd',
          metadata: {
            'not-a-path': [{ type: 'aws:cdk:logicalId', data: 'Web' }],
            '/Dev/Web': [null, 3, { type: 'aws:cdk:logicalId', data: 7 }, { type: 'aws:cdk:acknowledged-rules', data: ['x'] }, { type: 'aws:cdk:creationStack', data: 'x' }],
            '/Dev': { type: 'aws:cdk:acknowledged-rules' },
            '/Dev/X.NestedStack/X.NestedStackResource': [{ type: 'aws:cdk:logicalId', data: '__proto__' }],
          },
        },
        Other: { type: 'aws:cloudformation:stack', properties: { templateFile: '../outside.template.json' } },
      },
    }],
  ])('%s: ignored, never a crash', (_name, manifest) => {
    write('cdk.out/Dev.template.json', { Resources: { Web: TWO_HTTP } });
    write('cdk.out/manifest.json', manifest);
    const { status, report, stderr } = cliJson([path.join(dir, 'cdk.out')]);
    expect(status).toBe(1);
    expect(report.findings).toHaveLength(2);
    expect(stderr).toBe('cognito-client-check: 1 client checked: 2 errors, 0 warnings, 0 suppressed\n');
  });
});

describe('enforcement: what a pull request cannot change', () => {
  function assemblyWithAcks(): string {
    const out = path.join(dir, 'cdk.out');
    synth(out, (stack) => {
      httpClient(stack, 'Web').node.addMetadata('aws:cdk:acknowledged-rules', { 'AppClientChecks-redirect-uri-https': REASON });
      new cognito.CfnUserPoolClient(stack, 'C', { userPoolId: 'x' }).node.addMetadata('aws:cdk:acknowledged-rules', { 'AppClientChecks-user-pool-id-format': REASON });
    });
    return out;
  }

  test('--no-app-suppressions refuses every in-app suppression: the findings count and each refusal is listed', () => {
    const out = assemblyWithAcks();
    const { status, report, stderr } = cliJson(['--no-app-suppressions', out]);
    expect(status).toBe(1);
    expect(report.findings).toHaveLength(3);
    expect(report.suppressed).toEqual([]);
    expect(report.refusedSuppressions.map((r) => r.refused)).toEqual(Array(3).fill('suppressions written in the app are refused (--no-app-suppressions)'));
    expect(stderr).toBe('cognito-client-check: 2 clients checked: 3 errors, 0 warnings, 0 suppressed, 3 suppressions refused\n');
    const file = write('nag.json', { Resources: { C: withNag(BAD_POOL, [{ id: 'AppClientChecks-user-pool-id-format', reason: REASON }]) } });
    expect(cliJson(['--no-app-suppressions', file]).report.refusedSuppressions).toHaveLength(1);
  });

  test('--suppressible lets only the rules listed be suppressed in the app; the others are refused and listed', () => {
    const out = assemblyWithAcks();
    const { status, report } = cliJson(['--suppressible', 'user-pool-id-format', out]);
    expect(status).toBe(1);
    expect(report.suppressed.map((s) => s.ruleId)).toEqual(['user-pool-id-format']);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['redirect-uri-https', 'redirect-uri-https']);
    expect(report.refusedSuppressions.map((r) => r.refused)).toEqual(Array(2).fill('redirect-uri-https may not be suppressed (--suppressible allows user-pool-id-format)'));
  });

  test('--ignore is not limited by --suppressible (both are the command line\'s)', () => {
    const out = assemblyWithAcks();
    const { status, report } = cliJson(['--no-app-suppressions', '--suppressible', 'user-pool-id-format', '--ignore', 'redirect-uri-https,user-pool-id-format', out]);
    expect(status).toBe(0);
    expect(report.suppressed.map((s) => s.source)).toEqual(Array(3).fill('command-line'));
    expect(report.suppressed[0].reason).toBe('--ignore on the command line');
  });
});

describe('the listing in each format', () => {
  function mixed(): string {
    return write('t.json', {
      Resources: {
        Web: withNag(TWO_HTTP, [{ id: 'AppClientChecks-redirect-uri-https', reason: REASON, applies_to: [`CallbackURLs::${A}`] }]),
        C: BAD_POOL,
      },
    });
  }

  test('text: a "Suppressed" section after the findings, each with its source and reason; the summary counts them', () => {
    const file = mixed();
    const { stdout, stderr, status } = cli(['--ignore', 'user-pool-id-format', file]);
    expect(status).toBe(1);
    expect(stderr).toBe('');
    const suppressedAt = stdout.indexOf('Suppressed\n');
    expect(suppressedAt).toBeGreaterThan(stdout.indexOf('CallbackURLs[1]'));
    expect(stdout.slice(suppressedAt)).toBe([
      'Suppressed',
      `  ${file}`,
      `    Web  redirect-uri-https [CallbackURLs::${A}] (error)`,
      `      cdk-nag suppression in the resource's metadata (AppClientChecks-redirect-uri-https): ${JSON.stringify(REASON)}`,
      '    C  user-pool-id-format (error)',
      '      --ignore on the command line (user-pool-id-format): "--ignore on the command line"',
      '',
      '1 error, 0 warnings in 1 file (2 clients), 2 suppressed',
      '',
    ].join('\n'));
  });

  test('SARIF: suppressed results are kept with suppressions (inSource for the app\'s, external for the checker\'s)', () => {
    const file = mixed();
    const { stdout, stderr, status } = cli(['--format', 'sarif', '--ignore', 'user-pool-id-format', file]);
    expect(status).toBe(1);
    expect(stderr).toBe('cognito-client-check: 2 clients checked: 1 error, 0 warnings, 2 suppressed\n');
    const results = JSON.parse(stdout).runs[0].results;
    expect(results).toHaveLength(3);
    expect(results.map((r: any) => r.suppressions)).toEqual([
      undefined,
      [{ kind: 'inSource', status: 'accepted', justification: `${REASON} (cdk-nag suppression in the resource's metadata: AppClientChecks-redirect-uri-https)` }],
      [{ kind: 'external', status: 'accepted', justification: '--ignore on the command line (--ignore on the command line: user-pool-id-format)' }],
    ]);
    expect(results[1].properties).toEqual({ findingId: `CallbackURLs::${A}` });
  });

  test('SARIF with suppressions, refusals and related locations is valid SARIF 2.1.0', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv');
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true, logger: false });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
    const file = mixed();
    const short = write('short.json', { Resources: { C: withNag(BAD_POOL, [{ id: 'AppClientChecks-user-pool-id-format', reason: 'short' }]) } });
    const policy = write('policy.json', { forbidImplicitFlow: true });
    const log = JSON.parse(cli(['--format', 'sarif', '--policy', policy, '--ignore', 'user-pool-id-format[nothing]', file, short]).stdout);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].invocations[0].properties).toEqual({ policy: { file: policy, from: '--policy' } });
  });

  test('SARIF: a refused suppression is named in the result\'s properties (the result stays unsuppressed)', () => {
    const file = write('t.json', { Resources: { C: withNag(BAD_POOL, [{ id: 'AppClientChecks-user-pool-id-format', reason: 'short' }]) } });
    const results = JSON.parse(cli(['--format', 'sarif', file]).stdout).runs[0].results;
    expect(results[0].suppressions).toBeUndefined();
    expect(results[0].properties.refusedSuppressions).toEqual([expect.objectContaining({ id: 'AppClientChecks-user-pool-id-format', refused: expect.stringContaining('fewer than 10 visible characters') })]);
  });
});

describe('SARIF physical locations from where the app created the construct', () => {
  test('a real synth: the creation stack aws-cdk-lib records places the result at the line of user code; the template is a related location', () => {
    // the assembly is written inside this repository, so this test file is inside its project directory
    const out = fs.mkdtempSync(path.join(process.cwd(), '.synth-'));
    try {
      synth(out, (stack) => {
        httpClient(stack, 'Web');
      });
      const { stdout } = cli(['--format', 'sarif', path.relative(process.cwd(), out)]);
      const result = JSON.parse(stdout).runs[0].results[0];
      const line = fs.readFileSync(__filename, 'utf8').split('\n').findIndex((l) => l.includes('// CREATED-HERE:')) + 1;
      expect(result.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: path.relative(process.cwd(), __filename).split(path.sep).join('/'), uriBaseId: '%SRCROOT%' },
        region: { startLine: line },
      });
      expect(result.locations[0].logicalLocations).toEqual([{ name: 'Web', fullyQualifiedName: '/Dev/Web', kind: 'resource' }]);
      expect(result.relatedLocations).toEqual([{
        id: 1,
        physicalLocation: { artifactLocation: { uri: `${path.basename(out)}/Dev.template.json`, uriBaseId: '%SRCROOT%' }, region: { startLine: expect.any(Number) } },
        message: { text: 'The resource in the synthesized template.' },
      }]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('a trace on the aws:cdk:logicalId entry (older releases, --debug): the first frame outside node_modules, aws-cdk-lib and constructs', () => {
    const project = path.join(dir, 'app');
    write('app/cdk.out/Dev.template.json', { Resources: { Web: TWO_HTTP } });
    write('app/cdk.out/cdk.out', { version: '36.0.0' });
    write('app/cdk.out/manifest.json', {
      version: '36.0.0',
      artifacts: {
        Dev: {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: 'Dev.template.json' },
          metadata: {
            '/Dev/Web': [{
              type: 'aws:cdk:logicalId',
              data: 'Web',
              trace: [
                `new CfnUserPoolClient (${project}/node_modules/aws-cdk-lib/aws-cognito/lib/cognito.generated.js:1:100)`,
                `at new Construct (${project}/node_modules/constructs/lib/construct.js:10:5)`,
                'node:internal/modules/cjs/loader:1:1',
                `new WebStack (${project}/lib/web-stack.ts:42:7)`,
                `Object.<anonymous> (${project}/bin/app.ts:5:1)`,
              ],
            }],
          },
        },
      },
    });
    const rel = path.relative(process.cwd(), project).split(path.sep).join('/');
    const result = JSON.parse(cli(['--format', 'sarif', `${rel}/cdk.out`]).stdout).runs[0].results[0];
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: `${rel}/lib/web-stack.ts`, uriBaseId: '%SRCROOT%' }, region: { startLine: 42 } });
    expect(result.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe(`${rel}/cdk.out/Dev.template.json`);
  });

  test('a frame outside the assembly\'s project is not used: the template location stays', () => {
    write('app/cdk.out/Dev.template.json', { Resources: { Web: TWO_HTTP } });
    write('app/cdk.out/manifest.json', {
      version: '36.0.0',
      artifacts: { Dev: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Dev.template.json' }, metadata: { '/Dev/Web': [{ type: 'aws:cdk:logicalId', data: 'Web', trace: ['new X (/elsewhere/lib/x.ts:3:1)'] }] } } },
    });
    const result = JSON.parse(cli(['--format', 'sarif', path.join(dir, 'app', 'cdk.out')]).stdout).runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/cdk\.out\/Dev\.template\.json$/);
    expect(result.relatedLocations).toBeUndefined();
  });
});
