import { ClientRules, Severity } from '../../src';

const POOL_ID = 'us-east-1_AbC123';
const CB = ['https://app.example.org/callback'];
const REF_POOL = { Ref: 'Pool' };
const GETATT_POOL = { 'Fn::GetAtt': ['Pool', 'UserPoolId'] };
const IMPORTED_POOL = { 'Fn::ImportValue': 'PoolId' };

/** Drops keys set to undefined, so "absent" really is absent. */
const clean = (o: any) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const pool = (props: any = {}) => ({ Type: 'AWS::Cognito::UserPool', Properties: props });
/** A client on Pool (override UserPoolId for another pool); `extra` goes on the resource (DependsOn). */
const client = (props: any = {}, extra: any = {}) => ({
  Type: 'AWS::Cognito::UserPoolClient',
  Properties: clean({ UserPoolId: REF_POOL, ClientName: 'web-client', ...props }),
  ...extra,
});
const server = (props: any = {}) => ({
  Type: 'AWS::Cognito::UserPoolResourceServer',
  Properties: clean({
    UserPoolId: REF_POOL,
    Identifier: 'orders-api',
    Name: 'Orders',
    Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }],
    ...props,
  }),
});
const idp = (props: any = {}) => ({
  Type: 'AWS::Cognito::UserPoolIdentityProvider',
  Properties: clean({
    UserPoolId: REF_POOL,
    ProviderName: 'CorpSAML',
    ProviderType: 'SAML',
    ProviderDetails: { MetadataURL: 'https://idp.example.org/metadata' },
    ...props,
  }),
});

/** Clean OAuth client properties asking for `scopes`. */
const oauth = (scopes: any[], extra: any = {}) => ({
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: scopes,
  CallbackURLs: CB,
  ...extra,
});

const check = (resources: any) => ClientRules.checkTemplate({ Resources: resources });
const find = (resources: any, ruleId: string) => check(resources).filter(f => f.ruleId === ruleId);
const ids = (resources: any) => check(resources).map(f => f.ruleId);

describe('template handling', () => {
  test.each([
    ['missing', {}],
    ['a list', { Resources: [] }],
    ['null', { Resources: null }],
    ['a string', { Resources: 'Client' }],
  ])('fails when Resources is %s', (_d, template) => {
    let error: any;
    try {
      ClientRules.checkTemplate(template as any);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidTemplateError');
    expect(error.message).toContain('Resources');
  });

  test('the message says what Resources is', () => {
    expect(() => ClientRules.checkTemplate({})).toThrow(/Resources is missing/);
    expect(() => ClientRules.checkTemplate({ Resources: [] })).toThrow(/a list/);
    expect(() => ClientRules.checkTemplate({ Resources: null })).toThrow(/null/);
  });

  test('an empty template has no findings', () => {
    expect(check({})).toEqual([]);
  });

  test('a clean template has no findings', () => {
    expect(check({
      Pool: pool({ Schema: [{ Name: 'tenant', AttributeDataType: 'String' }] }),
      Server: server(),
      Idp: idp(),
      Client: client(oauth(['openid', 'orders-api/read'], {
        SupportedIdentityProviders: ['COGNITO', 'CorpSAML'],
        ReadAttributes: ['email', 'custom:tenant'],
      }), { DependsOn: ['Server', 'Idp'] }),
    })).toEqual([]);
  });

  test('fails when a client has no Properties: one property-type finding on Properties', () => {
    const findings = check({ Pool: pool(), Client: { Type: 'AWS::Cognito::UserPoolClient' } });
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'property-type', resource: 'Client', property: 'Properties', severity: Severity.ERROR,
    })]);
    expect(findings[0].message).toContain('absent');
  });

  test.each([
    ['null', null],
    ['a list', []],
    ['a string', 'UserPoolId'],
  ])('fails when a client\'s Properties is %s', (_d, properties) => {
    expect(check({ Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: properties } })).toEqual([expect.objectContaining({
      ruleId: 'property-type', resource: 'Client', property: 'Properties', severity: Severity.ERROR,
    })]);
  });

  test('non-client resources are ignored, however odd', () => {
    expect(check({
      Pool: pool({ UserPoolTier: 'LITE', Schema: { Ref: 'X' } }),
      Server: server({ Scopes: 'not-a-list' }),
      Idp: idp({ ProviderName: 42 }),
      Fn: { Type: 'AWS::Lambda::Function', Properties: { CallbackURLs: ['http://app.example.org'] } },
      Odd: null,
      Text: 'AWS::Cognito::UserPoolClient',
      NoType: { Properties: { UserPoolId: POOL_ID, CallbackURLs: ['http://app.example.org'] } },
    })).toEqual([]);
  });

  test('fails when a per-client rule fails, with resource set (redirect-uri-https)', () => {
    const findings = find({
      Pool: pool(),
      Good: client(oauth(['openid'])),
      Bad: client(oauth(['openid'], { CallbackURLs: ['http://app.example.org/cb'] })),
    }, 'redirect-uri-https');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'redirect-uri-https', resource: 'Bad', property: 'CallbackURLs[0]', severity: Severity.ERROR,
    })]);
    expect(findings[0].message).toContain('http://app.example.org/cb');
  });

  test('fails when two clients fail, each finding naming its own client', () => {
    const findings = check({
      A: client(oauth(['openid'], { CallbackURLs: ['http://a.example.org/cb'] })),
      B: client(oauth(['openid'], { CallbackURLs: ['http://b.example.org/cb'] })),
    }).filter(f => f.ruleId === 'redirect-uri-https');
    expect(findings.map(f => f.resource)).toEqual(['A', 'B']);
  });
});

