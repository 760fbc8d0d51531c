import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { codePoints, isUnknown, present, show } from './private/values';
import { Severity } from './types';

/** ArnType of the API model. */
const ARN = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
const HEX = /^[0-9a-fA-F]+$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export const ANALYTICS_RULES: Rule[] = [
  {
    id: 'analytics-exclusive',
    severity: Severity.WARNING,
    title: 'AnalyticsConfiguration uses either ApplicationArn or ApplicationId with RoleArn and ExternalId',
    source: SOURCES.ANALYTICS,
    fix: 'Keep only ApplicationArn, or only ApplicationId with RoleArn and ExternalId.',
    needs: ['AnalyticsConfiguration'],
    check(c, emit) {
      const a = c.Analytics;
      if (!present(a.ApplicationArn)) return;
      const others = (['ApplicationId', 'RoleArn', 'ExternalId'] as const).filter((k) => present(a[k]));
      if (others.length) {
        emit('AnalyticsConfiguration.ApplicationArn', show(a.ApplicationArn), `ApplicationArn is given together with ${others.join(', ')}; the two configurations are exclusive.`);
      }
    },
  },
  {
    id: 'analytics-id-complete',
    severity: Severity.WARNING,
    title: 'ApplicationId comes with RoleArn and ExternalId',
    source: SOURCES.ANALYTICS,
    fix: 'Add RoleArn and ExternalId, or use ApplicationArn instead of ApplicationId.',
    needs: ['AnalyticsConfiguration'],
    check(c, emit) {
      const a = c.Analytics;
      if (!present(a.ApplicationId)) return;
      for (const k of ['RoleArn', 'ExternalId'] as const) {
        if (a[k] === undefined) emit(`AnalyticsConfiguration.${k}`, '(absent)', `ApplicationId ${show(a.ApplicationId)} is given without ${k}.`);
      }
    },
  },
  {
    id: 'analytics-target-required',
    severity: Severity.WARNING,
    title: 'AnalyticsConfiguration names a Pinpoint project',
    source: SOURCES.ANALYTICS,
    fix: 'Give ApplicationArn, or ApplicationId with RoleArn and ExternalId, or remove AnalyticsConfiguration.',
    needs: ['AnalyticsConfiguration'],
    check(c, emit) {
      const ac = c.AnalyticsConfiguration;
      if (ac === undefined || isUnknown(ac)) return;
      if (c.Analytics.ApplicationArn === undefined && c.Analytics.ApplicationId === undefined) {
        emit('AnalyticsConfiguration', show(ac), 'it has neither ApplicationArn nor ApplicationId.');
      }
    },
  },
  {
    id: 'analytics-formats',
    severity: Severity.ERROR,
    title: 'Analytics ids and ARNs are well formed',
    source: SOURCES.ANALYTICS,
    fix: 'Reference the Pinpoint project and IAM role (e.g. Fn::GetAtt) instead of writing ids and ARNs by hand.',
    needs: ['AnalyticsConfiguration'],
    check(c, emit) {
      const a = c.Analytics;
      if (typeof a.ApplicationId === 'string' && !HEX.test(a.ApplicationId)) {
        emit('AnalyticsConfiguration.ApplicationId', show(a.ApplicationId), 'a Pinpoint project id is hexadecimal.');
      }
      for (const k of ['ApplicationArn', 'RoleArn'] as const) {
        const v = a[k];
        if (typeof v !== 'string') continue;
        const n = codePoints(v);
        if (n < 20 || n > 2048) emit(`AnalyticsConfiguration.${k}`, show(v), `an ARN is 20 to 2048 characters long; this one is ${n}.`);
        else if (!ARN.test(v)) emit(`AnalyticsConfiguration.${k}`, show(v), 'it is not an ARN (arn:partition:service:region:account:resource).');
      }
      if (typeof a.ExternalId === 'string' && a.ExternalId.length > 131072) {
        emit('AnalyticsConfiguration.ExternalId', show(a.ExternalId), 'the external id is at most 131072 characters long.');
      }
    },
  },
  {
    id: 'analytics-region',
    severity: Severity.WARNING,
    title: 'The Pinpoint project is in the user pool\'s region',
    source: SOURCES.DG_PINPOINT,
    fix: 'Use a Pinpoint project in the user pool\'s region, or ApplicationId with a supported region mapping.',
    needs: ['AnalyticsConfiguration'],
    check(c, emit) {
      const arn = c.Analytics.ApplicationArn;
      const pool = c.UserPoolId;
      if (typeof arn !== 'string' || typeof pool !== 'string') return;
      const arnRegion = arn.split(':')[3];
      const poolRegion = pool.split('_')[0];
      if (arnRegion && REGION.test(poolRegion) && REGION.test(arnRegion) && arnRegion !== poolRegion) {
        emit('AnalyticsConfiguration.ApplicationArn', show(arn), `the project is in ${arnRegion} but the user pool is in ${poolRegion}; ApplicationArn supports in-Region integrations only.`);
      }
    },
  },
  {
    id: 'analytics-pinpoint-eol',
    severity: Severity.WARNING,
    title: 'No AnalyticsConfiguration: Amazon Pinpoint reached end of support on 2026-10-30',
    source: SOURCES.PINPOINT_EOL,
    fix: 'Remove AnalyticsConfiguration and move user-activity analytics to another service.',
    needs: ['AnalyticsConfiguration'],
    check(c, emit) {
      const ac = c.AnalyticsConfiguration;
      if (present(ac)) emit('AnalyticsConfiguration', show(ac), 'Amazon Pinpoint reached end of support on 2026-10-30; the analytics target is no longer accessible.');
    },
  },
];
