import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);

const CB = ['https://app.example.org/callback'];
/** Drops keys set to undefined, so "absent" really is absent. */
const clean = (o: any) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
/** A clean OAuth client; override what a test needs. */
const oauth = (extra: any = {}) => clean({
  ...BASE,
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid', 'email'],
  CallbackURLs: CB,
  ...extra,
});
/** A clean client-credentials client. */
const m2m = (extra: any = {}) => clean({
  ...BASE,
  GenerateSecret: true,
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['client_credentials'],
  AllowedOAuthScopes: ['orders/read'],
  ...extra,
});

describe('clean clients', () => {
  test('a code-flow client is clean', () => {
    expect(ClientRules.check(oauth())).toEqual([]);
  });

  test('a client-credentials client is clean', () => {
    expect(ClientRules.check(m2m())).toEqual([]);
  });

  test('an implicit and code client with all standard scopes is clean', () => {
    expect(ClientRules.check(oauth({
      AllowedOAuthFlows: ['code', 'implicit'],
      AllowedOAuthScopes: ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'],
    }))).toEqual([]);
  });
});

describe('oauth-flows-enum', () => {
  test.each([
    [['code']],
    [['implicit']],
    [['code', 'implicit']],
    [['code', 'implicit', 'code']],
  ])('accepts %j', (f) => {
    expect(ids(oauth({ AllowedOAuthFlows: f }))).not.toContain('oauth-flows-enum');
  });

  test.each(['authorization_code', 'Code', 'CODE', 'token', '', 'code ', 'password'])('fails when a flow is %j', (v) => {
    expect(ClientRules.check(oauth({ AllowedOAuthFlows: ['code', v] }))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-flows-enum', property: 'AllowedOAuthFlows[1]', severity: Severity.ERROR,
    }));
  });

  test('fails when there are more than 3 entries', () => {
    expect(ClientRules.check(oauth({ AllowedOAuthFlows: ['code', 'implicit', 'code', 'implicit'] }))).toContainEqual(
      expect.objectContaining({ ruleId: 'oauth-flows-enum', property: 'AllowedOAuthFlows', severity: Severity.ERROR }));
  });

  test('fails when 4 literal entries come with an unresolved one', () => {
    expect(ids(oauth({ AllowedOAuthFlows: ['code', 'implicit', 'code', 'implicit', { Ref: 'F' }] })))
      .toContain('oauth-flows-enum');
  });

  test('the message quotes the value and the fix is non-empty', () => {
    const [f] = find(oauth({ AllowedOAuthFlows: ['authorization_code'] }), 'oauth-flows-enum');
    expect(f.message).toContain('authorization_code');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['a Ref entry', ['code', { Ref: 'F' }]],
    ['a CDK token entry', ['code', Token.asString({ Ref: 'F' })]],
    ['a lazy entry', ['code', Lazy.string({ produce: () => 'bogus' })]],
    ['a Ref list', { Ref: 'Flows' }],
    ['a CDK list token', Token.asList({ Ref: 'Flows' })],
  ])('skips %s', (_d, f) => {
    expect(ids(oauth({ AllowedOAuthFlows: f }))).not.toContain('oauth-flows-enum');
  });
});

describe('oauth-client-credentials-exclusive', () => {
  test.each([
    [['client_credentials', 'code']],
    [['implicit', 'client_credentials']],
    [['client_credentials', 'code', 'implicit']],
    [['client_credentials', 'code', { Ref: 'F' }]],
  ])('fails for %j', (f) => {
    expect(ClientRules.check(m2m({ AllowedOAuthFlows: f, CallbackURLs: CB }))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-client-credentials-exclusive', severity: Severity.ERROR,
    }));
  });

  test('has a fix', () => {
    const [f] = find(m2m({ AllowedOAuthFlows: ['client_credentials', 'code'], CallbackURLs: CB }), 'oauth-client-credentials-exclusive');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    [['client_credentials']],
    [['code', 'implicit']],
  ])('accepts %j', (f) => {
    expect(ids(m2m({ AllowedOAuthFlows: f, CallbackURLs: CB }))).not.toContain('oauth-client-credentials-exclusive');
  });

  test.each([
    ['an unresolved entry', ['client_credentials', { Ref: 'F' }]],
    ['a CDK token entry', ['client_credentials', Token.asString({ Ref: 'F' })]],
    ['an unresolved list', { Ref: 'Flows' }],
  ])('skips %s', (_d, f) => {
    expect(ids(m2m({ AllowedOAuthFlows: f, CallbackURLs: CB }))).not.toContain('oauth-client-credentials-exclusive');
  });
});

