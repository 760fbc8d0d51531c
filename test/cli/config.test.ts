import * as fs from 'fs';
import * as path from 'path';
import { cleanTemp, cli, cliJson, fixture, tempDir, writeIn } from './cli-harness';
import { CONFIG_KEYS, IGNORE_KEYS } from '../../src/cli/config';

const CONFIG = '.cognito-client-check.json';
const POOL = 'eu-west-1_AbCdEf123';
const A = 'http://a.example.org/cb';
const B = 'http://b.example.org/cb';
const TEMPLATE = {
  Resources: {
    Web: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: { UserPoolId: POOL, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: [A, B] },
    },
    Spa: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: { UserPoolId: POOL, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['implicit'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://app.example.org/cb'] },
    },
  },
};
/** A client whose only finding is a warning (token-refresh-zero). */
const WARNING_ONLY = { Resources: { Api: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: POOL, RefreshTokenValidity: 0 } } } };

let dir: string;
beforeEach(() => {
  dir = tempDir();
  fs.mkdirSync(path.join(dir, '.git'));
});
afterEach(() => cleanTemp(dir));

const write = (name: string, value: unknown): string => writeIn(dir, name, value);

describe('finding the config file', () => {
  test('in the working directory or above it, up to the directory holding .git; its ignores are listed with the file', () => {
    write(CONFIG, { ignore: [{ id: 'redirect-uri-https', reason: 'test hosts until the TLS rollout' }] });
    write('app/t.json', TEMPLATE);
    const { status, report } = cliJson(['t.json'], { cwd: path.join(dir, 'app') });
    expect(status).toBe(0);
    expect(report.config).toBe(path.join('..', CONFIG));
    expect(report.suppressed.map((s) => [s.findingId, s.source, s.at, s.reason])).toEqual([A, B].map((u) => [`CallbackURLs::${u}`, 'config', path.join('..', CONFIG), 'test hosts until the TLS rollout']));
  });

  test('not above the directory holding .git', () => {
    write(CONFIG, { ignore: [{ id: 'redirect-uri-https', reason: 'outside the repository' }] });
    fs.mkdirSync(path.join(dir, 'repo', '.git'), { recursive: true });
    write('repo/t.json', TEMPLATE);
    const { status, report } = cliJson(['t.json'], { cwd: path.join(dir, 'repo') });
    expect(status).toBe(1);
    expect(report.config).toBeUndefined();
    expect(report.suppressed).toEqual([]);
  });

  test('--config names one; --no-config reads none', () => {
    write('ci/checker.json', { ignore: [{ id: 'redirect-uri-https', reason: 'named on the command line' }] });
    write(CONFIG, '{ not json');
    write('t.json', TEMPLATE);
    expect(cliJson(['--config', 'ci/checker.json', 't.json'], { cwd: dir }).report.suppressed).toHaveLength(2);
    const none = cliJson(['--no-config', 't.json'], { cwd: dir });
    expect(none.status).toBe(1);
    expect(none.report.suppressed).toEqual([]);
    expect(cli(['--config', 'x.json', '--no-config', 't.json'], { cwd: dir }).stderr).toContain('--config and --no-config cannot be given together.');
    const missing = cli(['--config', 'none.json', 't.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('cognito-client-check: none.json: invalid config: cannot read it (no such file or directory).\n');
  });
});

describe('the config is read strictly: each problem names the key path and the file, exit status 2', () => {
  test.each([
    ['invalid JSON', '{ "ignore": [ }', /not valid JSON/],
    ['not an object', '[]', /the config must be a JSON object, not a list/],
    ['an unknown key', { ignores: [] }, /ignores: unknown key \(the keys are \$schema, policy, failOn, appSuppressions, suppressible, ignore\)/],
    ['failOn', { failOn: 'info' }, /failOn: must be one of error, warning, not "info"/],
    ['appSuppressions', { appSuppressions: 'no' }, /appSuppressions: must be true or false, not a string/],
    ['policy', { policy: 3 }, /policy: must be the path of a policy file \(a non-empty string\), not a number/],
    ['suppressible not a list', { suppressible: 'redirect-uri-https' }, /suppressible: must be a list of rule ids, not a string/],
    ['suppressible unknown rule', { suppressible: ['no-such-rule'] }, /suppressible\[0\]: "no-such-rule" is not a rule id/],
    ['ignore not a list', { ignore: {} }, /ignore: must be a list of \{ id, reason, paths\? \}, not an object/],
    ['ignore without reason', { ignore: [{ id: 'redirect-uri-https' }] }, /ignore\[0\]\.reason: required: why the finding is acceptable \(a non-empty string\)/],
    ['ignore empty reason', { ignore: [{ id: 'redirect-uri-https', reason: ' ' }] }, /ignore\[0\]\.reason: required: .*, not an empty string/],
    ['ignore unknown rule', { ignore: [{ id: 'no-such-rule', reason: 'x' }] }, /ignore\[0\]\.id: "no-such-rule" is not a rule id/],
    ['ignore unknown key', { ignore: [{ id: 'redirect-uri-https', reason: 'x', path: 'a' }] }, /ignore\[0\]\.path: unknown key \(the keys are id, reason, paths\)/],
    ['ignore paths', { ignore: [{ id: 'redirect-uri-https', reason: 'x', paths: 'cdk.out/**' }] }, /ignore\[0\]\.paths: must be a non-empty list of globs, not a string/],
    ['ignore paths item', { ignore: [{ id: 'redirect-uri-https', reason: 'x', paths: [''] }] }, /ignore\[0\]\.paths\[0\]: must be a glob \(a non-empty string\), not an empty string/],
  ])('%s', (_name, content, message) => {
    write(CONFIG, content);
    write('t.json', TEMPLATE);
    const { status, stdout, stderr } = cli(['t.json'], { cwd: dir });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^cognito-client-check: ${CONFIG.replace('.', '\\.')}: invalid config: `))]);
    expect(stderr).toMatch(message);
  });

  test('every problem at once', () => {
    write(CONFIG, { failOn: 'x', extra: 1, ignore: [{ id: 'redirect-uri-https' }] });
    write('t.json', TEMPLATE);
    const { stderr } = cli(['t.json'], { cwd: dir });
    expect(stderr).toMatch(/extra: unknown key.*; failOn: .*; ignore\[0\]\.reason: required/);
  });

  test('the JSON Schema and the reader agree on the keys', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'cognito-client-check.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(CONFIG_KEYS);
    expect(Object.keys(schema.properties.ignore.items.properties)).toEqual(IGNORE_KEYS);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.ignore.items.additionalProperties).toBe(false);
    // a valid config passes the schema and the reader
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv');
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const config = {
      $schema: './node_modules/cdk-cognito-app-client/schema/cognito-client-check.schema.json',
      policy: 'policy.json',
      failOn: 'warning',
      appSuppressions: false,
      suppressible: ['redirect-uri-https'],
      ignore: [{ id: `redirect-uri-https[CallbackURLs::${A}]`, reason: 'local test host', paths: ['cdk.out/**'] }],
    };
    expect(validate(config) ? [] : validate.errors).toEqual([]);
    expect(validate({ ignore: [{ id: 'x' }] })).toBe(false);
    write(CONFIG, config);
    write('policy.json', {});
    write('t.json', TEMPLATE);
    expect(cli(['t.json'], { cwd: dir }).status).toBe(1);
  });
});

describe('the command line and the config', () => {
  test('the config\'s policy is relative to the config file; --policy on the command line wins, and the output says which was used', () => {
    write(CONFIG, { policy: 'config/policy.json' });
    write('config/policy.json', { forbidImplicitFlow: true });
    write('lax.json', {});
    write('app/t.json', TEMPLATE);
    const cwd = path.join(dir, 'app');
    const fromConfig = cliJson(['t.json'], { cwd });
    expect(fromConfig.report.findings.map((f) => f.ruleId)).toContain('policy-no-implicit');
    expect(fromConfig.report.policy).toEqual({ file: path.join('..', 'config', 'policy.json'), from: `policy in ${path.join('..', CONFIG)}` });
    const fromCli = cliJson(['--policy', '../lax.json', 't.json'], { cwd });
    expect(fromCli.report.findings.map((f) => f.ruleId)).not.toContain('policy-no-implicit');
    expect(fromCli.report.policy).toEqual({ file: '../lax.json', from: '--policy' });
    expect(cli(['--policy', '../lax.json', 't.json'], { cwd }).stdout).toContain('Policy: ../lax.json (--policy)\n');
  });

  test('an invalid policy named by the config is an error naming the policy file', () => {
    write(CONFIG, { policy: 'policy.json' });
    write('policy.json', { forbidImplicitFlows: true });
    write('t.json', TEMPLATE);
    const { status, stderr } = cli(['t.json'], { cwd: dir });
    expect(status).toBe(2);
    expect(stderr).toContain('policy.json: invalid client policy: ');
  });

  test('--ignore RULE[,RULE] and RULE[finding id]; repeatable; an unknown rule id is bad usage', () => {
    const file = write('t.json', TEMPLATE);
    const one = cliJson(['--ignore', `redirect-uri-https[CallbackURLs::${A}]`, file]);
    expect(one.report.suppressed.map((s) => [s.findingId, s.source, s.reason])).toEqual([[`CallbackURLs::${A}`, 'command-line', '--ignore on the command line']]);
    expect(one.report.findings.map((f) => f.findingId)).toEqual([`CallbackURLs::${B}`]);
    const policy = write('policy.json', { forbidImplicitFlow: true });
    const all = cliJson(['--policy', policy, '--ignore', 'redirect-uri-https', '--ignore=policy-no-implicit', file]);
    expect(all.status).toBe(0);
    expect(all.report.suppressed).toHaveLength(3);
    const bad = cli(['--ignore', 'redirect-uri-https,no-such-rule', file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('cognito-client-check: --ignore: "no-such-rule" is not a rule id (cognito-client-check --list-rules lists them). Run cognito-client-check --help for usage.\n');
    expect(cli(['--ignore', 'a,,b', file]).stderr).toContain('--ignore: an empty rule id in "a,,b".');
  });

  test('--fail-on warning: an unsuppressed warning fails the run; the config\'s failOn applies unless the command line says otherwise', () => {
    write('w.json', WARNING_ONLY);
    expect(cli(['w.json'], { cwd: dir }).status).toBe(0);
    expect(cli(['--fail-on', 'warning', 'w.json'], { cwd: dir }).status).toBe(1);
    expect(cli(['--fail-on', 'warning', '--ignore', 'token-refresh-zero', 'w.json'], { cwd: dir }).status).toBe(0);
    expect(cli(['--fail-on', 'info', 'w.json'], { cwd: dir }).stderr).toContain('--fail-on must be one of error, warning, not "info".');
    write(CONFIG, { failOn: 'warning' });
    expect(cli(['w.json'], { cwd: dir }).status).toBe(1);
    expect(cli(['--fail-on', 'error', 'w.json'], { cwd: dir }).status).toBe(0);
  });

  test('paths: globs matched against the input file (relative to the working directory), the construct path or the logical id', () => {
    write('cdk.out/Dev.template.json', TEMPLATE);
    write('cdk.out/Prod.template.json', TEMPLATE);
    write('cdk.out/manifest.json', {
      version: '36.0.0',
      artifacts: {
        Dev: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Dev.template.json' }, metadata: { '/Dev/Web/Resource': [{ type: 'aws:cdk:logicalId', data: 'Web' }] } },
        Prod: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Prod.template.json' }, metadata: { '/Prod/Web/Resource': [{ type: 'aws:cdk:logicalId', data: 'Web' }] } },
      },
    });
    const run = (paths: string[]) => {
      write(CONFIG, { ignore: [{ id: 'redirect-uri-https', reason: 'dev only', paths }] });
      return cliJson(['cdk.out'], { cwd: dir }).report.suppressed.map((s) => `${path.basename(s.file)} ${s.resource}`);
    };
    const dev = ['Dev.template.json Web', 'Dev.template.json Web'];
    expect(run(['cdk.out/Dev*'])).toEqual(dev);
    expect(run(['**/Dev.template.json'])).toEqual(dev);
    expect(run(['Dev/**'])).toEqual(dev);
    expect(run(['Dev/*'])).toEqual([]); // * stays within one segment: Dev/Web/Resource
    expect(run(['Web'])).toHaveLength(4);
    expect(run(['cdk.out/*.template.json'])).toHaveLength(4);
    expect(run(['Pr?d/Web/Resource'])).toEqual(['Prod.template.json Web', 'Prod.template.json Web']);
  });

  test('the config\'s appSuppressions and suppressible apply; the command line is never loosened by them', () => {
    const nag = { rules_to_suppress: [{ id: 'AppClientChecks-redirect-uri-https', reason: 'suppressed in the app, with a reason' }] };
    write('t.json', { Resources: { Web: { ...TEMPLATE.Resources.Web, Metadata: { cdk_nag: nag } } } });
    write(CONFIG, { appSuppressions: false });
    const off = cliJson(['t.json'], { cwd: dir });
    expect(off.report.refusedSuppressions.map((r) => r.refused)).toEqual(Array(2).fill(`suppressions written in the app are refused (appSuppressions: false in ${CONFIG})`));
    write(CONFIG, { appSuppressions: true });
    expect(cliJson(['--no-app-suppressions', 't.json'], { cwd: dir }).report.suppressed).toEqual([]);
    write(CONFIG, { suppressible: ['redirect-uri-https', 'user-pool-id-format'] });
    const both = cliJson(['--suppressible', 'user-pool-id-format', 't.json'], { cwd: dir });
    expect(both.report.suppressed).toEqual([]);
    expect(both.report.refusedSuppressions[0].refused).toBe(`redirect-uri-https may not be suppressed (--suppressible and suppressible in ${CONFIG} allows user-pool-id-format)`);
    write(CONFIG, { suppressible: ['user-pool-id-format'], ignore: [{ id: 'redirect-uri-https', reason: 'the config may not suppress this' }] });
    const config = cliJson(['t.json'], { cwd: dir });
    expect(config.status).toBe(1);
    expect(config.report.refusedSuppressions.map((r) => r.source)).toEqual(['cdk-nag-resource', 'config', 'cdk-nag-resource', 'config']);
  });

  test('--help names every option', () => {
    const { stdout } = cli(['--help']);
    for (const option of ['--fail-on error|warning', '--ignore RULE[,RULE...]', '--config FILE', '--no-config', '--no-app-suppressions', '--suppressible RULE[,RULE...]']) expect(stdout).toContain(option);
  });

  test('request and Describe files: config and --ignore apply to them too', () => {
    const { status, report } = cliJson(['--ignore', 'policy-no-implicit', '--policy', fixture('policy.json'), fixture('implicit.json')]);
    expect(status).toBe(0);
    expect(report.suppressed.map((s) => s.resource)).toEqual(['SpaClient']);
  });
});
