import { AttachmentRule, BRANDING, CLIENT_SESSION, TERMS, describeLink, differentLink, topOf } from './private/attachments';
import { Severity } from './types';

const API_REF = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference';

const NAMES = { 'branding': 'a managed login style', 'terms': 'a terms document', 'client-session': 'a client session setting' };

/** Rules about how an attached resource names its client and pool. */
export const ATTACHMENT_CLIENT_ID_RULE: AttachmentRule = {
  id: 'attachment-client-id',
  severity: Severity.ERROR,
  title: 'A managed login style or terms document names its app client (ClientId)',
  source: `${API_REF}/API_CreateTerms.html`,
  fix: 'Set ClientId to the client (e.g. { "Ref": "<client logical id>" }).',
  reads: [BRANDING, TERMS],
  reportsOn: 'attachment',
  check(model, emit) {
    for (const a of [...topOf(model, 'branding'), ...topOf(model, 'terms')]) {
      if (a.client === undefined) {
        emit(a.logicalId, 'ClientId', '(absent)', `CloudFormation leaves ClientId optional, but Cognito needs the client of ${NAMES[a.kind]} (ValidationException).`);
      }
    }
  },
};

export const ATTACHMENT_POOL_RULE: AttachmentRule = {
  id: 'attachment-pool-mismatch',
  severity: Severity.ERROR,
  title: 'A managed login style, terms document or client session setting is on its client\'s user pool',
  source: `${API_REF}/API_CreateTerms.html`,
  fix: 'Give the resource the UserPoolId of its client\'s pool.',
  reads: [BRANDING, TERMS, CLIENT_SESSION],
  reportsOn: 'attachment',
  check(model, emit) {
    for (const a of model.attachments) {
      if (!a.top || a.unreadable || typeof a.client !== 'string' || !a.client.startsWith('client:')) continue;
      const client = model.clients.find((c) => `client:${c.logicalId}` === a.client);
      if (!client || !differentLink(a.pool, client.pool)) continue;
      emit(a.logicalId, 'UserPoolId', a.poolShown, `its client ${client.logicalId} is on ${describeLink(client.pool)}: Cognito looks for the client in the pool given here and answers ResourceNotFoundException.`);
    }
  },
};
