import { ClientRules, Severity } from '../../src';

// Creation order (oauth-scope-creation-order, idp-creation-order) and what nested stacks make visible
// to them and to oauth-scope-exists / idp-exists.

const POOL_ID = 'us-east-1_AbC123';
const REF_POOL = { Ref: 'Pool' };
const CB = ['https://app.example.org/callback'];

const clean = (o: any) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const pool = () => ({ Type: 'AWS::Cognito::UserPool' });
const client = (props: any = {}, extra: any = {}) => ({
  Type: 'AWS::Cognito::UserPoolClient',
  Properties: clean({ UserPoolId: REF_POOL, ClientName: 'web', ...props }),
  ...extra,
});
const server = (props: any = {}, extra: any = {}) => ({
  Type: 'AWS::Cognito::UserPoolResourceServer',
  Properties: clean({ UserPoolId: REF_POOL, Identifier: 'orders-api', Name: 'Orders', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }], ...props }),
  ...extra,
});
const idp = (props: any = {}, extra: any = {}) => ({
  Type: 'AWS::Cognito::UserPoolIdentityProvider',
  Properties: clean({ UserPoolId: REF_POOL, ProviderName: 'CorpSAML', ProviderType: 'SAML', ProviderDetails: { MetadataURL: 'https://idp.example.org/m' }, ...props }),
  ...extra,
});
const scoped = (scopes: any[] = ['openid', 'orders-api/read'], extra: any = {}, props: any = {}) => client({
  AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: scopes, CallbackURLs: CB, ...props,
}, extra);
const federated = (names: any[] = ['COGNITO', 'CorpSAML'], extra: any = {}, props: any = {}) => client({ SupportedIdentityProviders: names, ...props }, extra);

/** A nested stack resource passing the parent's pool as the parameter PoolIdParam (as CDK does). */
const nestedStack = (extra: any = {}, parameters: any = { PoolIdParam: REF_POOL }) => ({
  Type: 'AWS::CloudFormation::Stack',
  Properties: { TemplateURL: 'https://example.org/nested.json', Parameters: parameters },
  ...extra,
});
/** The nested stack's template: its resources use the pool through the parameter. */
const nestedTemplate = (resources: any) => ({ Parameters: { PoolIdParam: { Type: 'String' } }, Resources: resources });
const REF_PARAM = { Ref: 'PoolIdParam' };

const run = (resources: any, options: any = {}, template: any = {}) => ClientRules.checkTemplate({ ...template, Resources: resources }, options);
const find = (resources: any, ruleId: string, options?: any, template?: any) => run(resources, options, template).filter((f) => f.ruleId === ruleId);

