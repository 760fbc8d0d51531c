import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ClientRules } from '../../src';
import { nestedTemplateFiles } from '../../src/rules/private/nested';

// Reading a cloud assembly's nested stack templates: what a cdk.out reader passes as nestedTemplates.

describe('nestedTemplateFiles', () => {
  test('finds the nested template files of a synthesized app, and the engine then sees the nested resource server', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cdk-out-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'Main');
    const pool = new cognito.UserPool(stack, 'Pool');
    const api = new NestedStack(stack, 'Api');
    new cognito.CfnUserPoolResourceServer(api, 'Orders', { userPoolId: pool.userPoolId, identifier: 'orders-api', name: 'Orders', scopes: [{ scopeName: 'read', scopeDescription: 'r' }] });
    new cognito.CfnUserPoolClient(stack, 'Client', {
      userPoolId: pool.userPoolId, generateSecret: true, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['client_credentials'], allowedOAuthScopes: ['orders-api/read'],
    });
    app.synth();
    const main = JSON.parse(readFileSync(join(outdir, 'Main.template.json'), 'utf8'));
    const files = nestedTemplateFiles(main, JSON.parse(readFileSync(join(outdir, 'Main.assets.json'), 'utf8')));
    expect(Object.values(files)).toEqual([expect.stringMatching(/\.nested\.template\.json$/)]);
    const nestedTemplates: { [id: string]: any } = {};
    for (const [id, file] of Object.entries(files)) nestedTemplates[id] = JSON.parse(readFileSync(join(outdir, file), 'utf8'));
    // Without the nested template nothing is decided; with it, the server is found and creation order is checked.
    expect(ClientRules.checkTemplate(main).map((f) => f.ruleId)).toEqual([]);
    expect(ClientRules.checkTemplate(main, { nestedTemplates }).map((f) => f.ruleId)).toEqual(['oauth-scope-creation-order']);
  });

  test('reads the cdk CLI\'s asset metadata when it is there', () => {
    const t = { Resources: { Api: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': 'MainApi.nested.template.json' }, Properties: {} } } };
    expect(nestedTemplateFiles(t)).toEqual({ Api: 'MainApi.nested.template.json' });
  });

  test('without asset metadata or a manifest entry, a TemplateURL alone names no file', () => {
    const url = { 'Fn::Join': ['', ['https://s3.', { Ref: 'AWS::Region' }, `/bucket/${'a'.repeat(64)}.json`]] };
    expect(nestedTemplateFiles({ Resources: { Api: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: url } } } })).toEqual({});
    expect(nestedTemplateFiles({ Resources: { Api: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: url } } } },
      { files: { ['a'.repeat(64)]: { source: { path: 'Api.nested.template.json' } } } })).toEqual({ Api: 'Api.nested.template.json' });
  });

  test.each([
    ['not an object', 'x'],
    ['no Resources', {}],
    ['a stack without metadata', { Resources: { S: { Type: 'AWS::CloudFormation::Stack', Properties: {} } } }],
    ['a path outside the assembly', { Resources: { S: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': '../x.json' } } } }],
    ['another resource type', { Resources: { S: { Type: 'AWS::S3::Bucket', Metadata: { 'aws:asset:path': 'x.json' } } } }],
  ])('finds nothing in %s', (_d, t) => {
    expect(nestedTemplateFiles(t)).toEqual({});
  });
});