describe('oauth-client-credentials-secret', () => {
  test.each([
    ['GenerateSecret absent', { GenerateSecret: undefined }],
    ['GenerateSecret false', { GenerateSecret: false }],
    ['GenerateSecret "false"', { GenerateSecret: 'false' }],
    ['GenerateSecret AWS::NoValue', { GenerateSecret: { Ref: 'AWS::NoValue' } }],
  ])('fails when %s', (_d, extra) => {
    expect(ClientRules.check(m2m(extra))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-client-credentials-secret', severity: Severity.ERROR,
    }));
  });

  test('has a fix', () => {
    const [f] = find(m2m({ GenerateSecret: false }), 'oauth-client-credentials-secret');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['GenerateSecret true', { GenerateSecret: true }],
    ['GenerateSecret "true"', { GenerateSecret: 'true' }],
    ['an API ClientSecret', { GenerateSecret: undefined, ClientSecret: 'a'.repeat(32) }],
    ['no client_credentials flow', { GenerateSecret: false, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: CB }],
  ])('accepts %s', (_d, extra) => {
    expect(ids(m2m(extra))).not.toContain('oauth-client-credentials-secret');
  });

  test.each([
    ['GenerateSecret Ref', { GenerateSecret: { Ref: 'Gen' } }],
    ['GenerateSecret Fn::If with an unresolved branch', { GenerateSecret: { 'Fn::If': ['C', true, { Ref: 'Other' }] } }],
    ['GenerateSecret CDK token', { GenerateSecret: Token.asAny({ Ref: 'Gen' }) }],
    ['an unresolved flows list', { GenerateSecret: false, AllowedOAuthFlows: { Ref: 'Flows' } }],
    ['an unresolved flow entry', { GenerateSecret: false, AllowedOAuthFlows: [{ Ref: 'Flow' }] }],
  ])('skips %s', (_d, extra) => {
    expect(ids(m2m(extra))).not.toContain('oauth-client-credentials-secret');
  });
});

describe('oauth-client-credentials-custom-scopes', () => {
  test.each([
    [['openid']],
    [['orders/read', 'email']],
    [['aws.cognito.signin.user.admin']],
    [['phone', 'profile']],
    [['orders/read', { Ref: 'S' }, 'openid']],
  ])('fails when client_credentials has standard scopes %j', (s) => {
    expect(ClientRules.check(m2m({ AllowedOAuthScopes: s }))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-client-credentials-custom-scopes', severity: Severity.ERROR,
    }));
  });

  test('the message names the standard scope', () => {
    const [f] = find(m2m({ AllowedOAuthScopes: ['orders/read', 'openid'] }), 'oauth-client-credentials-custom-scopes');
    expect(f.message).toContain('openid');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['custom scopes only', { AllowedOAuthScopes: ['orders/read', 'orders/write'] }],
    ['standard scopes without client_credentials', { AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: CB }],
    ['an unresolved scope', { AllowedOAuthScopes: ['orders/read', { Ref: 'S' }] }],
    ['a CDK token scope', { AllowedOAuthScopes: [Token.asString({ Ref: 'S' })] }],
    ['an unresolved scope list', { AllowedOAuthScopes: { Ref: 'Scopes' } }],
    ['an unresolved flows list', { AllowedOAuthFlows: { Ref: 'Flows' }, AllowedOAuthScopes: ['openid'] }],
  ])('accepts %s', (_d, extra) => {
    expect(ids(m2m(extra))).not.toContain('oauth-client-credentials-custom-scopes');
  });
});