describe('oauth-scope-creation-order', () => {
  const ID = 'oauth-scope-creation-order';

  test('fails (warning) when the server defining the scope is in the template and the client neither references nor DependsOn it', () => {
    const findings = find({ Pool: pool(), Server: server(), Client: scoped() }, ID);
    expect(findings).toEqual([expect.objectContaining({
      ruleId: ID, resource: 'Client', property: 'AllowedOAuthScopes[1]', severity: Severity.WARNING,
    })]);
    expect(findings[0].message).toContain('"orders-api/read"');
    expect(findings[0].message).toContain('resource server Server');
    expect(findings[0].message).toContain('may create the client first');
    expect(findings[0].fix).toBe('Add DependsOn: Server to the client.');
  });

  test('is a warning, and no error is reported with it', () => {
    const findings = run({ Pool: pool(), Server: server(), Client: scoped() });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([[ID, Severity.WARNING]]);
  });

  test('fails when the client DependsOn other resources only', () => {
    expect(find({ Pool: pool(), Server: server(), Other: pool(), Client: scoped(undefined, { DependsOn: ['Pool', 'Other'] }) }, ID)).toHaveLength(1);
  });

  test.each([
    ['DependsOn a string', { DependsOn: 'Server' }, {}],
    ['DependsOn a list', { DependsOn: ['Pool', 'Server'] }, {}],
    ['a Ref to it elsewhere in its properties', {}, { ClientName: { 'Fn::Sub': '${Server}-client' } }],
    ['a Fn::GetAtt of it', {}, { ClientName: { 'Fn::Join': ['-', [{ 'Fn::GetAtt': ['Server', 'Identifier'] }, 'x']] } }],
  ])('accepts a client with %s', (_d, extra, props) => {
    expect(find({ Pool: pool(), Server: server(), Client: scoped(undefined, extra, props) }, ID)).toEqual([]);
  });

  test('accepts a scope written as a Ref to the server (what OAuthScope.resourceServer() synthesizes)', () => {
    expect(find({ Pool: pool(), Server: server(), Client: scoped(['openid', { 'Fn::Join': ['', [{ Ref: 'Server' }, '/read']] }]) }, ID)).toEqual([]);
  });

  test('accepts a dependency through another resource (Client → Role → Server)', () => {
    const role = { Type: 'AWS::IAM::Role', DependsOn: 'Server', Properties: {} };
    expect(find({ Pool: pool(), Server: server(), Role: role, Client: scoped(undefined, { DependsOn: 'Role' }) }, ID)).toEqual([]);
  });

  test('accepts a dependency cycle without looping', () => {
    const a = { Type: 'AWS::IAM::Role', DependsOn: 'B', Properties: {} };
    const b = { Type: 'AWS::IAM::Role', DependsOn: ['A', 'Server'], Properties: {} };
    expect(find({ Pool: pool(), Server: server(), A: a, B: b, Client: scoped(undefined, { DependsOn: 'A' }) }, ID)).toEqual([]);
  });

  test('accepts a dependency through a reference in another resource (Client DependsOn Role, Role refers to Server)', () => {
    const role = { Type: 'AWS::IAM::Role', Properties: { Description: { 'Fn::Sub': 'reads ${Server.Identifier}' } } };
    expect(find({ Pool: pool(), Server: server(), Role: role, Client: scoped(undefined, { DependsOn: 'Role' }) }, ID)).toEqual([]);
  });

  test('fails when a dependency cycle never reaches the server (the search ends)', () => {
    const a = { Type: 'AWS::IAM::Role', DependsOn: 'B', Properties: { Path: { Ref: 'Pool' } } };
    const b = { Type: 'AWS::IAM::Role', DependsOn: ['A', 'Client'], Properties: {} };
    expect(find({ Pool: pool(), Server: server(), A: a, B: b, Client: scoped(undefined, { DependsOn: 'A' }) }, ID)).toHaveLength(1);
  });

  test.each([
    ['standard scopes', ['openid', 'email']],
    ['a scope without "/"', ['orders']],
    ['a scope no server defines', ['orders-api/write']],
  ])('does not apply to %s', (_d, scopes) => {
    expect(find({ Pool: pool(), Server: server(), Client: scoped(scopes) }, ID)).toEqual([]);
  });

  test('does not apply to a server on another pool', () => {
    expect(find({ Pool: pool(), Other: pool(), Server: server({ UserPoolId: { Ref: 'Other' } }), Client: scoped() }, ID)).toEqual([]);
  });

  test('fails for a server on the same pool outside the template (the same literal pool id)', () => {
    expect(find({ Server: server({ UserPoolId: POOL_ID }), Client: scoped(undefined, {}, { UserPoolId: POOL_ID }) }, ID)).toHaveLength(1);
  });

  test.each([
    ['an unresolved identifier', { Identifier: { Ref: 'Id' } }],
    ['unresolved scopes', { Scopes: { Ref: 'Scopes' } }],
  ])('skips a server with %s', (_d, props) => {
    expect(find({ Pool: pool(), Server: server(props), Client: scoped() }, ID)).toEqual([]);
  });

  test.each([
    ['an unresolved scope list', { Ref: 'Scopes' }],
    ['an unresolved scope entry', ['openid', { Ref: 'Scope' }]],
  ])('skips %s', (_d, scopes) => {
    expect(find({ Pool: pool(), Server: server(), Client: client({ AllowedOAuthScopes: scopes }) }, ID)).toEqual([]);
  });
});

