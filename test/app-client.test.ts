import { App, Annotations as CoreAnnotations, Duration, Lazy, NestedStack, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient, AppClientProps } from '../src';

const CLIENT = 'AWS::Cognito::UserPoolClient';
/** `authFlows: { user: true }` (ALLOW_USER_AUTH): in AuthFlow on aws-cdk-lib 2.172 and later. */
const USER_AUTH = { user: true } as cognito.AuthFlow;

function setup() {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { region: 'eu-west-1', account: '111111111111' } });
  const userPool = new cognito.UserPool(stack, 'Pool');
  return { app, stack, userPool };
}

/** The properties of the only client in the stack. */
/** The properties of a client exactly as rendered, without running validation. */
function rendered(client: AppClient): { [key: string]: any } {
  const cfn = Stack.of(client).resolve(client.resource._toCloudFormation());
  return Object.values<any>(cfn.Resources)[0].Properties;
}

function clientProperties(stack: Stack): { [key: string]: any } {
  const resources = Template.fromStack(stack).findResources(CLIENT);
  const ids = Object.keys(resources);
  expect(ids).toHaveLength(1);
  return resources[ids[0]].Properties;
}

describe('defaults', () => {
  test('a bare client gets the secure defaults, explicitly', () => {
    // GIVEN
    const { stack, userPool } = setup();
    // WHEN
    new AppClient(stack, 'Client', { userPool });
    // THEN
    Template.fromStack(stack).hasResourceProperties(CLIENT, {
      UserPoolId: { Ref: Match.stringLikeRegexp('^Pool') },
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: Match.absent(),
      AllowedOAuthScopes: Match.absent(),
      CallbackURLs: Match.absent(),
      GenerateSecret: Match.absent(),
      SupportedIdentityProviders: ['COGNITO'],
      TokenValidityUnits: Match.absent(),
    });
  });

  test('callback URLs alone turn on the code grant only, with scopes that exclude aws.cognito.signin.user.admin', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['https://app.example.org/cb'] } });
    const p = clientProperties(stack);
    expect(p.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(p.AllowedOAuthFlows).toEqual(['code']);
    // aws-cdk-lib's default scopes in its order, without the admin scope
    expect(p.AllowedOAuthScopes).toEqual(['profile', 'phone', 'email', 'openid']);
    expect(p.AllowedOAuthScopes).not.toContain('aws.cognito.signin.user.admin');
    expect(p.CallbackURLs).toEqual(['https://app.example.org/cb']);
  });

  test('no https://example.com callback is invented: the code grant without callbacks fails synth', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, oAuth: { flows: { authorizationCodeGrant: true } } });
    expect(() => app.synth()).toThrow(/\[oauth-callback-required\] CallbackURLs/);
  });

  test('an oAuth block with neither flows nor callback URLs keeps OAuth off and drops nothing', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, oAuth: { logoutUrls: ['https://app.example.org/bye'] } });
    const p = clientProperties(stack);
    expect(p.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(p.LogoutURLs).toEqual(['https://app.example.org/bye']);
    app.synth();
    const warnings = Annotations.fromStack(stack).findWarning('/Stack/Client', Match.stringLikeRegexp('oauth-settings-need-flag'));
    expect(warnings).toHaveLength(1);
  });

  test('flows given explicitly are used exactly, even all false', () => {
    const { app, stack, userPool } = setup();
    const client = new AppClient(stack, 'Client', { userPool, oAuth: { flows: { authorizationCodeGrant: false }, callbackUrls: ['https://a.example.org/cb'] } });
    const p = rendered(client);
    expect(p.AllowedOAuthFlows).toBeUndefined();
    expect(() => app.synth()).toThrow(/\[oauth-flows-scopes-required\] AllowedOAuthFlows/);
  });

  test('preventUserExistenceErrors: false emits LEGACY; enableTokenRevocation: false is kept', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, preventUserExistenceErrors: false, enableTokenRevocation: false });
    Template.fromStack(stack).hasResourceProperties(CLIENT, { PreventUserExistenceErrors: 'LEGACY', EnableTokenRevocation: false });
  });

  test('disableOAuth turns OAuth off explicitly', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, disableOAuth: true });
    Template.fromStack(stack).hasResourceProperties(CLIENT, { AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: Match.absent() });
  });

  test('supported identity providers default to COGNITO plus the providers registered on the pool', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool });
    new cognito.UserPoolIdentityProviderGoogle(stack, 'Google', { userPool, clientId: 'id', clientSecretValue: undefined as any, clientSecret: 'secret' });
    // The provider's name is a Ref, so the client depends on the provider.
    // aws-cdk-lib's order: the pool's providers, then COGNITO
    Template.fromStack(stack).hasResourceProperties(CLIENT, { SupportedIdentityProviders: [{ Ref: Match.stringLikeRegexp('^Google') }, 'COGNITO'] });
  });
});

