import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cli, cliJson, tempDir } from './cli-harness';

// YAML merge keys (`<<: *defaults`), as aws cloudformation package and sam deploy merge them.
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      <<: &insecure
        AllowedOAuthFlowsUserPoolClient: true
        AllowedOAuthFlows: [code]
        AllowedOAuthScopes: [openid]
        CallbackURLs: ['http://app.example.org/cb']
      UserPoolId: eu-west-1_AbC123
  Other:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      <<: *insecure
      CallbackURLs: ['https://app.example.org/cb']
      UserPoolId: eu-west-1_AbC123
`;

describe('YAML merge keys', () => {
  let dir: string;
  beforeAll(() => { dir = tempDir(); });
  afterAll(() => cleanTemp(dir));

  test('are merged before the client is checked, keys written beside the merge winning, with a note on stderr', () => {
    const file = path.join(dir, 'merged.yaml');
    fs.writeFileSync(file, TEMPLATE);
    const { status, report, stderr } = cliJson([file]);
    expect(status).toBe(1);
    expect(report.findings.map((f: any) => `${f.resource} ${f.ruleId} ${f.property}`)).toEqual(['Client redirect-uri-https CallbackURLs[0]']);
    expect(stderr).toContain(`cognito-client-check: ${file}: YAML merge keys (<<) were merged, as aws cloudformation package and sam deploy do; a direct CloudFormation deploy may refuse them.\n`);
  });

  test('the note is in JSON (notes) and SARIF (a run-level notification), and changes no exit status', () => {
    const file = path.join(dir, 'noted.yaml');
    fs.writeFileSync(file, TEMPLATE.replace(/http:/g, 'https:'));
    const json = cliJson([file]);
    expect(json.status).toBe(0);
    expect((json.report as any).notes).toEqual([{ file, note: expect.stringContaining('YAML merge keys (<<) were merged') }]);
    const sarif = cli(['--format', 'sarif', file]);
    expect(sarif.status).toBe(0);
    const run = JSON.parse(sarif.stdout).runs[0];
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: true, toolExecutionNotifications: [{ level: 'note', message: { text: expect.stringContaining('YAML merge keys') } }] });
  });

  test('a template without merge keys gets no note', () => {
    const file = path.join(dir, 'plain.yaml');
    fs.writeFileSync(file, TEMPLATE.replace(/<<: &insecure\n/, 'X: &insecure\n').replace(/ *<<: \*insecure\n/, ''));
    expect(cli([file]).stderr).toBe('');
    expect((cliJson([file]).report as any).notes).toBeUndefined();
  });
});
