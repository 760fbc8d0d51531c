import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cli, cliJson, fixture, tempDir } from './cli-harness';

describe('--policy', () => {
  test('runs the policy rules with the policy file (forbidImplicitFlow → policy-no-implicit)', () => {
    expect(cliJson([fixture('implicit.json')]).report.findings).toEqual([]);
    const { status, report } = cliJson(['--policy', fixture('policy.json'), fixture('implicit.json')]);
    expect(status).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ resource: 'SpaClient', ruleId: 'policy-no-implicit', severity: 'error' })]);
  });

  test('applies to request and Describe input too', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'request.json');
      fs.writeFileSync(file, JSON.stringify({ UserPoolId: 'eu-west-1_AbCdEf123', ClientName: 'spa', AllowedOAuthFlows: ['implicit'] }));
      const { report } = cliJson(['--policy', fixture('policy.json'), file]);
      expect(report.findings.map((f) => f.ruleId)).toContain('policy-no-implicit');
    } finally {
      cleanTemp(dir);
    }
  });

  test('an invalid or missing policy file is bad usage, in one line', () => {
    const dir = tempDir();
    try {
      const bad = path.join(dir, 'policy.json');
      fs.writeFileSync(bad, JSON.stringify({ forbidImplicitFlows: true, requireTokenRevocation: 'yes' }));
      const invalid = cli(['--policy', bad, fixture('implicit.json')]);
      expect(invalid.status).toBe(2);
      expect(invalid.stdout).toBe('');
      expect(invalid.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(invalid.stderr).toContain(`${bad}: invalid client policy: `);
      expect(invalid.stderr).toContain('forbidImplicitFlows');

      const missing = cli(['--policy', path.join(dir, 'none.json'), fixture('implicit.json')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('none.json')]);
    } finally {
      cleanTemp(dir);
    }
  });
});

describe('--previous', () => {
  test('reports a GenerateSecret change and a removed TokenValidityUnits entry', () => {
    const { status, report } = cliJson(['--previous', fixture('previous.json'), fixture('current.json')]);
    expect(status).toBe(1);
    const ids = report.findings.map((f) => f.ruleId);
    expect(ids).toContain('generate-secret-replacement');
    expect(ids).toContain('update-units-removed');
    expect(report.findings.find((f) => f.ruleId === 'update-units-removed')).toMatchObject({
      resource: 'Client', severity: 'warning', property: 'TokenValidityUnits.AccessToken',
    });
  });

  test('without --previous, no change rule runs', () => {
    const ids = cliJson([fixture('current.json')]).report.findings.map((f) => f.ruleId);
    expect(ids).not.toContain('generate-secret-replacement');
    expect(ids).not.toContain('update-units-removed');
  });

  test('applies to each template input', () => {
    const dir = tempDir();
    try {
      fs.copyFileSync(fixture('current.json'), path.join(dir, 'a.json'));
      fs.copyFileSync(fixture('current.json'), path.join(dir, 'b.json'));
      const { report } = cliJson(['--previous', fixture('previous.json'), dir]);
      const files = report.findings.filter((f) => f.ruleId === 'generate-secret-replacement').map((f) => path.basename(f.file));
      expect(files).toEqual(['a.json', 'b.json']);
    } finally {
      cleanTemp(dir);
    }
  });

  test('a previous file that is not a template is bad usage', () => {
    const { status, stderr, stdout } = cli(['--previous', fixture('request.json'), fixture('current.json')]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`cognito-client-check: ${fixture('request.json')} (--previous): not a CloudFormation template (no Resources).\n`);
    expect(cli(['--previous', fixture('missing.json'), fixture('current.json')]).stderr).toMatch(/missing\.json \(--previous\): cannot read it/);
  });
});

describe('--help and --version', () => {
  test('--help prints the usage and exits 0', () => {
    const { status, stdout, stderr } = cli(['--help']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: cognito-client-check \[options\] <file\|directory>\.\.\./);
    for (const option of ['--policy FILE', '--previous FILE', '--format text|json|sarif', '--list-rules', '--help', '--version']) expect(stdout).toContain(option);
    expect(cli(['-h']).stdout).toBe(stdout);
  });

  test('--version prints the package version', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version = require('../../package.json').version;
    expect(cli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('-- ends the options', () => {
    expect(cli(['--', '--help']).stderr).toContain('--help: cannot read it (no such file or directory).');
  });
});

describe('--list-rules', () => {
  test('lists every rule, documented service rules first, with its severity and title; no input needed', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ClientRules, ClientPolicy } = require('../../src');
    const rules = [...ClientRules.rules(), ...ClientPolicy.rules()];
    const { status, stdout } = cli(['--list-rules']);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(rules.map((r: any) => r.id));
    expect(lines.find((l) => l.startsWith('redirect-uri-https '))).toMatch(/^redirect-uri-https +error +\S/);
    expect(lines.find((l) => l.startsWith('policy-no-implicit '))).toMatch(/ \(policy\) /);
  });

  test('with --format json, each rule with its kind and source', () => {
    const { status, stdout } = cli(['--list-rules', '--format', 'json']);
    expect(status).toBe(0);
    const rules = JSON.parse(stdout);
    expect(rules.find((r: any) => r.id === 'redirect-uri-https')).toEqual(expect.objectContaining({ kind: 'service', severity: 'error', source: expect.stringMatching(/^https:\/\//) }));
    expect(rules.find((r: any) => r.id === 'policy-no-implicit').kind).toBe('policy');
  });
});