describe('oauth-scope-exists (template)', () => {
  const withServer = (c: any, s: any = server()) => ({ Pool: pool(), Server: s, Client: c });
  const scoped = (scopes: any[] = ['openid', 'orders-api/read'], extra?: any, props: any = {}) => client(oauth(scopes, props), extra);

  test.each([
    ['DependsOn a string', { DependsOn: 'Server' }],
    ['DependsOn a list', { DependsOn: ['Pool', 'Server'] }],
  ])('accepts a scope of a resource server the client has %s', (_d, extra) => {
    expect(find(withServer(scoped(undefined, extra)), 'oauth-scope-exists')).toEqual([]);
  });

  test('accepts a scope of a resource server the client references', () => {
    expect(find(withServer(scoped(['openid', { 'Fn::Join': ['', [{ Ref: 'Server' }, '/read']] }])), 'oauth-scope-exists')).toEqual([]);
  });

  test('accepts a literal scope when the client references the server elsewhere in its properties', () => {
    expect(find(withServer(scoped(undefined, undefined, { ClientName: { 'Fn::Sub': '${Server}-client' } })), 'oauth-scope-exists')).toEqual([]);
  });

  test('accepts standard scopes without any resource server', () => {
    expect(find({ Pool: pool(), Client: scoped(['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin']) }, 'oauth-scope-exists'))
      .toEqual([]);
  });

  test('accepts a scope the server defines even when the client does not depend on it (that is oauth-scope-creation-order)', () => {
    expect(find(withServer(scoped()), 'oauth-scope-exists')).toEqual([]);
    expect(find(withServer(scoped(undefined, { DependsOn: ['Pool'] })), 'oauth-scope-exists')).toEqual([]);
  });

  test.each([
    ['Ref', REF_POOL],
    ['Fn::GetAtt', GETATT_POOL],
    ['Fn::GetAtt dotted', { 'Fn::GetAtt': 'Pool.UserPoolId' }],
  ])('fails when the pool (client by %s) is in the template and no server defines the scope', (_d, poolId) => {
    const findings = find(withServer(client({ ...oauth(['openid', 'orders-api/write']), UserPoolId: poolId }, { DependsOn: 'Server' })),
      'oauth-scope-exists');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'oauth-scope-exists', resource: 'Client', property: 'AllowedOAuthScopes[1]', severity: Severity.ERROR,
    })]);
    expect(findings[0].message).toContain('orders-api/write');
  });

  test('accepts the system-managed scope aws.cognito/dcr/register without any resource server (dynamic client registration)', () => {
    expect(find({ Pool: pool(), Client: scoped(['openid', 'aws.cognito/dcr/register']) }, 'oauth-scope-exists')).toEqual([]);
    expect(find(withServer(scoped(['aws.cognito/dcr/register', 'orders-api/read'], { DependsOn: 'Server' })), 'oauth-scope-exists')).toEqual([]);
    expect(ClientRules.check(oauth(['aws.cognito/dcr/register'])).filter((f) => f.ruleId.startsWith('oauth-scope'))).toEqual([]);
  });

  test.each(['aws.cognito/dcr/other', 'aws.cognito/dcr/register/', 'AWS.COGNITO/DCR/REGISTER'])('fails for %s: only aws.cognito/dcr/register is system-managed', (scope) => {
    expect(find({ Pool: pool(), Client: scoped(['openid', scope]) }, 'oauth-scope-exists')).toEqual([expect.objectContaining({
      ruleId: 'oauth-scope-exists', property: 'AllowedOAuthScopes[1]',
    })]);
  });

  test('fails when the pool is in the template and has no resource server at all', () => {
    expect(find({ Pool: pool(), Client: scoped() }, 'oauth-scope-exists')).toEqual([expect.objectContaining({
      ruleId: 'oauth-scope-exists', property: 'AllowedOAuthScopes[1]',
    })]);
  });

  test('fails when the only server defining the scope is on another pool', () => {
    expect(find({
      Pool: pool(),
      Other: pool(),
      Server: server({ UserPoolId: { Ref: 'Other' } }),
      Client: scoped(undefined, { DependsOn: 'Server' }),
    }, 'oauth-scope-exists')).toHaveLength(1);
  });

  test('accepts a server found through Fn::GetAtt while the client uses Ref', () => {
    expect(find(withServer(scoped(undefined, { DependsOn: 'Server' }), server({ UserPoolId: GETATT_POOL })), 'oauth-scope-exists'))
      .toEqual([]);
  });

  test('fails when several scopes are undefined, once per scope', () => {
    const findings = find(withServer(scoped(['orders-api/read', 'orders-api/write', 'billing/read'], { DependsOn: 'Server' })), 'oauth-scope-exists');
    expect(findings.map(f => f.property)).toEqual(['AllowedOAuthScopes[1]', 'AllowedOAuthScopes[2]']);
  });

  test.each([
    ['the Identifier is unresolved', { Identifier: { Ref: 'Id' } }],
    ['the Scopes are unresolved', { Scopes: { Ref: 'Scopes' } }],
    ['a ScopeName is unresolved', { Scopes: [{ ScopeName: 'read' }, { ScopeName: { Ref: 'S' } }] }],
  ])('skips a visible pool when %s', (_d, props) => {
    expect(find(withServer(scoped(['openid', 'orders-api/write'], { DependsOn: 'Server' }), server(props)), 'oauth-scope-exists')).toEqual([]);
  });

  test.each([
    ['a literal pool id', POOL_ID],
    ['Fn::ImportValue', IMPORTED_POOL],
  ])('skips a custom scope with "/" when the pool is outside the template (%s)', (_d, poolId) => {
    expect(find({ Client: client({ ...oauth(['openid', 'orders-api/write']), UserPoolId: poolId }) }, 'oauth-scope-exists')).toEqual([]);
  });

  test.each([
    ['a literal pool id', POOL_ID],
    ['Fn::ImportValue', IMPORTED_POOL],
  ])('accepts a server on the same outside pool (%s) that defines the scope, even without a dependency', (_d, poolId) => {
    const resources = { Server: server({ UserPoolId: poolId }), Client: client({ ...oauth(['openid', 'orders-api/read']), UserPoolId: poolId }) };
    expect(find(resources, 'oauth-scope-exists')).toEqual([]);
  });

  test('accepts a server on the same outside pool when the client DependsOn it', () => {
    const resources = {
      Server: server({ UserPoolId: POOL_ID }),
      Client: client({ ...oauth(['openid', 'orders-api/read']), UserPoolId: POOL_ID }, { DependsOn: 'Server' }),
    };
    expect(find(resources, 'oauth-scope-exists')).toEqual([]);
  });

  test('skips a scope defined by no server of another outside pool', () => {
    const resources = {
      Server: server({ UserPoolId: 'us-east-1_Other1' }),
      Client: client({ ...oauth(['openid', 'orders-api/read']), UserPoolId: POOL_ID }),
    };
    expect(find(resources, 'oauth-scope-exists')).toEqual([]);
  });

  test('fails only once for a scope without "/" (the per-client part), even with a visible pool', () => {
    const findings = find(withServer(scoped(['openid', 'admin'])), 'oauth-scope-exists');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('admin');
  });

  test('fails for a scope without "/" when the pool is outside the template', () => {
    expect(find({ Client: client({ ...oauth(['openid', 'orders']), UserPoolId: POOL_ID }) }, 'oauth-scope-exists')).toEqual([
      expect.objectContaining({ resource: 'Client', property: 'AllowedOAuthScopes[1]', severity: Severity.ERROR }),
    ]);
  });

  test('skips an unresolved scope list', () => {
    expect(find({ Pool: pool(), Client: client(oauth({ Ref: 'Scopes' } as any)) }, 'oauth-scope-exists')).toEqual([]);
  });
});