describe('exact token units', () => {
  test.each([
    [Duration.seconds(330), 330, 'seconds'],
    [Duration.minutes(5), 5, 'minutes'],
    [Duration.minutes(90), 90, 'minutes'],
    [Duration.minutes(120), 2, 'hours'],
    [Duration.hours(2), 2, 'hours'],
    [Duration.hours(24), 1, 'days'],
    [Duration.seconds(86400), 1, 'days'],
  ])('accessTokenValidity %s is emitted as %d %s', (d, value, unit) => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, accessTokenValidity: d });
    Template.fromStack(stack).hasResourceProperties(CLIENT, { AccessTokenValidity: value, TokenValidityUnits: { AccessToken: unit } });
    expect(() => app.synth()).not.toThrow();
  });

  test('each validity carries its own unit', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Client', {
      userPool,
      accessTokenValidity: Duration.seconds(330),
      idTokenValidity: Duration.hours(2),
      refreshTokenValidity: Duration.days(3650),
    });
    Template.fromStack(stack).hasResourceProperties(CLIENT, {
      AccessTokenValidity: 330,
      IdTokenValidity: 2,
      RefreshTokenValidity: 3650,
      TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'hours', RefreshToken: 'days' },
    });
  });

  test('a token-valued duration is accepted in its own unit and not judged', () => {
    const { app, stack, userPool } = setup();
    const minutes = Token.asNumber({ Ref: 'AccessMinutes' });
    new AppClient(stack, 'Client', { userPool, accessTokenValidity: Duration.minutes(minutes) });
    Template.fromStack(stack).hasResourceProperties(CLIENT, { AccessTokenValidity: { Ref: 'AccessMinutes' }, TokenValidityUnits: { AccessToken: 'minutes' } });
    expect(() => app.synth()).not.toThrow();
  });

  test('fails when a lifetime is out of range, naming the value and unit', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, accessTokenValidity: Duration.seconds(299) });
    expect(() => app.synth()).toThrow(/\[Stack\/Client\] \[token-validity-range\] AccessTokenValidity = 299 \(seconds/);
  });

  test('authSessionValidity is emitted in minutes', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, authSessionValidity: Duration.minutes(15) });
    Template.fromStack(stack).hasResourceProperties(CLIENT, { AuthSessionValidity: 15 });
  });

  test('fails at construction, with every prop problem at once, when a duration cannot be represented exactly', () => {
    const { stack, userPool } = setup();
    expect(() => new AppClient(stack, 'Client', {
      userPool,
      accessTokenValidity: Duration.millis(300500),
      authSessionValidity: Duration.seconds(200),
      refreshTokenRotationGracePeriod: Duration.millis(1500),
    })).toThrow(/Stack\/Client[\s\S]*accessTokenValidity[\s\S]*authSessionValidity = 3 minutes 20 seconds[\s\S]*refreshTokenRotationGracePeriod/);
  });
});

