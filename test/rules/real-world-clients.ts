// Working app client configurations from public repositories, reduced to the CloudFormation shape
// the rules read (test/rules/real-world.test.ts asserts that none of them gets an error finding).
//
// Each entry names where it was found (GitHub repository and path, found with the code search of
// public repositories, December 2026). Terraform (`aws_cognito_user_pool_client`) and Serverless
// Framework clients are translated to the properties of AWS::Cognito::UserPoolClient: snake_case
// arguments become the CloudFormation properties, Terraform variables and data sources become `Ref`s
// to parameters, Serverless `${self:…}` variables become the literal they resolve to, and a pool of the
// same configuration becomes the `UserPool` resource. Values are as published; only names of
// parameters are ours.

/** A JSON value as CloudFormation templates hold it. */
export type Json = any;

export interface RealWorldClient {
  /** `owner/repo path` of the configuration. */
  readonly source: string;
  /** How the client was written. */
  readonly kind: 'cloudformation' | 'sam' | 'serverless' | 'terraform' | 'cdk';
  /** The client's properties (checked in a template with the pool `UserPool` and `resources`). */
  readonly properties: Json;
  /** Other resources of the template (resource servers, identity providers, distributions). */
  readonly resources?: Json;
  /** The pool's properties, where the configuration gives them. */
  readonly pool?: Json;
  /** What makes the entry worth having. */
  readonly note?: string;
}

const POOL = { Ref: 'UserPool' };
const param = (name: string) => ({ Ref: name });

