import { readFileSync } from 'fs';
import { join } from 'path';
import { App, CfnOutput, Duration, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AppClient, AppClientOptions, AppClientProps, ClientRules, ManagedLoginStyle, TermsLanguage } from '../src';

// Parity with aws-cdk-lib's UserPoolClient, written from what the L2 does (its source and docs):
// the README's migration recipe keeps every logical id, the same props give the same template
// except for the rows of the README's migration table, and every row has a test here.

const CLIENT = 'AWS::Cognito::UserPoolClient';
const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
type Options = cognito.UserPoolClientOptions;

function setup() {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { region: 'eu-west-1', account: '111111111111' } });
  const pool = new cognito.UserPool(stack, 'Pool');
  return { app, stack, pool };
}

/** Adds resources to the pool's stack before the client is made; may return more options. */
type Before = (pool: cognito.UserPool, stack: Stack) => Options | void;

/** The L2 made with `pool.addClient('Client', options)`, and its template (aws-cdk-lib only). */
function l2(options: Options = {}, before?: Before) {
  const { stack, pool } = setup();
  const client = pool.addClient('Client', { ...options, ...before?.(pool, stack) });
  return { stack, client, template: Template.fromStack(stack).toJSON() };
}

/** The same, migrated by the README's recipe: `new AppClient(pool, 'Client', { userPool: pool, ...options })`. */
function ours(options: AppClientOptions = {}, before?: Before) {
  const { app, stack, pool } = setup();
  const client = new AppClient(pool, 'Client', { userPool: pool, ...options, ...before?.(pool, stack) as AppClientOptions });
  return { app, stack, client, pool };
}

/** The client's resource as rendered, without running the validation (for values it would refuse). */
function rendered(client: AppClient): { [key: string]: any } {
  return Object.values<any>(Stack.of(client).resolve(client.resource._toCloudFormation()).Resources)[0].Properties;
}

function clientOf(template: any): { [key: string]: any } {
  const clients = Object.values<any>(template.Resources).filter((r) => r.Type === CLIENT);
  expect(clients).toHaveLength(1);
  return clients[0];
}

/** Both sides' client properties for the same options (ours as rendered, so refused values show too). */
function sideBySide(options: Options, before?: Before) {
  return { theirs: clientOf(l2(options, before).template).Properties, mine: rendered(ours(options as AppClientOptions, before).client) };
}

