import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cli, cliJson, fixture, tempDir } from './cli-harness';
import { ClientRules } from '../../src/rules/client-rules';

describe('--format json', () => {
  test('prints exactly one object: findings with their file and resource, and the counts', () => {
    const { stdout, status } = cli(['--format', 'json', fixture('template.json'), fixture('clean.json')]);
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['findings', 'suppressed', 'refusedSuppressions', 'checked']);
    expect(report.checked).toEqual({ files: 2, clients: 3 });
    expect(report.findings).toHaveLength(1);
    expect(Object.keys(report.findings[0])).toEqual(['file', 'resource', 'ruleId', 'findingId', 'severity', 'property', 'message', 'fix', 'docs']);
    expect(report.findings[0]).toEqual({
      file: fixture('template.json'),
      resource: 'WebClient',
      ruleId: 'redirect-uri-https',
      findingId: 'CallbackURLs::http://app.example.org/callback',
      severity: 'error',
      property: 'CallbackURLs[0]',
      message: expect.stringContaining('[redirect-uri-https] CallbackURLs[0] = "http://app.example.org/callback"'),
      fix: expect.stringContaining('https://app.example.org/callback'),
      docs: ClientRules.rules().find((r) => r.id === 'redirect-uri-https')!.docs,
    });
  });

  test('--format=json works too, and a clean run has an empty list', () => {
    const { stdout, status } = cli(['--format=json', fixture('clean.json')]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ findings: [], suppressed: [], refusedSuppressions: [], checked: { files: 1, clients: 1 } });
  });
});

describe('--format text', () => {
  test('says each rule page once, after the findings, and the id a suppression names for a finding about one value', () => {
    const { stdout } = cli([fixture('template.json')]);
    const page = ClientRules.rules().find((r) => r.id === 'redirect-uri-https')!.docs;
    expect(stdout).toContain('            id:  redirect-uri-https[CallbackURLs::http://app.example.org/callback]\n');
    expect(stdout).toContain(`Rule pages\n  redirect-uri-https: ${page}\n`);
    expect(stdout.split(page)).toHaveLength(2);
  });

  test('groups by file and resource and ends with a summary, without colour when stdout is not a TTY', () => {
    const { stdout, status } = cli([fixture('template.yaml'), fixture('clean.json')], { isTTY: false });
    expect(status).toBe(1);
    expect(stdout).not.toMatch(/\u001b\[/);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(fixture('template.yaml'));
    // each resource with the line of its logical id, as in SARIF
    expect(lines[1]).toBe('  MobileClient (line 8)');
    expect(lines[2]).toMatch(/^ {4}error {3}\[redirect-uri-https\] CallbackURLs\[2\] = "http:\/\/insecure\.example\.org\/callback": /);
    expect(lines[3]).toMatch(/^ {12}fix: /);
    expect(lines.some((l) => /^ {2}Other( \(line \d+\))?$/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe('1 error, 3 warnings in 2 files (3 clients)');
  });

  test('uses colour on a TTY, unless NO_COLOR is set', () => {
    expect(cli([fixture('template.json')], { isTTY: true, env: {} }).stdout).toMatch(/\u001b\[31merror/);
    expect(cli([fixture('template.json')], { isTTY: true, env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  test('a clean run prints only the summary', () => {
    expect(cli([fixture('clean.json')]).stdout).toBe('0 errors, 0 warnings in 1 file (1 client)\n');
  });
});

describe('--format sarif', () => {
  function sarif(args: string[]) {
    const result = cli(['--format', 'sarif', ...args]);
    return { ...result, log: JSON.parse(result.stdout) };
  }

  test('is a SARIF 2.1.0 log with one run, every rule and one result per finding', () => {
    const { log, status } = sarif([fixture('template.yaml'), fixture('template.json')]);
    expect(status).toBe(1);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0.*\.json$/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('cognito-client-check');
    const catalog = ClientRules.rules();
    expect(run.tool.driver.rules.slice(0, catalog.length)).toEqual(catalog.map((r) => ({
      id: r.id,
      shortDescription: { text: r.title },
      help: { text: `${r.title}. Source: ${r.source}. Rule page: ${r.docs}` },
      helpUri: r.docs,
      defaultConfiguration: { level: r.severity },
      // code scanning's severity of a security alert: errors high, warnings medium
      properties: { 'tags': ['security'], 'security-severity': r.severity === 'error' ? '7.5' : '5.0' },
    })));
    expect(run.results).toHaveLength(5);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning']).toContain(result.level);
      expect(result.message.text).toMatch(/ Fix: /);
    }
    expect(run.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  test('each result names the file, the resource and the line of its logical id', () => {
    const { log } = sarif([fixture('template.yaml'), fixture('template.json')]);
    const results = log.runs[0].results;
    expect(results[0]).toMatchObject({
      ruleId: 'redirect-uri-https',
      level: 'error',
      locations: [{
        physicalLocation: { artifactLocation: { uri: fixture('template.yaml') }, region: { startLine: 8 } },
        logicalLocations: [{ name: 'MobileClient', kind: 'resource' }],
      }],
    });
    expect(results[3].locations[0]).toMatchObject({ physicalLocation: { region: { startLine: 25 } }, logicalLocations: [{ name: 'Other' }] });
    expect(results[4].locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: fixture('template.json') }, region: { startLine: 7 } },
      logicalLocations: [{ name: 'WebClient', kind: 'resource' }],
    });
  });

  test("a resource's construct path (aws:cdk:path) is its logical location's fully qualified name", () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'Auth.template.json');
      fs.writeFileSync(file, JSON.stringify({
        Resources: {
          WebClientABC123: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'p', CallbackURLs: ['http://x.example.org/cb'] }, Metadata: { 'aws:cdk:path': 'Auth/Web/Resource' } },
          Plain: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'p', CallbackURLs: ['http://y.example.org/cb'] } },
        },
      }, null, 2));
      const locations = sarif([file]).log.runs[0].results.map((r: any) => r.locations[0].logicalLocations);
      expect(locations).toContainEqual([{ name: 'WebClientABC123', fullyQualifiedName: 'Auth/Web/Resource', kind: 'resource' }]);
      expect(locations).toContainEqual([{ name: 'Plain', kind: 'resource' }]);
    } finally {
      cleanTemp(dir);
    }
  });

  test('request JSON has no region; an input problem is a tool notification', () => {
    const { log, status } = sarif([fixture('request.json'), fixture('missing.json')]);
    expect(status).toBe(2);
    const run = log.runs[0];
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: fixture('request.json'), uriBaseId: '%SRCROOT%' } });
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('missing.json');
  });

  test('with a policy, the enabled policy rules are listed too', () => {
    const { log } = sarif(['--policy', fixture('policy.json'), fixture('implicit.json')]);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toContain('policy-no-implicit');
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'policy-no-implicit', level: 'error' });
  });
});

describe('json and text agree', () => {
  test('the same findings in both', () => {
    const args = [fixture('cdk.out'), fixture('plain'), fixture('template.yaml')];
    const { report } = cliJson(args);
    const text = cli(args).stdout;
    for (const f of report.findings) expect(text).toContain(f.message);
  });
});
