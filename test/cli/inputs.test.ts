import * as fs from 'fs';
import * as path from 'path';
import { beforeSummary, cleanTemp, cliJson, fixture, tempDir } from './cli-harness';
import { parseCfnYaml } from '../../src/cli/cfn-yaml';
import { classify } from '../../src/cli/inputs';

function ids(findings: Array<{ resource: string; ruleId: string }>): string[] {
  return findings.map((f) => `${f.resource}:${f.ruleId}`);
}

describe('JSON template', () => {
  test('checks every client and names it by logical id', () => {
    // WHEN
    const { status, report } = cliJson([fixture('template.json')]);
    // THEN
    expect(status).toBe(1);
    expect(report.checked).toEqual({ files: 1, clients: 2 });
    expect(ids(report.findings)).toEqual(['WebClient:redirect-uri-https']);
    expect(report.findings[0]).toMatchObject({ file: fixture('template.json'), property: 'CallbackURLs[0]', severity: 'error' });
  });
});

describe('YAML template with short-form tags', () => {
  test('the tags become their JSON form, so only the literal problems are reported', () => {
    const { status, report } = cliJson([fixture('template.yaml')]);
    expect(status).toBe(1);
    expect(report.checked).toEqual({ files: 1, clients: 2 });
    // The !Sub and !Join callback URLs are unresolved: skipped, not reported as wrong types.
    expect(report.findings.filter((f) => f.ruleId === 'property-type')).toEqual([]);
    expect(report.findings).toContainEqual(expect.objectContaining({
      resource: 'MobileClient', ruleId: 'redirect-uri-https', property: 'CallbackURLs[2]',
    }));
  });

  test('every short form, in scalar, sequence and mapping form', () => {
    const value = parseCfnYaml([
      'a: !Ref Pool',
      'b: !GetAtt Pool.ProviderURL',
      'c: !GetAtt [Pool, Arn]',
      'd: !GetAtt Res.Nested.Attr',
      'e: !Sub "https://${Domain}"',
      'f: !Sub ["${A}", { A: !Ref X }]',
      'g: !Join [",", [a, b]]',
      'h: !If [Cond, yes-value, !Ref AWS::NoValue]',
      'i: !Select [0, !GetAZs ""]',
      'j: !Split [",", "a,b"]',
      'k: !ImportValue shared-id',
      'l: !FindInMap [Map, Key, Value]',
      'm: !Base64 text',
      'n: !Cidr [10.0.0.0/16, 4, 8]',
      'o: !Equals [a, b]',
      'p: !And [!Condition A, !Condition B]',
      'q: !Or [!Condition A, !Not [!Condition B]]',
      'r: !Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }',
      's: !ImportValue { "Fn::Sub": "${Env}-id" }',
    ].join('\n'));
    expect(value).toEqual({
      a: { Ref: 'Pool' },
      b: { 'Fn::GetAtt': ['Pool', 'ProviderURL'] },
      c: { 'Fn::GetAtt': ['Pool', 'Arn'] },
      d: { 'Fn::GetAtt': ['Res', 'Nested.Attr'] },
      e: { 'Fn::Sub': 'https://${Domain}' },
      f: { 'Fn::Sub': ['${A}', { A: { Ref: 'X' } }] },
      g: { 'Fn::Join': [',', ['a', 'b']] },
      h: { 'Fn::If': ['Cond', 'yes-value', { Ref: 'AWS::NoValue' }] },
      i: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      j: { 'Fn::Split': [',', 'a,b'] },
      k: { 'Fn::ImportValue': 'shared-id' },
      l: { 'Fn::FindInMap': ['Map', 'Key', 'Value'] },
      m: { 'Fn::Base64': 'text' },
      n: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
      o: { 'Fn::Equals': ['a', 'b'] },
      p: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] },
      q: { 'Fn::Or': [{ Condition: 'A' }, { 'Fn::Not': [{ Condition: 'B' }] }] },
      r: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
      s: { 'Fn::ImportValue': { 'Fn::Sub': '${Env}-id' } },
    });
  });

  test('a JSON template in a .template file, and a YAML one in a .json file, are both read', () => {
    const dir = tempDir();
    try {
      fs.copyFileSync(fixture('template.json'), path.join(dir, 'a.template'));
      fs.copyFileSync(fixture('template.yaml'), path.join(dir, 'b.json'));
      const { report } = cliJson([path.join(dir, 'a.template'), path.join(dir, 'b.json')]);
      expect(report.checked).toEqual({ files: 2, clients: 4 });
    } finally {
      cleanTemp(dir);
    }
  });
});

describe('cdk.out directory', () => {
  test('checks every *.template.json, nested assemblies included, and nothing else', () => {
    const { status, report, stderr } = cliJson([fixture('cdk.out')]);
    expect(beforeSummary(stderr)).toEqual([]);
    expect(status).toBe(1);
    // manifest.json, tree.json and the asset directory are not templates of the app.
    expect(report.checked).toEqual({ files: 2, clients: 2 });
    expect([...new Set(report.findings.map((f) => f.file))]).toEqual([
      fixture('cdk.out', 'AppStack.template.json'),
      fixture('cdk.out', 'assembly-Prod', 'ProdAppStack.template.json'),
    ]);
    expect(ids(report.findings)).toEqual(expect.arrayContaining([
      'UserPoolAppClientB2E2A1F0:oauth-client-credentials-exclusive',
      'ProdClient0A1B2C3D:attr-write-immutable',
    ]));
  });

  test('a broken template in a cloud assembly is bad input', () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'manifest.json'), '{"version":"48.0.0"}');
      fs.writeFileSync(path.join(dir, 'cdk.out'), '{"version":"48.0.0"}');
      fs.writeFileSync(path.join(dir, 'Broken.template.json'), '{ "Resources": ');
      const { status, stderr } = cliJson([dir]);
      expect(status).toBe(2);
      expect(stderr).toContain(`${path.join(dir, 'Broken.template.json')}: not valid JSON`);
    } finally {
      cleanTemp(dir);
    }
  });
});

