import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient, ClientPolicy } from '../../src';
import { loadHint, supportedCdkNag } from '../../src/policy/private/cdk-nag';
import { ERROR_CODES } from '../../src/private/errors';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The message of what `f` throws. */
function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('nothing was thrown');
}

describe('error codes', () => {
  test("README's error table is ERROR_CODES", () => {
    const section = /<!-- errors:start -->\n([\s\S]*?)\n<!-- errors:end -->/.exec(readme);
    expect(section).not.toBeNull();
    const rows = section![1].split('\n').slice(2).map((line) => {
      const m = /^\| `([a-z0-9-]+)` \| (.*) \|$/.exec(line);
      if (!m) throw new Error(`README error table: unreadable row: ${line}`);
      return [m[1], m[2]];
    });
    expect(rows).toEqual(Object.entries(ERROR_CODES));
  });

  test('every message starts with its code, for the other jsii languages, whose error type is one for all', () => {
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool');
    expect(messageOf(() => new AppClient(stack, 'Bad', { userPool, refreshTokenValidity: Duration.seconds(0) })))
      .toMatch(/^\[invalid-props\] Stack\/Bad: invalid AppClient props:\n {2}\[token-refresh-zero\] /);
    expect(messageOf(() => new AppClient(stack, 'NoPool', { userPool: {} as any }))).toMatch(/^\[user-pool-required\] /);
    expect(messageOf(() => new AppClient(stack, 'Web', { userPool }).userPoolClientSecret)).toMatch(/^\[secret-not-generated\] Stack\/Web: /);
    expect(messageOf(() => ClientPolicy.fromJson([]))).toMatch(/^\[invalid-policy\] /);
    const name = (e: () => unknown) => { try { e(); } catch (x) { return (x as Error).name; } return ''; };
    expect(name(() => ClientPolicy.fromJson([]))).toBe('ClientPolicyError');
  });
});

describe('the cdk-nag versions the pack supports (checked when it is made: cdk-nag is no dependency)', () => {
  test.each(['2.27.0', '2.38.2', '3.0.0', '3.0.2', '3.14.1', 'unknown'])('%s is supported', (v) => expect(supportedCdkNag(v)).toBe(true));
  test.each(['2.26.9', '2.0.0', '1.9.0', '4.0.0', '0.1.0', 'x'])('%s is not', (v) => expect(supportedCdkNag(v)).toBe(false));
});

describe('the two lines', () => {
  /** The names a line file exports. */
  const exported = (file: string) => {
    const text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
    const names = [...text.matchAll(/^ {2}\w+ as (\w+),?$/gm)].map((m) => m[1]);
    names.push(...[...text.matchAll(/^export type (\w+) =/gm)].map((m) => m[1]));
    return names.sort();
  };

  test("the classic line's line.ts exports what the current line's does, and nothing else differs", () => {
    expect(exported('src/private/line.ts')).toEqual(['LineClientReference', 'LineRole', 'LineUserPool', 'LineValidationContext', 'LineValidationPlugin', 'LineValidationReport', 'LineViolation']);
    expect(exported('lines/classic/line.ts')).toEqual(exported('src/private/line.ts'));
  });

  test('an AppClient returns the reference type of its line', () => {
    const stack = new Stack();
    const client = new AppClient(stack, 'Web', { userPool: new cognito.UserPool(stack, 'Pool') });
    const ref: cognito.IUserPoolClient['userPoolClientRef'] = client.userPoolClientRef;
    expect(Object.keys(ref).sort()).toEqual(['clientId', 'userPoolId']);
  });
});

describe('without cdk-nag in an app of another jsii language', () => {
  test.each([
    ['Python/3.11.7', 'import cdk_nag'],
    ['Java/17.0.15', 'JsiiEngine.getInstance().loadModule(io.github.cdklabs.cdknag.$Module.class)'],
    ['go1.26.8/linux/amd64', 'in a Go app, load its module before creating the pack: cdknagjsii.Initialize()'],
    ['DotNet/8.0.0', 'Cdklabs.CdkNag'],
  ])('%s: the error says how to load cdk-nag into the jsii runtime', (agent, how) => {
    expect(loadHint(agent)).toContain(how);
  });
  test('JavaScript needs no hint', () => expect(loadHint(undefined)).toBe(''));
});