describe('idp-exists', () => {
  const withIdp = (c: any, i: any = idp()) => ({ Pool: pool(), Idp: i, Client: c });
  const federated = (extra?: any, props: any = {}, names: any[] = ['COGNITO', 'CorpSAML']) =>
    client({ SupportedIdentityProviders: names, ...props }, extra);

  test.each([
    ['DependsOn a string', { DependsOn: 'Idp' }],
    ['DependsOn a list', { DependsOn: ['Idp'] }],
  ])('accepts an IdP of the pool the client has %s', (_d, extra) => {
    expect(find(withIdp(federated(extra)), 'idp-exists')).toEqual([]);
  });

  test('accepts an IdP of the pool the client references in its properties', () => {
    expect(find(withIdp(federated(undefined, { ClientName: { 'Fn::Join': ['-', [{ Ref: 'Idp' }, 'client']] } })), 'idp-exists')).toEqual([]);
  });

  test('accepts an IdP named through a Ref to it', () => {
    expect(find(withIdp(federated(undefined, {}, ['COGNITO', { Ref: 'Idp' }])), 'idp-exists')).toEqual([]);
  });

  test('accepts an IdP of the pool the client does not depend on (that is idp-creation-order)', () => {
    expect(find(withIdp(federated()), 'idp-exists')).toEqual([]);
  });

  test('fails when the pool is visible and no IdP has the name', () => {
    const findings = find({ Pool: pool(), Client: federated(undefined, {}, ['COGNITO', 'Okta']) }, 'idp-exists');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'idp-exists', resource: 'Client', property: 'SupportedIdentityProviders[1]', severity: Severity.ERROR,
    })]);
    expect(findings[0].message).toContain('Okta');
  });

  test('fails when the name differs in case only (google vs Google)', () => {
    const google = idp({ ProviderName: 'Google', ProviderType: 'Google' });
    const findings = find(withIdp(federated({ DependsOn: 'Idp' }, {}, ['google']), google), 'idp-exists');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'idp-exists', property: 'SupportedIdentityProviders[0]' })]);
    expect(findings[0].message).toContain('google');
    expect(findings[0].message).toContain('built-in names are case-sensitive: Google');
    expect(findings[0].fix).toContain('Write Google');
  });

  test('accepts the exact built-in name', () => {
    expect(find(withIdp(federated({ DependsOn: 'Idp' }, {}, ['Google']), idp({ ProviderName: 'Google', ProviderType: 'Google' })), 'idp-exists'))
      .toEqual([]);
  });

  test('fails when the IdP with that name is on another pool', () => {
    expect(find({ Pool: pool(), Other: pool(), Idp: idp({ UserPoolId: { Ref: 'Other' } }), Client: federated({ DependsOn: 'Idp' }) }, 'idp-exists'))
      .toHaveLength(1);
  });

  test('COGNITO never needs an IdP', () => {
    expect(find({ Pool: pool(), Client: federated(undefined, {}, ['COGNITO']) }, 'idp-exists')).toEqual([]);
  });

  test.each([
    ['a literal pool id', POOL_ID],
    ['Fn::ImportValue', IMPORTED_POOL],
  ])('skips an unknown name when the pool is outside the template (%s)', (_d, poolId) => {
    expect(find({ Client: federated(undefined, { UserPoolId: poolId }, ['COGNITO', 'CorpSAML', 'Google']) }, 'idp-exists')).toEqual([]);
  });

  test('accepts an IdP on the same literal pool id in the template, even without a dependency', () => {
    expect(find({ Idp: idp({ UserPoolId: POOL_ID }), Client: federated(undefined, { UserPoolId: POOL_ID }) }, 'idp-exists')).toEqual([]);
  });

  test('skips an unknown name when an IdP of the pool has an unresolved name', () => {
    expect(find(withIdp(federated(undefined, {}, ['COGNITO', 'Okta']), idp({ ProviderName: { Ref: 'Name' } })), 'idp-exists')).toEqual([]);
  });

  test('skips an unresolved list', () => {
    expect(find({ Pool: pool(), Client: client({ SupportedIdentityProviders: { Ref: 'Idps' } }) }, 'idp-exists')).toEqual([]);
  });
});