describe('oauth-callback-required', () => {
  test.each([
    ['code without CallbackURLs', { AllowedOAuthFlows: ['code'], CallbackURLs: undefined }],
    ['implicit without CallbackURLs', { AllowedOAuthFlows: ['implicit'], CallbackURLs: undefined }],
    ['code with an empty list', { AllowedOAuthFlows: ['code'], CallbackURLs: [] }],
    ['code with AWS::NoValue', { AllowedOAuthFlows: ['code'], CallbackURLs: { Ref: 'AWS::NoValue' } }],
    ['code plus an unresolved flow', { AllowedOAuthFlows: ['code', { Ref: 'F' }], CallbackURLs: undefined }],
  ])('fails for %s', (_d, extra) => {
    expect(ClientRules.check(oauth(extra))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-callback-required', severity: Severity.ERROR,
    }));
  });

  test('has a fix', () => {
    const [f] = find(oauth({ CallbackURLs: undefined }), 'oauth-callback-required');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['a callback list', { AllowedOAuthFlows: ['code'], CallbackURLs: CB }],
    ['client_credentials only', { AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['orders/read'], GenerateSecret: true, CallbackURLs: undefined }],
    ['no flows', { AllowedOAuthFlows: undefined, CallbackURLs: undefined }],
  ])('accepts %s', (_d, extra) => {
    expect(ids(oauth(extra))).not.toContain('oauth-callback-required');
  });

  test.each([
    ['a Ref list', { CallbackURLs: { Ref: 'Urls' } }],
    ['a CDK list token', { CallbackURLs: Token.asList({ Ref: 'Urls' }) }],
    ['a list with one unresolved entry', { CallbackURLs: [{ Ref: 'Url' }] }],
    ['a list with a CDK token entry', { CallbackURLs: [Token.asString({ Ref: 'Url' })] }],
    ['unresolved flows', { AllowedOAuthFlows: { Ref: 'Flows' }, CallbackURLs: undefined }],
    ['an unresolved flow entry only', { AllowedOAuthFlows: [{ Ref: 'Flow' }], CallbackURLs: undefined }],
  ])('skips %s', (_d, extra) => {
    expect(ids(oauth(extra))).not.toContain('oauth-callback-required');
  });

  test.each([
    ['a list whose only entry is unresolved or AWS::NoValue', { CallbackURLs: [{ 'Fn::If': ['C', { Ref: 'Url' }, { Ref: 'AWS::NoValue' }] }] }],
    ['a list whose only entry is a URL or AWS::NoValue', { CallbackURLs: [{ 'Fn::If': ['C', CB[0], { Ref: 'AWS::NoValue' }] }] }],
    ['a list or AWS::NoValue', { CallbackURLs: { 'Fn::If': ['C', CB, { Ref: 'AWS::NoValue' }] } }],
  ])('fails in the branch where the list is empty: %s', (_d, extra) => {
    expect(find(oauth(extra), 'oauth-callback-required').map((f) => f.condition)).toEqual(['when C is false']);
  });
});

describe('oauth-flows-scopes-required', () => {
  test.each([
    ['flows absent', { AllowedOAuthFlows: undefined }],
    ['scopes absent', { AllowedOAuthScopes: undefined }],
    ['both absent', { AllowedOAuthFlows: undefined, AllowedOAuthScopes: undefined }],
    ['flows empty', { AllowedOAuthFlows: [] }],
    ['scopes empty', { AllowedOAuthScopes: [] }],
    ['scopes AWS::NoValue', { AllowedOAuthScopes: { Ref: 'AWS::NoValue' } }],
    ['the flag is "true"', { AllowedOAuthFlowsUserPoolClient: 'true', AllowedOAuthScopes: undefined }],
  ])('fails when the flag is true and %s', (_d, extra) => {
    expect(ClientRules.check(oauth(extra))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-flows-scopes-required', severity: Severity.ERROR,
    }));
  });

  test('has a fix', () => {
    const [f] = find(oauth({ AllowedOAuthScopes: undefined }), 'oauth-flows-scopes-required');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['both present', {}],
    ['flag false and nothing else', { AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: undefined, AllowedOAuthScopes: undefined, CallbackURLs: undefined }],
    ['flag absent and nothing else', { AllowedOAuthFlowsUserPoolClient: undefined, AllowedOAuthFlows: undefined, AllowedOAuthScopes: undefined, CallbackURLs: undefined }],
  ])('accepts %s', (_d, extra) => {
    expect(ids(oauth(extra))).not.toContain('oauth-flows-scopes-required');
  });

  test.each([
    ['an unresolved flag', { AllowedOAuthFlowsUserPoolClient: { Ref: 'Enable' }, AllowedOAuthScopes: undefined }],
    ['a CDK token flag', { AllowedOAuthFlowsUserPoolClient: Token.asAny({ Ref: 'Enable' }), AllowedOAuthScopes: undefined }],
    ['an unresolved flows list', { AllowedOAuthFlows: { Ref: 'Flows' } }],
    ['an unresolved scopes list', { AllowedOAuthScopes: { Ref: 'Scopes' } }],
    ['a CDK list token for scopes', { AllowedOAuthScopes: Token.asList({ Ref: 'Scopes' }) }],
  ])('skips %s', (_d, extra) => {
    expect(ids(oauth(extra))).not.toContain('oauth-flows-scopes-required');
  });
});

