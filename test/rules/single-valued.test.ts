import { ClientPolicy, ClientRules } from '../../src';

// Issue 21: an intrinsic with one possible value is checked as the literal it yields: Fn::Select
// with a literal index, Fn::Split of a literal, Fn::FindInMap with literal keys into the template's
// own Mappings (with AWS::LanguageExtensions' DefaultValue), Fn::Join of literals, and any nesting
// of these. An open value (a Ref to a parameter) is still skipped.

const BASE = { UserPoolId: 'us-east-1_AbC123', ClientName: 'web-client' };
const oauth = (extra: any = {}) => ({
  ...BASE,
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid'],
  CallbackURLs: ['https://app.example.org/cb'],
  ...extra,
});
const NO_IMPLICIT = new ClientPolicy({ forbidImplicitFlow: true });
const SCOPES = new ClientPolicy({ allowedScopes: ['openid', 'email'] });
const ids = (fs: Array<{ ruleId: string }>) => fs.map((f) => f.ruleId);
const of = (fs: Array<{ ruleId: string; property: string }>, id: string) => fs.filter((f) => f.ruleId === id).map((f) => f.property);

const select = (i: any, list: any) => ({ 'Fn::Select': [i, list] });
const split = (d: string, s: any) => ({ 'Fn::Split': [d, s] });
const join = (d: string, items: any) => ({ 'Fn::Join': [d, items] });
const findInMap = (...args: any[]) => ({ 'Fn::FindInMap': args });

const MAPPINGS = {
  Stage: {
    prod: { Flows: 'code,implicit', Flow: 'implicit', Callback: 'http://app.example.org/cb', Scopes: ['openid', 'admin'], Minutes: '4', Secret: 'false' },
    dev: { Flows: 'code', Flow: 'code', Callback: 'https://app.example.org/cb', Scopes: ['openid'], Minutes: '60', Secret: 'true' },
  },
};

/** A template with the pool, Mappings and one client with these properties. */
function template(client: any, extra: any = {}) {
  return {
    Mappings: MAPPINGS,
    Parameters: { Flows: { Type: 'CommaDelimitedList' } },
    Resources: {
      Pool: { Type: 'AWS::Cognito::UserPool' },
      Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { ...oauth({ UserPoolId: { Ref: 'Pool' } }), ...client } },
    },
    ...extra,
  };
}