describe('attr-exists (template)', () => {
  const TENANT = { Name: 'tenant', AttributeDataType: 'String' };
  const attrs = (schema: any, props: any, poolId: any = REF_POOL) => ({
    Pool: pool(schema === undefined ? {} : { Schema: schema }),
    Client: client({ UserPoolId: poolId, ...props }),
  });

  test.each([
    ['ReadAttributes', { ReadAttributes: ['email', 'custom:tenant'] }],
    ['WriteAttributes', { WriteAttributes: ['email', 'custom:tenant'] }],
  ])('accepts a custom attribute declared in the pool Schema (%s)', (_d, props) => {
    expect(find(attrs([TENANT], props), 'attr-exists')).toEqual([]);
  });

  test.each([
    ['ReadAttributes', 'ReadAttributes[1]'],
    ['WriteAttributes', 'WriteAttributes[1]'],
  ])('fails when a custom attribute in %s is not in the pool Schema', (list, property) => {
    const findings = find(attrs([TENANT], { [list]: ['email', 'custom:plan'] }), 'attr-exists');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'attr-exists', resource: 'Client', property, severity: Severity.ERROR })]);
    expect(findings[0].message).toContain('custom:plan');
  });

  test('fails when the pool has no Schema at all', () => {
    expect(find(attrs(undefined, { ReadAttributes: ['custom:tenant'] }), 'attr-exists')).toEqual([
      expect.objectContaining({ ruleId: 'attr-exists', property: 'ReadAttributes[0]', severity: Severity.ERROR }),
    ]);
  });

  test('fails when the name differs in case from the Schema', () => {
    expect(find(attrs([TENANT], { ReadAttributes: ['custom:Tenant'] }), 'attr-exists')).toHaveLength(1);
  });

  test('accepts dev:custom:x when x is a developer-only attribute', () => {
    for (const developerOnly of [true, 'true']) {
      const schema = [{ Name: 'x', AttributeDataType: 'String', DeveloperOnlyAttribute: developerOnly }];
      expect(find(attrs(schema, { ReadAttributes: ['dev:custom:x'] }), 'attr-exists')).toEqual([]);
    }
  });

  test.each([
    ['not developer-only', [{ Name: 'x', AttributeDataType: 'String' }]],
    ['DeveloperOnlyAttribute false', [{ Name: 'x', AttributeDataType: 'String', DeveloperOnlyAttribute: false }]],
    ['not declared', [TENANT]],
  ])('fails when dev:custom:x is %s', (_d, schema) => {
    const findings = find(attrs(schema, { ReadAttributes: ['dev:custom:x'] }), 'attr-exists');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'attr-exists', property: 'ReadAttributes[0]', severity: Severity.ERROR })]);
    expect(findings[0].message).toContain('dev:custom:x');
  });

  test('standard attributes are always accepted', () => {
    expect(find(attrs([], { ReadAttributes: ['email', 'email_verified', 'given_name', 'phone_number', 'sub'], WriteAttributes: ['email', 'name'] }),
      'attr-exists')).toEqual([]);
  });

  test('fails when custom:<standard name> is used, as a Schema entry for a standard attribute is not a custom attribute', () => {
    expect(find(attrs([{ Name: 'email', Required: true }], { ReadAttributes: ['custom:email'] }), 'attr-exists')).toHaveLength(1);
  });

  test.each([
    ['a Ref', { Ref: 'X' }],
    ['an entry with an unresolved Name', [TENANT, { Name: { Ref: 'N' } }]],
  ])('skips when the pool Schema is unresolved (%s)', (_d, schema) => {
    expect(find(attrs(schema, { ReadAttributes: ['custom:plan'] }), 'attr-exists')).toEqual([]);
  });

  test.each([
    ['a literal pool id', POOL_ID],
    ['Fn::ImportValue', IMPORTED_POOL],
  ])('skips any custom:<name> when the pool is outside the template (%s)', (_d, poolId) => {
    expect(find({ Pool: pool({ Schema: [TENANT] }), Client: client({ UserPoolId: poolId, ReadAttributes: ['custom:plan'] }) }, 'attr-exists'))
      .toEqual([]);
  });

  test('fails only once for a name that can never exist (the per-client part), even with a visible pool', () => {
    const findings = find(attrs([TENANT], { ReadAttributes: ['tenant'] }), 'attr-exists');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('tenant');
  });

  test('skips unresolved entries', () => {
    expect(find(attrs([TENANT], { ReadAttributes: [{ Ref: 'A' }, { 'Fn::Sub': 'custom:${A}' }] }), 'attr-exists')).toEqual([]);
  });
});

