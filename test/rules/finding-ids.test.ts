import { ClientPolicy, ClientRules, Finding } from '../../src';
import { escapeValue } from '../../src/rules/private/finding-ids';

// Finding ids name one value's finding, as cdk-nag names its own (`Action::s3:*`): `<Property>::<value>`.

const policy = new ClientPolicy({ allowedScopes: ['openid', 'orders-api/read'], allowedCallbackUrls: ['https://*.example.org/*'], allowLoopbackUrls: false });

function idsOf(properties: { [key: string]: any }, ruleId: string, p?: ClientPolicy): Array<string | undefined> {
  return ClientRules.check({ UserPoolId: 'eu-west-1_AbC123', ...properties }, p).filter((f) => f.ruleId === ruleId).map((f) => f.findingId);
}

const oauth = { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] };

/**
 * What aws-cdk-lib's acknowledgement parsing refuses or changes: unbalanced brackets, spaces (2.278),
 * more than one `::` anywhere (2.265).
 */
function survivesAckParsing(id: string): boolean {
  if (id.split('::').length > 2) return false;
  const stack: string[] = [];
  const pairs: { [c: string]: string } = { ')': '(', ']': '[', '}': '{' };
  for (const c of id) {
    if ('([{'.includes(c)) stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return false;
  }
  return stack.length === 0 && !/\s/.test(id);
}

