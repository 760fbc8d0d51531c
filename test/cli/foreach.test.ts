import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cli, cliJson, tempDir } from './cli-harness';

// Fn::ForEach (AWS::LanguageExtensions): the checker checks the clients a loop makes, and says so
// when it cannot, instead of "0 clients" and exit 0.
describe('Fn::ForEach in the checker', () => {
  let dir: string;
  beforeAll(() => { dir = tempDir(); });
  afterAll(() => cleanTemp(dir));

  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const found = (r: any) => r.report.findings.map((f: any) => `${f.resource} ${f.ruleId} ${f.severity}`);
  const yaml = (collection: string) => `
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  'Fn::ForEach::Clients':
    - Name
    - ${collection}
    - 'Client\${Name}':
        Type: AWS::Cognito::UserPoolClient
        Metadata:
          cdk_nag:
            rules_to_suppress: []
        Properties:
          UserPoolId: !Ref Pool
          ClientName: !Ref Name
          AllowedOAuthFlowsUserPoolClient: true
          AllowedOAuthFlows: [code]
          AllowedOAuthScopes: [openid]
          CallbackURLs:
            - !Sub 'http://\${Name}.example.org/callback'
`;

  test('a literal collection: each client is checked and counted, its findings placed at the loop', () => {
    const file = write('literal.yaml', yaml('[web, admin]'));
    const r = cliJson([file]);
    expect(found(r).filter((s: string) => s.includes('redirect-uri-https'))).toEqual([
      'Clientweb redirect-uri-https error', 'Clientadmin redirect-uri-https error',
    ]);
    expect(r.report.checked).toEqual({ files: 1, clients: 2 });
    expect(r.status).toBe(1);
    // the text report places a made client at its loop's line
    expect(cli([file]).stdout).toContain('Clientweb (line 10)');
  });

  test('a collection known only at deploy time is a client-not-checkable warning on the loop', () => {
    const file = write('param.yaml', yaml('!Ref Names'));
    const r = cliJson([file]);
    expect(found(r)).toEqual(['Fn::ForEach::Clients client-not-checkable warning']);
    expect(r.report.findings[0].message).toContain('has no Default');
    expect(r.status).toBe(0);
    expect(cliJson(['--fail-on', 'warning', file]).status).toBe(1);
  });
});