describe('attr-write-required', () => {
  const EMAIL = { Name: 'email', AttributeDataType: 'String', Required: true };
  const writing = (schema: any, write: any, poolId: any = REF_POOL) => ({
    Pool: pool({ Schema: schema }),
    Client: client({ UserPoolId: poolId, WriteAttributes: write }),
  });

  test('accepts WriteAttributes with every required attribute', () => {
    expect(find(writing([EMAIL], ['email', 'name']), 'attr-write-required')).toEqual([]);
  });

  test('accepts WriteAttributes absent', () => {
    expect(find(writing([EMAIL], undefined), 'attr-write-required')).toEqual([]);
  });

  test('accepts an empty WriteAttributes list (not present)', () => {
    expect(find(writing([EMAIL], []), 'attr-write-required')).toEqual([]);
  });

  test('fails when WriteAttributes lacks a required attribute', () => {
    const findings = find(writing([EMAIL, { Name: 'name', AttributeDataType: 'String' }], ['name']), 'attr-write-required');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'attr-write-required', resource: 'Client', property: 'WriteAttributes', severity: Severity.ERROR,
    })]);
    expect(findings[0].message).toContain('email');
  });

  test('fails when Required is the string "true"', () => {
    expect(find(writing([{ ...EMAIL, Required: 'true' }], ['name']), 'attr-write-required')).toHaveLength(1);
  });

  test('accepts Required false or "false"', () => {
    expect(find(writing([{ ...EMAIL, Required: false }, { Name: 'phone_number', Required: 'false' }], ['name']), 'attr-write-required')).toEqual([]);
  });

  test('fails once when several required attributes are missing, naming each', () => {
    const findings = find(writing([EMAIL, { Name: 'phone_number', Required: true }], ['name']), 'attr-write-required');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('email');
    expect(findings[0].message).toContain('phone_number');
  });

  test.each([
    ['the Schema is unresolved', { Ref: 'X' }, ['name']],
    ['a WriteAttributes entry is unresolved', [EMAIL], ['name', { Ref: 'A' }]],
    ['WriteAttributes is unresolved', [EMAIL], { Ref: 'W' }],
  ])('skips when %s', (_d, schema, write) => {
    expect(find(writing(schema, write), 'attr-write-required')).toEqual([]);
  });

  test.each([
    ['a literal pool id', POOL_ID],
    ['Fn::ImportValue', IMPORTED_POOL],
  ])('skips when the pool is outside the template (%s)', (_d, poolId) => {
    expect(find(writing([EMAIL], ['name'], poolId), 'attr-write-required')).toEqual([]);
  });
});

