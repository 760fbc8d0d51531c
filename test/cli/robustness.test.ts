import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { STACK_LINE, beforeSummary, cleanTemp, cli, tempDir } from './cli-harness';
import { ClientRules } from '../../src/rules/client-rules';

const RUNS = { numRuns: 200 };

/** Property names of AWS::Cognito::UserPoolClient (and the API-only ClientSecret), to reach the rules more often. */
const NAMES = [
  'UserPoolId', 'ClientName', 'GenerateSecret', 'ClientSecret', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity',
  'AuthSessionValidity', 'TokenValidityUnits', 'RefreshTokenRotation', 'ExplicitAuthFlows', 'AllowedOAuthFlows', 'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI', 'SupportedIdentityProviders', 'ReadAttributes',
  'WriteAttributes', 'PreventUserExistenceErrors', 'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData',
  'AnalyticsConfiguration',
];

/** Arbitrary JSON, and objects keyed by real property names with arbitrary values. */
const properties = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...NAMES), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
);

/** Anything, turned into JSON text (undefined and functions become null). */
const anythingAsJson = fc.anything().map((v) => JSON.stringify(v) ?? 'null');

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => cleanTemp(dir));

let counter = 0;
function write(text: string, ext: string): string {
  const file = path.join(dir, `input-${counter++}${ext}`);
  fs.writeFileSync(file, text);
  return file;
}

/**
 * The contract of every run: exit status 0, 1 or 2; JSON output that parses; status 2 exactly
 * when there is an input error, each on one line naming the file; no stack trace anywhere.
 */
function expectCleanRun(file: string): void {
  const { status, stdout, stderr } = cli(['--format', 'json', file]);
  expect([0, 1, 2]).toContain(status);
  expect(stdout + stderr).not.toMatch(STACK_LINE);
  const report = JSON.parse(stdout);
  const hasError = report.findings.some((f: { severity: string }) => f.severity === 'error');
  if (status === 2) {
    expect(beforeSummary(stderr)).toEqual([expect.stringMatching(new RegExp(`^cognito-client-check: ${escape(file)}: \\S`))]);
    expect(report.checked.files).toBe(0);
  } else {
    expect(beforeSummary(stderr)).toEqual([]);
    expect(report.checked.files).toBe(1);
    expect(status).toBe(hasError ? 1 : 0);
  }
  for (const f of report.findings) {
    // a finding about one value also carries its finding id
    const { findingId, ...rest } = f;
    if (findingId !== undefined) expect(findingId).toEqual(expect.any(String));
    expect(rest).toEqual({
      file,
      resource: expect.any(String),
      ruleId: expect.any(String),
      severity: expect.stringMatching(/^(error|warning)$/),
      property: expect.any(String),
      message: expect.any(String),
      fix: expect.any(String),
      docs: expect.stringMatching(/^https:\/\/.*\/docs\/rules\/[a-z0-9-]+\.md$/),
    });
    // An engine crash is reported as a finding; none is expected.
    expect(f.message).not.toContain('please report this as a bug');
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('never a crash, never a stack trace', () => {
  test('ClientRules.check on arbitrary JSON', () => {
    fc.assert(fc.property(properties, (p) => {
      const findings = ClientRules.check(p as any);
      for (const f of findings) {
        expect(typeof f.ruleId).toBe('string');
        expect(['error', 'warning']).toContain(f.severity);
        expect(f.message).not.toContain('please report this as a bug');
      }
    }), RUNS);
  });

  test('the CLI on arbitrary JSON files (fc.json)', () => {
    fc.assert(fc.property(fc.json(), (text) => expectCleanRun(write(text, '.json'))), RUNS);
  });

  test('the CLI on fc.anything() as JSON', () => {
    fc.assert(fc.property(anythingAsJson, (text) => expectCleanRun(write(text, '.json'))), RUNS);
  });

  test('the CLI on arbitrary request JSON and Describe output', () => {
    fc.assert(fc.property(properties, fc.boolean(), (p, describe) => {
      const request = typeof p === 'object' && p !== null && !Array.isArray(p) ? { UserPoolId: 'eu-west-1_AbC', ...p } : p;
      expectCleanRun(write(JSON.stringify(describe ? { UserPoolClient: request } : request), '.json'));
    }), RUNS);
  });

  test('the CLI and checkTemplate on arbitrary templates', () => {
    fc.assert(fc.property(properties, (p) => {
      const template = { Resources: { X: { Type: 'AWS::Cognito::UserPoolClient', Properties: p } } };
      const findings = ClientRules.checkTemplate(template);
      for (const f of findings) expect(f.resource).toBe('X');
      expectCleanRun(write(JSON.stringify(template), '.json'));
    }), RUNS);
  });

  test('the CLI on arbitrary templates compared with an arbitrary previous template', () => {
    fc.assert(fc.property(properties, properties, (p, before) => {
      const prev = write(JSON.stringify({ Resources: { X: { Type: 'AWS::Cognito::UserPoolClient', Properties: before } } }), '.json');
      const file = write(JSON.stringify({ Resources: { X: { Type: 'AWS::Cognito::UserPoolClient', Properties: p } } }), '.json');
      const { status, stdout, stderr } = cli(['--format', 'json', '--previous', prev, file]);
      expect([0, 1]).toContain(status);
      expect(beforeSummary(stderr)).toEqual([]);
      for (const f of JSON.parse(stdout).findings) expect(f.message).not.toContain('please report this as a bug');
    }), RUNS);
  });

  test('the CLI on arbitrary text as YAML', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => expectCleanRun(write(text, '.yaml'))), RUNS);
  });

  test('the CLI on YAML-looking text with short-form tags', () => {
    const tag = fc.constantFrom('!Ref', '!GetAtt', '!Sub', '!If', '!Join', '!Select', '!Not', '!Unknown', '');
    const value = fc.oneof(fc.string({ maxLength: 10 }), fc.constant('[a, b]'), fc.constant('{ a: 1 }'), fc.constant('A.B'));
    const line = fc.tuple(fc.constantFrom(...NAMES), tag, value).map(([k, t, v]) => `      ${k}: ${t} ${v}`);
    fc.assert(fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
      const text = ['Resources:', '  X:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', ...lines, ''].join('\n');
      expectCleanRun(write(text, '.yaml'));
    }), RUNS);
  });
});