describe('idp-creation-order', () => {
  const ID = 'idp-creation-order';

  test('fails (warning) when the provider is in the template and the client neither references nor DependsOn it', () => {
    const findings = find({ Pool: pool(), Idp: idp(), Client: federated() }, ID);
    expect(findings).toEqual([expect.objectContaining({
      ruleId: ID, resource: 'Client', property: 'SupportedIdentityProviders[1]', severity: Severity.WARNING,
    })]);
    expect(findings[0].message).toContain('"CorpSAML"');
    expect(findings[0].message).toContain('identity provider Idp');
    expect(findings[0].fix).toBe('Add DependsOn: Idp to the client.');
    expect(run({ Pool: pool(), Idp: idp(), Client: federated() }).map((f) => f.ruleId)).toEqual([ID]);
  });

  test.each([
    ['DependsOn', { DependsOn: 'Idp' }, ['COGNITO', 'CorpSAML'], {}],
    ['a Ref to it as the name', {}, ['COGNITO', { Ref: 'Idp' }], {}],
    ['a Ref to it elsewhere', {}, ['COGNITO', 'CorpSAML'], { ClientName: { 'Fn::Sub': '${Idp}-web' } }],
  ])('accepts a client with %s', (_d, extra, names, props) => {
    expect(find({ Pool: pool(), Idp: idp(), Client: federated(names, extra, props) }, ID)).toEqual([]);
  });

  test.each([
    ['COGNITO', ['COGNITO']],
    ['a provider not in the template', ['COGNITO', 'Okta']],
    ['a provider of the same name in another case', ['corpsaml']],
  ])('does not apply to %s', (_d, names) => {
    expect(find({ Pool: pool(), Idp: idp(), Client: federated(names) }, ID)).toEqual([]);
  });

  test('skips a provider with an unresolved name, and an unresolved list', () => {
    expect(find({ Pool: pool(), Idp: idp({ ProviderName: { Ref: 'N' } }), Client: federated() }, ID)).toEqual([]);
    expect(find({ Pool: pool(), Idp: idp(), Client: federated({ Ref: 'Names' } as any) }, ID)).toEqual([]);
  });
});