describe('attr-write-idp-mapped', () => {
  const mapped = (write: any, names: any[] = ['COGNITO', 'CorpSAML'], poolId: any = REF_POOL) => ({
    Pool: pool(),
    Idp: idp({ UserPoolId: poolId, AttributeMapping: { email: 'mail', given_name: 'givenName' } }),
    Client: client({ UserPoolId: poolId, SupportedIdentityProviders: names, WriteAttributes: write }, { DependsOn: 'Idp' }),
  });

  test('accepts WriteAttributes with every mapped attribute', () => {
    expect(find(mapped(['email', 'given_name', 'name']), 'attr-write-idp-mapped')).toEqual([]);
  });

  test('accepts WriteAttributes absent', () => {
    expect(find(mapped(undefined), 'attr-write-idp-mapped')).toEqual([]);
  });

  test('does not ask for mapped attributes no client can write (email_verified, username), which attr-write-immutable forbids', () => {
    const resources = {
      Pool: pool(),
      Idp: idp({ AttributeMapping: { email: 'email', email_verified: 'email_verified', username: 'sub' } }),
      Client: client({ SupportedIdentityProviders: ['CorpSAML'], WriteAttributes: ['email'] }, { DependsOn: 'Idp' }),
    };
    expect(find(resources, 'attr-write-idp-mapped')).toEqual([]);
    expect(find(resources, 'attr-write-immutable')).toEqual([]);
  });

  test('fails when WriteAttributes lacks a mapped attribute (warning)', () => {
    const findings = find(mapped(['email']), 'attr-write-idp-mapped');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'attr-write-idp-mapped', resource: 'Client', property: 'WriteAttributes', severity: Severity.WARNING,
    })]);
    expect(findings[0].message).toContain('given_name');
    expect(findings[0].message).toContain('CorpSAML');
  });

  test('fails when an IdP on the same literal pool id maps an attribute WriteAttributes lacks', () => {
    expect(find(mapped(['email'], undefined, POOL_ID), 'attr-write-idp-mapped')).toHaveLength(1);
  });

  test('accepts when the IdP is not listed in SupportedIdentityProviders', () => {
    expect(find(mapped(['email'], ['COGNITO']), 'attr-write-idp-mapped')).toEqual([]);
  });

  test('accepts when the IdP is on another pool', () => {
    expect(find({ ...mapped(['email']), Other: pool(), Idp: idp({ UserPoolId: { Ref: 'Other' }, AttributeMapping: { given_name: 'g' } }) },
      'attr-write-idp-mapped')).toEqual([]);
  });

  test.each([
    ['the AttributeMapping is unresolved', { Ref: 'M' }],
    ['the IdP has no AttributeMapping', undefined],
  ])('accepts when %s', (_d, mapping) => {
    const resources: any = mapped(['email']);
    resources.Idp = idp({ AttributeMapping: mapping });
    expect(find(resources, 'attr-write-idp-mapped')).toEqual([]);
  });

  test('skips an incomplete WriteAttributes list', () => {
    expect(find(mapped(['email', { Ref: 'A' }]), 'attr-write-idp-mapped')).toEqual([]);
  });
});

