import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);

const OK = 'https://app.example.org/callback';
/** An OAuth client with the given redirect settings. */
const client = (extra: any = {}) => ({
  ...BASE,
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid'],
  CallbackURLs: [OK],
  ...extra,
});
const cb = (urls: any, extra: any = {}) => client({ ...extra, CallbackURLs: urls });
const logout = (urls: any) => client({ LogoutURLs: urls });
const def = (uri: any, callbacks?: any) => client({ DefaultRedirectURI: uri, CallbackURLs: callbacks ?? [OK, uri] });
const urlOfLength = (n: number) => {
  const prefix = 'https://app.example.org/';
  return prefix + 'a'.repeat(n - prefix.length);
};

describe('clean clients', () => {
  test('callback, logout and default redirect URLs that are all fine', () => {
    expect(ClientRules.check(client({
      CallbackURLs: [OK, 'http://localhost:3000/cb', 'myapp://callback', 'com.example.app:/oauth2redirect'],
      LogoutURLs: ['https://app.example.org/logout', 'http://127.0.0.1:8080/logout'],
      DefaultRedirectURI: OK,
    }))).toEqual([]);
  });
});

describe('redirect-uri-length', () => {
  test.each([
    ['1024 chars', urlOfLength(1024)],
    ['1023 chars', urlOfLength(1023)],
  ])('accepts a callback of %s', (_d, u) => {
    expect(ids(cb([OK, u]))).not.toContain('redirect-uri-length');
  });

  test.each([
    ['1025 chars', urlOfLength(1025)],
    ['2000 chars', urlOfLength(2000)],
    ['0 chars', ''],
  ])('fails when a callback has %s', (_d, u) => {
    expect(ClientRules.check(cb([OK, u]))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-length', property: 'CallbackURLs[1]', severity: Severity.ERROR,
    }));
  });

  test('fails on a long logout URL and a long default redirect', () => {
    const long = urlOfLength(1025);
    expect(ClientRules.check(logout([long]))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-length', property: 'LogoutURLs[0]',
    }));
    expect(ClientRules.check(def(long))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-length', property: 'DefaultRedirectURI',
    }));
  });

  test('has a fix', () => {
    const [f] = find(cb([urlOfLength(1025)]), 'redirect-uri-length');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['Ref', { Ref: 'Url' }],
    ['Fn::Sub', { 'Fn::Sub': 'https://${Domain}/cb' }],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['X', 'Url'] }],
    ['Token.asString', Token.asString({ Ref: 'Url' })],
    ['Lazy.string', Lazy.string({ produce: () => urlOfLength(2000) })],
  ])('skips an unresolved entry (%s)', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-length');
  });
});

describe('redirect-uri-charset', () => {
  test.each([
    ['a plain URL', OK],
    ['a non-ASCII letter (\\p{L})', 'https://app.example.org/café'],
    ['an IDN host', 'https://例え.jp/cb'],
    ['a query and percent escapes', 'https://app.example.org/cb?x=1&y=%20'],
    ['symbols (\\p{S})', 'https://app.example.org/~user/$|^`+<>='],
    ['an emoji (\\p{S}, astral)', 'https://app.example.org/😀'],
    ['a combining mark (\\p{M})', 'https://app.example.org/e\u0301'],
    ['a custom scheme', 'myapp://callback'],
  ])('accepts %s', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-charset');
  });

  test.each([
    ['a space', 'https://app.example.org/a b'],
    ['a tab', 'https://app.example.org/a\tb'],
    ['a newline at the end (full match)', 'https://app.example.org/cb\n'],
    ['a leading space', ' https://app.example.org/cb'],
    ['a no-break space (\\p{Z})', 'https://app.example.org/a\u00A0b'],
    ['a line separator', 'https://app.example.org/a\u2028b'],
    ['a NUL', 'https://app.example.org/a\u0000b'],
    ['a DEL', 'https://app.example.org/a\u007Fb'],
    ['a zero-width space (format char)', 'https://app.example.org/a\u200Bb'],
  ])('fails when a callback contains %s', (_d, u) => {
    expect(ClientRules.check(cb([OK, u]))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-charset', property: 'CallbackURLs[1]', severity: Severity.ERROR,
    }));
  });

  test('applies to LogoutURLs and DefaultRedirectURI', () => {
    expect(ClientRules.check(logout(['https://app.example.org/a b']))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-charset', property: 'LogoutURLs[0]',
    }));
    expect(ClientRules.check(def('https://app.example.org/a b'))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-charset', property: 'DefaultRedirectURI',
    }));
  });

  test('the message quotes the URL', () => {
    const [f] = find(cb(['https://app.example.org/a b']), 'redirect-uri-charset');
    expect(f.message).toContain('https://app.example.org/a b');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['Ref', { Ref: 'Url' }],
    ['Fn::Sub', { 'Fn::Sub': 'https://${Domain}/cb' }],
    ['Token.asString', Token.asString({ Ref: 'Url' })],
    ['a CDK token inside a literal', `https://${Token.asString({ Ref: 'Domain' })}/cb`],
  ])('skips an unresolved entry (%s)', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-charset');
  });
});

