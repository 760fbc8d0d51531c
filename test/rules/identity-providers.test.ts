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

describe('idp-builtin-case', () => {
  const ID = 'idp-builtin-case';
  const template = (names: any, resources: any = {}, poolId: any = { Ref: 'Pool' }) => ClientRules.checkTemplate({
    Resources: { ...resources, Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: poolId, SupportedIdentityProviders: names } } },
  }).filter((f) => f.ruleId === ID);

  test.each([
    ['GOOGLE', 'Google'],
    ['google', 'Google'],
    ['facebook', 'Facebook'],
    ['FACEBOOK', 'Facebook'],
    ['signinwithapple', 'SignInWithApple'],
    ['Apple', 'SignInWithApple'],
    ['apple', 'SignInWithApple'],
    ['Amazon', 'LoginWithAmazon'],
    ['loginWithAmazon', 'LoginWithAmazon'],
  ])('fails (warning) for %s, and the fix names %s', (name, builtin) => {
    const findings = find(idps(['COGNITO', name]), ID);
    expect(findings).toEqual([expect.objectContaining({ ruleId: ID, severity: Severity.WARNING, property: 'SupportedIdentityProviders[1]' })]);
    expect(findings[0].message).toContain(JSON.stringify(name));
    expect(findings[0].message).toContain(`The provider ${name} does not exist`);
    expect(findings[0].fix).toBe(`Write ${builtin}.`);
  });

  test.each([['Google'], ['Facebook'], ['SignInWithApple'], ['LoginWithAmazon'], ['COGNITO'], ['CorpSAML'], ['Googler'], ['MyGoogle']])(
    'accepts %s', (name) => {
      expect(ids(idps([name]))).not.toContain(ID);
    });

  test('skips unresolved entries and an unresolved list', () => {
    expect(ids(idps([{ Ref: 'Name' }, Token.asString({ Ref: 'N' })]))).not.toContain(ID);
    expect(ids(idps({ Ref: 'Names' }))).not.toContain(ID);
  });

  test('runs in a template whose pool is not visible', () => {
    expect(template(['GOOGLE'], {}, 'us-east-1_AbC123')).toHaveLength(1);
    expect(template(['GOOGLE'], {}, { 'Fn::ImportValue': 'PoolId' })).toHaveLength(1);
  });

  test('steps aside when the pool and its providers are visible: idp-exists decides', () => {
    const resources = { Pool: { Type: 'AWS::Cognito::UserPool' } };
    expect(template(['GOOGLE'], resources)).toEqual([]);
    const all = ClientRules.checkTemplate({ Resources: { ...resources, Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, SupportedIdentityProviders: ['GOOGLE'] } } } });
    expect(all.map((f) => f.ruleId)).toEqual(['idp-exists']);
  });

  test('runs when the pool is visible but a provider name is unresolved (the providers are not all visible)', () => {
    const resources = {
      Pool: { Type: 'AWS::Cognito::UserPool' },
      Idp: { Type: 'AWS::Cognito::UserPoolIdentityProvider', Properties: { UserPoolId: { Ref: 'Pool' }, ProviderName: { Ref: 'N' } } },
    };
    expect(template(['GOOGLE'], resources)).toHaveLength(1);
  });

  test('accepts a visible provider of that exact name on the pool outside the template', () => {
    const resources = { Idp: { Type: 'AWS::Cognito::UserPoolIdentityProvider', Properties: { UserPoolId: 'us-east-1_AbC123', ProviderName: 'Apple', ProviderType: 'OIDC' } } };
    expect(template(['Apple'], resources, 'us-east-1_AbC123')).toEqual([]);
  });
});
