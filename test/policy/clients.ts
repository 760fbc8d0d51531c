import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AppClient } from '../../src';

export const CALLBACK = 'https://app.example.org/callback';

/** One client of each kind, each compliant with the documented rules and the recommended policy. */
export function compliantClients(scope: Construct, userPool: cognito.UserPool) {
  new cognito.CfnUserPoolClient(scope, 'L1', {
    userPoolId: userPool.userPoolId,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ['code'],
    allowedOAuthScopes: ['openid'],
    callbackUrLs: [CALLBACK],
    explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
    preventUserExistenceErrors: 'ENABLED',
  }).addPropertyOverride('RefreshTokenRotation', { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 });
  const l2 = userPool.addClient('L2', {
    preventUserExistenceErrors: true,
    authFlows: { userSrp: true },
    oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.OPENID] },
  });
  // refreshTokenRotationGracePeriod on aws-cdk-lib 2.200 and later
  const l2Resource = l2.node.defaultChild as cognito.CfnUserPoolClient;
  l2Resource.addPropertyOverride('RefreshTokenRotation', { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 });
  l2Resource.addPropertyOverride('ExplicitAuthFlows', ['ALLOW_USER_SRP_AUTH']); // what the L2 writes with rotation
  new AppClient(scope, 'L3', { userPool, oAuth: { callbackUrls: [CALLBACK] }, refreshTokenRotation: true });
}

/**
 * An L1 client (implicit grant, plain-http callback) and an L2 client (client_credentials without a
 * secret): documented-rule errors and policy violations, for the pack tests of both cdk-nag versions.
 */
export function nonCompliantL1AndL2(scope: Construct, userPool: cognito.UserPool) {
  new cognito.CfnUserPoolClient(scope, 'L1', {
    userPoolId: userPool.userPoolId,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ['implicit'],
    allowedOAuthScopes: ['openid'],
    callbackUrLs: ['http://app.example.org/cb'],
  });
  userPool.addClient('L2', { generateSecret: false, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });
}
