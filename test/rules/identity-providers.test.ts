import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);
const idps = (list: any) => ({ ...BASE, SupportedIdentityProviders: list });

describe('idp-name-format', () => {
  test('built-in providers are clean', () => {
    expect(ClientRules.check(idps(['COGNITO', 'Google', 'Facebook', 'SignInWithApple', 'LoginWithAmazon']))).toEqual([]);
  });

  test.each([
    ['1 char', 'a'],
    ['32 chars', 'x'.repeat(32)],
    ['a space (\\p{Z}, allowed since 2022)', 'My SAML IdP'],
    ['a no-break space (\\p{Z})', 'My\u00A0IdP'],
    ['non-ASCII letters', 'Ünïcødé-IdP'],
    ['punctuation and symbols', 'corp.okta_saml-1+2=$'],
  ])('accepts %s', (_d, name) => {
    expect(ids(idps(['COGNITO', name]))).not.toContain('idp-name-format');
  });

  test.each([
    ['0 chars', ''],
    ['33 chars', 'x'.repeat(33)],
    ['a tab', 'My\tIdP'],
    ['a newline', 'My\nIdP'],
    ['a NUL', 'My\u0000IdP'],
    ['a zero-width space (format char)', 'My\u200BIdP'],
  ])('fails when an entry has %s', (_d, name) => {
    expect(ClientRules.check(idps(['COGNITO', name]))).toContainEqual(expect.objectContaining({
      ruleId: 'idp-name-format', property: 'SupportedIdentityProviders[1]', severity: Severity.ERROR,
    }));
  });

  test('the message quotes the name and the fix is non-empty', () => {
    const name = 'y'.repeat(33);
    const [f] = find(idps([name]), 'idp-name-format');
    expect(f.message).toContain(name);
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['a Ref entry', [{ Ref: 'Idp' }]],
    ['an Fn::GetAtt entry', [{ 'Fn::GetAtt': ['Idp', 'ProviderName'] }]],
    ['a CDK token entry', [Token.asString({ Ref: 'Idp' })]],
    ['a lazy entry', [Lazy.string({ produce: () => 'x'.repeat(40) })]],
    ['a Ref list', { Ref: 'Idps' }],
    ['a CDK list token', Token.asList({ Ref: 'Idps' })],
  ])('skips %s', (_d, list) => {
    expect(ids(idps(list))).not.toContain('idp-name-format');
  });
});
