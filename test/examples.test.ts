import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ClientPolicy, ClientRules } from '../src';

// The README's first command runs the example app with the real cdk CLI (aws-cdk, a dev dependency).
const APP = join(__dirname, '..', 'examples', 'app');
const CDK = join(__dirname, '..', 'node_modules', '.bin', 'cdk');

function cdkSynth(...args: string[]) {
  const r = spawnSync(CDK, ['synth', '--no-notices', '--output', join('cdk.out', args.length ? args.join('').replace(/\W/g, '') : 'ok'), ...args], {
    cwd: APP,
    encoding: 'utf8',
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_VALIDATION: 'false' },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('cdk synth prints the template of the example app: four compliant clients', () => {
  const { status, stdout, stderr } = cdkSynth();
  expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
  expect(stdout.match(/Type: AWS::Cognito::UserPoolClient\n/g)).toHaveLength(4);
  for (const name of ['web-shop', 'back-office', 'billing-worker', 'mobile-app']) expect(stdout).toContain(`ClientName: ${name}`);
  expect(stdout).toContain('PreventUserExistenceErrors: ENABLED');
  expect(stdout).toMatch(/- org\.example\.shop:\/\/callback/);
  // the back office names the corporate IdP: the client depends on it
  expect(stdout).toMatch(/DependsOn:\n\s+- CorpIdp/);
  // managed login (version 2): a style for each hosted sign-in client; the web shop's terms, and its
  // SSO session of 8 hours, which depends on the pool's session tracking
  expect(stdout).toContain('ManagedLoginVersion: 2');
  expect(stdout.match(/Type: AWS::Cognito::ManagedLoginBranding\n/g)).toHaveLength(3);
  expect(stdout.match(/TermsName: (terms-of-use|privacy-policy)\n/g)).toEqual(['TermsName: terms-of-use\n', 'TermsName: privacy-policy\n']);
  expect(stdout).toMatch(/MaxValidityMinutes: 480\n(.*\n)*?\s+DependsOn:\n\s+- SessionTracking/);
  expect(stderr).not.toMatch(/ERROR|WARNING \[/);
}, 120_000);

test('two stages, two policies, one cdk synth: the app excludes the Dev stage from its pack, which its own pack checks', () => {
  // GIVEN the app's pack (client-policy.json: no loopback URLs) and the Dev stage's own pack
  // (client-policy.dev.json: loopback allowed), and a Dev web shop with a localhost callback
  const out = join(APP, 'cdk.out', 'ok');
  const { status, stderr } = cdkSynth();
  // THEN one synth passes: the app's pack leaves the excluded Dev stage to Dev's own pack
  expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
  const devTemplate = JSON.parse(readFileSync(join(out, 'assembly-Dev', 'DevShopAuth8453BE3E.template.json'), 'utf8'));
  expect(JSON.stringify(devTemplate)).toContain('http://localhost:3000/callback');
  // and the app's policy would have rejected it, had it seen it; the Dev policy does not
  const prod = ClientPolicy.fromFile(join(APP, 'client-policy.json'));
  const dev = ClientPolicy.fromFile(join(APP, 'client-policy.dev.json'));
  expect(ClientRules.checkTemplate(devTemplate, { policy: prod }).map((f) => f.ruleId)).toContain('policy-no-loopback-in-prod');
  expect(ClientRules.checkTemplate(devTemplate, { policy: dev }).filter((f) => f.severity === 'error')).toEqual([]);
  // the app excludes the Dev stage from its pack explicitly, and Dev's report says so
  const devMetadata = readFileSync(join(out, 'assembly-Dev', 'DevShopAuth8453BE3E.metadata.json'), 'utf8');
  expect(devMetadata).toContain('AppClientChecks-stage-excluded: the AppClientChecks pack of the app does not check stage Dev: development stage');
  expect(devMetadata).not.toContain('policy-no-loopback-in-prod');
}, 120_000);

test('cdk synth of the example with mistakes Cognito would reject fails and prints every one', () => {
  const { status, stderr } = cdkSynth('-c', 'broken=true');
  expect(status).not.toBe(0);
  const expected: Array<[string, string]> = [
    ['ShopAuth/WebShop', 'redirect-uri-https'],
    ['ShopAuth/WebShop', 'redirect-uri-no-fragment'],
    ['ShopAuth/BackOffice', 'idp-exists'],
    ['ShopAuth/BillingWorker', 'oauth-client-credentials-secret'],
    ['ShopAuth/BillingWorker', 'oauth-client-credentials-custom-scopes'],
  ];
  // with the pack registered (the example app's cdk-nag 2 Aspect), the AppClients' errors are the pack's
  // error annotations, reported beside every other pack's findings in one synth
  for (const [path, id] of expected) expect(stderr).toMatch(new RegExp(`ERROR AppClientChecks-${id}(\\[[^\\n]*\\])?: [^\\n]*\\n\\s+${path}/Resource\\n`));
  // no stack frame from inside the library (aws-cdk-lib 2.100 prints its own validateTree frames)
  expect(stderr).not.toMatch(/\n\s+at .*\((?:[^)]*\/src\/|[^)]*\/app-client\.)/);
}, 120_000);

test('cdk synth of the example with breaches of the policy fails, with cdk-nag reporting every one', () => {
  const { status, stderr } = cdkSynth('-c', 'broken=policy');
  expect(status).not.toBe(0);
  const expected: Array<[string, string, string]> = [
    ['ERROR', 'ShopAuth/WebShop/Resource', 'policy-max-access-token-validity'],
    ['ERROR', 'ShopAuth/MobileApp/Resource', 'policy-auth-flows-forbidden'],
    ['WARNING', 'ShopAuth/MobileApp/Resource', 'policy-client-name-pattern'],
  ];
  // each finding names its rule once (cdk-nag's prefix), then the property and value
  for (const [level, path, id] of expected) expect(stderr).toMatch(new RegExp(`${level} AppClientChecks-${id}(\\[[^\\n]*\\])?: [A-Z][A-Za-z]+(\\[\\d+\\])? = [^\\n]*\\n\\s+${path}\\n`));
  expect(stderr).not.toMatch(/AppClientChecks-[a-z0-9-]+: \[/);
  expect(stderr).not.toContain('[redirect-uri-https]');
}, 120_000);

test('the example app type-checks (cdk.json runs it with --transpile-only for speed)', () => {
  const tsc = join(__dirname, '..', 'node_modules', '.bin', 'tsc');
  const r = spawnSync(tsc, ['--noEmit', '-p', join(APP, 'tsconfig.json')], { encoding: 'utf8', timeout: 120_000 });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);