function synthError(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

/** Why AppClient refuses these options: its construction error, or its synth error ('' if accepted). */
function refusal(options: AppClientOptions): string {
  try {
    return synthError(ours(options).app);
  } catch (e) {
    return (e as Error).message;
  }
}

// ---------------------------------------------------------------------------------------------
// The README's migration table, row by row. The key is the row's first cell.
// ---------------------------------------------------------------------------------------------
const ROWS: { [row: string]: () => void } = {
  '`oAuth.flows`': () => {
    const { theirs, mine } = sideBySide({ oAuth: { callbackUrls: ['https://app.example.org/cb'] } });
    expect(theirs.AllowedOAuthFlows).toEqual(['implicit', 'code']);
    expect(mine.AllowedOAuthFlows).toEqual(['code']);
    const kept = sideBySide({ oAuth: { flows: { authorizationCodeGrant: true, implicitCodeGrant: true }, callbackUrls: ['https://app.example.org/cb'] } });
    expect(kept.mine.AllowedOAuthFlows).toEqual(kept.theirs.AllowedOAuthFlows);
    expect(sideBySide({}).mine.AllowedOAuthFlows).toBeUndefined();
  },
  '`oAuth.callbackUrls`': () => {
    const { theirs, mine } = sideBySide({ oAuth: { flows: { authorizationCodeGrant: true } } });
    expect(theirs.CallbackURLs).toEqual(['https://example.com']);
    expect(mine.CallbackURLs).toBeUndefined();
    const { app } = ours({ oAuth: { flows: { authorizationCodeGrant: true } } });
    expect(synthError(app)).toMatch(/\[oauth-callback-required\]/);
  },
  '`AllowedOAuthFlowsUserPoolClient`': () => {
    const bare = sideBySide({});
    expect(bare.theirs.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(bare.mine.AllowedOAuthFlowsUserPoolClient).toBe(false);
    const logoutOnly = sideBySide({ oAuth: { logoutUrls: ['https://app.example.org/'] } });
    expect(logoutOnly.theirs.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(logoutOnly.mine.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(sideBySide({ oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: ['https://a.example.org/cb'] } }).mine.AllowedOAuthFlowsUserPoolClient).toBe(true);
    // flows that turn no grant on: the L2 writes true without AllowedOAuthFlows, which Cognito refuses
    const noGrant = sideBySide({ oAuth: { flows: {} } });
    expect(noGrant.theirs.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(noGrant.theirs.AllowedOAuthFlows).toBeUndefined();
    expect(noGrant.mine.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(sideBySide({ oAuth: { flows: { authorizationCodeGrant: false } } }).mine.AllowedOAuthFlowsUserPoolClient).toBe(false);
  },
  '`oAuth.scopes`': () => {
    const web = sideBySide({ oAuth: { callbackUrls: ['https://app.example.org/cb'] } });
    expect(web.theirs.AllowedOAuthScopes).toEqual(['profile', 'phone', 'email', 'openid', 'aws.cognito.signin.user.admin']);
    expect(web.mine.AllowedOAuthScopes).toEqual(['profile', 'phone', 'email', 'openid']);
    const m2m = sideBySide({ generateSecret: true, oAuth: { flows: { clientCredentials: true } } });
    expect(m2m.theirs.AllowedOAuthScopes).toEqual(['profile', 'phone', 'email', 'openid', 'aws.cognito.signin.user.admin']);
    expect(m2m.mine.AllowedOAuthScopes).toBeUndefined();
    const admin = sideBySide({ oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.PROFILE, cognito.OAuthScope.PHONE, cognito.OAuthScope.EMAIL, cognito.OAuthScope.OPENID, cognito.OAuthScope.COGNITO_ADMIN] } });
    expect(admin.mine.AllowedOAuthScopes).toEqual(web.theirs.AllowedOAuthScopes);
  },
  '`openid` with email, phone or profile': () => {
    const options: Options = { oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.EMAIL] } };
    const { theirs, mine } = sideBySide(options);
    expect(theirs.AllowedOAuthScopes).toEqual(['email', 'openid']);
    expect(mine.AllowedOAuthScopes).toEqual(['email']);
    const { app, stack } = ours(options as AppClientOptions);
    app.synth();
    expect(Annotations.fromStack(stack).findWarning('/Stack/Pool/Client', Match.stringLikeRegexp('oauth-scope-openid-companion'))).toHaveLength(1);
  },
  '`authFlows`': () => {
    const absent = sideBySide({});
    expect(absent.theirs.ExplicitAuthFlows).toBeUndefined();
    expect(absent.mine.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    // `{}` is the L2's: no ExplicitAuthFlows, so no sign-in flow is lost
    const empty = sideBySide({ authFlows: {} });
    expect(empty.theirs.ExplicitAuthFlows).toBeUndefined();
    expect(empty.mine.ExplicitAuthFlows).toBeUndefined();
  },
  '`preventUserExistenceErrors`': () => {
    const { theirs, mine } = sideBySide({});
    expect(theirs.PreventUserExistenceErrors).toBeUndefined();
    expect(mine.PreventUserExistenceErrors).toBe('ENABLED');
    for (const value of [true, false]) {
      const given = sideBySide({ preventUserExistenceErrors: value });
      expect(given.mine.PreventUserExistenceErrors).toBe(given.theirs.PreventUserExistenceErrors);
    }
  },
  '`enableTokenRevocation`': () => {
    const { theirs, mine } = sideBySide({});
    expect(theirs.EnableTokenRevocation).toBeUndefined();
    expect(mine.EnableTokenRevocation).toBe(true);
    const given = sideBySide({ enableTokenRevocation: false });
    expect(given.mine.EnableTokenRevocation).toBe(given.theirs.EnableTokenRevocation);
  },
  '`accessTokenValidity`, `idTokenValidity`, `refreshTokenValidity`': () => {
    const { theirs, mine } = sideBySide({
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.minutes(45),
      refreshTokenValidity: Duration.days(30),
    });
    expect([theirs.AccessTokenValidity, theirs.IdTokenValidity, theirs.RefreshTokenValidity, theirs.TokenValidityUnits])
      .toEqual([60, 45, 43200, { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' }]);
    expect([mine.AccessTokenValidity, mine.IdTokenValidity, mine.RefreshTokenValidity, mine.TokenValidityUnits])
      .toEqual([1, 45, 30, { AccessToken: 'hours', IdToken: 'minutes', RefreshToken: 'days' }]);
    expect(() => l2({ accessTokenValidity: Duration.seconds(330) })).toThrow();
    expect(rendered(ours({ accessTokenValidity: Duration.seconds(330) }).client).AccessTokenValidity).toBe(330);
    const minutes = Token.asNumber({ Ref: 'Minutes' });
    expect(() => l2({ accessTokenValidity: Duration.minutes(minutes) })).toThrow();
    expect(rendered(ours({ accessTokenValidity: Duration.minutes(minutes) }).client).AccessTokenValidity).toEqual({ Ref: 'Minutes' });
  },
  '`refreshTokenRotation`': () => {
    // refreshTokenRotationGracePeriod (aws-cdk-lib 2.200 and later) turns rotation on and leaves
    // ALLOW_REFRESH_TOKEN_AUTH out, as the L2 does; refreshTokenRotation is the library's own.
    const grace = rendered(ours({ authFlows: { userSrp: true }, refreshTokenRotationGracePeriod: Duration.seconds(10) }).client);
    expect(grace.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 10 });
    expect(grace.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH']);
    expect(rendered(ours({ refreshTokenRotation: true }).client).RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 0 });
    expect(rendered(ours({ refreshTokenRotation: false }).client).RefreshTokenRotation).toEqual({ Feature: 'DISABLED' });
    expect(rendered(ours({}).client).RefreshTokenRotation).toBeUndefined();
  },
  '`supportedIdentityProviders`': () => {
    const register = (pool: cognito.UserPool, stack: Stack) => {
      pool.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(stack, 'Idp', 'CorpSAML'));
    };
    const { theirs, mine } = sideBySide({}, register);
    expect(theirs.SupportedIdentityProviders).toEqual(['CorpSAML', 'COGNITO']);
    expect(mine.SupportedIdentityProviders).toEqual(theirs.SupportedIdentityProviders);
    // registered after the client: only AppClient sees it
    const late = ours({});
    late.pool.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(late.stack, 'Idp', 'CorpSAML'));
    expect(rendered(late.client).SupportedIdentityProviders).toEqual(['CorpSAML', 'COGNITO']);
    const { stack: s2, pool: p2 } = setup();
    const l2Client = p2.addClient('Client');
    p2.registerIdentityProvider(cognito.UserPoolIdentityProvider.fromProviderName(s2, 'Idp', 'CorpSAML'));
    expect(clientOf(Template.fromStack(Stack.of(l2Client)).toJSON()).Properties.SupportedIdentityProviders).toEqual(['COGNITO']);
  },
  'Identity providers and resource servers named literally': () => {
    const withProvider = (pool: cognito.UserPool, stack: Stack) => {
      new cognito.UserPoolIdentityProviderGoogle(stack, 'Google', { userPool: pool, clientId: 'google-client', clientSecret: 'google-secret' });
    };
    const options: Options = {
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO, cognito.UserPoolClientIdentityProvider.GOOGLE],
      oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.OPENID] },
    };
    expect(clientOf(l2(options, withProvider).template).DependsOn).toBeUndefined();
    const { stack } = ours(options as AppClientOptions, withProvider);
    expect(clientOf(Template.fromStack(stack).toJSON()).DependsOn).toEqual([expect.stringMatching(/^Google/)]);
  },
  '`userPoolClientSecret`': () => {
    const { stack, pool } = setup();
    void pool.addClient('Client', { generateSecret: true }).userPoolClientSecret;
    expect(Object.keys(Template.fromStack(stack).findResources('Custom::DescribeCognitoUserPoolClient'))).toHaveLength(1);
    const mine = ours({ generateSecret: true });
    expect(mine.stack.resolve(mine.client.userPoolClientSecret.unsafeUnwrap())).toEqual({ 'Fn::GetAtt': [mine.stack.getLogicalId(mine.client.resource), 'ClientSecret'] });
    expect(Object.keys(Template.fromStack(mine.stack).findResources('Custom::DescribeCognitoUserPoolClient'))).toHaveLength(0);
  },
  '`userPoolClientName`': () => {
    expect(() => l2().client.userPoolClientName).toThrow(/available only if specified/);
    const { stack, client } = ours();
    expect(stack.resolve(client.userPoolClientName)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(client.resource), 'Name'] });
    expect(ours({ userPoolClientName: 'web' }).client.userPoolClientName).toBe('web');
  },
  'Values Cognito rejects at deploy': () => {
    const rejected: Options[] = [
      { oAuth: { callbackUrls: ['http://app.example.org/cb'] } },
      { oAuth: { callbackUrls: ['https://app.example.org/#cb'] } },
      { oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } },
      { generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.PHONE] } },
      { oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom('orders-api/read')] } },
      { supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.FACEBOOK] },
      { writeAttributes: new cognito.ClientAttributes().withCustomAttributes('tenant') },
      { readAttributes: new cognito.ClientAttributes().withCustomAttributes('tenant') },
      { oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [] } },
    ];
    for (const options of rejected) {
      expect(() => l2(options)).not.toThrow();
      expect(synthError(ours(options as AppClientOptions).app)).toMatch(/^Validation failed/);
    }
  },
  'Errors': () => {
    // the L2: the constructor throws, the first problem only
    expect(() => l2({ accessTokenValidity: Duration.minutes(4), refreshTokenValidity: Duration.minutes(59) })).toThrow(/^accessTokenValidity: Must be/);
    // AppClient: every service rule at synth, all at once, with the rule id
    const { app } = ours({ accessTokenValidity: Duration.minutes(4), refreshTokenValidity: Duration.minutes(59) });
    const message = synthError(app);
    expect(message).toMatch(/\[Stack\/Pool\/Client\] \[token-validity-range\] AccessTokenValidity = 4[\s\S]*\[token-validity-range\] RefreshTokenValidity = 59/);
    // contradicting props, at construction, all at once
    expect(() => ours({ disableOAuth: true, oAuth: {}, refreshTokenValidity: Duration.minutes(0) }))
      .toThrow(/Stack\/Pool\/Client: invalid AppClient props:\n {2}\[oauth-conflict\] disableOAuth = true[^\n]*Fix: [^\n]*\n {2}\[token-refresh-zero\] refreshTokenValidity = 0 minutes[^\n]*Fix: /);
  },
  'Warnings': () => {
    const options: Options = { oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.PROFILE] } };
    const { app, stack } = ours(options as AppClientOptions);
    app.synth();
    const warnings = Annotations.fromStack(stack).findWarning('/Stack/Pool/Client', Match.anyValue());
    expect(warnings.map((w) => String(w.entry.data))).toEqual([
      expect.stringMatching(/^\[oauth-scope-openid-companion\] .* Fix: .*\[ack: cdk-cognito-app-client:oauth-scope-openid-companion\]$/),
    ]);
    const theirs = l2(options);
    expect(Annotations.fromStack(theirs.stack).findWarning('*', Match.anyValue())).toEqual([]);
    // the implicit grant and user existence errors are policy rules of AppClientChecks, no warning of AppClient
    const implicit = ours({
      oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.OPENID] },
      preventUserExistenceErrors: false,
    });
    implicit.app.synth();
    expect(Annotations.fromStack(implicit.stack).findWarning('*', Match.anyValue())).toEqual([]);
  },
  '`domain.signInUrl(client, options)`': () => {
    const theirs = l2({ oAuth: { callbackUrls: ['https://app.example.org/cb'] } });
    const theirDomain = (theirs.client.node.scope as cognito.UserPool).addDomain('Domain', { cognitoDomain: { domainPrefix: 'example-shop' } });
    const theirUrl = theirs.stack.resolve(theirDomain.signInUrl(theirs.client, { redirectUri: 'https://app.example.org/cb', fips: true }));
    const mine = ours({ oAuth: { flows: { authorizationCodeGrant: true, implicitCodeGrant: true }, callbackUrls: ['https://app.example.org/cb'] } });
    const myDomain = mine.pool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'example-shop' } });
    expect(mine.stack.resolve(mine.client.signInUrl(myDomain, { redirectUri: 'https://app.example.org/cb', fips: true }))).toEqual(theirUrl);
    expect(JSON.stringify(theirUrl)).toContain('auth-fips.eu-west-1.amazoncognito.com/login?client_id=');
  },
  '`PROPERTY_INJECTION_ID`': () => {
    expect(AppClient.PROPERTY_INJECTION_ID).toBe('cdk-cognito-app-client.AppClient');
    // aws-cdk-lib 2.196 and later have UserPoolClient.PROPERTY_INJECTION_ID; the installed minimum does not
    const l2Id = (cognito.UserPoolClient as unknown as { PROPERTY_INJECTION_ID?: string }).PROPERTY_INJECTION_ID;
    expect(l2Id === undefined || l2Id === 'aws-cdk-lib.aws-cognito.UserPoolClient').toBe(true);
    expect(AppClient.PROPERTY_INJECTION_ID).not.toBe('aws-cdk-lib.aws-cognito.UserPoolClient');
  },
  '`userPool`, `analytics`, `userPoolClientRef` types': () => {
    const { stack, client, pool } = ours({ analytics: { applicationId: 'abcdef0123456789', externalId: 'ext', role: { roleArn: 'arn:aws:iam::111111111111:role/pinpoint' } as any } });
    expect(stack.resolve(client.userPoolClientRef)).toEqual({
      userPoolId: stack.resolve(pool.userPoolId),
      clientId: { Ref: stack.getLogicalId(client.resource) },
    });
    expect(rendered(client).AnalyticsConfiguration).toEqual({ ApplicationId: 'abcdef0123456789', ExternalId: 'ext', RoleArn: 'arn:aws:iam::111111111111:role/pinpoint' });
    const imported = cognito.UserPool.fromUserPoolId(stack, 'Imported', 'eu-west-1_AbC123');
    expect(rendered(new AppClient(stack, 'OnImported', { userPool: imported })).UserPoolId).toBe('eu-west-1_AbC123');
    // the current line takes the L2's own types: its props, typed so, fit without a cast (ts-jest type-checks this)
    const typed: cognito.UserPoolClientProps = { userPool: pool, analytics: { applicationId: 'abcdef0123456789', externalId: 'ext', role: iam.Role.fromRoleArn(stack, 'R', 'arn:aws:iam::111111111111:role/pinpoint') } };
    const asProps: AppClientProps = typed;
    expect(rendered(new AppClient(stack, 'Typed', asProps)).AnalyticsConfiguration.RoleArn).toBe('arn:aws:iam::111111111111:role/pinpoint');
  },
  '`managedLogin`, `terms`, `ssoSessionValidity`': () => {
    const SATELLITES = ['AWS::Cognito::ManagedLoginBranding', 'AWS::Cognito::Terms', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment'];
    const types = (template: any) => Object.values<any>(template.Resources).map((r) => r.Type).filter((t) => SATELLITES.includes(t));
    const options: AppClientOptions = {
      oAuth: { callbackUrls: ['https://app.example.org/cb'] },
      managedLogin: ManagedLoginStyle.cognitoProvidedValues(),
      terms: { termsOfUse: [{ language: TermsLanguage.DEFAULT, url: 'https://app.example.org/t' }], privacyPolicy: [{ language: TermsLanguage.DEFAULT, url: 'https://app.example.org/p' }] },
      ssoSessionValidity: Duration.hours(8),
    };
    // the L2 has no such props (L1s only): given them anyway, it creates none of these resources
    expect(types(l2(options as Options).template)).toEqual([]);
    // AppClient creates each when asked, with its handle
    const { stack, client } = ours(options);
    expect(types(Template.fromStack(stack).toJSON())).toEqual([SATELLITES[0], SATELLITES[1], SATELLITES[1], SATELLITES[2]]);
    expect([client.managedLoginBranding, client.termsOfUse, client.privacyPolicy, client.ssoSessionAttachment].map((r) => r?.cfnResourceType))
      .toEqual([SATELLITES[0], SATELLITES[1], SATELLITES[1], SATELLITES[2]]);
  },
};