describe('auth-flows-user-auth-tier', () => {
  const flows = ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
  const tiered = (tier: any, explicit: any = flows, poolId: any = REF_POOL) => ({
    Pool: pool(clean({ UserPoolTier: tier })),
    Client: client({ UserPoolId: poolId, ExplicitAuthFlows: explicit }),
  });

  test('fails when the pool is on the LITE tier', () => {
    const findings = find(tiered('LITE'), 'auth-flows-user-auth-tier');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'auth-flows-user-auth-tier', resource: 'Client', property: 'ExplicitAuthFlows', severity: Severity.ERROR,
    })]);
    expect(findings[0].message).toContain('ALLOW_USER_AUTH');
    expect(findings[0].message).toContain('LITE');
  });

  test('fails with the pool referenced through Fn::GetAtt', () => {
    expect(find(tiered('LITE', flows, GETATT_POOL), 'auth-flows-user-auth-tier')).toHaveLength(1);
  });

  test.each([
    ['ESSENTIALS', 'ESSENTIALS'],
    ['PLUS', 'PLUS'],
    ['absent (new pools default to ESSENTIALS)', undefined],
    ['unresolved', { Ref: 'Tier' }],
    ['conditional', { 'Fn::If': ['Cheap', 'LITE', 'ESSENTIALS'] }],
  ])('accepts a pool tier %s', (_d, tier) => {
    expect(find(tiered(tier), 'auth-flows-user-auth-tier')).toEqual([]);
  });

  test('accepts a LITE pool without ALLOW_USER_AUTH', () => {
    expect(find(tiered('LITE', ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']), 'auth-flows-user-auth-tier')).toEqual([]);
    expect(find({ Pool: pool({ UserPoolTier: 'LITE' }), Client: client() }, 'auth-flows-user-auth-tier')).toEqual([]);
    expect(find(tiered('LITE', ['ALLOW_USER_SRP_AUTH', { Ref: 'Flow' }]), 'auth-flows-user-auth-tier')).toEqual([]);
  });

  test.each([
    ['a literal pool id', POOL_ID],
    ['Fn::ImportValue', IMPORTED_POOL],
  ])('skips a pool outside the template (%s)', (_d, poolId) => {
    expect(find(tiered('LITE', flows, poolId), 'auth-flows-user-auth-tier')).toEqual([]);
  });
});

describe('refresh-rotation-tier', () => {
  const rotating = (tier: any, feature: any = 'ENABLED', poolId: any = REF_POOL) => ({
    Pool: pool(clean({ UserPoolTier: tier })),
    Client: client({
      UserPoolId: poolId,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      RefreshTokenRotation: { Feature: feature, RetryGracePeriodSeconds: 10 },
    }),
  });

  test('fails when rotation is ENABLED on a LITE pool', () => {
    const findings = find(rotating('LITE'), 'refresh-rotation-tier');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'refresh-rotation-tier', resource: 'Client', property: 'RefreshTokenRotation.Feature', severity: Severity.ERROR,
    })]);
    expect(findings[0].message).toContain('ENABLED');
    expect(findings[0].message).toContain('LITE');
  });

  test.each([
    ['ESSENTIALS', 'ESSENTIALS'],
    ['PLUS', 'PLUS'],
    ['absent (new pools default to ESSENTIALS)', undefined],
    ['unresolved', { Ref: 'Tier' }],
  ])('accepts a pool tier %s', (_d, tier) => {
    expect(find(rotating(tier), 'refresh-rotation-tier')).toEqual([]);
  });

  test.each([
    ['DISABLED', 'DISABLED'],
    ['unresolved', { Ref: 'Feature' }],
  ])('accepts a LITE pool with Feature %s', (_d, feature) => {
    expect(find(rotating('LITE', feature), 'refresh-rotation-tier')).toEqual([]);
  });

  test('accepts a LITE pool with RefreshTokenRotation unresolved', () => {
    const resources = { Pool: pool({ UserPoolTier: 'LITE' }), Client: client({ RefreshTokenRotation: { Ref: 'R' } }) };
    expect(find(resources, 'refresh-rotation-tier')).toEqual([]);
  });

  test.each([
    ['a literal pool id', POOL_ID],
    ['Fn::ImportValue', IMPORTED_POOL],
  ])('skips a pool outside the template (%s)', (_d, poolId) => {
    expect(find(rotating('LITE', 'ENABLED', poolId), 'refresh-rotation-tier')).toEqual([]);
  });
});