describe('redirect-uri-count', () => {
  const urls = (n: number) => Array.from({ length: n }, (_v, i) => `https://app${i}.example.org/cb`);

  test('accepts 100 callback and 100 logout URLs', () => {
    const r = ids(client({ CallbackURLs: urls(100), LogoutURLs: urls(100) }));
    expect(r).not.toContain('redirect-uri-count');
  });

  test('fails when there are 101 callback URLs', () => {
    expect(ClientRules.check(cb(urls(101)))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-count', property: 'CallbackURLs', severity: Severity.ERROR,
    }));
  });

  test('fails when there are 101 logout URLs', () => {
    expect(ClientRules.check(logout(urls(101)))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-count', property: 'LogoutURLs', severity: Severity.ERROR,
    }));
  });

  test('fails when 101 literal entries come with an unresolved one', () => {
    expect(ids(cb([...urls(101), { Ref: 'Url' }]))).toContain('redirect-uri-count');
  });

  test('has a fix and mentions the count', () => {
    const [f] = find(cb(urls(101)), 'redirect-uri-count');
    expect(f.message).toContain('101');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('skips an unresolved list', () => {
    expect(ids(cb({ Ref: 'Urls' }))).not.toContain('redirect-uri-count');
    expect(ids(cb(Token.asList({ Ref: 'Urls' })))).not.toContain('redirect-uri-count');
  });
});

describe('redirect-uri-absolute', () => {
  test.each([
    ['https', OK],
    ['a custom scheme', 'myapp://example'],
    ['a reverse-DNS scheme', 'com.example.app:/callback'],
    ['a scheme with + and -', 'my+app-x.y://cb'],
    ['an uppercase scheme', 'HTTPS://app.example.org/cb'],
  ])('accepts %s', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-absolute');
  });

  test.each([
    ['a path only', '/callback'],
    ['a host without scheme', 'app.example.org/cb'],
    ['a protocol-relative URL', '//app.example.org/cb'],
    ['a scheme starting with a digit', '1app://cb'],
    ['a bare word', 'callback'],
  ])('fails when a callback is %s', (_d, u) => {
    expect(ClientRules.check(cb([OK, u]))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-absolute', property: 'CallbackURLs[1]', severity: Severity.ERROR,
    }));
  });

  test('fails on a relative DefaultRedirectURI', () => {
    expect(ClientRules.check(def('/callback'))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-absolute', property: 'DefaultRedirectURI',
    }));
  });

  test('does not apply to LogoutURLs', () => {
    expect(ids(logout(['/logout']))).not.toContain('redirect-uri-absolute');
  });

  test('the message quotes the URL', () => {
    const [f] = find(cb(['app.example.org/cb']), 'redirect-uri-absolute');
    expect(f.message).toContain('app.example.org/cb');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['Ref', { Ref: 'Url' }],
    ['Fn::Sub with an unresolved scheme', { 'Fn::Sub': '${Scheme}://cb' }],
    ['Fn::Join with an unresolved start', { 'Fn::Join': ['', [{ Ref: 'Base' }, '/cb']] }],
    ['Token.asString', Token.asString({ Ref: 'Url' })],
    ['a CDK token at the start of a literal', `${Token.asString({ Ref: 'Base' })}/cb`],
  ])('skips an unresolved entry (%s)', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-absolute');
  });
});

