import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient, AppClientProps } from '../src';

const CLIENT = 'AWS::Cognito::UserPoolClient';

/**
 * Synthesizes one representative client; returns its template and the client resources alone
 * (the snapshot pins the clients, not aws-cdk-lib's rendering of the pool).
 */
function synth(props: (pool: cognito.UserPool, stack: Stack) => Omit<AppClientProps, 'userPool'>) {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { region: 'eu-west-1', account: '111111111111' } });
  const userPool = new cognito.UserPool(stack, 'Pool');
  new AppClient(stack, 'Client', { userPool, ...props(userPool, stack) });
  app.synth(); // validation runs here: a finding with severity error would throw
  const template = Template.fromStack(stack);
  return { stack, template, clients: template.findResources(CLIENT) };
}

function expectNoWarnings(stack: Stack) {
  expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('.*'))).toEqual([]);
}

test('single-page app with the authorization code grant', () => {
  const { stack, template, clients } = synth(() => ({
    userPoolClientName: 'spa',
    oAuth: {
      callbackUrls: ['https://app.example.org/callback', 'http://localhost:5173/callback'],
      logoutUrls: ['https://app.example.org/'],
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
    },
    accessTokenValidity: Duration.minutes(15),
    idTokenValidity: Duration.minutes(15),
    refreshTokenValidity: Duration.days(7),
  }));
  template.hasResourceProperties(CLIENT, {
    ClientName: 'spa',
    GenerateSecret: Match.absent(),
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: ['https://app.example.org/callback', 'http://localhost:5173/callback'],
    AccessTokenValidity: 15,
    IdTokenValidity: 15,
    RefreshTokenValidity: 7,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
  });
  expectNoWarnings(stack);
  expect(clients).toMatchSnapshot();
});

test('server-side web app with a secret, context data and refresh-token rotation', () => {
  const { stack, template, clients } = synth(() => ({
    userPoolClientName: 'portal',
    generateSecret: true,
    enablePropagateAdditionalUserContextData: true,
    oAuth: {
      callbackUrls: ['https://portal.example.org/auth/callback'],
      logoutUrls: ['https://portal.example.org/signed-out'],
      defaultRedirectUri: 'https://portal.example.org/auth/callback',
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
    },
    authSessionValidity: Duration.minutes(5),
    refreshTokenRotationGracePeriod: Duration.seconds(10),
    readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }),
    writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
  }));
  template.hasResourceProperties(CLIENT, {
    GenerateSecret: true,
    EnablePropagateAdditionalUserContextData: true,
    DefaultRedirectURI: 'https://portal.example.org/auth/callback',
    AuthSessionValidity: 5,
    RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
    ReadAttributes: ['email', 'email_verified', 'name'],
    WriteAttributes: ['name'],
  });
  expectNoWarnings(stack);
  expect(clients).toMatchSnapshot();
});

test('machine-to-machine client with client_credentials and resource-server scopes', () => {
  const { stack, template, clients } = synth((pool) => {
    const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read orders' });
    const server = pool.addResourceServer('Orders', { identifier: 'orders-api', scopes: [read] });
    return {
      userPoolClientName: 'billing-worker',
      generateSecret: true,
      oAuth: {
        flows: { clientCredentials: true },
        scopes: [cognito.OAuthScope.resourceServer(server, read)],
      },
      accessTokenValidity: Duration.hours(1),
    };
  });
  template.hasResourceProperties(CLIENT, {
    GenerateSecret: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: [{ 'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('^PoolOrders') }, '/read']] }],
    CallbackURLs: Match.absent(),
    AccessTokenValidity: 1,
    TokenValidityUnits: { AccessToken: 'hours' },
  });
  expectNoWarnings(stack);
  expect(clients).toMatchSnapshot();
});

test('mobile app with a custom-scheme callback', () => {
  const { stack, template, clients } = synth(() => ({
    userPoolClientName: 'ios-app',
    oAuth: {
      callbackUrls: ['com.example.app://callback'],
      logoutUrls: ['com.example.app://signout'],
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PHONE],
    },
    refreshTokenValidity: Duration.days(90),
  }));
  template.hasResourceProperties(CLIENT, {
    CallbackURLs: ['com.example.app://callback'],
    LogoutURLs: ['com.example.app://signout'],
    AllowedOAuthFlows: ['code'],
    GenerateSecret: Match.absent(),
    RefreshTokenValidity: 90,
    TokenValidityUnits: { RefreshToken: 'days' },
  });
  expectNoWarnings(stack);
  expect(clients).toMatchSnapshot();
});
