/**
 * Quick start: a user pool with two app clients, synthesized in memory.
 * Prints the AppClient resources of the template, or every validation error at once.
 *
 *   npx projen example            # the valid app
 *   npx projen example --broken   # the same app with five mistakes
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { OAuthScope, ResourceServerScope, UserPool } from 'aws-cdk-lib/aws-cognito';
import { AppClient } from '../src';

/** Builds the example app; `broken` puts five mistakes into it. */
export function buildApp(broken: boolean): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'QuickStart', { env: { region: 'eu-west-1' } });
  const userPool = new UserPool(stack, 'UserPool');

  // A single-page app: authorization code grant (with PKCE in the browser), no secret.
  new AppClient(stack, 'WebApp', {
    userPool,
    userPoolClientName: 'web-app',
    oAuth: {
      callbackUrls: broken
        ? ['http://app.example.org/callback', 'https://app.example.org/#/done']
        : ['https://app.example.org/callback', 'http://localhost:3000/callback'],
      logoutUrls: ['https://app.example.org/'],
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
    },
    accessTokenValidity: broken ? Duration.days(2) : Duration.seconds(330),
    idTokenValidity: Duration.minutes(30),
    refreshTokenValidity: Duration.days(7),
  });

  // An API with a scope, for the machine-to-machine client.
  userPool.addResourceServer('OrdersApi', {
    identifier: 'orders-api',
    scopes: [new ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read orders' })],
  });

  // A machine-to-machine client: client_credentials with a custom scope and a secret.
  // Naming the scope is enough: the client depends on the resource server that defines it.
  new AppClient(stack, 'Backend', {
    userPool,
    generateSecret: !broken,
    oAuth: {
      flows: { clientCredentials: true },
      scopes: [OAuthScope.custom(broken ? 'orders' : 'orders-api/read')],
    },
  });
  return { app, stack };
}

/** Synthesizes the app; returns the app clients of the template as JSON. Throws the validation errors. */
export function synthClients(broken: boolean): { [logicalId: string]: unknown } {
  const { app, stack } = buildApp(broken);
  const template = app.synth().getStackByName(stack.stackName).template;
  return Object.fromEntries(
    Object.entries<any>(template.Resources).filter(([, r]) => r.Type === 'AWS::Cognito::UserPoolClient'),
  );
}

if (require.main === module) {
  try {
    console.log(JSON.stringify(synthClients(process.argv.includes('--broken')), undefined, 2));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}