describe('redirect-uri-host-as-scheme', () => {
  test.each([
    ['localhost with a port', 'localhost:3000/cb'],
    ['a host with a port', 'app.example.org:8443/cb'],
    ['a bare host and port', 'app.example.org:443'],
  ])('fails (warning) when a callback is %s', (_d, u) => {
    expect(ClientRules.check(cb([OK, u]))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-host-as-scheme', property: 'CallbackURLs[1]', severity: Severity.WARNING,
    }));
  });

  test('applies to LogoutURLs and DefaultRedirectURI', () => {
    expect(ClientRules.check(logout(['localhost:8080/logout']))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-host-as-scheme', property: 'LogoutURLs[0]',
    }));
    expect(ClientRules.check(def('app.example.org:443/cb'))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-host-as-scheme', property: 'DefaultRedirectURI',
    }));
  });

  test('the message quotes the URL', () => {
    const [f] = find(cb(['localhost:3000/cb']), 'redirect-uri-host-as-scheme');
    expect(f.message).toContain('localhost:3000/cb');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['a reverse-DNS custom scheme', 'com.example.app:/callback'],
    ['a reverse-DNS scheme with a word after the colon', 'com.example.app:callback'],
    ['a custom scheme', 'myapp://callback'],
    ['https localhost with a port', 'https://localhost:3000/cb'],
    ['http localhost with a port', 'http://localhost:3000/cb'],
  ])('accepts %s', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-host-as-scheme');
  });

  test.each([
    ['Fn::Sub', { 'Fn::Sub': '${Host}:3000/cb' }],
    ['Ref', { Ref: 'Url' }],
    ['Token.asString', Token.asString({ Ref: 'Url' })],
  ])('skips an unresolved entry (%s)', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-host-as-scheme');
  });
});

describe('redirect-uri-no-fragment', () => {
  test.each([
    ['a fragment', 'https://app.example.org/cb#x'],
    ['an empty fragment', 'https://app.example.org/cb#'],
    ['a fragment on a custom scheme', 'myapp://cb#frag'],
    ['a fragment in the literal part of Fn::Sub', { 'Fn::Sub': 'https://${Host}/cb#frag' }],
    ['a fragment in the literal part of Fn::Join', { 'Fn::Join': ['', ['https://', { Ref: 'Host' }, '/cb#frag']] }],
  ])('fails when a callback has %s', (_d, u) => {
    expect(ClientRules.check(cb([OK, u]))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-no-fragment', property: 'CallbackURLs[1]', severity: Severity.ERROR,
    }));
  });

  test('fails on a DefaultRedirectURI with a fragment', () => {
    expect(ClientRules.check(def('https://app.example.org/cb#x'))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-no-fragment', property: 'DefaultRedirectURI',
    }));
  });

  test('the message quotes the URL', () => {
    const [f] = find(cb(['https://app.example.org/cb#x']), 'redirect-uri-no-fragment');
    expect(f.message).toContain('https://app.example.org/cb#x');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['no fragment', OK],
    ['an escaped hash', 'https://app.example.org/cb?x=%23'],
  ])('accepts %s', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-no-fragment');
  });

  test('does not apply to LogoutURLs', () => {
    expect(ids(logout(['https://app.example.org/logout#x']))).not.toContain('redirect-uri-no-fragment');
  });

  test.each([
    ['Fn::Sub without a literal #', { 'Fn::Sub': 'https://${Host}/cb' }],
    ['Ref', { Ref: 'Url' }],
    ['Token.asString', Token.asString({ Ref: 'Url' })],
  ])('skips an unresolved entry (%s)', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-no-fragment');
  });
});

