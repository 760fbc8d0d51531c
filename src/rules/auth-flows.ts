import { Client, eachLiteralAt, itemPath } from './private/client';
import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { List, isList, listEmpty, listLacks, show } from './private/values';
import { Severity } from './types';

/** Legacy ExplicitAuthFlows values: they cannot be mixed with ALLOW_* values. */
export const LEGACY_AUTH_FLOWS = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];
const ALLOW_AUTH_FLOWS = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH',
];
const REFRESH = 'ALLOW_REFRESH_TOKEN_AUTH';

function literalFlows(l: List): string[] {
  return l.items.filter((v): v is string => typeof v === 'string');
}

function isLegacy(f: unknown): boolean {
  return typeof f === 'string' && LEGACY_AUTH_FLOWS.includes(f);
}

function isAllow(f: unknown): boolean {
  return typeof f === 'string' && f.startsWith('ALLOW_');
}

/** Rotation surely not enabled: RefreshTokenRotation absent, or Feature absent or a literal other than ENABLED. */
function rotationSurelyOff(c: Client): boolean {
  return c.Feature === undefined || (typeof c.Feature === 'string' && c.Feature !== 'ENABLED');
}

export const AUTH_FLOW_RULES: Rule[] = [
  {
    id: 'auth-flows-enum',
    severity: Severity.ERROR,
    title: 'ExplicitAuthFlows values are known flows',
    source: SOURCES.API,
    fix: `Use only ${ALLOW_AUTH_FLOWS.join(', ')}.`,
    needs: ['ExplicitAuthFlows'],
    check(c, emit) {
      const l = c.ExplicitAuthFlows;
      if (!isList(l)) return;
      for (let i = 0; i < l.items.length; i++) {
        const flow = l.items[i];
        if (typeof flow === 'string' && !ALLOW_AUTH_FLOWS.includes(flow) && !LEGACY_AUTH_FLOWS.includes(flow)) {
          emit(itemPath('ExplicitAuthFlows', l.indexes[i]), show(flow), 'this is not an authentication flow Cognito knows (values are case-sensitive).');
        }
      }
    },
  },
  {
    id: 'auth-flows-legacy-mix',
    severity: Severity.ERROR,
    title: 'Legacy ExplicitAuthFlows values are not mixed with ALLOW_* values',
    source: SOURCES.API,
    fix: 'Replace the legacy values with their ALLOW_* equivalents (ADMIN_NO_SRP_AUTH → ALLOW_ADMIN_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH → ALLOW_USER_PASSWORD_AUTH, CUSTOM_AUTH_FLOW_ONLY → ALLOW_CUSTOM_AUTH).',
    needs: ['ExplicitAuthFlows'],
    check(c, emit) {
      const l = c.ExplicitAuthFlows;
      if (!isList(l)) return;
      // The lists are built only for a finding: first, whether there is a legacy value at all.
      if (!l.items.some(isLegacy)) return;
      const flows = literalFlows(l);
      const legacy = flows.filter((f) => LEGACY_AUTH_FLOWS.includes(f));
      const allow = flows.filter((f) => f.startsWith('ALLOW_'));
      if (legacy.length && allow.length) {
        emit('ExplicitAuthFlows', show(flows), `legacy values (${legacy.join(', ')}) cannot be used together with ALLOW_* values (${allow.join(', ')}).`);
      }
    },
  },
  {
    id: 'auth-flows-refresh-required',
    severity: Severity.WARNING,
    title: 'ALLOW_REFRESH_TOKEN_AUTH is in ExplicitAuthFlows unless refresh-token rotation is on',
    source: SOURCES.CDK_7625,
    fix: 'Add ALLOW_REFRESH_TOKEN_AUTH to ExplicitAuthFlows (or enable refresh-token rotation).',
    needs: ['ExplicitAuthFlows'],
    check(c, emit) {
      const l = c.ExplicitAuthFlows;
      if (!isList(l) || !l.items.some(isAllow)) return;
      if (listLacks(l, REFRESH) && rotationSurelyOff(c)) {
        emit('ExplicitAuthFlows', show(literalFlows(l)), 'without ALLOW_REFRESH_TOKEN_AUTH and without refresh-token rotation the client cannot refresh tokens, so users sign in again whenever the access token expires (Cognito rejected such lists in 2020 with "REFRESH_TOKEN_AUTH should always be allowed.", aws/aws-cdk#7625; a working deployment with one is documented in 2025).');
      }
    },
  },
  {
    id: 'auth-flows-rotation-no-refresh-auth',
    severity: Severity.ERROR,
    title: 'ALLOW_REFRESH_TOKEN_AUTH is not used with refresh-token rotation',
    source: SOURCES.DG_REFRESH,
    fix: 'Remove ALLOW_REFRESH_TOKEN_AUTH from ExplicitAuthFlows: with rotation, clients refresh through GetTokensFromRefreshToken.',
    // It reports only with Feature ENABLED: gated on the rarer of the two properties it reads.
    needs: ['RefreshTokenRotation'],
    check(c, emit) {
      if (c.Feature !== 'ENABLED') return;
      eachLiteralAt(c, 'ExplicitAuthFlows', (flow, at) => {
        if (flow === REFRESH) emit(itemPath('ExplicitAuthFlows', at), show(flow), 'refresh-token rotation is ENABLED, and rotation is not compatible with the REFRESH_TOKEN_AUTH flow.');
      });
    },
  },
  {
    id: 'auth-flows-rotation-defaults',
    severity: Severity.WARNING,
    title: 'ExplicitAuthFlows is given when refresh-token rotation is on',
    source: SOURCES.DG_REFRESH,
    fix: 'List the flows the client needs in ExplicitAuthFlows, without ALLOW_REFRESH_TOKEN_AUTH (e.g. ["ALLOW_USER_SRP_AUTH"]).',
    needs: ['RefreshTokenRotation'],
    check(c, emit) {
      if (c.Feature === 'ENABLED' && listEmpty(c.ExplicitAuthFlows)) {
        emit('ExplicitAuthFlows', '(absent)', 'rotation is ENABLED, but without ExplicitAuthFlows the default set applies, and it includes ALLOW_REFRESH_TOKEN_AUTH, which rotation does not allow.');
      }
    },
  },
  {
    id: 'auth-flows-legacy-deprecated',
    severity: Severity.WARNING,
    title: 'No legacy ExplicitAuthFlows values',
    source: SOURCES.API,
    fix: 'Use the ALLOW_* values instead (ADMIN_NO_SRP_AUTH → ALLOW_ADMIN_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH → ALLOW_USER_PASSWORD_AUTH, CUSTOM_AUTH_FLOW_ONLY → ALLOW_CUSTOM_AUTH) plus ALLOW_REFRESH_TOKEN_AUTH.',
    needs: ['ExplicitAuthFlows'],
    check(c, emit) {
      const l = c.ExplicitAuthFlows;
      if (!isList(l)) return;
      for (let i = 0; i < l.items.length; i++) {
        const flow = l.items[i];
        if (isLegacy(flow)) emit(itemPath('ExplicitAuthFlows', l.indexes[i]), show(flow), 'this legacy value is superseded by the ALLOW_* values.');
      }
    },
  },
];