describe('refresh-token rotation', () => {
  test('a grace period turns rotation on and leaves ALLOW_REFRESH_TOKEN_AUTH out', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, refreshTokenRotationGracePeriod: Duration.seconds(30) });
    Template.fromStack(stack).hasResourceProperties(CLIENT, {
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 },
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
    });
    expect(() => app.synth()).not.toThrow();
  });

  test('refreshTokenRotation: false emits DISABLED and keeps ALLOW_REFRESH_TOKEN_AUTH', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, refreshTokenRotation: false });
    Template.fromStack(stack).hasResourceProperties(CLIENT, {
      RefreshTokenRotation: { Feature: 'DISABLED' },
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  test('fails when a grace period is given with rotation off', () => {
    const { stack, userPool } = setup();
    expect(() => new AppClient(stack, 'Client', { userPool, refreshTokenRotation: false, refreshTokenRotationGracePeriod: Duration.seconds(10) }))
      .toThrow(/\[rotation-conflict\] refreshTokenRotationGracePeriod = 10 seconds/);
  });

  test('ALLOW_USER_AUTH is reachable', () => {
    const { stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, authFlows: { ...USER_AUTH, userSrp: true } });
    Template.fromStack(stack).hasResourceProperties(CLIENT, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  });
});

describe('IUserPoolClient', () => {
  test('the secret comes from Fn::GetAtt ClientSecret, with no custom resource', () => {
    const { stack, userPool } = setup();
    const client = new AppClient(stack, 'Client', { userPool, generateSecret: true });
    const resolved = stack.resolve(client.userPoolClientSecret.unsafeUnwrap());
    expect(resolved).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(client.resource), 'ClientSecret'] });
    Template.fromStack(stack).resourceCountIs('Custom::DescribeCognitoUserPoolClient', 0);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('fails clearly when the secret is asked for without generateSecret', () => {
    const { stack, userPool } = setup();
    const client = new AppClient(stack, 'Client', { userPool });
    expect(() => client.userPoolClientSecret).toThrow(/Stack\/Client: userPoolClientSecret is not available.*generateSecret/);
  });

  test('the name is the given one, or Fn::GetAtt Name', () => {
    const { stack, userPool } = setup();
    const named = new AppClient(stack, 'Named', { userPool, userPoolClientName: 'web' });
    const unnamed = new AppClient(stack, 'Unnamed', { userPool });
    expect(named.userPoolClientName).toBe('web');
    expect(stack.resolve(unnamed.userPoolClientName)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(unnamed.resource), 'Name'] });
    expect(stack.resolve(unnamed.userPoolClientId)).toEqual({ Ref: stack.getLogicalId(unnamed.resource) });
    expect(stack.resolve(named.userPoolClientRef.clientId)).toEqual({ Ref: stack.getLogicalId(named.resource) });
  });

  test('plugs in where an L2 client is accepted', () => {
    const { stack, userPool } = setup();
    const client: cognito.IUserPoolClient = new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['https://app.example.org/cb'] } });
    const domain = userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'my-app-12345' } });
    const url = domain.signInUrl(client as any, { redirectUri: 'https://app.example.org/cb' });
    expect(stack.resolve(url)).toBeDefined();
    new cognito.CfnUserPoolUICustomizationAttachment(stack, 'UI', { userPoolId: userPool.userPoolId, clientId: client.userPoolClientId });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolUICustomizationAttachment', { ClientId: { Ref: Match.stringLikeRegexp('Client') } });
  });
});

