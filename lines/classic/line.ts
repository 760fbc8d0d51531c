/**
 * The classic line's `src/private/line.ts` (`cdk-cognito-app-client-classic`, compiled against
 * aws-cdk-lib 2.100.0, for aws-cdk-lib 2.100.0 to 2.234.x): `npx projen classic` builds the
 * library's source with this file in that one's place. On these releases `IUserPoolClient` has no
 * `userPoolClientRef` (the library's own `AppClientReference` stands in for JavaScript callers) and
 * validation plugins are `IPolicyValidationPluginBeta1`.
 */
import type { AppClientReference } from '../app-client';

export type {
  IPolicyValidationContextBeta1 as LineValidationContext,
  IPolicyValidationPluginBeta1 as LineValidationPlugin,
  PolicyValidationPluginReportBeta1 as LineValidationReport,
  PolicyViolationBeta1 as LineViolation,
} from 'aws-cdk-lib';

/** What `userPoolClientRef` returns on this line: the library's own reference. */
export type LineClientReference = AppClientReference;
