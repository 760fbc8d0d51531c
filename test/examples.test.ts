import { spawnSync } from 'child_process';
import { join } from 'path';

// The README's first command runs the example app with the real cdk CLI (aws-cdk, a dev dependency).
const APP = join(__dirname, '..', 'examples', 'app');
const CDK = join(__dirname, '..', 'node_modules', '.bin', 'cdk');

function cdkSynth(...args: string[]) {
  const r = spawnSync(CDK, ['synth', '--no-notices', '--output', join('cdk.out', args.length ? 'broken' : 'ok'), ...args], {
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
  expect(stdout.match(/Type: AWS::Cognito::UserPoolClient/g)).toHaveLength(4);
  for (const name of ['web-shop', 'back-office', 'billing-worker', 'mobile-app']) expect(stdout).toContain(`ClientName: ${name}`);
  expect(stdout).toContain('PreventUserExistenceErrors: ENABLED');
  expect(stdout).toMatch(/- org\.example\.shop:\/\/callback/);
  // the back office names the corporate IdP: the client depends on it
  expect(stdout).toMatch(/DependsOn:\n\s+- CorpIdp/);
  expect(stderr).not.toMatch(/ERROR|WARNING \[/);
}, 120_000);

test('cdk synth of the example with deliberate mistakes fails and prints every finding', () => {
  const { status, stderr } = cdkSynth('-c', 'broken=true');
  expect(status).not.toBe(0);
  const expected: Array<[string, string]> = [
    ['ShopAuth/WebShop', 'redirect-uri-https'],
    ['ShopAuth/WebShop', 'redirect-uri-no-fragment'],
    ['ShopAuth/WebShop', 'policy-max-access-token-validity'],
    ['ShopAuth/WebShop', 'policy-callback-urls-allowed'],
    ['ShopAuth/BackOffice', 'idp-exists'],
    ['ShopAuth/BillingWorker', 'oauth-client-credentials-secret'],
    ['ShopAuth/BillingWorker', 'oauth-client-credentials-custom-scopes'],
    ['ShopAuth/MobileApp', 'policy-auth-flows-forbidden'],
    ['ShopAuth/MobileApp', 'policy-client-name-pattern'],
  ];
  for (const [path, id] of expected) expect(stderr).toContain(`[${path}] [${id}]`);
  expect(stderr).toContain('WARNING [ShopAuth/MobileApp] [policy-client-name-pattern]');
  expect(stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace from inside the library
}, 120_000);

test('the example app type-checks (cdk.json runs it with --transpile-only for speed)', () => {
  const tsc = join(__dirname, '..', 'node_modules', '.bin', 'tsc');
  const r = spawnSync(tsc, ['--noEmit', '-p', join(APP, 'tsconfig.json')], { encoding: 'utf8', timeout: 120_000 });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);