describe('redirect-uri-https', () => {
  test.each([
    ['https', OK],
    ['http localhost', 'http://localhost'],
    ['http localhost with a port and path', 'http://localhost:3000/cb'],
    ['upper-case HTTP and LOCALHOST', 'HTTP://LOCALHOST:3000/cb'],
    ['http 127.0.0.1', 'http://127.0.0.1'],
    ['http 127.0.0.1 with a port', 'http://127.0.0.1:8080/cb'],
    ['http [::1]', 'http://[::1]'],
    ['http [::1] with a port', 'http://[::1]:8080/cb'],
    ['userinfo before localhost', 'http://user@localhost/cb'],
    ['a host after the last @ that is loopback', 'http://evil.example@localhost/cb'],
    ['a custom scheme', 'myapp://callback'],
    ['an @ in the path, not the authority', 'http://localhost/path@evil.example'],
    ['an @ in the query', 'http://localhost:3000/cb?next=a@evil.example'],
    ['userinfo with a password', 'http://user:pw@127.0.0.1:8080/cb'],
    ['a query right after the host', 'http://localhost?x=1'],
    ['Fn::Sub https', { 'Fn::Sub': 'https://${Host}/cb' }],
    ['Fn::Sub http with a literal localhost host', { 'Fn::Sub': 'http://localhost:${Port}/cb' }],
  ])('accepts %s', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-https');
  });

  test.each([
    ['http with a public host', 'http://app.example.org/cb'],
    ['upper-case HTTP', 'HTTP://app.example.org'],
    ['mixed-case Http', 'Http://app.example.org/cb'],
    ['localhost with a trailing dot', 'http://localhost./cb'],
    ['a subdomain of localhost', 'http://app.localhost/cb'],
    ['localhost as a label prefix', 'http://localhost.example.org/cb'],
    ['127.0.0.2', 'http://127.0.0.2/cb'],
    ['0.0.0.0', 'http://0.0.0.0/cb'],
    ['localhost as userinfo', 'http://localhost@evil.example/cb'],
    ['[::2]', 'http://[::2]/cb'],
    ['127.0.0.1 with a trailing dot', 'http://127.0.0.1./cb'],
    ['no authority at all', 'http:/localhost/cb'],
    ['a literal http prefix in Fn::Join', { 'Fn::Join': ['', ['http://app.example.org/', { Ref: 'Path' }]] }],
  ])('fails when a callback uses %s', (_d, u) => {
    expect(ClientRules.check(cb([OK, u]))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-https', property: 'CallbackURLs[1]', severity: Severity.ERROR,
    }));
  });

  test('fails on an http DefaultRedirectURI', () => {
    expect(ClientRules.check(def('http://app.example.org/cb'))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-https', property: 'DefaultRedirectURI', severity: Severity.ERROR,
    }));
  });

  test('reports every failing entry at its index', () => {
    const p = cb(['http://a.example.org/cb', OK, 'http://b.example.org/cb']);
    const r = ClientRules.check(p);
    expect(r).toContainEqual(expect.objectContaining({ ruleId: 'redirect-uri-https', property: 'CallbackURLs[0]' }));
    expect(r).toContainEqual(expect.objectContaining({ ruleId: 'redirect-uri-https', property: 'CallbackURLs[2]' }));
    expect(find(p, 'redirect-uri-https').map(f => f.property)).not.toContain('CallbackURLs[1]');
  });

  test('the message quotes the URL and the fix is non-empty', () => {
    const [f] = find(cb([OK, 'http://app.example.org/cb']), 'redirect-uri-https');
    expect(f.message).toContain('http://app.example.org/cb');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('does not apply to LogoutURLs', () => {
    expect(ids(logout(['http://app.example.org/logout']))).not.toContain('redirect-uri-https');
  });

  test.each([
    ['Fn::Sub with an unresolved host', { 'Fn::Sub': 'http://${Host}/cb' }],
    ['Fn::Join with an unresolved host', { 'Fn::Join': ['', ['http://', { Ref: 'Host' }, '/cb']] }],
    ['Fn::Join where the host may continue', { 'Fn::Join': ['', ['http://localhost', { Ref: 'Rest' }]] }],
    ['Ref', { Ref: 'Url' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['C', { Ref: 'Other' }, 'https://app.example.org/cb'] }],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'url' }],
    ['Token.asString', Token.asString({ Ref: 'Url' })],
    ['a CDK token as the host', `http://${Token.asString({ Ref: 'Host' })}/cb`],
    ['Lazy.string', Lazy.string({ produce: () => 'http://app.example.org/cb' })],
  ])('skips %s', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-https');
  });
});

describe('logout-uri-https', () => {
  test.each([
    ['http with a public host', 'http://app.example.org/logout'],
    ['localhost as a label prefix', 'http://localhost.example.org/logout'],
    ['127.0.0.2', 'http://127.0.0.2/logout'],
  ])('fails (warning) when a logout URL uses %s', (_d, u) => {
    expect(ClientRules.check(logout(['https://app.example.org/logout', u]))).toContainEqual(expect.objectContaining({
      ruleId: 'logout-uri-https', property: 'LogoutURLs[1]', severity: Severity.WARNING,
    }));
  });

  test('the message quotes the URL', () => {
    const [f] = find(logout(['http://app.example.org/logout']), 'logout-uri-https');
    expect(f.message).toContain('http://app.example.org/logout');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['https', 'https://app.example.org/logout'],
    ['http localhost', 'http://localhost:3000/logout'],
    ['http 127.0.0.1', 'http://127.0.0.1/logout'],
    ['http [::1]', 'http://[::1]:8080/logout'],
    ['a custom scheme', 'myapp://logout'],
  ])('accepts %s', (_d, u) => {
    expect(ids(logout([u]))).not.toContain('logout-uri-https');
  });

  test('does not apply to CallbackURLs', () => {
    expect(ids(cb(['http://app.example.org/cb']))).not.toContain('logout-uri-https');
  });

  test.each([
    ['Fn::Sub with an unresolved host', { 'Fn::Sub': 'http://${Host}/logout' }],
    ['Ref', { Ref: 'Url' }],
    ['Token.asString', Token.asString({ Ref: 'Url' })],
  ])('skips %s', (_d, u) => {
    expect(ids(logout([u]))).not.toContain('logout-uri-https');
  });
});