describe('CreateUserPoolClient request JSON', () => {
  test('is checked with the API-only ClientSecret rules, as resource UserPoolClient', () => {
    const { status, report } = cliJson([fixture('request.json')]);
    expect(status).toBe(1);
    expect(report.checked).toEqual({ files: 1, clients: 1 });
    expect(ids(report.findings)).toEqual(['UserPoolClient:client-secret-exclusive', 'UserPoolClient:client-secret-format']);
  });

  test('the secret itself is never printed', () => {
    const { stdout } = cliJson([fixture('request.json')]);
    expect(stdout).not.toContain('"short"');
  });
});

describe('DescribeUserPoolClient output', () => {
  test('response-only fields are dropped and the secret counts as GenerateSecret: true', () => {
    // GIVEN a client with a secret and context data on (which needs a secret)
    const { status, report, stdout } = cliJson([fixture('describe.json')]);
    // THEN only the lifetime problem is reported, under the client name
    expect(status).toBe(1);
    expect(ids(report.findings)).toEqual(['described-client:token-validity-range']);
    expect(stdout).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
  });

  test('a default client as Describe returns it has no finding', () => {
    const { status, report } = cliJson([fixture('describe-default.json')]);
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
  });

  test('conversion: the resource is named by ClientName, then ClientId, then UserPoolClient', () => {
    const response = { ClientId: 'abc', ClientSecret: 's', CreationDate: 1, LastModifiedDate: 2, ClientType: 'REGULAR', UserPoolId: 'p' };
    const doc = classify({ UserPoolClient: response });
    expect(doc).toEqual({ kind: 'describe', resource: 'abc', properties: { UserPoolId: 'p', GenerateSecret: true } });
    expect(classify({ UserPoolClient: { ClientName: 'n', ClientId: 'abc' } })).toMatchObject({ resource: 'n' });
    expect(classify({ UserPoolClient: {} })).toMatchObject({ resource: 'UserPoolClient' });
  });
});

describe('plain directory', () => {
  test('checks every template, request and Describe file recursively and skips the rest silently', () => {
    const { status, report, stderr } = cliJson([fixture('plain')]);
    expect(beforeSummary(stderr)).toEqual([]);
    expect(status).toBe(1);
    // create-request.json, describe.json and nested/stack.yaml; not package.json, tsconfig.json, config.yml or README.md
    expect(report.checked).toEqual({ files: 3, clients: 3 });
    expect([...new Set(report.findings.map((f) => f.file))].sort()).toEqual([
      fixture('plain', 'create-request.json'),
      fixture('plain', 'nested', 'stack.yaml'),
    ]);
    expect(report.findings).toContainEqual(expect.objectContaining({
      file: fixture('plain', 'nested', 'stack.yaml'), resource: 'NestedClient', ruleId: 'property-type', property: 'RefreshTokenValidity',
    }));
  });

  test('a file given twice (directly and through its directory) is checked once', () => {
    const { report } = cliJson([fixture('plain', 'create-request.json'), fixture('plain')]);
    expect(report.checked.files).toBe(3);
  });

  test('a broken Cognito template or Resources section in a plain directory is reported; other broken files are skipped', () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'notes.json'), '{ broken');
      fs.writeFileSync(path.join(dir, 'stack.yaml'), 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n   Properties: [\n');
      fs.writeFileSync(path.join(dir, 'list.json'), '{ "Resources": [] }');
      const { status, stderr } = cliJson([dir]);
      expect(status).toBe(2);
      expect(beforeSummary(stderr)).toEqual([
        expect.stringMatching(/list\.json: Resources must be an object of logical ids to resources, not a list\.$/),
        expect.stringMatching(/stack\.yaml: not valid YAML: line \d+, column \d+: /),
      ]);
    } finally {
      cleanTemp(dir);
    }
  });
});

describe('directory walk', () => {
  test('follows symbolic links inside the directory once, skips dangling ones, node_modules and hidden directories', () => {
    const dir = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'stacks'));
      fs.copyFileSync(fixture('template.json'), path.join(dir, 'stacks', 'app.json'));
      fs.symlinkSync(dir, path.join(dir, 'stacks', 'loop'));
      fs.symlinkSync(path.join(dir, 'nowhere.json'), path.join(dir, 'dangling.json'));
      fs.copyFileSync(fixture('clean.json'), path.join(dir, 'clean.data'));
      fs.symlinkSync(path.join(dir, 'clean.data'), path.join(dir, 'linked.json'));
      for (const skipped of ['node_modules', '.git']) {
        fs.mkdirSync(path.join(dir, skipped));
        fs.copyFileSync(fixture('template.json'), path.join(dir, skipped, 'x.json'));
      }
      const { status, report, stderr } = cliJson([dir]);
      expect(beforeSummary(stderr)).toEqual([]);
      expect(status).toBe(1);
      expect(report.checked).toEqual({ files: 2, clients: 3 });
    } finally {
      cleanTemp(dir);
    }
  });
});
