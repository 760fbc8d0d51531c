import { App, CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AppClient, ClientRules, Severity } from '../../src';
import { cognitoResources, nestedStackTemplates, renderTemplate } from '../../src/private/cognito-template';
import { ATTRIBUTE_SHAPES } from '../../src/rules/private/shapes';
import { packFindings } from '../pack-findings';

// Values whose shape CloudFormation documents (catalog table): Fn::GetAtt of these attributes is read
// as its shape when the resource's type is visible; everything else stays unknown.

const POOL = { Ref: 'Pool' };
const getAtt = (id: string, attr: string) => ({ 'Fn::GetAtt': [id, attr] });
const join = (...items: any[]) => ({ 'Fn::Join': ['', items] });

/** A template with the pool, `resources`, and one code-flow client with these properties. */
function template(client: any, resources: any = {}) {
  return {
    Resources: {
      Pool: { Type: 'AWS::Cognito::UserPool' },
      ...resources,
      Client: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: { UserPoolId: POOL, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], ...client },
      },
    },
  };
}
const findIn = (t: any, id: string) => ClientRules.checkTemplate(t).filter((f) => f.ruleId === id);
const errorsOf = (t: any) => ClientRules.checkTemplate(t).filter((f) => f.severity === Severity.ERROR);

const SITE = { Site: { Type: 'AWS::S3::Bucket', Properties: { WebsiteConfiguration: { IndexDocument: 'index.html' } } } };
const WEBSITE_URL = getAtt('Site', 'WebsiteURL');

describe('the table', () => {
  test('holds the catalog\'s examples, each once', () => {
    const keys = ATTRIBUTE_SHAPES.map((s) => `${s.type}.${s.attribute}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining([
      'AWS::S3::Bucket.WebsiteURL', 'AWS::CloudFront::Distribution.DomainName', 'AWS::ElasticLoadBalancingV2::LoadBalancer.DNSName',
      'AWS::Amplify::App.DefaultDomain', 'AWS::ApiGatewayV2::DomainName.RegionalDomainName', 'AWS::Lambda::Url.FunctionUrl', 'AWS::ApiGatewayV2::Api.ApiEndpoint',
    ]));
  });

  test('every documented form starts with its scheme, or has none', () => {
    for (const s of ATTRIBUTE_SHAPES) {
      if (s.scheme) expect(s.form.startsWith(`${s.scheme}://`)).toBe(true);
      else expect(s.form).not.toContain('://');
      if (s.path) expect(s.form.endsWith(s.path)).toBe(true);
    }
  });
});

