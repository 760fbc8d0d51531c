import { ClientPolicy, ClientRules } from '../../src';
import { ATTRIBUTE_SHAPES } from '../../src/rules/private/shapes';

// Issue 21: a URL built on an AWS-generated host (a documented attribute shape) is checked against
// the policy's allowlists: it fails when no value of the shape, in any partition the shape documents,
// can match any entry; a shape that some entry can match, or a shape the engine is not sure of,
// stays open.

const getAtt = (id: string, attr: string) => ({ 'Fn::GetAtt': [id, attr] });
const join = (...items: any[]) => ({ 'Fn::Join': ['', items] });
const RESOURCES = {
  Dist: { Type: 'AWS::CloudFront::Distribution', Properties: {} },
  Fn: { Type: 'AWS::Lambda::Url', Properties: {} },
  Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: {} },
  Site: { Type: 'AWS::S3::Bucket', Properties: {} },
  Amp: { Type: 'AWS::Amplify::App', Properties: {} },
  Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
};

function template(client: any) {
  return {
    Resources: {
      Pool: { Type: 'AWS::Cognito::UserPool' },
      ...RESOURCES,
      Client: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: { UserPoolId: { Ref: 'Pool' }, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], ...client },
      },
    },
  };
}
const callbacks = (allowed: string[], urls: any[], extra: any = {}) =>
  ClientRules.checkTemplate(template({ CallbackURLs: urls, ...extra }), { policy: new ClientPolicy({ allowedCallbackUrls: allowed }) })
    .filter((f) => f.ruleId === 'policy-callback-urls-allowed');

const DIST_CB = join('https://', getAtt('Dist', 'DomainName'), '/callback');
const ORG = ['https://*.example.org/*'];

describe('a documented host no entry can match fails the allowlist', () => {
  test.each([
    ['CloudFront DomainName (Fn::Join)', DIST_CB, 'Fn::GetAtt Dist.DomainName is always <id>.cloudfront.net'],
    ['CloudFront DomainName (Fn::Sub)', { 'Fn::Sub': 'https://${Dist.DomainName}/callback' }, 'Fn::GetAtt Dist.DomainName is always <id>.cloudfront.net'],
    ['Lambda function URL', join(getAtt('Fn', 'FunctionUrl'), 'callback'), 'Fn::GetAtt Fn.FunctionUrl is always https://<url-id>.lambda-url.<region>.on.aws/'],
    ['load balancer DNSName', { 'Fn::Sub': 'https://${Alb.DNSName}/cb' }, 'Fn::GetAtt Alb.DNSName is always'],
    ['S3 RegionalDomainName', join('https://', getAtt('Site', 'RegionalDomainName'), '/cb'), 'Fn::GetAtt Site.RegionalDomainName is always <bucket>.s3.<region>.amazonaws.com'],
    ['HTTP API endpoint', join(getAtt('Api', 'ApiEndpoint'), '/cb'), 'Fn::GetAtt Api.ApiEndpoint is always'],
    ['a shaped host with a gap in the path', join('https://', getAtt('Dist', 'DomainName'), '/', { Ref: 'Path' }), 'Fn::GetAtt Dist.DomainName'],
  ])('%s vs https://*.example.org/*', (_name, url, note) => {
    const fs = callbacks(ORG, [url]);
    expect(fs.map((f) => f.property)).toEqual(['CallbackURLs[0]']);
    expect(fs[0].message).toContain(note);
    expect(fs[0].message).toContain('https://*.example.org/*');
  });

  test('every partition is named: CloudFront is *.cloudfront.net or *.cloudfront.cn', () => {
    expect(callbacks(ORG, [DIST_CB])[0].message).toContain('hosts: *.cloudfront.net, *.cloudfront.cn');
  });

  test('the scheme decides too: an https host against http-only entries (boundary)', () => {
    expect(callbacks(['http://*.cloudfront.net/*'], [DIST_CB])).toHaveLength(1);
    expect(callbacks(['https://*.cloudfront.net/*'], [DIST_CB])).toEqual([]);
  });

  test('logout URLs and DefaultRedirectURI use the same test', () => {
    const logout = ClientRules.checkTemplate(template({ CallbackURLs: ['https://app.example.org/cb'], LogoutURLs: [DIST_CB] }),
      { policy: new ClientPolicy({ allowedLogoutUrls: ORG }) }).filter((f) => f.ruleId === 'policy-logout-urls-allowed');
    expect(logout.map((f) => f.property)).toEqual(['LogoutURLs[0]']);
    expect(callbacks(ORG, [DIST_CB], { DefaultRedirectURI: DIST_CB }).map((f) => f.property)).toEqual(['CallbackURLs[0]', 'DefaultRedirectURI']);
  });
});

