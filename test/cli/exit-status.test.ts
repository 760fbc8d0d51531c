import * as fs from 'fs';
import * as path from 'path';
import { STACK_LINE, cleanTemp, cli, cliJson, fixture, tempDir } from './cli-harness';
import * as cliArgs from '../../src/cli/args';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../../src/cli/run';
import { ClientRules } from '../../src/rules/client-rules';

function oneLineOn(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(STACK_LINE);
  return lines[0];
}

describe('exit status', () => {
  test('0 when there is no error finding (warnings only included)', () => {
    expect(cli([fixture('clean.json')]).status).toBe(EXIT_OK);
    // An OAuth setting without the OAuth flag is a warning only.
    const dir = tempDir();
    try {
      const file = path.join(dir, 'warning-only.yaml');
      fs.writeFileSync(file, 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n'
        + '      UserPoolId: !Ref Pool\n      DefaultRedirectURI: !Ref RedirectUrl\n');
      const { status, report } = cliJson([file]);
      expect(report.findings.map((f) => f.severity)).toEqual(['warning']);
      expect(status).toBe(EXIT_OK);
    } finally {
      cleanTemp(dir);
    }
  });

  test('1 when there is an error finding', () => {
    expect(cli([fixture('template.json')]).status).toBe(EXIT_FINDINGS);
  });

  test.each([
    [['--bogus', 'x.json'], /unknown option "--bogus"/],
    [['--format', 'xml', 'x.json'], /--format must be one of text, json, sarif, not "xml"/],
    [['--format'], /--format needs a value/],
    [['--policy', '--format', 'json', 'x.json'], /--policy needs a value/],
    [['--format', 'json', '--format', 'text', 'x.json'], /--format is given more than once/],
    [[], /no input/],
  ])('2 for bad usage: %j', (args, message) => {
    const { status, stderr, stdout } = cli(args);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(stdout).toBe('');
    expect(oneLineOn(stderr)).toMatch(message);
  });

  test('2 for a missing file, naming it', () => {
    const { status, stderr } = cli([fixture('missing.json')]);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(oneLineOn(stderr)).toBe(`cognito-client-check: ${fixture('missing.json')}: cannot read it (no such file or directory).`);
  });

  test('2 for bad JSON, naming the file and the position', () => {
    const { status, stderr } = cli([fixture('bad.json')]);
    expect(status).toBe(EXIT_BAD_INPUT);
    const line = oneLineOn(stderr);
    expect(line.startsWith(`cognito-client-check: ${fixture('bad.json')}: not valid JSON: `)).toBe(true);
    expect(line).toMatch(/position \d+/);
  });

  test('2 for bad YAML, naming the file, line and column', () => {
    const { status, stderr } = cli([fixture('bad.yaml')]);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(oneLineOn(stderr)).toMatch(/bad\.yaml: not valid YAML: line 5, column 1: /);
  });

  test('2 for Resources: [] (not an object)', () => {
    const { status, stderr } = cli([fixture('resources-list.yaml')]);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(oneLineOn(stderr)).toBe(
      `cognito-client-check: ${fixture('resources-list.yaml')}: Resources must be an object of logical ids to resources, not a list.`);
  });

  test('2 for a named file that is none of the input kinds', () => {
    const { status, stderr } = cli([fixture('not-a-kind.json')]);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(oneLineOn(stderr)).toMatch(/not-a-kind\.json: not a CloudFormation template .*DescribeUserPoolClient .*CreateUserPoolClient request/);
  });

  test('2 for a template without Resources, and for an empty file', () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'empty.yaml'), '');
      fs.writeFileSync(path.join(dir, 'no-resources.json'), '{ "AWSTemplateFormatVersion": "2010-09-09" }');
      const { status, stderr } = cli([path.join(dir, 'empty.yaml'), path.join(dir, 'no-resources.json')]);
      expect(status).toBe(EXIT_BAD_INPUT);
      expect(stderr).toContain('empty.yaml: the file is empty.');
      expect(stderr).toContain('no-resources.json: this template has no Resources section.');
    } finally {
      cleanTemp(dir);
    }
  });

  test('a client without Properties is a finding of the engine, not bad input', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 't.json');
      fs.writeFileSync(file, '{ "Resources": { "C": { "Type": "AWS::Cognito::UserPoolClient" } } }');
      const { status, report } = cliJson([file]);
      expect(status).toBe(EXIT_FINDINGS);
      expect(report.findings).toEqual([expect.objectContaining({ resource: 'C', ruleId: 'property-type', property: 'Properties' })]);
    } finally {
      cleanTemp(dir);
    }
  });

  test('one unreadable file does not stop the others: they are checked and printed, and the status is 2', () => {
    const inputs = [fixture('template.json'), fixture('missing.json'), fixture('bad.json'), fixture('request.json')];
    const { status, stdout, stderr } = cli(['--format', 'json', ...inputs]);
    expect(status).toBe(EXIT_BAD_INPUT);
    const report = JSON.parse(stdout);
    expect(report.checked).toEqual({ files: 2, clients: 3 });
    expect(new Set(report.findings.map((f: { file: string }) => f.file))).toEqual(new Set([fixture('template.json'), fixture('request.json')]));
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringContaining(`${fixture('missing.json')}: cannot read it`),
      expect.stringContaining(`${fixture('bad.json')}: not valid JSON`),
      'cognito-client-check: 3 clients checked: 3 errors, 0 warnings, 0 suppressed',
    ]);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  (root ? test.skip : test)('a file without read permission is unreadable input (skipped as root)', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'locked.json');
      fs.copyFileSync(fixture('clean.json'), file);
      fs.chmodSync(file, 0o000);
      const { status, stderr } = cli([file, fixture('clean.json')]);
      expect(status).toBe(EXIT_BAD_INPUT);
      expect(oneLineOn(stderr)).toContain('locked.json: cannot read it (permission denied).');
    } finally {
      cleanTemp(dir);
    }
  });

  test('a path through a file is unreadable input too', () => {
    const { status, stderr } = cli([path.join(fixture('clean.json'), 'x.json'), fixture('clean.json')]);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(oneLineOn(stderr)).toContain('cannot read it (a part of the path is not a directory).');
  });
});

describe('never a stack trace, even when something breaks inside', () => {
  afterEach(() => jest.restoreAllMocks());

  test('an engine crash on one template is a one-line input error; the other files are still checked', () => {
    const original = ClientRules.checkTemplate;
    jest.spyOn(ClientRules, 'checkTemplate').mockImplementation((template, options) => {
      if (template.Resources.WebClient) throw new TypeError('boom\n    at somewhere (x.js:1:1)');
      return original(template, options);
    });
    const { status, stdout, stderr } = cli([fixture('template.json'), fixture('clean.json')]);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(stdout).toContain('in 1 file (1 client)');
    expect(oneLineOn(stderr)).toBe(`cognito-client-check: ${fixture('template.json')}: `
      + 'the checker failed on this template (boom at somewhere (x.js:1:1)); please report this as a bug.');
  });

  test('an unexpected failure anywhere is one line and exit status 2', () => {
    jest.spyOn(cliArgs, 'parseArgs').mockImplementation(() => {
      throw new Error('unexpected');
    });
    const { status, stdout, stderr } = cli([fixture('clean.json')]);
    expect(status).toBe(EXIT_BAD_INPUT);
    expect(stdout).toBe('');
    expect(oneLineOn(stderr)).toBe('cognito-client-check: internal error: unexpected; please report this as a bug.');
  });
});