describe('S3 website URL (plain HTTP, never loopback)', () => {
  test.each([
    ['the whole callback', { CallbackURLs: [WEBSITE_URL] }, 'CallbackURLs[0]'],
    ['Fn::Join with a path', { CallbackURLs: [join(WEBSITE_URL, '/callback')] }, 'CallbackURLs[0]'],
    ['Fn::Join with a port and path', { CallbackURLs: [join(WEBSITE_URL, ':80/callback')] }, 'CallbackURLs[0]'],
    ['Fn::Sub with a path', { CallbackURLs: [{ 'Fn::Sub': '${Site.WebsiteURL}/callback' }] }, 'CallbackURLs[0]'],
    ['Fn::GetAtt in the dotted form', { CallbackURLs: [{ 'Fn::GetAtt': 'Site.WebsiteURL' }] }, 'CallbackURLs[0]'],
    ['the default redirect', { CallbackURLs: [WEBSITE_URL], DefaultRedirectURI: WEBSITE_URL }, 'DefaultRedirectURI'],
  ])('fails redirect-uri-https as %s', (_d, client, property) => {
    const findings = findIn(template(client, SITE), 'redirect-uri-https');
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'redirect-uri-https', severity: Severity.ERROR, property }));
    const f = findings.find((x) => x.property === property)!;
    expect(f.message).toContain('${Site.WebsiteURL}');
    expect(f.message).toContain('Fn::GetAtt Site.WebsiteURL is always http://<bucket>.s3-website[-.]<region>.amazonaws.com');
  });

  test('a logout URL is the logout-uri-https warning', () => {
    expect(findIn(template({ CallbackURLs: ['https://app.example.org/cb'], LogoutURLs: [WEBSITE_URL] }, SITE), 'logout-uri-https'))
      .toEqual([expect.objectContaining({ severity: Severity.WARNING, property: 'LogoutURLs[0]' })]);
  });

  test.each([
    ['followed by an unresolved part (it could hold "@localhost")', { CallbackURLs: [join(WEBSITE_URL, { Ref: 'Rest' })] }],
    ['followed by a port that runs into an unresolved part', { CallbackURLs: [join(WEBSITE_URL, ':', { Ref: 'Port' })] }],
  ])('skips the URL %s', (_d, client) => {
    expect(findIn(template(client, SITE), 'redirect-uri-https')).toEqual([]);
  });

  test.each([
    ['the resource is not in the template', {}],
    ['the resource is a custom resource returning a WebsiteURL attribute', { Site: { Type: 'Custom::Site', Properties: { ServiceToken: 'arn' } } }],
    ['the resource is another type', { Site: { Type: 'AWS::S3::AccessPoint', Properties: {} } }],
  ])('stays unknown when %s', (_d, resources) => {
    expect(errorsOf(template({ CallbackURLs: [WEBSITE_URL] }, resources))).toEqual([]);
  });

  test('stays unknown without a template (ClientRules.check sees no resource types)', () => {
    expect(ClientRules.check({ UserPoolId: 'us-east-1_AbC123', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: [WEBSITE_URL] }))
      .toEqual([]);
  });

  test('Fn::If: each branch is read with its shape', () => {
    const findings = findIn(template({ CallbackURLs: [{ 'Fn::If': ['Prod', 'https://app.example.org/cb', WEBSITE_URL] }] }, SITE), 'redirect-uri-https');
    expect(findings.map((f) => f.condition)).toEqual(['when Prod is false']);
  });
});