describe('validation at synth', () => {
  test('five independent mistakes fail one synth naming all five rule ids', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', {
      userPool,
      userPoolClientName: 'Café',
      accessTokenValidity: Duration.days(2),
      authSessionValidity: Duration.minutes(20),
      oAuth: {
        callbackUrls: ['http://app.example.org/cb', 'https://app.example.org/#x'],
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom('orders')],
      },
    });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    for (const id of ['client-name-pattern', 'token-validity-range', 'auth-session-validity-range', 'redirect-uri-https', 'redirect-uri-no-fragment', 'oauth-scope-exists']) {
      expect(message).toContain(`[Stack/Client] [${id}]`);
    }
    expect(message).not.toMatch(/\n\s+at /); // no stack trace from inside the library
  });

  test('errors of several clients come in one synth', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'A', { userPool, oAuth: { callbackUrls: ['http://a.example.org/cb'] } });
    new AppClient(stack, 'B', { userPool, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });
    expect(() => app.synth()).toThrow(/\[Stack\/A\] \[redirect-uri-https\][\s\S]*\[Stack\/B\] \[oauth-client-credentials-secret\]/);
  });

  test('warnings become annotations with their rule id and do not fail synth', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', {
      userPool,
      oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.EMAIL] },
    });
    expect(() => app.synth()).not.toThrow();
    const warnings = Annotations.fromStack(stack).findWarning('/Stack/Client', Match.stringLikeRegexp('\\[oauth-scope-openid-companion\\] AllowedOAuthScopes'));
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0].entry.data)).toContain('Fix: Add openid');
  });

  test('a * in a callback, logout or default redirect URL is a warning annotation (redirect-uri-wildcard), not a synth failure', () => {
    const { app, stack, userPool } = setup();
    const wild = 'https://*.example.org/callback';
    new AppClient(stack, 'Client', {
      userPool,
      oAuth: { callbackUrls: ['https://app.example.org/callback', wild], logoutUrls: ['https://*.example.org/'], defaultRedirectUri: wild },
    });
    expect(() => app.synth()).not.toThrow();
    const warnings = Annotations.fromStack(stack).findWarning('/Stack/Client', Match.stringLikeRegexp('\\[redirect-uri-wildcard\\]'));
    const texts = warnings.map((w) => String(w.entry.data));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain(`[redirect-uri-wildcard] CallbackURLs[1] = "${wild}": it contains "*"`);
    expect(texts[0]).toContain('Fix: List each redirect URL in full');
    expect(texts[0]).toContain(`[ack: cdk-cognito-app-client:redirect-uri-wildcard[CallbackURLs::${wild}]]`);
    expect(texts.some((t) => t.includes('[redirect-uri-wildcard] LogoutURLs[0] = "https://*.example.org/"'))).toBe(true);
    expect(texts.some((t) => t.includes(`[redirect-uri-wildcard] DefaultRedirectURI = "${wild}"`))).toBe(true);
    // Only this rule speaks about the URLs: the client is otherwise clean.
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue()).filter((w) => !String(w.entry.data).includes('[redirect-uri-wildcard]'))).toEqual([]);
  });

  test('a redirect-uri-wildcard warning is silenced for one value by AppClient.acknowledge with its finding id', () => {
    const { app, stack, userPool } = setup();
    const client = new AppClient(stack, 'Client', {
      userPool,
      oAuth: { callbackUrls: ['https://*.example.org/callback'], logoutUrls: ['https://*.example.org/'] },
    });
    AppClient.acknowledge(client, 'redirect-uri-wildcard[CallbackURLs::https://*.example.org/callback]', 'a literal * is registered on purpose; ticket WEB-7');
    app.synth();
    const texts = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('redirect-uri-wildcard')).map((w) => String(w.entry.data));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('[redirect-uri-wildcard] LogoutURLs[0]');
  });

  test('a warning is silenced by acknowledging its id with a reason', () => {
    const { app, stack, userPool } = setup();
    const client = new AppClient(stack, 'Client', {
      userPool,
      oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.EMAIL] },
    });
    // Validations.of(scope).acknowledge({ id, reason }) on aws-cdk-lib 2.253 and later; the same annotation id.
    // (aws-cdk-lib before ~2.160 looks for an acknowledgement on the ancestors of the warned construct only.)
    CoreAnnotations.of(stack).acknowledgeWarning('cdk-cognito-app-client:oauth-scope-openid-companion', 'the app reads the email claim only');
    app.synth();
    expect(Annotations.fromStack(stack).findWarning('/Stack/Client', Match.stringLikeRegexp('oauth-scope-openid-companion'))).toEqual([]);
  });

  describe('acknowledging a finding (AppClient.acknowledge, with a reason)', () => {
    function httpClient() {
      const { app, stack, userPool } = setup();
      const client = new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['http://intranet.example.org/cb', 'https://app.example.org/#x'] } });
      return { app, stack, client };
    }

    test('an acknowledged error no longer fails synth; the others still do', () => {
      const { app, client } = httpClient();
      AppClient.acknowledge(client, 'redirect-uri-https', 'the intranet proxy terminates TLS; ticket NET-12');
      expect(() => app.synth()).toThrow(/\[redirect-uri-no-fragment\]/);
      try {
        app.synth();
      } catch (e) {
        expect((e as Error).message).not.toContain('[redirect-uri-https]');
      }
    });

    test('an acknowledgement on the stack covers the clients below it, and the reason is kept in the metadata', () => {
      const { app, stack } = httpClient();
      AppClient.acknowledge(stack, 'redirect-uri-https', 'the intranet proxy terminates TLS; ticket NET-12');
      AppClient.acknowledge(stack, 'cdk-cognito-app-client:redirect-uri-no-fragment', 'the SPA router needs it; ticket WEB-3');
      expect(() => app.synth()).not.toThrow();
      expect(stack.node.metadata.map((m) => m.data)).toContainEqual({ 'cdk-cognito-app-client:redirect-uri-https': 'the intranet proxy terminates TLS; ticket NET-12' });
    });

    test("aws-cdk-lib's Validations.of(scope).acknowledge (2.253 and later) is honoured too", () => {
      const { app, client } = httpClient();
      // what Validations.of(client).acknowledge({ id: 'cdk-cognito-app-client:...', reason }) records
      client.node.addMetadata('aws:cdk:acknowledged-rules', { 'annotation::cdk-cognito-app-client:redirect-uri-https': 'intranet, NET-12' });
      client.node.addMetadata('aws:cdk:acknowledged-rules', { 'cdk-cognito-app-client:redirect-uri-no-fragment': 'router, WEB-3' });
      expect(() => app.synth()).not.toThrow();
    });

    test.each([[''], ['   ']])('fails when the acknowledgement has no reason (%p), and the finding stays', (reason) => {
      const { app, client } = httpClient();
      AppClient.acknowledge(client, 'redirect-uri-https', reason);
      expect(() => app.synth()).toThrow(/\[acknowledgement-reason\] cdk-cognito-app-client:redirect-uri-https is acknowledged at Stack\/Client without a reason[\s\S]*\[redirect-uri-https\]/);
    });

    test.each([['\u200B'.repeat(10)], ['\u3164'.repeat(10)], ['\u2800'.repeat(10)], [' '.repeat(10)], ['\u00A0'.repeat(10)], ['too short']])('fails when the reason has fewer than 10 visible characters (%p), saying so', (reason) => {
      const { app, client } = httpClient();
      AppClient.acknowledge(client, 'redirect-uri-https', reason);
      expect(() => app.synth()).toThrow(/\[acknowledgement-reason\] cdk-cognito-app-client:redirect-uri-https is acknowledged at Stack\/Client without a reason: .*fewer than 10 visible characters[\s\S]*\[redirect-uri-https\]/);
    });

    test('an acknowledged warning is not reported', () => {
      const { app, stack, userPool } = setup();
      const client = new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.EMAIL] } });
      AppClient.acknowledge(client, 'oauth-scope-openid-companion', 'the app reads the email claim only');
      app.synth();
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('oauth-scope-openid-companion'))).toEqual([]);
    });
  });

  test('a token that resolves to a literal at synth is checked', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: [Lazy.string({ produce: () => 'http://late.example.org/cb' })] } });
    expect(() => app.synth()).toThrow(/\[redirect-uri-https\] CallbackURLs\[0\] = "http:\/\/late\.example\.org\/cb"/);
  });

  test('a value resolved only at deploy time is skipped, not failed', () => {
    const { app, stack, userPool } = setup();
    const url = Token.asString({ 'Fn::ImportValue': 'CallbackUrl' });
    new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: [url], defaultRedirectUri: url } });
    expect(() => app.synth()).not.toThrow();
  });

  test('a literal prefix that already decides a check is checked', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: [`http://app.example.org/${stack.region === 'x' ? '' : Token.asString({ Ref: 'Path' })}`] } });
    expect(() => app.synth()).toThrow(/\[redirect-uri-https\] CallbackURLs\[0\]/);
  });

  test('escape-hatch overrides are validated too', () => {
    const { app, stack, userPool } = setup();
    const client = new AppClient(stack, 'Client', { userPool });
    client.resource.addPropertyOverride('PreventUserExistenceErrors', 'ON');
    expect(() => app.synth()).toThrow(/\[prevent-user-existence-enum\] PreventUserExistenceErrors = "ON"/);
  });

  test('fails at construction when disableOAuth and oAuth are both given', () => {
    const { stack, userPool } = setup();
    expect(() => new AppClient(stack, 'Client', { userPool, disableOAuth: true, oAuth: { callbackUrls: ['https://a.example.org'] } }))
      .toThrow(/Stack\/Client: invalid AppClient props:\n.*\[oauth-conflict\] disableOAuth = true/);
  });

  test('construct-time errors carry no stack trace from inside the library', () => {
    const { stack, userPool } = setup();
    let error: Error | undefined;
    try {
      new AppClient(stack, 'Client', { userPool, disableOAuth: true, oAuth: {} });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe('AppClientError');
    expect(error?.stack).not.toMatch(/\n\s+at /);
  });
});

