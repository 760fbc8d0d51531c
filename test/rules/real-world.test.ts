import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { REAL_WORLD_CDK_SOURCES, REAL_WORLD_CLIENTS, RealWorldClient } from './real-world-clients';
import { ClientRules, Severity } from '../../src';
import { packFindings } from '../pack-findings';

// Published, working client configurations (see real-world-clients.ts for where each comes from):
// none may get an error finding, since each deploys.

function templateOf(c: RealWorldClient) {
  return {
    Resources: {
      UserPool: c.pool ? { Type: 'AWS::Cognito::UserPool', Properties: c.pool } : { Type: 'AWS::Cognito::UserPool' },
      ...c.resources,
      Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: c.properties },
    },
  };
}

describe('published configurations', () => {
  test('a few dozen, from CloudFormation, SAM, Serverless, Terraform and CDK, each with its source', () => {
    expect(REAL_WORLD_CLIENTS.length + REAL_WORLD_CDK_SOURCES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(REAL_WORLD_CLIENTS.map((c) => c.kind))).toEqual(new Set(['cloudformation', 'sam', 'serverless', 'terraform']));
    for (const c of REAL_WORLD_CLIENTS) expect(c.source.length).toBeGreaterThan(10);
  });

  test.each(REAL_WORLD_CLIENTS.map((c) => [c.source, c]))('%s: no error finding', (_s, c) => {
    const errors = ClientRules.checkTemplate(templateOf(c)).filter((f) => f.severity === Severity.ERROR);
    expect(errors.map((f) => f.message)).toEqual([]);
    // The client alone, without its surroundings, too.
    expect(ClientRules.check(c.properties).filter((f) => f.severity === Severity.ERROR).map((f) => f.message)).toEqual([]);
  });

  test('the checks still see these clients: the warnings that apply are reported (boundary: the fixture is not inert)', () => {
    const ids = (source: string) => ClientRules.checkTemplate(templateOf(REAL_WORLD_CLIENTS.find((c) => c.source.startsWith(source))!))
      .map((f) => f.ruleId);
    expect(ids('gc-ss/rules-dev')).toContain('auth-flows-legacy-deprecated');
    expect(ids('Karol172/todo-with-cognito')).toContain('oauth-settings-need-flag');
    expect(ids('code search excerpt (a Serverless Framework authorizer')).toContain('oauth-scope-creation-order');
  });
});

describe('published CDK apps, synthesized with aws-cdk-lib', () => {
  /** Each app's client as published, on a fresh pool. */
  const APPS: Array<[string, (pool: cognito.UserPool) => void]> = [
    [REAL_WORLD_CDK_SOURCES[0], (pool) => pool.addClient('myuserpoolclient', {
      userPoolClientName: 'myuserpoolclient',
      authFlows: { adminUserPassword: true, custom: true, userPassword: true, userSrp: true },
      generateSecret: true,
      oAuth: {
        flows: { implicitCodeGrant: true, authorizationCodeGrant: true },
        scopes: [
          cognito.OAuthScope.PHONE, cognito.OAuthScope.EMAIL, cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.COGNITO_ADMIN,
        ],
        callbackUrls: ['https://redirect-here.myapp.com'],
      },
      preventUserExistenceErrors: true,
    })],
    [REAL_WORLD_CDK_SOURCES[1], (pool) => pool.addClient('MyinUserPoolClient', {
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { implicitCodeGrant: true },
        scopes: [cognito.OAuthScope.EMAIL, cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE],
        callbackUrls: ['http://localhost:8080/login/oauth2', 'http://localhost:4200/login/oauth2', 'http://localhost:4300/login/oauth2'],
      },
    })],
    [REAL_WORLD_CDK_SOURCES[2], (pool) => pool.addClient('WebClient', {
      userPoolClientName: 'MyAppWebClient',
      idTokenValidity: Duration.days(1),
      accessTokenValidity: Duration.days(1),
      authFlows: { adminUserPassword: true },
      oAuth: { flows: { authorizationCodeGrant: true }, scopes: [cognito.OAuthScope.OPENID] },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
    })],
  ];

  test.each(APPS)('%s: no error, in the synthesized template and through the pack', (_s, build) => {
    const app = new App();
    const stack = new Stack(app, 'App');
    build(new cognito.UserPool(stack, 'Pool'));
    const errors = ClientRules.checkTemplate(Template.fromStack(stack).toJSON()).filter((f) => f.severity === Severity.ERROR);
    expect(errors.map((f) => f.message)).toEqual([]);
    expect(packFindings(app).filter((v) => v.severity === 'error')).toEqual([]);
  });
});