describe('host names without a scheme', () => {
  const HOSTS = ATTRIBUTE_SHAPES.filter((s) => s.scheme === undefined);
  const resource = (type: string) => ({ Res: { Type: type, Properties: {} } });

  test('the table has the catalog\'s host names', () => {
    expect(HOSTS.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(HOSTS.map((s) => [`${s.type}.${s.attribute}`, s]))('%s', (_key, s) => {
    const host = getAtt('Res', s.attribute);
    const t = (client: any) => template(client, resource(s.type));

    test('as the whole callback: redirect-uri-absolute error, naming the documented form', () => {
      const findings = findIn(t({ CallbackURLs: [host] }), 'redirect-uri-absolute');
      expect(findings).toEqual([expect.objectContaining({ severity: Severity.ERROR, property: 'CallbackURLs[0]' })]);
      expect(findings[0].message).toContain(`Fn::GetAtt Res.${s.attribute} is always ${s.form}`);
      expect(findings[0].fix).toContain(`https://\${Res.${s.attribute}}`);
    });

    test('as the default redirect, and followed by a path: redirect-uri-absolute', () => {
      expect(findIn(t({ CallbackURLs: [host], DefaultRedirectURI: host }), 'redirect-uri-absolute').map((f) => f.property))
        .toEqual(['CallbackURLs[0]', 'DefaultRedirectURI']);
      expect(findIn(t({ CallbackURLs: [join(host, '/cb')] }), 'redirect-uri-absolute')).toHaveLength(1);
    });

    test('after a literal https:// scheme: accepted', () => {
      expect(errorsOf(t({ CallbackURLs: [join('https://', host, '/cb')] }))).toEqual([]);
      expect(errorsOf(t({ CallbackURLs: [{ 'Fn::Sub': `https://\${Res.${s.attribute}}/cb` }] }))).toEqual([]);
    });

    test('after a literal http:// scheme: redirect-uri-https (never a loopback host)', () => {
      expect(findIn(t({ CallbackURLs: [join('http://', host, '/cb')] }), 'redirect-uri-https')).toHaveLength(1);
      expect(findIn(t({ CallbackURLs: [{ 'Fn::Sub': `http://\${Res.${s.attribute}}` }] }), 'redirect-uri-https')).toHaveLength(1);
    });

    test('followed by a port: the host-as-scheme warning, not an absolute-URI error', () => {
      const all = ClientRules.checkTemplate(t({ CallbackURLs: [join(host, ':8443/cb')] }));
      expect(all.map((f) => f.ruleId)).toEqual(['redirect-uri-host-as-scheme']);
    });

    test('followed by an unresolved part, or after an unresolved scheme: skipped', () => {
      expect(errorsOf(t({ CallbackURLs: [join(host, { Ref: 'Path' })] }))).toEqual([]);
      expect(errorsOf(t({ CallbackURLs: [join({ Ref: 'Scheme' }, host)] }))).toEqual([]);
    });
  });
});

describe('HTTPS attributes', () => {
  test('a Lambda function URL is https: accepted whole or with a path', () => {
    const url = getAtt('FnUrl', 'FunctionUrl');
    const resources = { FnUrl: { Type: 'AWS::Lambda::Url', Properties: { AuthType: 'NONE', TargetFunctionArn: 'arn' } } };
    expect(ClientRules.checkTemplate(template({ CallbackURLs: [url, join(url, 'callback')] }, resources))).toEqual([]);
  });

  test('an HTTP API endpoint is https', () => {
    const resources = { Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'api', ProtocolType: 'HTTP' } } };
    const url = join(getAtt('Api', 'ApiEndpoint'), '/callback');
    expect(ClientRules.checkTemplate(template({ CallbackURLs: [url] }, resources))).toEqual([]);
  });

  test('a WebSocket API endpoint (wss://) and an API without a literal ProtocolType stay unknown', () => {
    for (const protocol of ['WEBSOCKET', { Ref: 'Protocol' }]) {
      const resources = { Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'api', ProtocolType: protocol } } };
      const client = ClientRules.checkTemplate(template({ CallbackURLs: [getAtt('Api', 'ApiEndpoint')] }, resources));
      expect(client).toEqual([]);
    }
  });
});

describe('the CDK tokens these attributes become', () => {
  test('AppClient: bucket.bucketWebsiteUrl as a callback fails synth with redirect-uri-https', () => {
    const app = new App();
    const stack = new Stack(app, 'Web');
    const site = new s3.Bucket(stack, 'Site', { websiteIndexDocument: 'index.html' });
    const userPool = new cognito.UserPool(stack, 'Pool');
    new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: [site.bucketWebsiteUrl] } });
    expect(() => app.synth()).toThrow(/redirect-uri-https\] CallbackURLs\[0\] = "\$\{Site[A-Z0-9]+\.WebsiteURL\}"/);
  });

  test('AppClientChecks: a CfnUserPoolClient with the website URL as a callback is an error', () => {
    const app = new App();
    const stack = new Stack(app, 'Web');
    const site = new s3.Bucket(stack, 'Site', { websiteIndexDocument: 'index.html' });
    const pool = new cognito.UserPool(stack, 'Pool');
    new cognito.CfnUserPoolClient(stack, 'Client', {
      userPoolId: pool.userPoolId,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ['code'],
      allowedOAuthScopes: ['openid'],
      callbackUrLs: [`${site.bucketWebsiteUrl}/callback`],
    });
    expect(packFindings(app).map((v) => [v.ruleName, v.severity])).toEqual([['AppClientChecks-redirect-uri-https', 'error']]);
  });

  test('AppClient: https:// + a bucket\'s regional domain name passes', () => {
    const app = new App();
    const stack = new Stack(app, 'Web');
    const site = new s3.Bucket(stack, 'Site');
    const userPool = new cognito.UserPool(stack, 'Pool');
    new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: [`https://${site.bucketRegionalDomainName}/callback`] } });
    expect(() => app.synth()).not.toThrow();
  });
});