describe('rules across resources', () => {
  describe('a resource server in a nested stack', () => {
    function withNestedServer(scopes: string[], dependOnNested: boolean) {
      const app = new App();
      const stack = new Stack(app, 'Main');
      const userPool = new cognito.UserPool(stack, 'Pool');
      const nested = new NestedStack(stack, 'Apis');
      new cognito.CfnUserPoolResourceServer(nested, 'Orders', {
        userPoolId: userPool.userPoolId, identifier: 'orders-api', name: 'Orders', scopes: [{ scopeName: 'read', scopeDescription: 'Read' }],
      });
      const client = new AppClient(stack, 'Worker', {
        userPool,
        generateSecret: true,
        oAuth: { flows: { clientCredentials: true }, scopes: scopes.map((x) => cognito.OAuthScope.custom(x)) },
      });
      if (dependOnNested) client.node.addDependency(nested);
      return { app, stack };
    }

    test('a scope it defines passes, with the client depending on the nested stack', () => {
      const { app, stack } = withNestedServer(['orders-api/read'], true);
      expect(() => app.synth()).not.toThrow();
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('oauth-scope-creation-order'))).toEqual([]);
    });

    test('fails when the scope is defined nowhere, though the nested stack is seen', () => {
      const { app } = withNestedServer(['orders-api/read', 'orders-api/write'], true);
      expect(() => app.synth()).toThrow(/\[oauth-scope-exists\] AllowedOAuthScopes\[1\] = "orders-api\/write"/);
    });

    test('warns about creation order when the client does not depend on the nested stack', () => {
      const { stack } = withNestedServer(['orders-api/read'], false);
      expect(Annotations.fromStack(stack).findWarning('/Main/Worker', Match.stringLikeRegexp('oauth-scope-creation-order'))).toHaveLength(1);
    });
  });

  test('depends on the identity providers and resource servers it names literally', () => {
    const { app, stack, userPool } = setup();
    const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' });
    new AppClient(stack, 'Client', {
      userPool,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO, cognito.UserPoolClientIdentityProvider.custom('CorpSAML')],
      oAuth: { callbackUrls: ['https://app.example.org/cb'], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom('orders-api/read')] },
    });
    // created after the client: the dependency is still added
    const saml = new cognito.UserPoolIdentityProviderSaml(stack, 'Saml', {
      userPool, name: 'CorpSAML', metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.example.org/metadata'),
    });
    const server = userPool.addResourceServer('Orders', { identifier: 'orders-api', scopes: [read] });
    expect(() => app.synth()).not.toThrow();
    const resources = Template.fromStack(stack).findResources(CLIENT);
    expect(Object.values<any>(resources)[0].DependsOn).toEqual(expect.arrayContaining([
      stack.getLogicalId(saml.node.defaultChild as cognito.CfnUserPoolIdentityProvider),
      stack.getLogicalId(server.node.defaultChild as cognito.CfnUserPoolResourceServer),
    ]));
  });

  test('fails when a named identity provider does not exist on the pool', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', {
      userPool,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.GOOGLE],
      oAuth: { callbackUrls: ['https://app.example.org/cb'] },
    });
    expect(() => app.synth()).toThrow(/\[Stack\/Client\] \[idp-exists\] SupportedIdentityProviders\[0\] = "Google"/);
  });

  test('fails when a custom scope names no resource server of the pool', () => {
    const { app, stack, userPool } = setup();
    new AppClient(stack, 'Client', {
      userPool,
      generateSecret: true,
      oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('orders-api/write')] },
    });
    expect(() => app.synth()).toThrow(/\[oauth-scope-exists\] AllowedOAuthScopes\[0\] = "orders-api\/write": no resource server/);
  });

  test('fails when a custom attribute is not in the pool schema, and when a required attribute is not writable', () => {
    const { app, stack } = setup();
    const pool = new cognito.UserPool(stack, 'Pool2', {
      standardAttributes: { email: { required: true } },
      customAttributes: { tenant: new cognito.StringAttribute() },
    });
    new AppClient(stack, 'Client', {
      userPool: pool,
      readAttributes: new cognito.ClientAttributes().withCustomAttributes('tenant', 'plan'),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ givenName: true }),
    });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('[attr-exists] ReadAttributes[0] = "custom:plan"');
    expect(message).not.toContain('"custom:tenant"');
    expect(message).toContain('[attr-write-required] WriteAttributes');
  });

  test('fails when rotation or choice-based sign-in is used on a Lite pool', () => {
    const { app, stack } = setup();
    // featurePlan: cognito.FeaturePlan.LITE on aws-cdk-lib 2.186 and later
    const lite = new cognito.UserPool(stack, 'Lite');
    (lite.node.defaultChild as cognito.CfnUserPool).addPropertyOverride('UserPoolTier', 'LITE');
    new AppClient(stack, 'Client', { userPool: lite, refreshTokenRotation: true, authFlows: USER_AUTH });
    expect(() => app.synth()).toThrow(/\[auth-flows-user-auth-tier\] ExplicitAuthFlows[\s\S]*\[refresh-rotation-tier\] RefreshTokenRotation\.Feature/);
  });
});