describe('finding ids', () => {
  test('a scope: AllowedOAuthScopes::<scope>, one per value', () => {
    expect(idsOf({ ...oauth, AllowedOAuthScopes: ['openid', 'orders-api/admin', 'orders-api/read', 'billing/write'] }, 'policy-scopes-allowed', policy))
      .toEqual(['AllowedOAuthScopes::orders-api/admin', 'AllowedOAuthScopes::billing/write']);
  });

  test('a URL: CallbackURLs::<url>; LogoutURLs and DefaultRedirectURI likewise', () => {
    expect(idsOf({ ...oauth, CallbackURLs: ['https://ok.example.org/cb', 'http://app.example.org/cb'], DefaultRedirectURI: 'http://app.example.org/cb' }, 'redirect-uri-https'))
      .toEqual(['CallbackURLs::http://app.example.org/cb', 'DefaultRedirectURI::http://app.example.org/cb']);
    expect(idsOf({ ...oauth, CallbackURLs: ['https://ok.example.org/cb'], LogoutURLs: ['http://app.example.org/'] }, 'logout-uri-https'))
      .toEqual(['LogoutURLs::http://app.example.org/']);
  });

  test('a flow, an auth flow, an identity provider, an attribute', () => {
    expect(idsOf({ ...oauth, AllowedOAuthFlows: ['code', 'implicit'], CallbackURLs: ['https://a.example.org/cb'] }, 'policy-no-implicit', ClientPolicy.recommended()))
      .toEqual(['AllowedOAuthFlows::implicit']);
    expect(idsOf({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, 'policy-no-plaintext-password-flows', ClientPolicy.recommended()))
      .toEqual(['ExplicitAuthFlows::ALLOW_USER_PASSWORD_AUTH']);
    expect(idsOf({ SupportedIdentityProviders: ['COGNITO', 'Okta'] }, 'policy-identity-providers-allowed', new ClientPolicy({ allowedIdentityProviders: ['COGNITO'] })))
      .toEqual(['SupportedIdentityProviders::Okta']);
    expect(idsOf({ ReadAttributes: ['email'], WriteAttributes: ['email', 'email_verified'] }, 'attr-write-immutable')).toEqual(['WriteAttributes::email_verified']);
  });

  test('a finding about no one value has none (suppress the rule on the client)', () => {
    const f = ClientRules.check({ UserPoolId: 'eu-west-1_AbC123', AccessTokenValidity: 0 }).find((x) => x.ruleId === 'token-validity-range');
    expect(f).toBeDefined();
    expect(f!.findingId).toBeUndefined();
  });

  test('[::1], brackets and spaces survive aws-cdk-lib\'s parsing of acknowledgement ids', () => {
    const ids = idsOf({ ...oauth, CallbackURLs: ['http://[::1]:3000/cb', 'https://a(b.example.org/cb', 'https://a b.example.org/cb', 'https://x.example.org/100%/]['] },
      'policy-no-loopback-in-prod', policy).concat(
      idsOf({ ...oauth, CallbackURLs: ['https://a(b.example.org/cb', 'https://a b.example.org/cb', 'https://x.example.org/100%/]['] }, 'redirect-uri-charset'));
    expect(ids).toEqual([
      'CallbackURLs::http://[%3A%3A1]:3000/cb', // matched brackets stay; a :: in the value is encoded
      'CallbackURLs::https://a%20b.example.org/cb',
    ]);
    expect(escapeValue('https://a(b.example.org/cb')).toBe('https://a%28b.example.org/cb');
    expect(escapeValue('x/100%/][')).toBe('x/100%25/%5D%5B');
    expect(escapeValue('a([)]b')).toBe('a%28[%29]b');
    expect(escapeValue('tab\there')).toBe('tab%09here');
    for (const v of ['http://[::1]:3000/cb', 'a(b', 'a b', '}{', '([)]', '[[]', '((a)', 'x)(y']) {
      const id = `AppClientChecks-redirect-uri-https[CallbackURLs::${escapeValue(v)}]`;
      expect(survivesAckParsing(id)).toBe(true);
    }
  });

  test('unresolved parts are rendered as cdk-nag renders them, so the id is the same on every synth', () => {
    const url = { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': ['Alb', 'DNSName'] }, '/cb']] };
    const sub = { 'Fn::Sub': 'http://${Host}/cb' };
    const subVars = { 'Fn::Sub': ['http://${Host}/${Path}', { Host: { Ref: 'HostParam' }, Path: 'cb' }] };
    const ids = idsOf({ ...oauth, CallbackURLs: [url, sub, subVars] }, 'policy-callback-urls-allowed', policy);
    expect(ids).toEqual(['CallbackURLs::http://<Alb.DNSName>/cb', 'CallbackURLs::http://<Host>/cb', 'CallbackURLs::http://<HostParam>/cb']);
    expect(idsOf({ ...oauth, CallbackURLs: [url, sub, subVars] }, 'policy-callback-urls-allowed', policy)).toEqual(ids);
  });

  test('a finding inside an Fn::If branch has an id too', () => {
    const found = ClientRules.check({ UserPoolId: 'eu-west-1_AbC123', ...oauth, CallbackURLs: [{ 'Fn::If': ['IsDev', 'http://dev.example.org/cb', 'https://app.example.org/cb'] }] })
      .filter((f) => f.ruleId === 'redirect-uri-https');
    expect(found.map((f: Finding) => [f.findingId, f.condition])).toEqual([['CallbackURLs::http://dev.example.org/cb', 'when IsDev is true']]);
  });

  test('a long value is cut and named by its hash', () => {
    const long = `http://app.example.org/${'a'.repeat(300)}`;
    const [id] = idsOf({ ...oauth, CallbackURLs: [long] }, 'redirect-uri-https');
    expect(id).toMatch(/^CallbackURLs::http:\/\/app\.example\.org\/a+\.\.\.#[0-9a-f]{12}$/);
    expect(id!.length).toBeLessThan(240);
    const [other] = idsOf({ ...oauth, CallbackURLs: [`${long}b`] }, 'redirect-uri-https');
    expect(other).not.toBe(id);
  });

  test('in a template, findings of the context rules carry ids too', () => {
    const findings = ClientRules.checkTemplate({
      Resources: {
        Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
        Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, ...oauth, AllowedOAuthScopes: ['orders-api/admin'], CallbackURLs: ['https://a.example.org/cb'], SupportedIdentityProviders: ['Okta'] } },
      },
    });
    expect(findings.filter((f) => ['oauth-scope-exists', 'idp-exists'].includes(f.ruleId)).map((f) => f.findingId).sort())
      .toEqual(['AllowedOAuthScopes::orders-api/admin', 'SupportedIdentityProviders::Okta']);
  });
});