describe('default-redirect-in-callbacks', () => {
  test.each([
    ['no callbacks', 'https://app.example.org/cb', undefined],
    ['an empty callback list', 'https://app.example.org/cb', []],
    ['a trailing slash difference', 'https://app.example.org/cb', ['https://app.example.org/cb/']],
    ['a case difference', 'https://app.example.org/cb', ['https://APP.example.org/cb']],
    ['a different URL', 'https://app.example.org/cb', ['https://other.example.org/cb']],
  ])('fails when %s', (_d, uri, callbacks) => {
    const p: any = { ...client(), DefaultRedirectURI: uri };
    if (callbacks === undefined) delete p.CallbackURLs; else p.CallbackURLs = callbacks;
    expect(ClientRules.check(p)).toContainEqual(expect.objectContaining({
      ruleId: 'default-redirect-in-callbacks', severity: Severity.ERROR,
    }));
  });

  test('the message quotes the URL', () => {
    const [f] = find(def('https://app.example.org/cb', [OK]), 'default-redirect-in-callbacks');
    expect(f.message).toContain('https://app.example.org/cb');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['an exact match', 'https://app.example.org/cb', ['https://app.example.org/cb']],
    ['a match among several', 'myapp://cb', [OK, 'myapp://cb']],
  ])('accepts %s', (_d, uri, callbacks) => {
    expect(ids(def(uri, callbacks))).not.toContain('default-redirect-in-callbacks');
  });

  test('does not apply without DefaultRedirectURI', () => {
    expect(ids(client())).not.toContain('default-redirect-in-callbacks');
    expect(ids(client({ DefaultRedirectURI: { Ref: 'AWS::NoValue' } }))).not.toContain('default-redirect-in-callbacks');
  });

  test.each([
    ['an unresolved callback entry', 'https://app.example.org/cb', [OK, { Ref: 'Url' }]],
    ['a CDK token callback entry', 'https://app.example.org/cb', [OK, Token.asString({ Ref: 'Url' })]],
    ['an unresolved callback list', 'https://app.example.org/cb', { Ref: 'Urls' }],
    ['a CDK list token', 'https://app.example.org/cb', Token.asList({ Ref: 'Urls' })],
    ['an unresolved DefaultRedirectURI', { Ref: 'Default' }, [OK]],
    ['a CDK token DefaultRedirectURI', Token.asString({ Ref: 'Default' }), [OK]],
  ])('skips %s', (_d, uri, callbacks) => {
    expect(ids(def(uri, callbacks))).not.toContain('default-redirect-in-callbacks');
  });
});