describe('nothing is lost', () => {
  test('what a later validation changes on the resource reaches the template (an override, a property, a dependency)', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const client = new AppClient(stack, 'Client', { userPool, oAuth: { callbackUrls: ['https://a.example.org/cb'] } });
    const other = new cognito.CfnUserPoolGroup(stack, 'Group', { userPoolId: userPool.userPoolId });
    // a construct validated after the AppClient (its validation ran first) changes the client
    const late = new Stack(app, 'Late');
    late.node.addValidation({
      validate: () => {
        client.resource.addPropertyOverride('ClientName', 'set-during-validation');
        client.resource.logoutUrLs = ['https://a.example.org/bye'];
        client.resource.addDependency(other);
        return [];
      },
    });
    const resource = app.synth().getStackByName('Stack').template.Resources[stack.getLogicalId(client.resource)];
    expect(resource.Properties.ClientName).toBe('set-during-validation');
    expect(resource.Properties.LogoutURLs).toEqual(['https://a.example.org/bye']);
    expect(resource.DependsOn).toEqual([stack.getLogicalId(other)]);
  });

  // Every prop, each with a few values; combinations are generated deterministically.
  const choices: { [prop: string]: Array<[any, (p: any) => void]> } = {
    userPoolClientName: [['web', (p) => expect(p.ClientName).toBe('web')], [undefined, (p) => expect(p.ClientName).toBeUndefined()]],
    generateSecret: [[true, (p) => expect(p.GenerateSecret).toBe(true)], [false, (p) => expect(p.GenerateSecret).toBe(false)]],
    authFlows: [
      // ALLOW_REFRESH_TOKEN_AUTH is added unless rotation is on.
      [{ userSrp: true, custom: true }, (p) => expect(p.ExplicitAuthFlows).toEqual(['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', ...(p.RefreshTokenRotation ? [] : ['ALLOW_REFRESH_TOKEN_AUTH'])])],
      [{ userPassword: true, adminUserPassword: true }, (p) => expect(p.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', ...(p.RefreshTokenRotation ? [] : ['ALLOW_REFRESH_TOKEN_AUTH'])])],
    ],
    oAuth: [
      [{ flows: { authorizationCodeGrant: true, implicitCodeGrant: true }, callbackUrls: ['https://a.example.org/cb', 'myapp://cb'], logoutUrls: ['https://a.example.org/'], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PHONE], defaultRedirectUri: 'myapp://cb' },
        (p) => {
          expect(p.AllowedOAuthFlows).toEqual(['implicit', 'code']);
          expect(p.CallbackURLs).toEqual(['https://a.example.org/cb', 'myapp://cb']);
          expect(p.LogoutURLs).toEqual(['https://a.example.org/']);
          expect(p.AllowedOAuthScopes).toEqual(['openid', 'phone']);
          expect(p.DefaultRedirectURI).toBe('myapp://cb');
        }],
      [undefined, (p) => expect(p.AllowedOAuthFlowsUserPoolClient).toBe(false)],
    ],
    accessTokenValidity: [[Duration.minutes(45), (p) => { expect(p.AccessTokenValidity).toBe(45); expect(p.TokenValidityUnits.AccessToken).toBe('minutes'); }], [undefined, (p) => expect(p.AccessTokenValidity).toBeUndefined()]],
    idTokenValidity: [[Duration.seconds(301), (p) => { expect(p.IdTokenValidity).toBe(301); expect(p.TokenValidityUnits.IdToken).toBe('seconds'); }]],
    refreshTokenValidity: [[Duration.hours(36), (p) => { expect(p.RefreshTokenValidity).toBe(36); expect(p.TokenValidityUnits.RefreshToken).toBe('hours'); }]],
    authSessionValidity: [[Duration.minutes(7), (p) => expect(p.AuthSessionValidity).toBe(7)]],
    preventUserExistenceErrors: [[true, (p) => expect(p.PreventUserExistenceErrors).toBe('ENABLED')], [false, (p) => expect(p.PreventUserExistenceErrors).toBe('LEGACY')]],
    enableTokenRevocation: [[false, (p) => expect(p.EnableTokenRevocation).toBe(false)], [true, (p) => expect(p.EnableTokenRevocation).toBe(true)]],
    supportedIdentityProviders: [[[cognito.UserPoolClientIdentityProvider.COGNITO, cognito.UserPoolClientIdentityProvider.custom('Corp SAML')], (p) => expect(p.SupportedIdentityProviders).toEqual(['COGNITO', 'Corp SAML'])]],
    readAttributes: [[new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes('tenant'), (p) => expect(p.ReadAttributes).toEqual(['custom:tenant', 'email', 'email_verified'])]],
    writeAttributes: [[new cognito.ClientAttributes().withStandardAttributes({ givenName: true }), (p) => expect(p.WriteAttributes).toEqual(['given_name'])]],
    refreshTokenRotationGracePeriod: [
      [Duration.seconds(45), (p) => expect(p.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 45 })],
      [undefined, (p) => expect(p.RefreshTokenRotation).toBeUndefined()],
    ],
    enablePropagateAdditionalUserContextData: [
      [true, (p) => expect(p.EnablePropagateAdditionalUserContextData).toBe(true)],
      [undefined, (p) => expect(p.EnablePropagateAdditionalUserContextData).toBeUndefined()],
    ],
    analytics: [
      [{ applicationId: 'abcdef0123456789', externalId: 'ext', role: { roleArn: 'arn:aws:iam::111111111111:role/pinpoint' }, shareUserData: true },
        (p) => expect(p.AnalyticsConfiguration).toEqual({ ApplicationId: 'abcdef0123456789', ExternalId: 'ext', RoleArn: 'arn:aws:iam::111111111111:role/pinpoint', UserDataShared: true })],
      [undefined, (p) => expect(p.AnalyticsConfiguration).toBeUndefined()],
    ],
  };
  const props = Object.keys(choices);
  // 12 combinations: combination k takes choice (k + i) mod n for prop i, so every choice of every prop appears.
  const combinations = Array.from({ length: 12 }, (_, k) => props.map((prop, i) => [prop, choices[prop][(k + i) % choices[prop].length]] as const));

  test.each(combinations.map((c, k) => [k, c]))('combination %d: every prop set appears with its intended value', (_k, combination) => {
    const { stack, userPool } = setup();
    const clientProps: { [key: string]: any } = { userPool };
    for (const [prop, [value]] of combination) if (value !== undefined) clientProps[prop] = value;
    const p = rendered(new AppClient(stack, 'Client', clientProps as AppClientProps));
    for (const [, [, expectation]] of combination) expectation(p);
  });
});
