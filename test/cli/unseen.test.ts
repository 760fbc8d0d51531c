import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cliJson, tempDir } from './cli-harness';

// The checker says what may hold app clients it cannot see, instead of "0 clients" and exit 0.
describe('what the checker cannot see into', () => {
  let dir: string;
  beforeAll(() => { dir = tempDir(); });
  afterAll(() => cleanTemp(dir));

  const write = (name: string, template: object) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(template));
    return file;
  };
  const found = (r: any) => r.report.findings.map((f: any) => `${f.resource} ${f.ruleId} ${f.severity}`);

  test('an AWS::Include transform and a nested stack whose template is not given are warnings', () => {
    const file = write('include.json', {
      Transform: { Name: 'AWS::Include', Parameters: { Location: 's3://bucket/clients.yaml' } },
      Resources: { Nested: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3.amazonaws.com/b/nested.json' } } },
    });
    const r = cliJson([file]);
    expect(found(r)).toEqual(['Transform client-not-checkable warning', 'Nested client-not-checkable warning']);
    expect(r.status).toBe(0);
    expect(cliJson(['--fail-on', 'warning', file]).status).toBe(1);
  });

  test('SAM is known (its functions hold no clients); a serverless application and a stack set are warnings', () => {
    const file = write('sam.json', {
      Transform: ['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'],
      Resources: {
        Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', CodeUri: '.' } },
        App: { Type: 'AWS::Serverless::Application', Properties: { Location: { ApplicationId: 'arn:aws:serverlessrepo:us-east-1:123456789012:applications/auth', SemanticVersion: '1.0.0' } } },
        Set: { Type: 'AWS::CloudFormation::StackSet', Properties: { StackSetName: 's', PermissionModel: 'SELF_MANAGED', TemplateURL: 'https://s3.amazonaws.com/b/set.json' } },
      },
    });
    const r = cliJson([file]);
    expect(found(r)).toEqual(['App client-not-checkable warning', 'Set client-not-checkable warning']);
    expect(r.report.findings.map((f: any) => f.property)).toEqual(['Location', 'TemplateURL']);
  });

  test('a nested stack whose template (CDK\'s asset file) is checked too is not reported; alone, the parent says so', () => {
    const parent = write('asm/Parent.template.json', {
      Resources: { Nested: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3/x.json' }, Metadata: { 'aws:asset:path': 'ParentNested.nested.template.json' } } },
    });
    write('asm/ParentNested.nested.template.json', { Resources: {} });
    expect(found(cliJson([path.join(dir, 'asm')]))).toEqual([]);
    expect(found(cliJson([parent]))).toEqual(['Nested client-not-checkable warning']);
    expect(found(cliJson([parent, path.join(dir, 'asm', 'ParentNested.nested.template.json')]))).toEqual([]);
  });
});