describe('nested stacks', () => {
  const parent = (c: any, stackExtra: any = {}, parameters?: any) => ({ Pool: pool(), Api: nestedStack(stackExtra, parameters), Client: c });
  const serverInNested = { Api: nestedTemplate({ Orders: server({ UserPoolId: REF_PARAM }) }) };
  const idpInNested = { Api: nestedTemplate({ Saml: idp({ UserPoolId: REF_PARAM }) }) };

  test('a resource server in a nested stack the client DependsOn: no finding (the issue\'s failing synth)', () => {
    expect(run(parent(scoped(undefined, { DependsOn: 'Api' })), { nestedTemplates: serverInNested })).toEqual([]);
  });

  test('a resource server in a nested stack without a dependency on that stack: the creation-order warning names the stack', () => {
    const findings = run(parent(scoped()), { nestedTemplates: serverInNested });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'oauth-scope-creation-order', severity: Severity.WARNING, property: 'AllowedOAuthScopes[1]' })]);
    expect(findings[0].message).toContain('resource server Api/Orders (in nested stack Api)');
    expect(findings[0].fix).toBe('Add DependsOn: Api to the client.');
  });

  test('a client depending on a nested stack output is created after that stack', () => {
    const c = scoped(undefined, {}, { ClientName: { 'Fn::GetAtt': ['Api', 'Outputs.ServerName'] } });
    expect(run(parent(c), { nestedTemplates: serverInNested })).toEqual([]);
  });

  test('an identity provider in a nested stack: visible to idp-exists and idp-creation-order', () => {
    expect(run(parent(federated(undefined, { DependsOn: 'Api' })), { nestedTemplates: idpInNested })).toEqual([]);
    expect(find(parent(federated()), 'idp-creation-order', { nestedTemplates: idpInNested })).toHaveLength(1);
    expect(find(parent(federated(['COGNITO', 'Okta'], { DependsOn: 'Api' })), 'idp-exists', { nestedTemplates: idpInNested })).toHaveLength(1);
  });

  test('a scope defined by no server, in the template or its given nested stacks, is still an error', () => {
    const findings = run(parent(scoped(['orders-api/write'], { DependsOn: 'Api' })), { nestedTemplates: serverInNested });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'oauth-scope-exists', severity: Severity.ERROR })]);
  });

  test('a nested stack whose template is not given may hold the server: no scope or provider is reported missing', () => {
    expect(run(parent(scoped(['orders-api/write'], { DependsOn: 'Api' })))).toEqual([]);
    expect(run(parent(federated(['COGNITO', 'Okta'], { DependsOn: 'Api' })))).toEqual([]);
    expect(run({ Pool: pool(), App: { Type: 'AWS::Serverless::Application', Properties: { Location: 'x' } }, Client: scoped(['orders-api/write']) })).toEqual([]);
  });

  test('without any nested stack, a missing scope is an error (boundary)', () => {
    expect(find({ Pool: pool(), Client: scoped(['orders-api/write']) }, 'oauth-scope-exists')).toHaveLength(1);
  });

  test('a server in a nested stack on another pool (a parameter given another pool) does not count', () => {
    const resources = { Pool: pool(), Other: pool(), Api: nestedStack({ DependsOn: 'Other' }, { PoolIdParam: { Ref: 'Other' } }), Client: scoped(undefined, { DependsOn: 'Api' }) };
    expect(find(resources, 'oauth-scope-exists', { nestedTemplates: serverInNested })).toHaveLength(1);
  });

  test('a parameter given as Fn::GetAtt of the pool is the same pool', () => {
    const resources = parent(scoped(undefined, { DependsOn: 'Api' }), {}, { PoolIdParam: { 'Fn::GetAtt': ['Pool', 'UserPoolId'] } });
    expect(run(resources, { nestedTemplates: serverInNested })).toEqual([]);
  });

  test('a server in a nested stack\'s own pool does not count for the parent\'s pool', () => {
    const nested = { Api: nestedTemplate({ InnerPool: pool(), Orders: server({ UserPoolId: { Ref: 'InnerPool' } }) }) };
    expect(find(parent(scoped(undefined, { DependsOn: 'Api' })), 'oauth-scope-exists', { nestedTemplates: nested })).toHaveLength(1);
  });

  test('a nested stack of a nested stack, keyed by its path, is visible; its parameter is followed through both levels', () => {
    const nested = {
      'Api': nestedTemplate({ Inner: nestedStack({}, { PoolIdParam: REF_PARAM }) }),
      'Api/Inner': nestedTemplate({ Orders: server({ UserPoolId: REF_PARAM }) }),
    };
    expect(run(parent(scoped(undefined, { DependsOn: 'Api' })), { nestedTemplates: nested })).toEqual([]);
    const findings = find(parent(scoped()), 'oauth-scope-creation-order', { nestedTemplates: nested });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('Api/Inner/Orders (in nested stack Api)');
  });

  test('a nested stack of a nested stack whose template is not given keeps the context incomplete', () => {
    const nested = { Api: nestedTemplate({ Inner: nestedStack({}, { PoolIdParam: REF_PARAM }) }) };
    expect(run(parent(scoped(['orders-api/read'], { DependsOn: 'Api' })), { nestedTemplates: nested })).toEqual([]);
  });

  test.each([
    ['not an object', 'template'],
    ['without Resources', { Parameters: {} }],
    ['with a macro', { Transform: 'MyMacro', Resources: {} }],
  ])('a nested template %s counts as not given', (_d, t) => {
    expect(run(parent(scoped(['orders-api/write'], { DependsOn: 'Api' })), { nestedTemplates: { Api: t } })).toEqual([]);
  });

  test('clients inside a nested template are not checked as clients of the parent', () => {
    const nested = { Api: nestedTemplate({ Inner: client({ UserPoolId: REF_PARAM, CallbackURLs: ['http://app.example.org'] }) }) };
    expect(run({ Pool: pool(), Api: nestedStack() }, { nestedTemplates: nested })).toEqual([]);
  });
});

