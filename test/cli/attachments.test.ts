import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cli, cliJson, tempDir } from './cli-harness';
import { POOL, client, domain, hosted, pool, session, style, terms, tracking } from '../rules/attachment-fixtures';

/** The checker reports the attachment rules on the attached resource (issue 22), in template files and cloud assemblies. */
describe('cognito-client-check on resources attached to a client', () => {
  let dir: string;
  const write = (file: string, value: unknown) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), JSON.stringify(value, null, 2));
  };
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => cleanTemp(dir));

  /** One template that breaks every attachment rule once. */
  const BROKEN = {
    Resources: {
      Pool: pool({ UserPoolTier: 'LITE' }),
      Other: pool(),
      Domain: domain(2),
      Client: hosted(),
      Second: client(),
      Style: style({ ClientId: { Ref: 'Second' }, Settings: { a: 1 }, Assets: [{ Category: 'LOGO', ColorMode: 'LIGHT', Extension: 'PNG' }] }),
      Style2: style({ ClientId: { Ref: 'Second' }, UserPoolId: { Ref: 'Other' } }),
      NoClient: style({ ClientId: undefined }),
      Terms: terms('terms-of-use', { en: 'https://x' }, { TermsSource: 'URL', ClientId: { Ref: 'Second' } }),
      Terms2: terms('terms-of-use', undefined, { ClientId: { Ref: 'Second' } }),
      BadName: terms('eula', undefined, { ClientId: { Ref: 'Client' } }),
      Session: session(200000, {}, {}),
      Session2: session(60, {}, {}),
    },
  };

  test('every attachment rule is reported, each on its resource, with the checker\'s exit status', () => {
    write('t.json', BROKEN);
    const run = cliJson(['t.json'], { cwd: dir });
    expect(run.status).toBe(1);
    const got = new Set(run.report.findings.map((f) => `${f.ruleId} ${f.resource}`));
    for (const expected of [
      'branding-provided-values-exclusive Style', 'branding-assets Style', 'attachment-client-id NoClient', 'branding-one-per-client Style',
      'branding-one-per-client Style2', 'branding-missing Client', 'attachment-pool-mismatch Style2', 'terms-name BadName',
      'terms-source-enforcement Terms', 'terms-links Terms', 'terms-one-per-kind Terms', 'terms-one-per-kind Terms2', 'terms-both-kinds Terms',
      'sso-session-range Session', 'sso-session-tier Session', 'sso-session-tracking Session', 'sso-session-one-per-client Session2',
    ]) expect(got).toContain(expected);
    // the client count is unchanged: attached resources are not clients
    expect(run.report.checked.clients).toBe(2);
  });

  test('a finding on an attached resource is suppressed by the config as any other', () => {
    write('t.json', { Resources: { Pool: pool(), Client: client(), Tracking: tracking(), S: session(200000) } });
    expect(cli(['t.json'], { cwd: dir }).status).toBe(1);
    write('.cognito-client-check.json', { ignore: [{ id: 'sso-session-range', reason: 'tested', paths: ['S'] }] });
    const run = cliJson(['t.json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.report.suppressed.map((s) => `${s.ruleId} ${s.resource}`)).toEqual(['sso-session-range S']);
  });

  test('text output names the attached resource', () => {
    write('t.json', { Resources: { Pool: pool(), Client: client(), Rules: terms('eula', undefined, { ClientId: { Ref: 'Client' } }) } });
    const run = cli(['t.json'], { cwd: dir });
    expect(run.stdout).toContain('Rules');
    expect(run.stdout).toContain('terms-name');
  });

  test('a cloud assembly with a nested stack: the nested template\'s attached resources are checked in it', () => {
    const nestedFile = 'AppStackTermsNested12345678.nested.template.json';
    write(`cdk.out/${nestedFile}`, {
      Parameters: { ClientId: { Type: 'String' }, PoolId: { Type: 'String' } },
      Resources: {
        TermsOfUse: terms('terms-of-use', undefined, { ClientId: { Ref: 'ClientId' }, UserPoolId: { Ref: 'PoolId' } }),
        TermsOfUse2: terms('terms-of-use', { 'cognito:spanish': 'https://x/es' }, { ClientId: { Ref: 'ClientId' }, UserPoolId: { Ref: 'PoolId' } }),
      },
    });
    write('cdk.out/AppStack.template.json', {
      Resources: {
        Pool: pool(),
        Client: client(),
        Terms: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: { TemplateURL: 'https://s3/x.json', Parameters: { ClientId: { Ref: 'Client' }, PoolId: POOL } },
          Metadata: { 'aws:asset:path': nestedFile },
        },
      },
    });
    write('cdk.out/manifest.json', {
      version: '36.0.0',
      artifacts: { AppStack: { type: 'aws:cloudformation:stack', properties: { templateFile: 'AppStack.template.json' }, metadata: {} } },
    });
    const run = cliJson(['cdk.out'], { cwd: dir });
    const found = run.report.findings.map((f) => `${path.basename(f.file)} ${f.ruleId} ${f.resource}`);
    expect(found).toEqual(expect.arrayContaining([
      `${nestedFile} terms-one-per-kind TermsOfUse`,
      `${nestedFile} terms-one-per-kind TermsOfUse2`,
    ]));
    expect(run.status).toBe(1);
  });
});