describe('an entry some value of the shape can match passes (accept)', () => {
  test.each([
    ['any host', ['https://*/*']],
    ['the CloudFront domain', ['https://*.cloudfront.net/*']],
    ['the China CloudFront domain only', ['https://*.cloudfront.cn/*']],
    ['one distribution\'s name', ['https://d111111abcdef8.cloudfront.net/callback']],
    ['a wider suffix', ['https://*.net/*']],
    ['one entry of several', ['https://*.example.org/*', 'https://*.cloudfront.net/callback']],
  ])('%s', (_name, allowed) => {
    expect(callbacks(allowed, [DIST_CB])).toEqual([]);
  });

  test('a China or GovCloud entry can match the regional shapes (every partition counts)', () => {
    expect(callbacks(['https://*.amazonaws.com.cn/*'], [{ 'Fn::Sub': 'https://${Alb.DNSName}/cb' }])).toEqual([]);
    expect(callbacks(['https://*.elb.amazonaws.com/*'], [{ 'Fn::Sub': 'https://${Alb.DNSName}/cb' }])).toEqual([]);
    expect(callbacks(['https://*.lambda-url.us-east-1.on.aws/*'], [join(getAtt('Fn', 'FunctionUrl'), 'callback')])).toEqual([]);
  });
});

describe('what the engine is not sure of stays open', () => {
  test('a shape without documented hosts (Amplify) is a gap', () => {
    expect(callbacks(ORG, [join('https://', getAtt('Amp', 'DefaultDomain'), '/cb')])).toEqual([]);
  });

  test('an attribute of a resource whose type is not visible (ClientRules.check) is a gap', () => {
    const fs = ClientRules.check({ UserPoolId: 'us-east-1_AbC123', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: [DIST_CB] },
      new ClientPolicy({ allowedCallbackUrls: ORG }));
    expect(fs.filter((f) => f.ruleId === 'policy-callback-urls-allowed')).toEqual([]);
  });

  test('a Ref host is still open; a literal host is decided as before (reject)', () => {
    expect(callbacks(ORG, [join('https://', { Ref: 'Host' }, '/cb')])).toEqual([]);
    expect(callbacks(ORG, ['https://d111.cloudfront.net/cb'])).toHaveLength(1);
  });
});

describe('the documented hosts', () => {
  const globToRegExp = (g: string) => new RegExp(`^${g.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/?#@\\\\:]*')}$`);

  test('each documented form\'s host is among its shape\'s hosts', () => {
    for (const s of ATTRIBUTE_SHAPES) {
      if (!s.hosts) continue;
      const host = s.form.replace(/^[a-z]+:\/\//, '').replace(/\/$/, '').replace(/<[^>]+>/g, 'x1').replace('[-.]', '.');
      expect(s.hosts.some((h: string) => globToRegExp(h).test(host))).toBe(true);
    }
  });

  test('CloudFront names both partitions, the regional services every partition\'s suffix', () => {
    const hosts = (type: string, attr: string) => ATTRIBUTE_SHAPES.find((s) => s.type === type && s.attribute === attr)!.hosts;
    expect(hosts('AWS::CloudFront::Distribution', 'DomainName')).toEqual(['*.cloudfront.net', '*.cloudfront.cn']);
    expect(hosts('AWS::S3::Bucket', 'RegionalDomainName')).toEqual(expect.arrayContaining(['*.amazonaws.com', '*.amazonaws.com.cn']));
    expect(hosts('AWS::Amplify::App', 'DefaultDomain')).toBeUndefined();
  });
});