describe('resources generated at deploy time make the context incomplete', () => {
  test.each([
    ['an Fn::ForEach loop in Resources', { 'Fn::ForEach::Servers': ['Name', ['a', 'b'], {}] }, {}],
    ['a macro in the template Transform', {}, { Transform: 'MakeServers' }],
    ['a macro among the template transforms', {}, { Transform: ['AWS::Serverless-2016-10-31', 'MakeServers'] }],
  ])('%s: no scope or provider is reported missing', (_d, extraResources, template) => {
    expect(run({ Pool: pool(), ...extraResources, Client: scoped(['orders-api/write']) }, {}, template)).toEqual([]);
    expect(run({ Pool: pool(), ...extraResources, Client: federated(['COGNITO', 'Okta']) }, {}, template)).toEqual([]);
  });

  test.each([
    ['SAM', { Transform: 'AWS::Serverless-2016-10-31' }],
    ['SAM and language extensions', { Transform: ['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'] }],
  ])('%s transforms add no Cognito resources: a missing scope is still an error', (_d, template) => {
    expect(find({ Pool: pool(), Client: scoped(['orders-api/write']) }, 'oauth-scope-exists', {}, template)).toHaveLength(1);
  });
});

describe('Fn::If in the values these rules read', () => {
  const NO_VALUE = { Ref: 'AWS::NoValue' };
  const IF = (a: any, b: any) => ({ 'Fn::If': ['Federated', a, b] });
  const conditions = (resources: any, id: string) => find(resources, id).map((f) => [f.property, f.condition]);

  describe.each([
    ['idp-creation-order', { Pool: pool(), Idp: idp() }, 'SupportedIdentityProviders', 'CorpSAML'],
    ['idp-exists', { Pool: pool() }, 'SupportedIdentityProviders', 'Okta'],
    ['oauth-scope-creation-order', { Pool: pool(), Server: server() }, 'AllowedOAuthScopes', 'orders-api/read'],
    ['oauth-scope-exists', { Pool: pool(), Server: server() }, 'AllowedOAuthScopes', 'orders-api/write'],
  ])('%s', (id, resources, list, entry) => {
    const ok = list === 'AllowedOAuthScopes' ? 'openid' : 'COGNITO';
    const c = (value: any) => client({ [list]: value });

    test('a list item', () => {
      expect(conditions({ ...resources, Client: c([ok, IF(entry, NO_VALUE)]) }, id)).toEqual([[`${list}[1]`, 'when Federated is true']]);
    });

    test('a value, and its other branch', () => {
      expect(conditions({ ...resources, Client: c([ok, IF(ok, entry)]) }, id)).toEqual([[`${list}[1]`, 'when Federated is false']]);
    });

    test('a whole list', () => {
      expect(conditions({ ...resources, Client: c(IF([entry], [ok])) }, id)).toEqual([[`${list}[0]`, 'when Federated is true']]);
    });

    test('the whole Properties', () => {
      const props = IF({ UserPoolId: REF_POOL, [list]: [entry] }, { UserPoolId: REF_POOL });
      expect(conditions({ ...resources, Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: props } }, id)).toEqual([[`${list}[0]`, 'when Federated is true']]);
    });

    test('both branches: once, without a condition; unresolved branches: skipped', () => {
      expect(conditions({ ...resources, Client: c(IF([entry], [entry])) }, id)).toEqual([[`${list}[0]`, undefined]]);
      expect(conditions({ ...resources, Client: c(IF({ Ref: 'A' }, { Ref: 'B' })) }, id)).toEqual([]);
    });
  });

  test('idp-builtin-case in a branch', () => {
    const findings = ClientRules.check({ UserPoolId: POOL_ID, SupportedIdentityProviders: ['COGNITO', IF('GOOGLE', 'Google')] }).filter((f) => f.ruleId === 'idp-builtin-case');
    expect(findings.map((f) => f.condition)).toEqual(['when Federated is true']);
  });
});
