import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient } from '../../src';
import { REGISTERED_KEY } from '../../src/private/registrations';
import { cleanTemp, cliJson, tempDir } from '../cli/cli-harness';

// What the app says exists outside a client's template (a provider registered on the pool, a resource
// server imported, either defined in another stack) is written on the client resource's metadata by
// AppClient, and read back by the rule engine wherever the template is checked: the construct at synth,
// and cognito-client-check on the cloud assembly (the pack: test/policy/).

const CB = ['https://app.example.org/cb'];
const env = { region: 'eu-west-1', account: '111111111111' };
const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' });

function setup(outdir?: string) {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Auth', { env });
  const pool = new cognito.UserPool(stack, 'Pool');
  return { app, stack, pool };
}

function synthError(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

/** The client resource's registered metadata, as synthesized. */
function registered(stack: Stack): unknown[] {
  return Object.values<any>(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolClient')).map((r) => r.Metadata?.[REGISTERED_KEY]);
}

/** The findings of cognito-client-check on the app's cloud assembly, as `<rule> <property>`. */
function checker(input: string): string[] {
  return cliJson([input]).report.findings.map((f) => `${f.ruleId} ${f.property}`);
}

describe('AppClient: an identity provider imported with fromProviderName', () => {
  test('registered on the pool and named by the client: synthesizes, the registration on the client\'s metadata', () => {
    const { app, stack, pool } = setup();
    pool.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'));
    new AppClient(pool, 'Web', {
      userPool: pool,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpSAML')],
      oAuth: { callbackUrls: CB },
    });
    expect(synthError(app)).toBe('');
    expect(registered(stack)).toEqual([{ identityProviders: ['CorpSAML'], resourceServers: [] }]);
  });

  test('registered, with supportedIdentityProviders left out (the pool\'s providers, as in aws-cdk\'s "default supportedIdentityProviders")', () => {
    const { app, stack, pool } = setup();
    new AppClient(pool, 'Web', { userPool: pool });
    // registered after the client: read at synth
    pool.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'));
    expect(synthError(app)).toBe('');
    expect(Object.values<any>(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolClient'))[0].Properties.SupportedIdentityProviders)
      .toEqual(['CorpSAML', 'COGNITO']);
  });

  test('imported but not registered on the pool: still idp-exists, with path, property, value and fix', () => {
    const { app, stack, pool } = setup();
    cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML');
    new AppClient(pool, 'Web', { userPool: pool, supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpSAML')], oAuth: { callbackUrls: CB } });
    expect(synthError(app)).toMatch(/\[Auth\/Pool\/Web\] \[idp-exists\] SupportedIdentityProviders\[0\] = "CorpSAML": user pool \w+ has no identity provider named CorpSAML.* Fix: Create the identity provider on the pool/);
  });

  test('registered on another pool: still idp-exists', () => {
    const { app, stack, pool } = setup();
    const other = new cognito.UserPool(stack, 'Other');
    other.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'));
    new AppClient(pool, 'Web', { userPool: pool, supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpSAML')], oAuth: { callbackUrls: CB } });
    expect(synthError(app)).toContain('[idp-exists] SupportedIdentityProviders[0] = "CorpSAML"');
  });

  test('named but neither in the app nor registered: still idp-exists; nothing is written on the metadata', () => {
    const { app, stack, pool } = setup();
    pool.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'));
    new AppClient(pool, 'Web', { userPool: pool, supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpOIDC')], oAuth: { callbackUrls: CB } });
    expect(synthError(app)).toContain('[idp-exists] SupportedIdentityProviders[0] = "CorpOIDC"');
    const clean = setup();
    new AppClient(clean.pool, 'Web', { userPool: clean.pool });
    expect(registered(clean.stack)).toEqual([undefined]);
  });
});

describe('AppClient: a resource server imported with fromUserPoolResourceServerId', () => {
  test('used in OAuthScope.resourceServer: synthesizes, any of its scopes', () => {
    const { app, stack, pool } = setup();
    const server = cognito.UserPoolResourceServer.fromUserPoolResourceServerId(stack, 'Orders', 'orders-api');
    const write = new cognito.ResourceServerScope({ scopeName: 'write', scopeDescription: 'Write' });
    new AppClient(pool, 'Web', {
      userPool: pool,
      oAuth: {
        callbackUrls: CB,
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.resourceServer(server, read), cognito.OAuthScope.resourceServer(server, write)],
      },
    });
    expect(synthError(app)).toBe('');
    expect(registered(stack)).toEqual([{ identityProviders: [], resourceServers: [{ identifier: 'orders-api' }] }]);
  });

  test('a scope of another identifier: still oauth-scope-exists', () => {
    const { app, stack, pool } = setup();
    cognito.UserPoolResourceServer.fromUserPoolResourceServerId(stack, 'Orders', 'orders-api');
    new AppClient(pool, 'Web', { userPool: pool, oAuth: { callbackUrls: CB, scopes: [cognito.OAuthScope.custom('billing/read')] } });
    expect(synthError(app)).toMatch(/\[Auth\/Pool\/Web\] \[oauth-scope-exists\] AllowedOAuthScopes\[0\] = "billing\/read": no resource server/);
  });
});

describe('AppClient: providers and servers in a sibling stack of the same app', () => {
  function sibling() {
    const { app, stack, pool } = setup();
    const other = new Stack(app, 'Federation', { env });
    new cognito.UserPoolIdentityProviderOidc(other, 'Oidc', {
      userPool: pool, name: 'CorpOIDC', clientId: 'id', clientSecret: 'secret', issuerUrl: 'https://idp.example.org', scopes: ['openid'],
    });
    new cognito.UserPoolResourceServer(other, 'Orders', { userPool: pool, identifier: 'orders-api', scopes: [read] });
    return { app, stack, pool };
  }

  test('a provider and a server of the client\'s pool in another stack: synthesizes, their names and scopes on the metadata', () => {
    const { app, stack, pool } = sibling();
    new AppClient(pool, 'Web', {
      userPool: pool,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpOIDC')],
      oAuth: { callbackUrls: CB, scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom('orders-api/read')] },
    });
    expect(synthError(app)).toBe('');
    expect(registered(stack)).toEqual([{ identityProviders: ['CorpOIDC'], resourceServers: [{ identifier: 'orders-api', scopes: ['read'] }] }]);
  });

  test('a scope the sibling server does not define: still oauth-scope-exists', () => {
    const { app, pool } = sibling();
    new AppClient(pool, 'Web', {
      userPool: pool,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: { callbackUrls: CB, scopes: [cognito.OAuthScope.custom('orders-api/write')] },
    });
    expect(synthError(app)).toContain('[oauth-scope-exists] AllowedOAuthScopes[0] = "orders-api/write"');
  });

  test('a provider on another pool in a sibling stack: still idp-exists', () => {
    const { app, stack, pool } = setup();
    const other = new Stack(app, 'Federation', { env });
    const otherPool = new cognito.UserPool(stack, 'OtherPool');
    new cognito.UserPoolIdentityProviderOidc(other, 'Oidc', {
      userPool: otherPool, name: 'CorpOIDC', clientId: 'id', clientSecret: 'secret', issuerUrl: 'https://idp.example.org', scopes: ['openid'],
    });
    new AppClient(pool, 'Web', { userPool: pool, supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpOIDC')], oAuth: { callbackUrls: CB } });
    expect(synthError(app)).toContain('[idp-exists] SupportedIdentityProviders[0] = "CorpOIDC"');
  });
});

describe('cognito-client-check on the cloud assembly of an AppClient app reads the registration', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => cleanTemp(dir));

  test('an imported, registered provider and an imported server: no finding', () => {
    const { app, stack, pool } = setup(dir);
    pool.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'));
    const server = cognito.UserPoolResourceServer.fromUserPoolResourceServerId(stack, 'Orders', 'orders-api');
    new AppClient(pool, 'Web', {
      userPool: pool,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpSAML')],
      oAuth: { callbackUrls: CB, scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.resourceServer(server, read)] },
    });
    app.synth();
    expect(checker(dir)).toEqual([]);
  });

  test('the same template with the metadata removed: the checker reports both (the metadata is the evidence)', () => {
    const { app, stack, pool } = setup(dir);
    pool.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'));
    const server = cognito.UserPoolResourceServer.fromUserPoolResourceServerId(stack, 'Orders', 'orders-api');
    new AppClient(pool, 'Web', {
      userPool: pool,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom('CorpSAML')],
      oAuth: { callbackUrls: CB, scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.resourceServer(server, read)] },
    });
    const file = join(app.synth().directory, 'Auth.template.json');
    const template = JSON.parse(readFileSync(file, 'utf8'));
    for (const r of Object.values<any>(template.Resources)) if (r.Metadata) delete r.Metadata[REGISTERED_KEY];
    const bare = join(dir, 'bare.template.json');
    writeFileSync(bare, JSON.stringify(template));
    expect(checker(bare).sort()).toEqual(['idp-exists SupportedIdentityProviders[0]', 'oauth-scope-exists AllowedOAuthScopes[1]']);
  });
});