function readmeRows(): string[] {
  const section = /<!-- migration:start -->\n([\s\S]*?)\n<!-- migration:end -->/.exec(README);
  if (!section) throw new Error('README: no migration table between <!-- migration:start --> and <!-- migration:end -->');
  return section[1].split('\n').slice(2).map((line) => {
    const m = /^\| ([^|]+) \|/.exec(line);
    if (!m) throw new Error(`README migration table: unreadable row: ${line}`);
    return m[1].trim();
  });
}

describe("the README's migration table", () => {
  test('every row has a test, and every test a row', () => {
    expect(readmeRows()).toEqual(Object.keys(ROWS));
  });

  test.each(Object.keys(ROWS))('row %s', (row) => ROWS[row]());
});

// ---------------------------------------------------------------------------------------------
// Nothing outside the table differs: the same props, the same template.
// ---------------------------------------------------------------------------------------------
describe('the same props give the same template', () => {
  // Each sets the props whose defaults the table says differ, so nothing documented differs.
  const explicit: Options = { preventUserExistenceErrors: true, enableTokenRevocation: true, authFlows: { userSrp: true } };
  const cases: Array<[string, Options, Before?]> = [
    ['both browser grants, callbacks, logout URLs and every standard scope', {
      ...explicit,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: true },
        callbackUrls: ['https://app.example.org/cb', 'com.example.app://cb'],
        logoutUrls: ['https://app.example.org/'],
        scopes: [
          cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PHONE, cognito.OAuthScope.PROFILE, cognito.OAuthScope.COGNITO_ADMIN,
        ],
      },
    }],
    ['scopes given twice are written once, in the order given', {
      ...explicit,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        callbackUrls: ['https://app.example.org/cb'],
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.OPENID],
      },
    }],
    ['client_credentials with a secret, a resource-server scope and an empty callback list', { ...explicit, generateSecret: true }, (pool) => {
      const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' });
      const server = pool.addResourceServer('Orders', { identifier: 'orders-api', scopes: [read] });
      return { oAuth: { flows: { clientCredentials: true }, callbackUrls: [], scopes: [cognito.OAuthScope.resourceServer(server, read)] } };
    }],
    ['OAuth disabled, a name, every auth flow, LEGACY errors, revocation off', {
      userPoolClientName: 'legacy',
      disableOAuth: true,
      preventUserExistenceErrors: false,
      enableTokenRevocation: false,
      authFlows: { userPassword: true, adminUserPassword: true, custom: true, userSrp: true },
    }],
    ['authFlows all false: only refresh', { ...explicit, disableOAuth: true, authFlows: { userPassword: false, adminUserPassword: false, custom: false, userSrp: false } }],
    ['authFlows {}: no ExplicitAuthFlows', { ...explicit, disableOAuth: true, authFlows: {} }],
    // (named by reference: a literal name adds a dependency, a row of the table)
    ['identity providers given explicitly, in their order', { ...explicit, disableOAuth: true }, (pool) => {
      const [corp, partner] = ['CorpSAML', 'Partner'].map((name) => new cognito.UserPoolIdentityProviderSaml(pool, name, {
        userPool: pool, name, metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.example.org/metadata'),
      }));
      return {
        supportedIdentityProviders: [
          cognito.UserPoolClientIdentityProvider.COGNITO,
          cognito.UserPoolClientIdentityProvider.custom(partner.providerName),
          cognito.UserPoolClientIdentityProvider.custom(corp.providerName),
        ],
      };
    }],
    ['an empty list of identity providers: none written, even with providers on the pool', { ...explicit, disableOAuth: true, supportedIdentityProviders: [] }, (pool) => {
      new cognito.UserPoolIdentityProviderGoogle(pool, 'Google', { userPool: pool, clientId: 'google-client', clientSecret: 'google-secret' });
    }],
    ['identity providers of the pool: the pool\'s, then COGNITO', { ...explicit, disableOAuth: true }, (pool) => {
      new cognito.UserPoolIdentityProviderGoogle(pool, 'Google', { userPool: pool, clientId: 'google-client', clientSecret: 'google-secret' });
      new cognito.UserPoolIdentityProviderAmazon(pool, 'Amazon', { userPool: pool, clientId: 'amazon-client', clientSecret: 'amazon-secret' });
    }],
    ['read and write attributes', {
      ...explicit,
      disableOAuth: true,
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }).withCustomAttributes('tenant'),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }).withCustomAttributes('tenant'),
    }, (pool, stack) => {
      (pool.node.defaultChild as cognito.CfnUserPool).addPropertyOverride('Schema', [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }]);
      void stack;
    }],
    ['token lifetimes in minutes below an hour, and the session lifetime', {
      ...explicit,
      disableOAuth: true,
      accessTokenValidity: Duration.minutes(5),
      idTokenValidity: Duration.minutes(59),
      authSessionValidity: Duration.minutes(15),
    }],
  ];

  test.each(cases)('%s', (_name, options, before = undefined) => {
    const theirs = l2(options, before).template;
    const { app, stack } = ours(options as AppClientOptions, before);
    const mine = app.synth().getStackByName(stack.stackName).template;
    expect(mine).toEqual(theirs);
  });
});