describe('redirect-uri-wildcard', () => {
  test.each([
    ['a plain URL', OK],
    ['a percent-encoded * (%2A is not *)', 'https://app.example.org/cb?x=%2A'],
    ['a lower-case %2a', 'https://app.example.org/%2a/cb'],
    ['a custom scheme', 'myapp://callback'],
  ])('accepts %s', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-wildcard');
    expect(ids(logout([u]))).not.toContain('redirect-uri-wildcard');
    expect(ids(def(u))).not.toContain('redirect-uri-wildcard');
  });

  test.each([
    ['a wildcard host', 'https://*.example.org/callback'],
    ['a wildcard path', 'https://app.example.org/*'],
    ['a wildcard port', 'http://localhost:*/cb'],
    ['a * in the query', 'https://app.example.org/cb?env=*'],
    ['a custom scheme with *', 'myapp://*'],
  ])('fails (warning) when a callback has %s', (_d, u) => {
    expect(ClientRules.check(cb([OK, u]))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-wildcard', property: 'CallbackURLs[1]', severity: Severity.WARNING, findingId: `CallbackURLs::${u}`,
    }));
  });

  test('fails (warning) on a logout URL with *', () => {
    expect(ClientRules.check(logout(['https://app.example.org/logout', 'https://*.example.org/logout']))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-wildcard', property: 'LogoutURLs[1]', severity: Severity.WARNING,
    }));
  });

  test('fails (warning) on a DefaultRedirectURI with *', () => {
    const f = find(def('https://*.example.org/cb'), 'redirect-uri-wildcard');
    // The same URL in CallbackURLs[1] and in DefaultRedirectURI: one finding each.
    expect(f.map(x => [x.property, x.severity])).toEqual([['CallbackURLs[1]', Severity.WARNING], ['DefaultRedirectURI', Severity.WARNING]]);
  });

  test('reports every entry with *, once each, and nothing else on a clean client', () => {
    const r = ClientRules.check(cb(['https://*.example.org/cb', OK, 'https://app.example.org/*']));
    expect(r.map(f => [f.ruleId, f.property])).toEqual([
      ['redirect-uri-wildcard', 'CallbackURLs[0]'],
      ['redirect-uri-wildcard', 'CallbackURLs[2]'],
    ]);
  });

  test('the message says * is literal, quotes the URL, and the fix is non-empty', () => {
    const [f] = find(cb(['https://*.example.org/cb']), 'redirect-uri-wildcard');
    expect(f.message).toContain('https://*.example.org/cb');
    expect(f.message).toMatch(/literal character, not a wildcard/);
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['Fn::Sub', { 'Fn::Sub': 'https://*.${Domain}/cb' }],
    ['Fn::Join', { 'Fn::Join': ['', ['https://', { Ref: 'Host' }, '/*']] }],
    ['a CDK token inside a literal', `https://*.${Token.asString({ Ref: 'Domain' })}/cb`],
  ])('fails on a literal * in a partially resolved entry (%s)', (_d, u) => {
    expect(ClientRules.check(cb([OK, u]))).toContainEqual(expect.objectContaining({
      ruleId: 'redirect-uri-wildcard', property: 'CallbackURLs[1]', severity: Severity.WARNING,
    }));
  });

  test.each([
    ['Ref', { Ref: 'Url' }],
    ['Fn::Sub without a literal *', { 'Fn::Sub': 'https://${Host}/cb' }],
    ['Fn::Sub with a * only in its variable map', { 'Fn::Sub': ['https://${Host}/cb', { Host: { Ref: 'Pattern' } }] }],
    ['Fn::Join without a literal *', { 'Fn::Join': ['', ['https://', { Ref: 'Host' }, '/cb']] }],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'url' }],
    ['Token.asString', Token.asString({ Ref: 'Url' })],
    ['Lazy.string', Lazy.string({ produce: () => 'https://*.example.org/cb' })],
  ])('skips an entry whose * could only come from an unresolved part (%s)', (_d, u) => {
    expect(ids(cb([u]))).not.toContain('redirect-uri-wildcard');
    expect(ids(logout([u]))).not.toContain('redirect-uri-wildcard');
  });

  test('skips an unresolved list', () => {
    expect(ids(cb({ Ref: 'Urls' }))).not.toContain('redirect-uri-wildcard');
    expect(ids(cb(Token.asList({ Ref: 'Urls' })))).not.toContain('redirect-uri-wildcard');
  });

  test('an Fn::If branch with *: reported in that branch only, naming it', () => {
    const p = cb([{ 'Fn::If': ['IsDev', 'https://*.dev.example.org/cb', OK] }]);
    expect(find(p, 'redirect-uri-wildcard').map(f => [f.property, f.condition, f.severity])).toEqual([
      ['CallbackURLs[0]', 'when IsDev is true', Severity.WARNING],
    ]);
    expect(ids(cb([{ 'Fn::If': ['IsDev', OK, 'https://app.example.org/other'] }]))).not.toContain('redirect-uri-wildcard');
    expect(ids(cb([{ 'Fn::If': ['IsDev', { Ref: 'Url' }, OK] }]))).not.toContain('redirect-uri-wildcard');
  });

  test('an Fn::If on the whole LogoutURLs list', () => {
    const p = client({ LogoutURLs: { 'Fn::If': ['IsDev', ['https://*.example.org/out'], ['https://app.example.org/out']] } });
    expect(find(p, 'redirect-uri-wildcard').map(f => [f.property, f.condition])).toEqual([['LogoutURLs[0]', 'when IsDev is true']]);
  });
});
