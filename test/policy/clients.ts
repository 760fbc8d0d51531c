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
