import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cliJson, tempDir, writeIn } from './cli-harness';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/run';

// A parameter with AllowedValues through the checker: each allowed value is checked.

const template = (allowed: string[]) => [
  'Parameters:',
  `  Scheme: { Type: String, AllowedValues: [${allowed.join(', ')}] }`,
  'Resources:',
  '  Web:',
  '    Type: AWS::Cognito::UserPoolClient',
  '    Properties:',
  '      UserPoolId: eu-west-1_AbCdEf123',
  '      AllowedOAuthFlowsUserPoolClient: true',
  '      AllowedOAuthFlows: [code]',
  '      AllowedOAuthScopes: [openid]',
  '      CallbackURLs:',
  '        - !Sub ${Scheme}://app.example.org/callback',
  '        - !Join ["", [!Ref Scheme, "://app.example.org/cb"]]',
  '',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = tempDir();
  fs.mkdirSync(path.join(dir, '.git'));
});
afterEach(() => cleanTemp(dir));

describe('cognito-client-check: parameters with AllowedValues', () => {
  test('the http value fails redirect-uri-https for that value; https alone passes', () => {
    writeIn(dir, 'bad.yaml', template(['https', 'http']));
    const bad = cliJson(['bad.yaml'], { cwd: dir });
    expect(bad.status).toBe(EXIT_FINDINGS);
    const https = bad.report.findings.filter((f) => f.ruleId === 'redirect-uri-https');
    // (in an Fn::Sub, ${Scheme} is read as the parameter too)
    expect(https.map((f) => [f.property, f.message.includes('when parameter Scheme is "http"')])).toEqual([['CallbackURLs[0]', true], ['CallbackURLs[1]', true]]);
    writeIn(dir, 'good.yaml', template(['https']));
    expect(cliJson(['good.yaml'], { cwd: dir }).status).toBe(EXIT_OK);
  });
});
