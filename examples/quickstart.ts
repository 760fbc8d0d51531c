/**
 * Quick start: a user pool with two app clients, synthesized in memory.
 * Prints the AppClient resources of the template, or every validation error at once.
 *
 *   npx projen example            # the valid app
 *   npx projen example --broken   # the same app with five mistakes
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { OAuthScope, UserPool } from 'aws-cdk-lib/aws-cognito';
import { AppClient } from '../src';

const broken = process.argv.includes('--broken');
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

// A machine-to-machine client: client_credentials with a custom scope and a secret.
new AppClient(stack, 'Backend', {
  userPool,
  generateSecret: !broken,
  oAuth: {
    flows: { clientCredentials: true },
    scopes: [OAuthScope.custom(broken ? 'orders' : 'orders-api/read')],
  },
});

try {
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template;
  const clients = Object.fromEntries(
    Object.entries(template.Resources).filter(([, r]: [string, any]) => r.Type === 'AWS::Cognito::UserPoolClient'),
  );
  console.log(JSON.stringify(clients, undefined, 2));
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