describe('oauth-settings-need-flag', () => {
  const plain = { ...BASE };

  test.each([
    ['CallbackURLs', { CallbackURLs: CB }],
    ['LogoutURLs', { LogoutURLs: ['https://app.example.org/logout'] }],
    ['DefaultRedirectURI', { DefaultRedirectURI: CB[0], CallbackURLs: CB }],
    ['AllowedOAuthFlows', { AllowedOAuthFlows: ['code'] }],
    ['AllowedOAuthScopes', { AllowedOAuthScopes: ['openid'] }],
    ['flows with the flag false', { AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: ['code'], CallbackURLs: CB }],
    ['flows with the flag "false"', { AllowedOAuthFlowsUserPoolClient: 'false', AllowedOAuthFlows: ['code'], CallbackURLs: CB }],
    ['flows with the flag AWS::NoValue', { AllowedOAuthFlowsUserPoolClient: { Ref: 'AWS::NoValue' }, AllowedOAuthFlows: ['code'], CallbackURLs: CB }],
  ])('fails (warning) when %s is set without the flag', (_d, extra) => {
    expect(ClientRules.check({ ...plain, ...extra })).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-settings-need-flag', severity: Severity.WARNING,
    }));
  });

  test('has a fix', () => {
    const [f] = find({ ...plain, CallbackURLs: CB }, 'oauth-settings-need-flag');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['the flag true', oauth()],
    ['the flag "true"', oauth({ AllowedOAuthFlowsUserPoolClient: 'true' })],
    ['no OAuth settings', plain],
    ['only empty lists', { ...plain, CallbackURLs: [], LogoutURLs: [], AllowedOAuthFlows: [], AllowedOAuthScopes: [] }],
    ['the flag false and no OAuth settings', { ...plain, AllowedOAuthFlowsUserPoolClient: false }],
    ['an unresolved flag', { ...plain, AllowedOAuthFlowsUserPoolClient: { Ref: 'Enable' }, CallbackURLs: CB }],
    ['a conditional flag with an unresolved branch', { ...plain, AllowedOAuthFlowsUserPoolClient: { 'Fn::If': ['C', true, { Ref: 'Other' }] }, CallbackURLs: CB }],
  ])('accepts %s', (_d, p) => {
    expect(ids(p)).not.toContain('oauth-settings-need-flag');
  });
});

describe('oauth-scope-format', () => {
  test.each([
    ['a custom scope', 'orders/read'],
    ['a URL-like scope', 'https://api.example.org/orders.read'],
    ['all allowed punctuation', 'a/!#$%&\'()*+,-.:;<=>?@[]^_`{|}~'],
    ['256 characters', 'a/' + 'b'.repeat(254)],
    ['1 character /', '/'],
  ])('accepts %s', (_d, s) => {
    expect(ids(oauth({ AllowedOAuthScopes: ['openid', s] }))).not.toContain('oauth-scope-format');
  });

  test.each([
    ['an empty scope', ''],
    ['257 characters', 'a/' + 'b'.repeat(255)],
    ['a space', 'orders/read write'],
    ['a double quote', 'orders/"read"'],
    ['a backslash', 'orders\\read'],
    ['a non-ASCII letter', 'orders/café'],
    ['a tab', 'orders/\tread'],
    ['a DEL character', 'orders/\u007F'],
  ])('fails when a scope has %s', (_d, s) => {
    expect(ClientRules.check(oauth({ AllowedOAuthScopes: ['openid', s] }))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-scope-format', property: 'AllowedOAuthScopes[1]', severity: Severity.ERROR,
    }));
  });

  const many = (n: number) => Array.from({ length: n }, (_v, i) => `api/s${i}`);

  test('accepts 50 scopes', () => {
    expect(ids(oauth({ AllowedOAuthScopes: many(50) }))).not.toContain('oauth-scope-format');
  });

  test('fails when there are 51 scopes', () => {
    expect(ClientRules.check(oauth({ AllowedOAuthScopes: many(51) }))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-scope-format', property: 'AllowedOAuthScopes', severity: Severity.ERROR,
    }));
  });

  test('fails when 51 literal scopes come with an unresolved one', () => {
    expect(ids(oauth({ AllowedOAuthScopes: [...many(51), { Ref: 'S' }] }))).toContain('oauth-scope-format');
  });

  test('the message quotes the scope', () => {
    const [f] = find(oauth({ AllowedOAuthScopes: ['orders/read write'] }), 'oauth-scope-format');
    expect(f.message).toContain('orders/read write');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['a Ref entry', [{ Ref: 'S' }]],
    ['an Fn::Sub entry', [{ 'Fn::Sub': '${Server}/read' }]],
    ['a CDK token entry', [Token.asString({ Ref: 'S' })]],
    ['a CDK token inside a literal', [`${Token.asString({ Ref: 'Server' })}/read`]],
    ['a lazy entry', [Lazy.string({ produce: () => 'bad scope' })]],
    ['a Ref list', { Ref: 'Scopes' }],
    ['a CDK list token', Token.asList({ Ref: 'Scopes' })],
  ])('skips %s', (_d, s) => {
    expect(ids(oauth({ AllowedOAuthScopes: s }))).not.toContain('oauth-scope-format');
  });
});

