/** Where the rules come from (see the catalog's "Sources"). */
const API_REF = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference';
const DG = 'https://docs.aws.amazon.com/cognito/latest/developerguide';

export const SOURCES = {
  API: `${API_REF}/API_CreateUserPoolClient.html`,
  TVU: `${API_REF}/API_TokenValidityUnitsType.html`,
  RTR: `${API_REF}/API_RefreshTokenRotationType.html`,
  ANALYTICS: `${API_REF}/API_AnalyticsConfigurationType.html`,
  CFN: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolclient.html',
  CFN_TRANSFORM: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-transform.html',
  DG_CLIENTS: `${DG}/user-pool-settings-client-apps.html`,
  DG_OAUTH: `${DG}/cognito-user-pools-app-idp-settings.html`,
  DG_ATTRS: `${DG}/user-pool-settings-attributes.html`,
  DG_LIMITS: `${DG}/limits.html`,
  DG_ADAPTIVE: `${DG}/cognito-user-pool-settings-adaptive-authentication.html`,
  DG_PINPOINT: `${DG}/cognito-user-pools-pinpoint-integration.html`,
  DG_REFRESH: `${DG}/amazon-cognito-user-pools-using-the-refresh-token.html`,
  PINPOINT_EOL: 'https://docs.aws.amazon.com/pinpoint/latest/userguide/migrate.html',
  CDK_7625: 'https://github.com/aws/aws-cdk/issues/7625',
  CDK_10676: 'https://github.com/aws/aws-cdk/issues/10676',
  CDK_15850: 'https://github.com/aws/aws-cdk/issues/15850',
  TF_32504: 'https://github.com/hashicorp/terraform-provider-aws/issues/32504',
  TF_45646: 'https://github.com/hashicorp/terraform-provider-aws/issues/45646',
};

/** Where each rule's page is: docs/rules/<rule-id>.md in the repository. */
export const DOCS_BASE = 'https://github.com/cdk-cognito-app-client/cdk-cognito-app-client/blob/main/docs/rules';

/** A rule's page (`RuleInfo.docs`): written once per rule where it is listed, not in every finding's message. */
export function rulePage(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`;
}