// ---------------------------------------------------------------------------------------------
// Never weaker: what the L2 refuses, AppClient refuses (at construction or at synth).
// ---------------------------------------------------------------------------------------------
describe('what the L2 refuses, AppClient refuses', () => {
  const refused: Array<[string, Options]> = [
    ['disableOAuth with oAuth', { disableOAuth: true, oAuth: { flows: { authorizationCodeGrant: true } } }],
    ['an empty callback list with the implicit grant', { oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: [] } }],
    ['an empty callback list with the code grant', { oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: [] } }],
    ['client_credentials with the code grant', { generateSecret: true, oAuth: { flows: { clientCredentials: true, authorizationCodeGrant: true }, callbackUrls: ['https://a.example.org/cb'], scopes: [cognito.OAuthScope.custom('api/read')] } }],
    ['client_credentials with the implicit grant', { generateSecret: true, oAuth: { flows: { clientCredentials: true, implicitCodeGrant: true }, callbackUrls: ['https://a.example.org/cb'], scopes: [cognito.OAuthScope.custom('api/read')] } }],
    ['authSessionValidity 2 minutes', { authSessionValidity: Duration.minutes(2) }],
    ['authSessionValidity 16 minutes', { authSessionValidity: Duration.minutes(16) }],
    ['accessTokenValidity 4 minutes', { accessTokenValidity: Duration.minutes(4) }],
    ['accessTokenValidity 1 day and 1 minute', { accessTokenValidity: Duration.minutes(1441) }],
    ['idTokenValidity 0', { idTokenValidity: Duration.minutes(0) }],
    ['idTokenValidity 2 days', { idTokenValidity: Duration.days(2) }],
    ['refreshTokenValidity 59 minutes', { refreshTokenValidity: Duration.minutes(59) }],
    ['refreshTokenValidity 0', { refreshTokenValidity: Duration.minutes(0) }],
    ['refreshTokenValidity 3650 days and 1 minute', { refreshTokenValidity: Duration.minutes(3650 * 1440 + 1) }],
    ['an access token outliving the refresh token', { accessTokenValidity: Duration.hours(2), refreshTokenValidity: Duration.hours(1) }],
    ['an ID token outliving the refresh token', { idTokenValidity: Duration.days(1), refreshTokenValidity: Duration.hours(12) }],
  ];

  test.each(refused)('%s', (_name, options) => {
    expect(() => l2(options)).toThrow();
    expect(refusal(options as AppClientOptions)).toMatch(/Stack\/Pool\/Client[\s\S]*\[[a-z0-9-]+\] /);
  });

  // Refused by newer aws-cdk-lib releases (2.276), whose props the installed minimum does not have.
  test.each<[string, AppClientOptions]>([
    ['a default redirect URI that is not a callback URL', { oAuth: { callbackUrls: ['https://a.example.org/cb'], defaultRedirectUri: 'https://b.example.org/cb' } }],
    ['context data without a secret', { enablePropagateAdditionalUserContextData: true }],
    ['analytics with application and applicationId', { analytics: { application: {} as any, applicationId: 'abcdef0123456789' } }],
    ['analytics with applicationId but no role', { analytics: { applicationId: 'abcdef0123456789', externalId: 'ext' } }],
    ['analytics with nothing to publish to', { analytics: { shareUserData: true } }],
    ['a grace period over 60 seconds', { refreshTokenRotationGracePeriod: Duration.seconds(61) }],
  ])('%s (aws-cdk-lib 2.276)', (_name, options) => {
    expect(refusal(options)).toMatch(/Stack\/Pool\/Client[\s\S]*\[[a-z0-9-]+\] /);
  });

  test('refresh 0 and tokens outliving the refresh token fail at construction, naming the prop, value, code and fix', () => {
    expect(() => ours({ refreshTokenValidity: Duration.minutes(0) }))
      .toThrow(/\[token-refresh-zero\] refreshTokenValidity = 0 minutes: Cognito does not take 0 as "never expires"[^\n]*Fix: Give a lifetime of 60 minutes to 3650 days/);
    expect(() => ours({ accessTokenValidity: Duration.hours(2), idTokenValidity: Duration.hours(3), refreshTokenValidity: Duration.hours(1) }))
      .toThrow(/\[token-refresh-not-shorter\] accessTokenValidity = 2 hours[^\n]*Fix: Make accessTokenValidity at most 1 hour[^\n]*\n {2}\[token-refresh-not-shorter\] idTokenValidity = 3 hours/);
    // equal lifetimes are fine, as in the L2; token values are not judged
    expect(() => ours({ accessTokenValidity: Duration.hours(1), refreshTokenValidity: Duration.hours(1) })).not.toThrow();
    expect(() => ours({ accessTokenValidity: Duration.hours(2), refreshTokenValidity: Duration.hours(Token.asNumber({ Ref: 'Hours' })) })).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// The recipe on a representative app: every client keeps its logical id, nothing is replaced, and
// the template changes exactly as the table says.
// ---------------------------------------------------------------------------------------------
describe('a representative L2 app migrated by the README recipe', () => {
  function representativeApp(migrated: boolean) {
    const app = new App();
    const stack = new Stack(app, 'Auth', { env: { region: 'eu-west-1', account: '111111111111' } });
    const pool = new cognito.UserPool(stack, 'Pool');
    new cognito.UserPoolIdentityProviderGoogle(stack, 'Google', { userPool: pool, clientId: 'google-client', clientSecret: 'google-secret' });
    const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read orders' });
    const orders = pool.addResourceServer('Orders', { identifier: 'orders-api', scopes: [read] });

    const web: Options = {
      userPoolClientName: 'web-shop',
      oAuth: {
        flows: { authorizationCodeGrant: true },
        callbackUrls: ['https://shop.example.org/callback'],
        logoutUrls: ['https://shop.example.org/'],
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
      },
      accessTokenValidity: Duration.minutes(30),
      refreshTokenValidity: Duration.days(30),
    };
    const mobile: Options = {
      userPoolClientName: 'mobile',
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO, cognito.UserPoolClientIdentityProvider.GOOGLE],
      oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: ['com.example.shop://callback'], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PHONE] },
    };
    const worker: Options = {
      userPoolClientName: 'billing-worker',
      generateSecret: true,
      oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.resourceServer(orders, read)] },
    };
    let secret;
    if (!migrated) {
      new cognito.UserPoolClient(stack, 'Web', { userPool: pool, ...web });
      pool.addClient('Mobile', mobile);
      secret = pool.addClient('Worker', worker).userPoolClientSecret;
      pool.addClient('Legacy');
    } else {
      // the README's recipe, line by line
      new AppClient(stack, 'Web', { userPool: pool, ...web as AppClientOptions });
      new AppClient(pool, 'Mobile', { userPool: pool, ...mobile as AppClientOptions });
      secret = new AppClient(pool, 'Worker', { userPool: pool, ...worker as AppClientOptions }).userPoolClientSecret;
      new AppClient(pool, 'Legacy', { userPool: pool });
    }
    new CfnOutput(stack, 'WorkerSecret', { value: secret.unsafeUnwrap() });
    return app.synth().getStackByName('Auth').template;
  }

  const before = representativeApp(false);
  const after = representativeApp(true);
  const clientIds = (t: any) => Object.keys(t.Resources).filter((id) => t.Resources[id].Type === CLIENT).sort();

  // Every difference, by client and property, with the row of the README's table that documents it.
  const AUTH = '`authFlows`';
  const PUEE = '`preventUserExistenceErrors`';
  const REVOCATION = '`enableTokenRevocation`';
  const EXPECTED: { [client: string]: { [property: string]: string } } = {
    Web: {
      ExplicitAuthFlows: AUTH,
      PreventUserExistenceErrors: PUEE,
      EnableTokenRevocation: REVOCATION,
      RefreshTokenValidity: '`accessTokenValidity`, `idTokenValidity`, `refreshTokenValidity`',
      TokenValidityUnits: '`accessTokenValidity`, `idTokenValidity`, `refreshTokenValidity`',
    },
    Mobile: { EnableTokenRevocation: REVOCATION, DependsOn: 'Identity providers and resource servers named literally' },
    Worker: { ExplicitAuthFlows: AUTH, PreventUserExistenceErrors: PUEE, EnableTokenRevocation: REVOCATION },
    Legacy: {
      ExplicitAuthFlows: AUTH,
      PreventUserExistenceErrors: PUEE,
      EnableTokenRevocation: REVOCATION,
      AllowedOAuthFlows: '`oAuth.flows`',
      CallbackURLs: '`oAuth.callbackUrls`',
      AllowedOAuthScopes: '`oAuth.scopes`',
      AllowedOAuthFlowsUserPoolClient: '`AllowedOAuthFlowsUserPoolClient`',
    },
  };

  test('every client keeps its logical id', () => {
    expect(clientIds(after)).toEqual(clientIds(before));
    expect(clientIds(before)).toEqual([
      expect.stringMatching(/^PoolLegacy/), expect.stringMatching(/^PoolMobile/), expect.stringMatching(/^PoolWorker/), expect.stringMatching(/^Web/),
    ]);
  });

  test('the change rules report no replacement, and reset only what the table says', () => {
    const changes = ClientRules.checkTemplate(after, { previous: before })
      .filter((f) => ['generate-secret-replacement', 'user-pool-id-replacement', 'update-resets-omitted', 'update-units-removed'].includes(f.ruleId));
    const legacy = clientIds(after).find((id) => id.startsWith('PoolLegacy'));
    expect(changes.map((f) => `${f.resource} ${f.ruleId} ${f.property}`).sort()).toEqual([
      `${legacy} update-resets-omitted AllowedOAuthFlows`,
      `${legacy} update-resets-omitted AllowedOAuthScopes`,
      `${legacy} update-resets-omitted CallbackURLs`,
    ]);
    // and the migrated app has no error finding
    expect(ClientRules.checkTemplate(after).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('the client properties differ exactly as documented', () => {
    const rows = readmeRows();
    const found: { [client: string]: { [property: string]: string } } = {};
    for (const id of clientIds(before)) {
      const name = ['Web', 'Mobile', 'Worker', 'Legacy'].find((n) => id.startsWith(n) || id.startsWith(`Pool${n}`))!;
      const a = before.Resources[id];
      const b = after.Resources[id];
      const keys = new Set([...Object.keys(a.Properties), ...Object.keys(b.Properties)]);
      found[name] = {};
      for (const k of keys) if (JSON.stringify(a.Properties[k]) !== JSON.stringify(b.Properties[k])) found[name][k] = EXPECTED[name]?.[k] ?? 'UNDOCUMENTED';
      if (JSON.stringify(a.DependsOn) !== JSON.stringify(b.DependsOn)) found[name].DependsOn = EXPECTED[name]?.DependsOn ?? 'UNDOCUMENTED';
    }
    expect(found).toEqual(EXPECTED);
    for (const row of Object.values(EXPECTED).flatMap((e) => Object.values(e))) expect(rows).toContain(row);
  });

  test('the other resources differ only by the secret\'s custom resource, as documented', () => {
    const others = (t: any) => Object.keys(t.Resources).filter((id) => t.Resources[id].Type !== CLIENT);
    const gone = others(before).filter((id) => !(id in after.Resources));
    expect(gone.map((id) => before.Resources[id].Type).sort()).toEqual(['AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::Lambda::Function', 'Custom::DescribeCognitoUserPoolClient']);
    expect(others(after).filter((id) => !(id in before.Resources))).toEqual([]);
    for (const id of others(after)) expect(after.Resources[id]).toEqual(before.Resources[id]);
    expect(after.Outputs.WorkerSecret.Value).toEqual({ 'Fn::GetAtt': [clientIds(after).find((id) => id.startsWith('PoolWorker')), 'ClientSecret'] });
    expect(readmeRows()).toContain('`userPoolClientSecret`');
  });
});

// ---------------------------------------------------------------------------------------------
// The API surface the L2 has.
// ---------------------------------------------------------------------------------------------
describe('AppClient.fromUserPoolClientId', () => {
  test('imports a client by id, as the L2 does', () => {
    const stack = new Stack();
    const client = AppClient.fromUserPoolClientId(stack, 'Client', 'client-id-1');
    expect(client.userPoolClientId).toBe('client-id-1');
    expect(cognito.UserPoolClient.fromUserPoolClientId(stack, 'L2', 'client-id-1').userPoolClientId).toBe(client.userPoolClientId);
    expect(client.userPoolClientRef.clientId).toBe('client-id-1');
  });

  test('every field of the reference reads, as Python and Java read a struct; the unknown pool fails only where it is used', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const client = AppClient.fromUserPoolClientId(stack, 'Client', 'client-id-1');
    const ref = { ...client.userPoolClientRef };
    expect(ref.clientId).toBe('client-id-1');
    expect(Token.isUnresolved(ref.userPoolId)).toBe(true);
    expect(() => stack.resolve(ref.userPoolId)).toThrow(/\[user-pool-id-not-imported\] Stack\/Client: userPoolClientRef\.userPoolId is used, but the client was imported without its user pool\. Fix: import it with AppClient\.fromUserPoolClientAttributes/);
    new CfnOutput(stack, 'PoolId', { value: ref.userPoolId });
    expect(() => app.synth()).toThrow(/\[user-pool-id-not-imported\]/);
  });

  test('fromUserPoolClientAttributes gives the pool', () => {
    const stack = new Stack();
    const pool = new cognito.UserPool(stack, 'Pool');
    const client = AppClient.fromUserPoolClientAttributes(stack, 'Client', { userPoolClientId: 'client-id-2', userPoolId: pool.userPoolId });
    expect(client.userPoolClientRef).toEqual({ clientId: 'client-id-2', userPoolId: pool.userPoolId });
    expect(client.userPoolClientId).toBe('client-id-2');
  });

  test('fails clearly for what an imported client does not have', () => {
    const stack = new Stack(new App(), 'Stack');
    const client = AppClient.fromUserPoolClientId(stack, 'Client', 'client-id-1');
    expect(() => client.userPoolClientSecret).toThrow(/^\[secret-not-imported\] Stack\/Client: userPoolClientSecret is not available for an imported client\. Fix: /);
  });
});

