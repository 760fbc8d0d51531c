import { AttachmentRule, CLIENT_SESSION, POOL_SESSION, describeLink, differentLink, sameClientGroups, sameLink, topOf } from './private/attachments';
import { show } from './private/values';
import { Severity } from './types';

const API_REF = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference';
const CFN = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';
const MAX_MINUTES = 129_600;

export const SSO_SESSION_RULES: AttachmentRule[] = [
  {
    id: 'sso-session-range',
    severity: Severity.ERROR,
    title: 'A client\'s SSO session validity (SSOSession.MaxValidityMinutes) is a whole number of minutes from 0 to 129600 (90 days)',
    source: `${CFN}/aws-properties-cognito-userpoolclientsessionconfigurationattachment-ssosession.html`,
    fix: 'Set SSOSession.MaxValidityMinutes to a whole number of minutes from 0 (never reuse the session) to 129600 (90 days).',
    reads: [CLIENT_SESSION],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const s of topOf(model, 'client-session')) {
        if (s.SSOSession === undefined) {
          emit(s.logicalId, 'SSOSession', '(absent)', 'the attachment needs SSOSession with MaxValidityMinutes.');
        } else if (s.MaxValidityMinutes === undefined) {
          emit(s.logicalId, 'SSOSession.MaxValidityMinutes', '(absent)', 'it is required: the minutes a session is reused for, from 0 to 129600.');
        } else if (typeof s.MaxValidityMinutes === 'number' && (s.MaxValidityMinutes < 0 || s.MaxValidityMinutes > MAX_MINUTES)) {
          emit(s.logicalId, 'SSOSession.MaxValidityMinutes', show(s.MaxValidityMinutes), `it is outside 0..${MAX_MINUTES} minutes (90 days): Cognito rejects it (ValidationException).`);
        }
      }
    },
  },
  {
    id: 'sso-session-tier',
    severity: Severity.ERROR,
    title: 'A client session setting needs a pool on the Essentials tier or higher',
    source: `${API_REF}/API_SetUserPoolClientSessionConfiguration.html`,
    fix: 'Set the pool\'s UserPoolTier to ESSENTIALS or PLUS, or remove the client session attachment.',
    reads: [CLIENT_SESSION],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const s of topOf(model, 'client-session')) {
        const pool = typeof s.pool === 'string' ? model.pools.get(s.pool) : undefined;
        if (pool?.tier === 'LITE') {
          emit(s.logicalId, 'UserPoolId', s.poolShown, `user pool ${pool.logicalId} is on the LITE tier; client session settings need Essentials or higher (FeatureUnavailableInTierException).`);
        }
      }
    },
  },
  {
    id: 'sso-session-tracking',
    severity: Severity.WARNING,
    title: 'A client session setting is created after its pool turns session tracking on (UserSessionTracking ENABLED)',
    source: `${CFN}/aws-resource-cognito-userpoolclientsessionconfigurationattachment.html`,
    fix: 'Add an AWS::Cognito::UserPoolSessionConfigurationAttachment with UserSessionTracking: ENABLED on the pool, and make the client session attachment depend on it (DependsOn).',
    reads: [CLIENT_SESSION, POOL_SESSION],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const s of topOf(model, 'client-session')) {
        if (typeof s.pool !== 'string' || !model.pools.has(s.pool)) continue;
        const pool = model.pools.get(s.pool)!;
        // Every pool setting that may be on this pool must be decided.
        const onPool = model.poolSessions.filter((p) => !differentLink(p.pool, s.pool));
        if (onPool.some((p) => !sameLink(p.pool, s.pool) || (p.tracking !== undefined && typeof p.tracking !== 'string'))) continue;
        const enabling = onPool.filter((p) => p.tracking === 'ENABLED');
        if (enabling.length === 0) {
          if (!model.complete) continue;
          emit(s.logicalId, 'UserPoolId', s.poolShown, `no AWS::Cognito::UserPoolSessionConfigurationAttachment of this template turns session tracking on for ${describeLink(s.pool)} (UserSessionTracking: ENABLED), and the setting takes effect only while it is on.`);
        } else if (!enabling.some((p) => model.createdAfter(s.logicalId, p.anchor))) {
          const p = enabling[0];
          emit(s.logicalId, 'UserPoolId', s.poolShown, `${p.logicalId} turns session tracking on for user pool ${pool.logicalId}, but this attachment neither references nor DependsOn ${p.anchor}, so CloudFormation may set it while tracking is still off.`,
            `Add DependsOn: ${p.anchor} to ${s.logicalId}.`);
        }
      }
    },
  },
];

export const SSO_SESSION_PAIR_RULES: AttachmentRule[] = [
  {
    id: 'sso-session-one-per-client',
    severity: Severity.WARNING,
    title: 'At most one client session setting per app client',
    source: `${API_REF}/API_SetUserPoolClientSessionConfiguration.html`,
    fix: 'Keep one UserPoolClientSessionConfigurationAttachment per client.',
    reads: [CLIENT_SESSION],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const { member, others } of sameClientGroups(topOf(model, 'client-session'))) {
        emit(member.logicalId, 'ClientId', member.clientShown, `${others.map((o) => o.logicalId).join(', ')} also ${others.length === 1 ? 'sets' : 'set'} this client's session configuration; each replaces the other's, so the client ends with whichever CloudFormation applies last.`);
      }
    },
  },
];
