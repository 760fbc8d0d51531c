import { ClientPolicy, ClientRules } from '../../src';

/** The RFC 8252 / RFC 9700 policy rules of issue 24 item 2: 'policy-admin-scope-public', 'policy-native-loopback-ip', 'policy-native-scheme-reverse-domain'. */
const oauth = (p: any = {}) => ({
  UserPoolId: 'us-east-1_AbC123',
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid'],
  CallbackURLs: ['https://app.example.org/cb'],
  ...p,
});
const find = (p: any, settings: any, id: string) => ClientRules.check(p, ClientPolicy.fromJson(settings)).filter((f) => f.ruleId === id);

describe('policy-admin-scope-public', () => {
  const ID = 'policy-admin-scope-public';
  const on = { forbidAdminScopeOnPublicClients: true };
  const ADMIN = 'aws.cognito.signin.user.admin';
  test('reject: the admin scope on a client without a secret', () => {
    expect(find(oauth({ AllowedOAuthScopes: ['openid', ADMIN] }), on, ID).map((f) => [f.property, f.severity])).toEqual([['AllowedOAuthScopes[1]', 'error']]);
    expect(find(oauth({ AllowedOAuthScopes: [ADMIN], GenerateSecret: false }), on, ID)).toHaveLength(1);
  });
  test('accept and boundary: with a secret, or without the scope', () => {
    expect(find(oauth({ AllowedOAuthScopes: [ADMIN], GenerateSecret: true }), on, ID)).toEqual([]);
    expect(find(oauth({ AllowedOAuthScopes: ['openid', 'profile'] }), on, ID)).toEqual([]);
  });
  test('unresolved: GenerateSecret from a parameter, or a scope from a Ref, is skipped', () => {
    expect(find(oauth({ AllowedOAuthScopes: [ADMIN], GenerateSecret: { Ref: 'Secret' } }), on, ID)).toEqual([]);
    expect(find(oauth({ AllowedOAuthScopes: [{ Ref: 'Scope' }] }), on, ID)).toEqual([]);
  });
});

describe('policy-native-loopback-ip', () => {
  const ID = 'policy-native-loopback-ip';
  const on = { requireLoopbackIpLiteral: true };
  test('reject: localhost as the loopback host, in callback, logout and default redirect URLs', () => {
    const f = find(oauth({ CallbackURLs: ['http://localhost:3000/cb', 'https://LOCALHOST/cb'], LogoutURLs: ['http://localhost/'] }), on, ID);
    expect(f.map((x) => x.property)).toEqual(['CallbackURLs[0]', 'CallbackURLs[1]', 'LogoutURLs[0]']);
  });
  test('accept and boundary: the IP literals; other hosts; a custom scheme with host localhost is no loopback redirect', () => {
    expect(find(oauth({ CallbackURLs: ['http://127.0.0.1:3000/cb', 'http://[::1]:3000/cb', 'https://localhost.example.org/cb', 'com.example.app://localhost/cb'] }), on, ID)).toEqual([]);
  });
  test('reject: localhost spelled as browsers still read it (a trailing dot, percent-encoded, a subdomain of localhost)', () => {
    const urls = ['http://localhost.:3000/cb', 'http://localhost%2e/cb', 'http://LocalHost%2E:8080/cb', 'http://app.localhost:3000/cb'];
    const f = find(oauth({ CallbackURLs: urls }), on, ID);
    expect(f.map((x) => x.property)).toEqual(['CallbackURLs[0]', 'CallbackURLs[1]', 'CallbackURLs[2]', 'CallbackURLs[3]']);
    expect(f[0].message).toContain('localhost');
    // names that only start with localhost are other hosts
    expect(find(oauth({ CallbackURLs: ['https://localhost.example.org/cb', 'http://localhostx/cb', 'http://127.0.0.1./cb'] }), on, ID)).toEqual([]);
  });
  test('unresolved: a host from a Ref is skipped; a literal localhost before a token is reported', () => {
    expect(find(oauth({ CallbackURLs: [{ 'Fn::Sub': 'http://${Host}:3000/cb' }] }), on, ID)).toEqual([]);
    expect(find(oauth({ CallbackURLs: [{ 'Fn::Sub': 'http://localhost/${Path}' }] }), on, ID)).toHaveLength(1);
  });
});

describe('policy-native-scheme-reverse-domain', () => {
  const ID = 'policy-native-scheme-reverse-domain';
  const on = { requireReverseDomainSchemes: true };
  test('reject: a private-use scheme without a dot', () => {
    const f = find(oauth({ CallbackURLs: ['myapp://callback'], LogoutURLs: ['myapp://signout'] }), on, ID);
    expect(f.map((x) => [x.property, x.severity])).toEqual([['CallbackURLs[0]', 'error'], ['LogoutURLs[0]', 'error']]);
  });
  test('accept and boundary: reverse-domain schemes, http and https in any case', () => {
    expect(find(oauth({ CallbackURLs: ['com.example.app:/callback', 'com.example.app://callback', 'HTTPS://app.example.org/cb', 'http://127.0.0.1/cb'] }), on, ID)).toEqual([]);
  });
  test('reject: a scheme with a dot that is still no domain name (an empty label)', () => {
    const f = find(oauth({ CallbackURLs: ['myapp.:/cb', 'myapp..x://cb', 'com..example://cb'] }), on, ID);
    expect(f.map((x) => x.property)).toEqual(['CallbackURLs[0]', 'CallbackURLs[1]', 'CallbackURLs[2]']);
    expect(find(oauth({ CallbackURLs: ['com.example-1.app+x:/cb'] }), on, ID)).toEqual([]);
  });
  test('unresolved: a URL whose scheme is a token is skipped; a literal scheme before a token is decided', () => {
    expect(find(oauth({ CallbackURLs: [{ 'Fn::Sub': '${Scheme}://callback' }] }), on, ID)).toEqual([]);
    expect(find(oauth({ CallbackURLs: [{ 'Fn::Sub': 'myapp://${Path}' }] }), on, ID)).toHaveLength(1);
  });
});
