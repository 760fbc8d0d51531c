/**
 * The aws-cdk-lib types that differ between the library's two lines, and nothing else.
 *
 * Statically typed languages (Java, C#, Go) bind to aws-cdk-lib's interfaces as the app's own
 * aws-cdk-lib declares them, so a class must implement each interface with aws-cdk-lib's types as of
 * the release it is compiled against. This file is the current line's (`cdk-cognito-app-client`,
 * compiled against aws-cdk-lib 2.251.0): `IUserPoolClient.userPoolClientRef` returns
 * `UserPoolClientReference` (aws-cdk-lib 2.235.0 and later) and `Validations.addPlugins` takes
 * `IPolicyValidationPlugin` (2.251.0 and later). The classic line (`cdk-cognito-app-client-classic`,
 * aws-cdk-lib 2.100.0 to 2.234.x) is built from the same source with `lines/classic/line.ts` in
 * this file's place; the two files export the same names.
 */
import type { aws_cognito as cognitoRefs, aws_iam as iamRefs } from 'aws-cdk-lib/interfaces';

export type {
  IPolicyValidationContext as LineValidationContext,
  IPolicyValidationPlugin as LineValidationPlugin,
  PolicyValidationPluginReport as LineValidationReport,
  PolicyViolation as LineViolation,
} from 'aws-cdk-lib';

/** What `IUserPoolClient.userPoolClientRef` returns on this line's aws-cdk-lib. */
export type LineClientReference = cognitoRefs.UserPoolClientReference;

/**
 * The type of `AppClientProps.userPool`: `IUserPoolRef`, as aws-cdk-lib's `UserPoolClientProps.userPool`
 * on this line's releases, so that props typed with the L2's interfaces fit `AppClientProps`.
 */
export type LineUserPool = cognitoRefs.IUserPoolRef;

/** The type of `AppClientAnalytics.role`: `IRoleRef`, as aws-cdk-lib's `AnalyticsConfiguration.role` on this line's releases. */
export type LineRole = iamRefs.IRoleRef;