describe('nested stacks through the construct', () => {
  test('AppClient using a resource server of a NestedStack it depends on: synth passes (no oauth-scope-exists error)', () => {
    const app = new App();
    const stack = new Stack(app, 'Main');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const nested = new NestedStack(stack, 'Api');
    new cognito.CfnUserPoolResourceServer(nested, 'Orders', {
      userPoolId: userPool.userPoolId, identifier: 'orders-api', name: 'Orders', scopes: [{ scopeName: 'read', scopeDescription: 'Read' }],
    });
    const client = new AppClient(stack, 'Client', {
      userPool,
      generateSecret: true,
      oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('orders-api/read')] },
    });
    client.node.addDependency(nested);
    expect(() => app.synth()).not.toThrow();
  });

  test('the pack reports no error for it either, and the rendered template shows the nested stack by its type', () => {
    const app = new App();
    const stack = new Stack(app, 'Main');
    const pool = new cognito.UserPool(stack, 'Pool');
    const nested = new NestedStack(stack, 'Api');
    new cognito.CfnUserPoolResourceServer(nested, 'Orders', { userPoolId: pool.userPoolId, identifier: 'orders-api', name: 'Orders', scopes: [{ scopeName: 'read', scopeDescription: 'r' }] });
    const c = new cognito.CfnUserPoolClient(stack, 'Client', {
      userPoolId: pool.userPoolId, generateSecret: true, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['client_credentials'], allowedOAuthScopes: ['orders-api/read'],
    });
    c.node.addDependency(nested);
    expect(packFindings(app).filter((v) => v.severity === 'error')).toEqual([]);
    expect(stack.node.findAll().some((x) => CfnResource.isCfnResource(x) && x.cfnResourceType === 'AWS::CloudFormation::Stack')).toBe(true);
  });

  /** An app whose client uses a scope of a resource server in a nested stack (two levels down when `deep`). */
  function nestedApp(dependOnStack: boolean, deep = false) {
    const a = new App();
    const stack = new Stack(a, 'Main');
    const pool = new cognito.UserPool(stack, 'Pool');
    const api = new NestedStack(stack, 'Api');
    const holder = deep ? new NestedStack(api, 'Inner') : api;
    new cognito.CfnUserPoolResourceServer(holder, 'Orders', { userPoolId: pool.userPoolId, identifier: 'orders-api', name: 'Orders', scopes: [{ scopeName: 'read', scopeDescription: 'r' }] });
    const c = new cognito.CfnUserPoolClient(stack, 'Client', {
      userPoolId: pool.userPoolId, generateSecret: true, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['client_credentials'], allowedOAuthScopes: ['orders-api/read', 'orders-api/write'],
    });
    if (dependOnStack) c.node.addDependency(api);
    a.synth(); // references between the stacks are resolved into nested stack parameters
    const rendered = renderTemplate(stack, cognitoResources(stack)).template;
    return ClientRules.checkTemplate(rendered, { nestedTemplates: nestedStackTemplates(stack) }).map((f) => [f.ruleId, f.property]);
  }

  test('with the nested templates the construct can render (nestedStackTemplates), the engine sees the nested resource server', () => {
    // orders-api/read is defined in the nested stack; orders-api/write nowhere: an error once everything is visible.
    expect(nestedApp(true)).toEqual([['oauth-scope-exists', 'AllowedOAuthScopes[1]']]);
    expect(nestedApp(false)).toEqual([['oauth-scope-exists', 'AllowedOAuthScopes[1]'], ['oauth-scope-creation-order', 'AllowedOAuthScopes[0]']]);
  });

  test('two levels of nested stacks', () => {
    expect(nestedApp(true, true)).toEqual([['oauth-scope-exists', 'AllowedOAuthScopes[1]']]);
  });
});