describe('each single-valued form is checked as the literal it yields', () => {
  test.each([
    ['a literal (the reference)', ['code', 'implicit']],
    ['Fn::Split of a literal, the whole list', split(',', 'code,implicit')],
    ['Fn::Select of a literal, one item', ['code', select(1, ['code', 'implicit'])]],
    ['Fn::Select with a string index', ['code', select('0', ['implicit', 'code'])]],
    ['Fn::Select of an Fn::Split', ['code', select(1, split(',', 'code,implicit'))]],
    ['Fn::Split of an Fn::Join of literals', split(',', join(',', ['code', 'implicit']))],
    ['Fn::Join of an Fn::Select', ['code', join('', ['im', select(0, ['plicit'])])]],
    ['Fn::Select of an Fn::Select', ['code', select(0, [select(1, ['code', 'implicit'])])]],
  ])('%s: policy-no-implicit fires', (_name, flows) => {
    const fs = ClientRules.check(oauth({ AllowedOAuthFlows: flows }), NO_IMPLICIT);
    expect(of(fs, 'policy-no-implicit')).toHaveLength(1);
  });

  test('the reported property is the item of the list the intrinsic yields, with its finding id', () => {
    const [f] = ClientRules.check(oauth({ AllowedOAuthFlows: split(',', 'code,implicit') }), NO_IMPLICIT).filter((x) => x.ruleId === 'policy-no-implicit');
    expect(f.property).toBe('AllowedOAuthFlows[1]');
    expect(f.findingId).toBe('AllowedOAuthFlows::implicit');
    expect(f.message).toContain('"implicit"');
  });

  test('the same list without implicit passes (accept)', () => {
    expect(of(ClientRules.check(oauth({ AllowedOAuthFlows: split(',', 'code') }), NO_IMPLICIT), 'policy-no-implicit')).toEqual([]);
    expect(of(ClientRules.check(oauth({ AllowedOAuthFlows: ['code', select(0, ['code', 'implicit'])] }), NO_IMPLICIT), 'policy-no-implicit')).toEqual([]);
  });

  test('an http callback from Fn::Select or Fn::Split is redirect-uri-https, as a literal is', () => {
    expect(of(ClientRules.check(oauth({ CallbackURLs: [select(0, ['http://app.example.org/cb'])] })), 'redirect-uri-https')).toEqual(['CallbackURLs[0]']);
    expect(of(ClientRules.check(oauth({ CallbackURLs: split(' ', 'https://a.example.org/cb http://b.example.org/cb') })), 'redirect-uri-https')).toEqual(['CallbackURLs[1]']);
    expect(of(ClientRules.check(oauth({ DefaultRedirectURI: select(0, ['http://app.example.org/cb']), CallbackURLs: ['http://app.example.org/cb'] })), 'redirect-uri-https'))
      .toEqual(['CallbackURLs[0]', 'DefaultRedirectURI']);
  });

  test('a scope from Fn::Split is checked against the policy and the catalog', () => {
    const fs = ClientRules.check(oauth({ AllowedOAuthScopes: split(',', 'openid,admin') }), SCOPES);
    expect(of(fs, 'policy-scopes-allowed')).toEqual(['AllowedOAuthScopes[1]']);
    expect(of(fs, 'oauth-scope-exists')).toEqual(['AllowedOAuthScopes[1]']);
  });

  test('a list a rule needs whole is decided once Fn::Split gives it (oauth-client-credentials-exclusive)', () => {
    const fs = ClientRules.check(oauth({ AllowedOAuthFlows: split(',', 'client_credentials,code'), GenerateSecret: true, AllowedOAuthScopes: ['api/read'] }));
    expect(ids(fs)).toContain('oauth-client-credentials-exclusive');
  });

  test('integers and booleans too: Fn::Select of "4" minutes is out of range, Fn::Select of "true" is a secret', () => {
    const fs = ClientRules.check({ ...BASE, AccessTokenValidity: select(0, ['4']), TokenValidityUnits: { AccessToken: select(0, ['minutes']) } });
    expect(ids(fs)).toContain('token-validity-range');
    const cc = ClientRules.check(oauth({ AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'], CallbackURLs: undefined, GenerateSecret: select(0, ['true']) }));
    expect(ids(cc)).not.toContain('oauth-client-credentials-secret');
    const none = ClientRules.check(oauth({ AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'], CallbackURLs: undefined, GenerateSecret: select(0, ['false']) }));
    expect(ids(none)).toContain('oauth-client-credentials-secret');
  });

  test('a single value of the wrong type is property-type, as the literal would be', () => {
    const fs = ClientRules.check({ ...BASE, AccessTokenValidity: select(0, ['1h']) });
    expect(of(fs, 'property-type')).toEqual(['AccessTokenValidity']);
  });
});

describe('Fn::FindInMap reads the template\'s own Mappings', () => {
  const policy = NO_IMPLICIT;
  const check = (client: any, extra?: any) => ClientRules.checkTemplate(template(client, extra), { policy });

  test('literal keys: the mapped list, string and item are checked', () => {
    expect(of(check({ AllowedOAuthFlows: split(',', findInMap('Stage', 'prod', 'Flows')) }), 'policy-no-implicit')).toEqual(['AllowedOAuthFlows[1]']);
    expect(of(check({ AllowedOAuthFlows: ['code', findInMap('Stage', 'prod', 'Flow')] }), 'policy-no-implicit')).toEqual(['AllowedOAuthFlows[1]']);
    expect(of(check({ CallbackURLs: [findInMap('Stage', 'prod', 'Callback')] }), 'redirect-uri-https')).toEqual(['CallbackURLs[0]']);
    expect(of(check({ AllowedOAuthScopes: findInMap('Stage', 'prod', 'Scopes') }), 'oauth-scope-exists')).toEqual(['AllowedOAuthScopes[1]']);
    expect(of(check({ AccessTokenValidity: findInMap('Stage', 'prod', 'Minutes'), TokenValidityUnits: { AccessToken: 'minutes' } }), 'token-validity-range')).toEqual(['AccessTokenValidity']);
  });

  test('keys that are themselves single-valued (Fn::Select of literals) count as literal', () => {
    expect(of(check({ AllowedOAuthFlows: ['code', findInMap('Stage', select(0, ['prod']), 'Flow')] }), 'policy-no-implicit')).toEqual(['AllowedOAuthFlows[1]']);
  });

  test('the accepting entry passes (accept)', () => {
    expect(of(check({ AllowedOAuthFlows: split(',', findInMap('Stage', 'dev', 'Flows')), CallbackURLs: [findInMap('Stage', 'dev', 'Callback')] }), 'policy-no-implicit')).toEqual([]);
    expect(of(check({ CallbackURLs: [findInMap('Stage', 'dev', 'Callback')] }), 'redirect-uri-https')).toEqual([]);
  });

  test('a missing key takes the DefaultValue of AWS::LanguageExtensions; without one it stays unresolved (no invented error)', () => {
    const extra = { Transform: 'AWS::LanguageExtensions' };
    expect(of(check({ AllowedOAuthFlows: ['code', findInMap('Stage', 'test', 'Flow', { DefaultValue: 'implicit' })] }, extra), 'policy-no-implicit')).toEqual(['AllowedOAuthFlows[1]']);
    expect(of(check({ AllowedOAuthFlows: ['code', findInMap('Stage', 'prod', 'Flow', { DefaultValue: 'code' })] }, extra), 'policy-no-implicit')).toEqual(['AllowedOAuthFlows[1]']);
    const missing = check({ AllowedOAuthFlows: ['code', findInMap('Stage', 'test', 'Flow')] });
    expect(missing.filter((f) => f.severity === 'ERROR' && f.ruleId !== 'policy-no-implicit')).toEqual([]);
    expect(of(missing, 'policy-no-implicit')).toEqual([]);
  });

  test('ClientRules.check has no template, so no Mappings: Fn::FindInMap stays unresolved there', () => {
    expect(of(ClientRules.check(oauth({ AllowedOAuthFlows: ['code', findInMap('Stage', 'prod', 'Flow')] }), policy), 'policy-no-implicit')).toEqual([]);
  });
});

describe('open values are still skipped', () => {
  test.each([
    ['a Ref to a parameter (no AllowedValues)', { Ref: 'Flows' }],
    ['Fn::Split of a Ref', split(',', { Ref: 'FlowsText' })],
    ['Fn::Select with a Ref index', ['code', select({ Ref: 'Index' }, ['code', 'implicit'])]],
    ['Fn::Select out of range', ['code', select(5, ['code', 'implicit'])]],
    ['Fn::Select with a negative index', ['code', select(-1, ['code', 'implicit'])]],
    ['Fn::Select of a list token', ['code', select(0, ['#{Token[TOKEN.12]}'])]],
    ['Fn::FindInMap keyed by AWS::Region', ['code', findInMap('Stage', { Ref: 'AWS::Region' }, 'Flow')]],
    ['Fn::Split with an empty delimiter', split('', 'implicit')],
  ])('%s', (_name, flows) => {
    const fs = ClientRules.checkTemplate(template({ AllowedOAuthFlows: flows }), { policy: NO_IMPLICIT });
    expect(of(fs, 'policy-no-implicit')).toEqual([]);
    expect(fs.filter((f) => f.ruleId === 'property-type')).toEqual([]);
  });

  test('Fn::Select past an item that may vanish is checked per branch (the Fn::If decides)', () => {
    const fs = ClientRules.check(oauth({ AllowedOAuthFlows: ['code', select(1, [{ 'Fn::If': ['C', 'code', { Ref: 'AWS::NoValue' }] }, 'implicit', 'implicit'])] }), NO_IMPLICIT);
    expect(fs.filter((f) => f.ruleId === 'policy-no-implicit').map((f) => f.condition)).toEqual(['when C is true']);
  });

  test('a partly-literal Fn::Join still decides by its literal parts (PartialString)', () => {
    const fs = ClientRules.check(oauth({ CallbackURLs: [join('', ['http://app.example.org/', { Ref: 'Path' }])] }));
    expect(of(fs, 'redirect-uri-https')).toEqual(['CallbackURLs[0]']);
    expect(of(ClientRules.check(oauth({ CallbackURLs: [join('', [{ Ref: 'Scheme' }, '://app.example.org/'])] })), 'redirect-uri-https')).toEqual([]);
  });
});
