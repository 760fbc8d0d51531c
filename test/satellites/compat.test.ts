import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as cdk from 'aws-cdk-lib';
import { Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lib from '../../src';

const SATELLITE_TYPES = ['AWS::Cognito::ManagedLoginBranding', 'AWS::Cognito::Terms', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment'];

test('the install check\'s satellites are what the source synthesizes (compat/expected-satellites.json, compared on aws-cdk-lib 2.100 to the newest)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { satelliteResources } = require('../../compat/satellites');
  const dir = mkdtempSync(join(tmpdir(), 'satellites-'));
  const got = satelliteResources({ cdk, cognito, lib, dir });
  rmSync(dir, { recursive: true, force: true });
  const expected = readFileSync(join(__dirname, '..', '..', 'compat', 'expected-satellites.json'), 'utf8').trim();
  expect(JSON.stringify(got, null, 2)).toBe(expected);
  // a style, both terms documents and the SSO session of 8 hours, which depends on the pool's tracking
  const [branding, terms, session] = SATELLITE_TYPES;
  expect(Object.values<any>(got).map((r) => r.Type)).toEqual([branding, terms, terms, session]);
  const attachment = Object.values<any>(got).find((r) => r.Type === session);
  expect(attachment.Properties.SSOSession).toEqual({ MaxValidityMinutes: 480 });
  expect(attachment.DependsOn).toEqual(['SessionTracking']);
});

describe('without satellite props', () => {
  function app(props: Partial<lib.AppClientProps> = {}) {
    const a = new cdk.App();
    const stack = new Stack(a, 'Auth');
    const userPool = new cognito.UserPool(stack, 'Pool');
    userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'example-shop' } });
    const web = new lib.AppClient(stack, 'Web', {
      userPool,
      userPoolClientName: 'web',
      oAuth: { callbackUrls: ['https://app.example.org/callback'], logoutUrls: ['https://app.example.org/'] },
      accessTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(30),
      refreshTokenRotation: true,
      authSessionValidity: Duration.minutes(5),
      ...props,
    });
    const worker = new lib.AppClient(stack, 'Worker', { userPool, generateSecret: true });
    return { a, web, worker };
  }

  test('nothing is created, and the template is byte for byte the one of the release before the satellites', () => {
    // GIVEN / WHEN
    const { a, web, worker } = app();
    // THEN
    const template = a.synth().getStackByName('Auth').template;
    expect(`${JSON.stringify(template, null, 2)}\n`).toBe(readFileSync(join(__dirname, '..', 'fixtures', 'no-satellites.template.json'), 'utf8'));
    for (const c of [web, worker]) {
      expect([c.managedLoginBranding, c.termsOfUse, c.privacyPolicy, c.ssoSessionAttachment]).toEqual([undefined, undefined, undefined, undefined]);
      expect(c.node.children.map((x) => x.node.id)).toEqual(['Resource']);
    }
  });

  test('props given as undefined create nothing either', () => {
    const { a } = app({ managedLogin: undefined, terms: undefined, ssoSessionValidity: undefined });
    const types = Object.values<any>(a.synth().getStackByName('Auth').template.Resources).map((r) => r.Type);
    expect(types.filter((t) => SATELLITE_TYPES.includes(t))).toEqual([]);
  });
});