describe('oauth-scope-exists (per client)', () => {
  test.each([
    'openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin',
    'orders/read', 'https://api.example.org/orders.read',
  ])('accepts %s', (s) => {
    expect(ids(oauth({ AllowedOAuthScopes: ['openid', s] }))).not.toContain('oauth-scope-exists');
  });

  test.each(['admin', 'orders', 'OpenID', 'Email', 'aws.cognito.signin.user', 'read:orders'])('fails when a scope is %j (not standard, no "/")', (s) => {
    expect(ClientRules.check(oauth({ AllowedOAuthScopes: ['openid', s] }))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-scope-exists', property: 'AllowedOAuthScopes[1]', severity: Severity.ERROR,
    }));
  });

  test('the message quotes the scope', () => {
    const [f] = find(oauth({ AllowedOAuthScopes: ['openid', 'admin'] }), 'oauth-scope-exists');
    expect(f.message).toContain('admin');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['a Ref entry', { Ref: 'S' }],
    ['an Fn::Sub entry that could add a "/"', { 'Fn::Sub': 'admin${Suffix}' }],
    ['an Fn::Sub entry with a "/"', { 'Fn::Sub': '${Server}/read' }],
    ['an Fn::Join entry', { 'Fn::Join': ['', [{ Ref: 'Server' }, '/read']] }],
    ['an Fn::GetAtt entry', { 'Fn::GetAtt': ['Server', 'Identifier'] }],
    ['a CDK token entry', Token.asString({ Ref: 'S' })],
    ['a lazy entry', Lazy.string({ produce: () => 'admin' })],
  ])('skips %s', (_d, s) => {
    expect(ids(oauth({ AllowedOAuthScopes: ['openid', s] }))).not.toContain('oauth-scope-exists');
  });
});

describe('oauth-scope-openid-companion', () => {
  test.each([
    [['email']],
    [['phone']],
    [['profile']],
    [['phone', 'aws.cognito.signin.user.admin']],
    [['email', 'orders/read']],
  ])('fails (warning) for %j', (s) => {
    expect(ClientRules.check(oauth({ AllowedOAuthScopes: s }))).toContainEqual(expect.objectContaining({
      ruleId: 'oauth-scope-openid-companion', severity: Severity.WARNING,
    }));
  });

  test('has a fix', () => {
    const [f] = find(oauth({ AllowedOAuthScopes: ['email'] }), 'oauth-scope-openid-companion');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    [['openid', 'email']],
    [['openid', 'phone', 'profile']],
    [['aws.cognito.signin.user.admin']],
    [['orders/read']],
    [['openid']],
  ])('accepts %j', (s) => {
    expect(ids(oauth({ AllowedOAuthScopes: s }))).not.toContain('oauth-scope-openid-companion');
  });

  test.each([
    ['an unresolved entry', ['email', { Ref: 'S' }]],
    ['a CDK token entry', ['email', Token.asString({ Ref: 'S' })]],
    ['a Ref list', { Ref: 'Scopes' }],
    ['a CDK list token', Token.asList({ Ref: 'Scopes' })],
  ])('skips %s', (_d, s) => {
    expect(ids(oauth({ AllowedOAuthScopes: s }))).not.toContain('oauth-scope-openid-companion');
  });
});