describe('signInUrl', () => {
  test("the README's example gives the hosted sign-in URL", () => {
    // test/readme-snippets.test.ts runs the example as written and checks that it prints this output
    const printed = /The hosted sign-in URL of a client:\n\n```ts[^\n]*\n[\s\S]*?```\n\n[^\n]*:\n\n```text\n([\s\S]*?)```/.exec(README)?.[1];
    expect(printed).toBeDefined();
    expect(JSON.parse(printed!)).toEqual({
      'Fn::Join': ['', [
        'https://',
        { Ref: expect.stringMatching(/^UserPoolDomain/) },
        '.auth.eu-west-1.amazoncognito.com/login?client_id=',
        { Ref: expect.stringMatching(/^UserPoolWeb/) },
        '&response_type=code&redirect_uri=https://app.example.org/callback',
      ]],
    });
  });

  test('the implicit grant gives response_type=token; a path is kept; a client without a browser grant fails clearly', () => {
    const { stack, pool } = setup();
    const domain = pool.addDomain('Domain', { customDomain: { domainName: 'auth.example.org', certificate: Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/x') } });
    const implicit = new AppClient(pool, 'Implicit', { userPool: pool, oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: ['https://a.example.org/cb'] } });
    expect(stack.resolve(implicit.signInUrl(domain, { redirectUri: 'https://a.example.org/cb', signInPath: '/oauth2/authorize' })))
      .toEqual({ 'Fn::Join': ['', ['https://', { Ref: stack.getLogicalId(domain.node.defaultChild as cognito.CfnUserPoolDomain) }, '/oauth2/authorize?client_id=', { Ref: stack.getLogicalId(implicit.resource) }, '&response_type=token&redirect_uri=https://a.example.org/cb']] });
    const m2m = new AppClient(pool, 'M2M', { userPool: pool, generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });
    expect(() => m2m.signInUrl(domain, { redirectUri: 'https://a.example.org/cb' }))
      .toThrow(/^\[sign-in-url-flow\] Stack\/Pool\/M2M: signInUrl needs the authorization code or implicit grant, and the client has neither\. Fix: /);
  });
});

describe('PROPERTY_INJECTION_ID', () => {
  test('on an aws-cdk-lib without property injectors, nothing is injected and nothing breaks', () => {
    const { stack, pool } = setup();
    const client = new AppClient(pool, 'Client', { userPool: pool, userPoolClientName: 'web' });
    expect(rendered(client).ClientName).toBe('web');
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test("with aws-cdk-lib's PropertyInjectors (2.196 and later), the nearest injector for AppClient gives its defaults", () => {
    jest.isolateModules(() => {
      // The documented public API of PropertyInjectors (of, hasPropertyInjectors, for), as a stand-in on 2.100;
      // compat/app.js runs the same against the real one on the newest aws-cdk-lib.
      const SYMBOL = Symbol('injectors');
      class PropertyInjectors {
        static hasPropertyInjectors(x: any) { return x !== null && typeof x === 'object' && SYMBOL in x; }
        static of(scope: any): PropertyInjectors { return scope[SYMBOL] ??= new PropertyInjectors(); }
        private readonly injectors = new Map<string, any>();
        add(...injectors: any[]) { for (const i of injectors) this.injectors.set(i.constructUniqueId, i); }
        for(id: string) { return this.injectors.get(id); }
      }
      jest.doMock('aws-cdk-lib', () => ({ ...jest.requireActual('aws-cdk-lib'), PropertyInjectors }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lib = require('../src') as typeof import('../src');
      const { stack, pool } = setup();
      const seen: any[] = [];
      PropertyInjectors.of(stack).add({
        constructUniqueId: lib.AppClient.PROPERTY_INJECTION_ID,
        inject: (props: any, context: any) => { seen.push(context.id); return { accessTokenValidity: Duration.minutes(15), ...props }; },
      });
      PropertyInjectors.of(stack).add({ constructUniqueId: 'aws-cdk-lib.aws-cognito.UserPoolClient', inject: () => { throw new Error('not for AppClient'); } });
      const client = new lib.AppClient(pool, 'Client', { userPool: pool, userPoolClientName: 'web' });
      const other = new lib.AppClient(pool, 'Other', { userPool: pool, accessTokenValidity: Duration.minutes(10) });
      expect(seen).toEqual(['Client', 'Other']);
      expect(rendered(client as any)).toMatchObject({ ClientName: 'web', AccessTokenValidity: 15, TokenValidityUnits: { AccessToken: 'minutes' } });
      expect(rendered(other as any).AccessTokenValidity).toBe(10);
    });
  });
});
