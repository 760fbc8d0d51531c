// Realistic, varied client settings for the benchmark: the same client i in every kind.
'use strict';

/** Settings of client i: code grant with 2-3 callbacks, scopes, lifetimes, auth flows, some with secrets. */
function settings(i) {
  const host = `app${i}.example.org`;
  const callbacks = [`https://${host}/callback`, `https://${host}/silent-renew`];
  if (i % 3 === 0) callbacks.push(`myapp${i}://callback`);
  return {
    name: `client-${i}`,
    secret: i % 4 === 0,
    callbacks,
    logout: [`https://${host}/`],
    scopes: i % 2 === 0 ? ['openid', 'email', 'profile'] : ['openid', 'email', 'phone'],
    accessMinutes: 15 + (i % 4) * 15,
    idMinutes: 60,
    refreshDays: 1 + (i % 30),
    custom: i % 5 === 0,
  };
}

/** The CloudFormation properties AppClient emits for these settings (for the L1 kind). */
function cfnProps(s, userPoolId) {
  return {
    userPoolId,
    clientName: s.name,
    generateSecret: s.secret || undefined,
    explicitAuthFlows: s.custom ? ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] : ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ['code'],
    allowedOAuthScopes: s.scopes,
    callbackUrLs: s.callbacks,
    logoutUrLs: s.logout,
    preventUserExistenceErrors: 'ENABLED',
    enableTokenRevocation: true,
    supportedIdentityProviders: ['COGNITO'],
    accessTokenValidity: s.accessMinutes,
    idTokenValidity: s.idMinutes,
    refreshTokenValidity: s.refreshDays,
    tokenValidityUnits: { accessToken: 'minutes', idToken: 'minutes', refreshToken: 'days' },
  };
}

module.exports = { settings, cfnProps };
