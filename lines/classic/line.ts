/**
 * The classic line's `src/private/line.ts` (`cdk-cognito-app-client-classic`, compiled against
 * aws-cdk-lib 2.100.0, for aws-cdk-lib 2.100.0 to 2.234.x): `npx projen classic` builds the
 * library's source with this file in that one's place. On these releases `IUserPoolClient` has no
 * `userPoolClientRef` (the library's own `AppClientReference` stands in for JavaScript callers) and
 * validation plugins are `IPolicyValidationPluginBeta1`.
 */
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { AppClientReference } from '../app-client';

export type {
  IPolicyValidationContextBeta1 as LineValidationContext,
  IPolicyValidationPluginBeta1 as LineValidationPlugin,
  PolicyValidationPluginReportBeta1 as LineValidationReport,
  PolicyViolationBeta1 as LineViolation,
} from 'aws-cdk-lib';

/** What `userPoolClientRef` returns on this line: the library's own reference. */
export type LineClientReference = AppClientReference;

/**
 * The type of `AppClientProps.userPool`: `IUserPool`, as aws-cdk-lib's `UserPoolClientProps.userPool`
 * on this line's releases (`IUserPoolRef` does not exist on 2.100).
 */
export type LineUserPool = IUserPool;

/**
 * The type of `AppClientAnalytics.role`: `IRole` (`IRoleRef` does not exist on 2.100; aws-cdk-lib's
 * `AnalyticsConfiguration.role` is `IRoleRef` on the releases of this line that have it, so an object
 * typed with it needs `AppClientAnalytics`: the codemod retypes it).
 */
export type LineRole = IRole;
