import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cli, cliJson, tempDir, writeIn } from './cli-harness';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/run';

// redirect-uri-wildcard through the checker: a "*" in a redirect URL is a literal character for Cognito
// (redirect_uri is compared exactly), so the checker warns; the warning alone never fails the run.

const TEMPLATE = [
  'Parameters:',
  '  Domain: { Type: String }',
  'Conditions:',
  '  IsDev: !Equals [!Ref Domain, dev.example.org]',
  'Resources:',
  '  Web:',
  '    Type: AWS::Cognito::UserPoolClient',
  '    Properties:',
  '      UserPoolId: eu-west-1_AbCdEf123',
  '      AllowedOAuthFlowsUserPoolClient: true',
  '      AllowedOAuthFlows: [code]',
  '      AllowedOAuthScopes: [openid]',
  '      CallbackURLs:',
  "        - 'https://*.example.org/callback'",
  '        - !Sub https://${Domain}/callback',
  "        - !If [IsDev, 'https://*.dev.example.org/cb', https://app.example.org/cb]",
  '      LogoutURLs:',
  '        - !Sub https://*.${Domain}/signed-out',
  '        - https://app.example.org/%2A',
  '',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = tempDir();
  fs.mkdirSync(path.join(dir, '.git'));
});
afterEach(() => cleanTemp(dir));

describe('cognito-client-check: redirect-uri-wildcard', () => {
  test('a literal * is a warning on each entry (also in !Sub and an !If branch); an unresolved part and %2A are not', () => {
    writeIn(dir, 'template.yaml', TEMPLATE);
    const { status, report, stderr } = cliJson(['template.yaml'], { cwd: dir });
    expect(status).toBe(EXIT_OK);
    const wildcard = report.findings.filter((f) => f.ruleId === 'redirect-uri-wildcard');
    expect(wildcard.map((f) => [f.resource, f.property, f.severity, f.findingId])).toEqual([
      ['Web', 'CallbackURLs[0]', 'warning', 'CallbackURLs::https://*.example.org/callback'],
      ['Web', 'LogoutURLs[0]', 'warning', 'LogoutURLs::https://*.<Domain>/signed-out'],
      // A finding in one branch only comes after the others, naming the branch.
      ['Web', 'CallbackURLs[2]', 'warning', 'CallbackURLs::https://*.dev.example.org/cb'],
    ]);
    expect(wildcard[2].message).toContain('when IsDev is true');
    expect(report.findings.filter((f) => f.ruleId !== 'redirect-uri-wildcard')).toEqual([]);
    expect(stderr).toContain('0 errors, 3 warnings');
  });

  test('text output names the rule; --fail-on warning fails; an ignore with a reason, for one value or the rule, passes', () => {
    writeIn(dir, 'template.yaml', TEMPLATE);
    const text = cli(['template.yaml'], { cwd: dir });
    expect(text.status).toBe(EXIT_OK);
    expect(text.stdout).toContain('[redirect-uri-wildcard] CallbackURLs[0] = "https://*.example.org/callback"');
    expect(cli(['--fail-on', 'warning', 'template.yaml'], { cwd: dir }).status).toBe(EXIT_FINDINGS);
    expect(cli(['--fail-on', 'warning', '--ignore', 'redirect-uri-wildcard', 'template.yaml'], { cwd: dir }).status).toBe(EXIT_OK);

    writeIn(dir, '.cognito-client-check.json', {
      ignore: [{ id: 'redirect-uri-wildcard[CallbackURLs::https://*.example.org/callback]', reason: 'a literal * is registered on purpose' }],
    });
    const { report } = cliJson(['template.yaml'], { cwd: dir });
    expect(report.findings.filter((f) => f.ruleId === 'redirect-uri-wildcard').map((f) => f.property)).toEqual(['LogoutURLs[0]', 'CallbackURLs[2]']);
    expect(report.suppressed.map((s) => [s.ruleId, s.findingId])).toEqual([['redirect-uri-wildcard', 'CallbackURLs::https://*.example.org/callback']]);
  });
});
