// Writes a CloudFormation template with one user pool and N varied clients.
// Usage: node bench/template.js <N> <out.json>
'use strict';
const { writeFileSync } = require('fs');
const { settings } = require('./clients');

function template(n) {
  const Resources = {
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolTier: 'ESSENTIALS' } },
    Orders: { Type: 'AWS::Cognito::UserPoolResourceServer', Properties: { UserPoolId: { Ref: 'Pool' }, Identifier: 'orders-api', Name: 'Orders', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }] } },
  };
  for (let i = 0; i < n; i++) {
    const s = settings(i);
    Resources[`Client${i}`] = {
      Type: 'AWS::Cognito::UserPoolClient',
      DependsOn: i % 7 === 0 ? ['Orders'] : undefined,
      Properties: {
        UserPoolId: { Ref: 'Pool' },
        ClientName: s.name,
        GenerateSecret: s.secret || undefined,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: i % 7 === 0 ? [...s.scopes, 'orders-api/read'] : s.scopes,
        CallbackURLs: s.callbacks,
        LogoutURLs: s.logout,
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        SupportedIdentityProviders: ['COGNITO'],
        AccessTokenValidity: s.accessMinutes,
        IdTokenValidity: s.idMinutes,
        RefreshTokenValidity: s.refreshDays,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      },
    };
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources };
}

if (require.main === module) writeFileSync(process.argv[3], JSON.stringify(template(Number(process.argv[2]))));
module.exports = { template };