describe('quota-clients-per-pool', () => {
  /** `n` minimal clients on `poolId`, named `${prefix}${i}`. */
  const many = (n: number, poolId: any = REF_POOL, prefix = 'Client') =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, client({ UserPoolId: poolId, ClientName: `${prefix}-${i}` })]));

  test('accepts 1000 clients on one pool', () => {
    expect(check({ Pool: pool(), ...many(1000) })).toEqual([]);
  });

  test('fails with exactly one warning, on the 1001st client, when 1001 clients share one pool', () => {
    const findings = find({ Pool: pool(), ...many(1001) }, 'quota-clients-per-pool');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'quota-clients-per-pool', resource: 'Client1000', property: 'UserPoolId', severity: Severity.WARNING,
    })]);
    expect(findings[0].message).toContain('1001');
  });

  test('counts clients on two pools separately', () => {
    expect(find({ Pool: pool(), Other: pool(), ...many(1000), ...many(1000, { Ref: 'Other' }, 'Other') }, 'quota-clients-per-pool')).toEqual([]);
  });

  test('fails when 1000 clients by Ref and one by Fn::GetAtt share the pool (counted together)', () => {
    const findings = find({ Pool: pool(), ...many(1000), Last: client({ UserPoolId: GETATT_POOL }) }, 'quota-clients-per-pool');
    expect(findings.map(f => f.resource)).toEqual(['Last']);
  });

  test('fails when 1001 clients share one literal pool id (counted together)', () => {
    const findings = find({ ...many(1000, POOL_ID), Last: client({ UserPoolId: POOL_ID }) }, 'quota-clients-per-pool');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'quota-clients-per-pool', resource: 'Last', severity: Severity.WARNING })]);
  });

  test('counts different literal pool ids separately', () => {
    expect(find({ ...many(1000, POOL_ID), Last: client({ UserPoolId: 'us-east-1_Other1' }) }, 'quota-clients-per-pool')).toEqual([]);
  });
});

describe("providers and servers the app registered outside the template (Metadata['cdk-cognito-app-client:registered'])", () => {
  const KEY = 'cdk-cognito-app-client:registered';
  const registered = (value: unknown) => ({ Metadata: { [KEY]: value } });

  test('idp-exists accepts a provider registered on the pool, and only that name', () => {
    const resources = (names: string[]) => ({
      Pool: pool(),
      Client: client({ SupportedIdentityProviders: ['COGNITO', 'CorpSAML', 'Other'] }, registered({ identityProviders: names, resourceServers: [] })),
    });
    expect(find(resources(['CorpSAML']), 'idp-exists').map((f) => f.property)).toEqual(['SupportedIdentityProviders[2]']);
    expect(find(resources(['CorpSAML', 'Other']), 'idp-exists')).toEqual([]);
    expect(find(resources([]), 'idp-exists')).toHaveLength(2);
  });

  test('idp-builtin-case says nothing about a registered name (the pool has it)', () => {
    const r = { Client: client({ UserPoolId: POOL_ID, SupportedIdentityProviders: ['google'] }, registered({ identityProviders: ['google'] })) };
    expect(find(r, 'idp-builtin-case')).toEqual([]);
    expect(find({ Client: client({ UserPoolId: POOL_ID, SupportedIdentityProviders: ['google'] }) }, 'idp-builtin-case')).toHaveLength(1);
  });

  test('oauth-scope-exists accepts any scope of an imported server (scopes not given), and only of that identifier', () => {
    const r = { Pool: pool(), Client: client(oauth(['orders-api/read', 'orders-api/write', 'billing/read']), registered({ resourceServers: [{ identifier: 'orders-api' }] })) };
    expect(find(r, 'oauth-scope-exists').map((f) => f.property)).toEqual(['AllowedOAuthScopes[2]']);
  });

  test('oauth-scope-exists accepts only the scopes of a server whose scopes are given (another stack\'s server)', () => {
    const r = { Pool: pool(), Client: client(oauth(['orders-api/read', 'orders-api/write']), registered({ resourceServers: [{ identifier: 'orders-api', scopes: ['read'] }] })) };
    expect(find(r, 'oauth-scope-exists').map((f) => `${f.property} ${f.message}`)).toEqual([
      expect.stringMatching(/^AllowedOAuthScopes\[1\] \[oauth-scope-exists\] AllowedOAuthScopes\[1\] = "orders-api\/write": no resource server of user pool Pool defines it/),
    ]);
    // an identifier that is a prefix of another one is no match
    const prefix = { Pool: pool(), Client: client(oauth(['orders-api-v2/read']), registered({ resourceServers: [{ identifier: 'orders-api' }] })) };
    expect(find(prefix, 'oauth-scope-exists')).toHaveLength(1);
  });

  test.each([
    ['a string', 'CorpSAML'],
    ['a list', ['CorpSAML']],
    ['providers not a list of strings', { identityProviders: 'CorpSAML' }],
    ['a provider that is no string', { identityProviders: [{ Ref: 'Name' }] }],
    ['a server without identifier', { resourceServers: [{ scopes: ['read'] }] }],
    ['a server whose scopes are no strings', { resourceServers: [{ identifier: 'orders-api', scopes: [{ Ref: 'S' }] }] }],
    ['an empty identifier', { resourceServers: [{ identifier: '' }] }],
  ])('ignores malformed metadata (%s): the findings stay', (_d, value) => {
    const r = {
      Pool: pool(),
      Client: client(oauth(['orders-api/read'], { SupportedIdentityProviders: ['CorpSAML'] }), registered(value)),
    };
    expect(ids(r).filter((id) => id.endsWith('-exists')).sort()).toEqual(['idp-exists', 'oauth-scope-exists']);
  });
});