export const REAL_WORLD_CLIENTS: ReadonlyArray<RealWorldClient> = [
  // ---- Terraform (aws_cognito_user_pool_client), translated
  {
    source: 'dwp/dataworks-analytical-frontend-service terraform/modules/cognito-app/app_client.tf',
    kind: 'terraform',
    properties: {
      ClientName: param('Name'),
      UserPoolId: param('UserPoolId'),
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: param('CallbackUrls'),
      SupportedIdentityProviders: ['COGNITO'],
      AllowedOAuthFlows: ['code', 'implicit'],
      AllowedOAuthScopes: ['email', 'openid', 'aws.cognito.signin.user.admin', 'profile'],
      ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
    },
  },
  {
    source: 'Karol172/todo-with-cognito terraform/modules/cognito_user_pool_client/main.tf',
    kind: 'terraform',
    note: 'OAuth settings without the OAuth flag: a warning only',
    properties: {
      ClientName: param('ClientName'),
      UserPoolId: param('UserPoolId'),
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: param('Callbacks'),
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: true,
      SupportedIdentityProviders: ['COGNITO'],
    },
  },
  {
    source: 'parraclaudiofiap/tf_auth_aws cognito.tf',
    kind: 'terraform',
    note: 'legacy flows only (not mixed with ALLOW_*): warnings only',
    properties: {
      ClientName: 'client',
      UserPoolId: POOL,
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      AllowedOAuthScopes: ['aws.cognito.signin.user.admin', 'email', 'openid', 'profile'],
      AllowedOAuthFlows: ['implicit', 'code'],
      ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: ['https://example.com'],
      LogoutURLs: ['https://example.com'],
    },
  },
  {
    source: 'melvyndekort/get-cookies terraform/cognito.tf',
    kind: 'terraform',
    properties: {
      ClientName: 'get_cookies',
      UserPoolId: param('AuthUserPoolId'),
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code', 'implicit'],
      AllowedOAuthScopes: ['email', 'openid'],
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      CallbackURLs: ['https://example.melvyn.dev/callback.html', 'https://example.melvyn.dev'],
    },
  },
  {
    source: 'team-tech-challenge/terraform-modules-remotes aws_cognito_user_pool_client/main.tf',
    kind: 'terraform',
    properties: {
      ClientName: param('UserPoolClientName'),
      UserPoolId: param('UserPoolId'),
      GenerateSecret: param('GenerateSecret'),
      AccessTokenValidity: param('AccessTokenValidity'),
      IdTokenValidity: param('IdTokenValidity'),
      RefreshTokenValidity: param('RefreshTokenValidity'),
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH'],
    },
  },
  {
    source: 'sugiyama404/practice_cognito infra/modules/cognito/aws_cognito_user_pool_client.tf',
    kind: 'terraform',
    properties: {
      ClientName: 'my-app-client',
      UserPoolId: POOL,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
    },
  },
  {
    source: 'gc-ss/rules-dev examples/tf/aws_cognito_user_pool/aws_cognito_user_pool_9.tf',
    kind: 'terraform',
    note: 'the Terraform documentation\'s "no SRP" example: a legacy flow',
    properties: { ClientName: 'client', UserPoolId: POOL, GenerateSecret: true, ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] },
  },
  {
    source: 'Groodian/CNAE-IAM-Backup cognito.tf',
    kind: 'terraform',
    properties: { ClientName: 'cnae-user-pool-client', UserPoolId: POOL, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  },
  {
    source: 'hoalongnatsu/serverless-series bai-6/terraform-start/cognito.tf',
    kind: 'terraform',
    properties: {
      ClientName: 'cognito-serverless-series',
      UserPoolId: POOL,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
    },
  },
  {
    source: 'pcarreira1/FizzBuzz terraform/cognito.tf',
    kind: 'terraform',
    properties: { ClientName: 'external_api', UserPoolId: POOL, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  },

  // ---- CloudFormation, SAM and Serverless Framework templates
  {
    source: 'aws-samples/cloudfront-authorization-at-edge template.yaml',
    kind: 'sam',
    note: 'a client with UserPoolId only; a custom resource sets the OAuth settings later',
    properties: { UserPoolId: POOL },
    resources: { CloudFrontDistribution: { Type: 'AWS::CloudFront::Distribution', Condition: 'CreateCloudFrontDistribution', Properties: {} } },
  },
  {
    source: 'lex00/cloudformation_dataclasses examples/aws-cloudformation-templates/cognito/cognito/resources/client.py',
    kind: 'cloudformation',
    note: 'the aws-cloudformation-templates Cognito example',
    properties: {
      ClientName: param('AppName'),
      GenerateSecret: false,
      UserPoolId: POOL,
      CallbackURLs: [param('CallbackURL')],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['phone', 'email', 'openid'],
      SupportedIdentityProviders: ['COGNITO'],
    },
  },
  {
    source: 'laakkti/HTKA0150-3004-AWS-serverless AWS-lopputyo/MKdocs/docs/auth/cognito.md',
    kind: 'serverless',
    note: 'token lifetimes of 5 (hours, the default unit) and a legacy flow',
    properties: { ClientName: 'user-pool-ui', GenerateSecret: false, UserPoolId: POOL, AccessTokenValidity: 5, IdTokenValidity: 5, ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] },
  },
  {
    source: 'sega057/sentra-backend src/resources/cognito-pools.ts',
    kind: 'serverless',
    properties: { ClientName: 'sentra-cognito-client-dev', GenerateSecret: false, UserPoolId: POOL },
  },
  {
    source: 'aws-samples/amazon-cognito-passwordless-email-auth cognito/template.yaml',
    kind: 'sam',
    note: 'custom authentication only, no secret; a pool with required attributes',
    pool: { Schema: [{ Name: 'name', AttributeDataType: 'String', Mutable: true, Required: true }, { Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true }] },
    properties: { ClientName: 'email-auth-client', GenerateSecret: false, UserPoolId: POOL, ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY'] },
  },

  // ---- Patterns of the documented attribute shapes, as published templates write them
  {
    source: 'code search excerpt (a published s3-cloudfront-cognito template; the index does not name its repository)',
    kind: 'cloudformation',
    note: 'https:// joined to a CloudFront DomainName: absolute and HTTPS, read through the documented shape',
    properties: {
      ClientName: { 'Fn::Sub': '${SystemName}-client' },
      UserPoolId: POOL,
      SupportedIdentityProviders: ['COGNITO'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['CloudFrontDistribution', 'DomainName'] }]] }],
    },
    resources: { CloudFrontDistribution: { Type: 'AWS::CloudFront::Distribution', Properties: {} } },
  },
  {
    source: 'code search excerpt (a published SAM template with IsProduction conditions; the index does not name its repository)',
    kind: 'sam',
    properties: {
      UserPoolId: POOL,
      ClientName: { 'Fn::Sub': 'skafu-client-${Environment}' },
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [{ 'Fn::Sub': 'https://${Environment}.skafu.com/callback' }],
      LogoutURLs: [{ 'Fn::Sub': 'https://${Environment}.skafu.com/logout' }],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      AllowedOAuthFlowsUserPoolClient: true,
    },
  },
  {
    source: 'code search excerpt (a SAM tutorial for a single-page app; the index does not name its repository)',
    kind: 'sam',
    note: 'implicit grant with http://localhost as callback and default redirect (loopback)',
    properties: {
      AllowedOAuthFlows: ['implicit'],
      AllowedOAuthScopes: ['email', 'openid', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      UserPoolId: POOL,
      CallbackURLs: ['http://localhost'],
      DefaultRedirectURI: 'http://localhost',
      AllowedOAuthFlowsUserPoolClient: true,
    },
  },
  {
    source: 'code search excerpt (a SAM M2M template with a cart-api resource server; the index does not name its repository)',
    kind: 'sam',
    note: 'client_credentials with a secret and a resource-server scope referenced through Fn::Sub',
    properties: {
      UserPoolId: POOL,
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [{ 'Fn::Sub': '${CognitoResourceServer}/default' }],
      SupportedIdentityProviders: ['COGNITO'],
    },
    resources: {
      CognitoResourceServer: {
        Type: 'AWS::Cognito::UserPoolResourceServer',
        Properties: { Identifier: 'cart-api', Name: 'My API Resource Server', UserPoolId: POOL, Scopes: [{ ScopeName: 'default', ScopeDescription: 'Default scope for M2M auth' }] },
      },
    },
  },
  {
    source: 'code search excerpt (a Serverless Framework authorizer with a resource server; the index does not name its repository)',
    kind: 'serverless',
    note: 'a literal resource-server scope and no DependsOn: the creation-order warning, not an error',
    properties: {
      UserPoolId: POOL,
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['api.serverless-authorizer-authorizer.com/read'],
      SupportedIdentityProviders: ['COGNITO'],
    },
    resources: {
      CognitoUserPoolResourceServer: {
        Type: 'AWS::Cognito::UserPoolResourceServer',
        Properties: { UserPoolId: POOL, Identifier: 'api.serverless-authorizer-authorizer.com', Name: 'serverless-authorizer-resource-server', Scopes: [{ ScopeName: 'read', ScopeDescription: 'read' }] },
      },
    },
  },
  {
    source: 'code search excerpt (a Serverless Framework cwlUserPool template; the index does not name its repository)',
    kind: 'serverless',
    note: 'minutes for access and ID tokens with a one-day refresh token',
    properties: {
      ClientName: 'Web-dev',
      UserPoolId: POOL,
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: 30,
      IdTokenValidity: 30,
      RefreshTokenValidity: 1,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    },
  },
  {
    source: 'code search excerpt (a Serverless Framework implicit-grant client; the index does not name its repository)',
    kind: 'serverless',
    properties: {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['implicit'],
      AllowedOAuthScopes: ['aws.cognito.signin.user.admin', 'email', 'openid', 'phone', 'profile'],
      UserPoolId: POOL,
      ClientName: 'user-pool-client-dev',
      CallbackURLs: ['https://app.example.net/callback'],
      GenerateSecret: false,
      ReadAttributes: ['email'],
      AccessTokenValidity: 5,
      IdTokenValidity: 5,
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      LogoutURLs: ['https://app.example.net/signout'],
      SupportedIdentityProviders: ['COGNITO'],
    },
  },
  {
    source: 'code search excerpt (a Serverless Framework tutorial client with read and write attributes; the index does not name its repository)',
    kind: 'serverless',
    properties: {
      ClientName: 'MyUserPoolClient',
      GenerateSecret: false,
      UserPoolId: POOL,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['email', 'openid', 'profile'],
      CallbackURLs: ['https://www.google.com/'],
      LogoutURLs: ['https://www.google.com/'],
      SupportedIdentityProviders: ['COGNITO'],
      EnableTokenRevocation: true,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ReadAttributes: ['email'],
      WriteAttributes: ['email'],
    },
  },
  {
    source: 'code search excerpt (a SAM todo app with hour and day units; the index does not name its repository)',
    kind: 'sam',
    properties: {
      UserPoolId: POOL,
      ClientName: 'todo-app-client',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: 1,
      IdTokenValidity: 1,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
    },
  },
  {
    source: 'code search excerpt (a Terraform client for Kubeflow behind an ALB; the index does not name its repository)',
    kind: 'terraform',
    properties: {
      ClientName: 'kubeflow',
      UserPoolId: POOL,
      GenerateSecret: true,
      CallbackURLs: [{ 'Fn::Sub': 'https://kubeflow.${ZoneName}/oauth2/idpresponse' }],
      LogoutURLs: [{ 'Fn::Sub': 'https://kubeflow.${ZoneName}' }],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['email', 'openid', 'profile', 'aws.cognito.signin.user.admin'],
      SupportedIdentityProviders: ['COGNITO'],
    },
  },
  {
    source: 'code search excerpt (a Terraform client with a localhost callback; the index does not name its repository)',
    kind: 'terraform',
    properties: {
      UserPoolId: param('CognitoUserPool'),
      ClientName: { 'Fn::Sub': 'Bottom Time Auth Client - ${Env}' },
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code', 'implicit'],
      AllowedOAuthScopes: ['email', 'openid'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [{ 'Fn::Sub': 'https://${AuthFqdn}/callback' }, 'http://localhost:9000/callback'],
    },
  },
  {
    source: 'code search excerpt (a Terraform client with a 24-hour access token; the index does not name its repository)',
    kind: 'terraform',
    properties: {
      ClientName: 'portfolio-client-no-secret',
      UserPoolId: POOL,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: 24,
      IdTokenValidity: 24,
      RefreshTokenValidity: 30,
    },
  },
  {
    source: 'code search excerpt (a Terraform client on a LITE-tier pool; the index does not name its repository)',
    kind: 'terraform',
    pool: { UserPoolTier: 'LITE' },
    properties: { ClientName: 'api-user-pool-client', UserPoolId: POOL, GenerateSecret: false, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  },
];

/** CDK apps (aws-cdk-lib's UserPoolClient), synthesized by the test with the props as published. */
export const REAL_WORLD_CDK_SOURCES = [
  'aws/aws-cdk packages/@aws-cdk/aws-cognito/test/integ.user-pool-client-explicit-props.ts',
  'myin142/monorepo libs/cloud-stacks/src/lib/authentication-stack.ts',
  'aws-samples/cognito-user-token-helper cognito-cdk/lib/cognito-cdk-stack.ts',
];
