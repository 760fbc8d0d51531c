import { Client } from './private/client';
import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { Int, Str, isUnknown, present, show } from './private/values';
import { Severity } from './types';

/** Seconds per unit of TokenValidityUnits. */
export const UNIT_SECONDS: { readonly [unit: string]: number } = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
const UNITS = ['seconds', 'minutes', 'hours', 'days'];

interface TokenKind {
  /** The field of TokenValidityUnits. */
  readonly unit: 'AccessToken' | 'IdToken' | 'RefreshToken';
  /** The validity property. */
  readonly value: 'AccessTokenValidity' | 'IdTokenValidity' | 'RefreshTokenValidity';
  readonly label: string;
  readonly defaultUnit: string;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  readonly range: string;
  readonly rawMin: number;
  readonly rawMax: number;
}

const TOKENS: TokenKind[] = [
  { unit: 'AccessToken', value: 'AccessTokenValidity', label: 'access token', defaultUnit: 'hours', minSeconds: 300, maxSeconds: 86400, range: '5 minutes to 1 day', rawMin: 1, rawMax: 86400 },
  { unit: 'IdToken', value: 'IdTokenValidity', label: 'ID token', defaultUnit: 'hours', minSeconds: 300, maxSeconds: 86400, range: '5 minutes to 1 day', rawMin: 1, rawMax: 86400 },
  { unit: 'RefreshToken', value: 'RefreshTokenValidity', label: 'refresh token', defaultUnit: 'days', minSeconds: 3600, maxSeconds: 315360000, range: '60 minutes to 10 years (3650 days)', rawMin: 0, rawMax: 315360000 },
];

/** The refresh lifetime the service uses when RefreshTokenValidity is absent or 0. */
const DEFAULT_REFRESH_SECONDS = 30 * 86400;

/** The unit a validity is read in: the literal unit, the default when absent, undefined when unknown or invalid. */
function unitOf(c: Client, t: TokenKind): string | undefined {
  const u: Str | undefined = c.Units[t.unit];
  if (u === undefined) return t.defaultUnit;
  return typeof u === 'string' && UNITS.includes(u) ? u : undefined;
}

function inRange(t: TokenKind, v: number, unit: string): boolean {
  const s = v * UNIT_SECONDS[unit];
  return s >= t.minSeconds && s <= t.maxSeconds;
}

function unitNote(c: Client, t: TokenKind, unit: string): string {
  return c.Units[t.unit] === undefined ? `${unit}, the default unit` : `${unit}, from TokenValidityUnits.${t.unit}`;
}

/** Out of range in the default unit, but in range in another: the default unit was not intended. */
function meantAnotherUnit(t: TokenKind, v: number): string | undefined {
  if (inRange(t, v, t.defaultUnit)) return undefined;
  return UNITS.find((u) => u !== t.defaultUnit && inRange(t, v, u));
}

/** The service's default lifetimes, in seconds, when a validity is absent (or 0 for refresh tokens). */
const DEFAULT_SECONDS = { AccessToken: 3600, IdToken: 3600, RefreshToken: DEFAULT_REFRESH_SECONDS };

/**
 * The lifetime a token surely gets, in seconds, service defaults included; undefined when a value
 * or unit is unresolved or invalid.
 */
export function lifetimeSeconds(c: Client, token: 'AccessToken' | 'IdToken' | 'RefreshToken'): number | undefined {
  const t = TOKENS[token === 'AccessToken' ? 0 : token === 'IdToken' ? 1 : 2];
  const v = c[t.value];
  if (v === undefined || (token === 'RefreshToken' && v === 0)) return DEFAULT_SECONDS[token];
  const unit = unitOf(c, t);
  return typeof v === 'number' && unit !== undefined ? v * UNIT_SECONDS[unit] : undefined;
}

export const TOKEN_RULES: Rule[] = [
  {
    id: 'token-validity-range',
    severity: Severity.ERROR,
    title: 'Token lifetimes are within the service limits (access and ID: 5 minutes to 1 day; refresh: 60 minutes to 10 years)',
    source: SOURCES.TVU,
    fix: 'Choose a lifetime within the limits; set the value and its TokenValidityUnits entry together.',
    needs: ['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity'],
    check(c, emit) {
      for (let i = 0; i < TOKENS.length; i++) {
        const t = TOKENS[i];
        const v = c[t.value];
        if (typeof v !== 'number' || (t.unit === 'RefreshToken' && v === 0)) continue;
        const unit = unitOf(c, t);
        if (unit !== undefined) {
          if (!inRange(t, v, unit)) {
            emit(t.value, `${v} (${unitNote(c, t, unit)})`,
              `that is ${v * UNIT_SECONDS[unit]} seconds; the ${t.label} lifetime must be ${t.range}. Cognito answers "Invalid range for token validity."`,
              `Set ${t.value} and TokenValidityUnits.${t.unit} to a lifetime of ${t.range}.`);
          }
        } else if (!UNITS.some((u) => inRange(t, v, u))) {
          emit(t.value, `${v} (unit unknown)`, `no unit makes that a ${t.label} lifetime of ${t.range}.`,
            `Set ${t.value} and TokenValidityUnits.${t.unit} to a lifetime of ${t.range}.`);
        }
      }
    },
  },
  {
    id: 'token-validity-raw-bounds',
    severity: Severity.ERROR,
    title: 'Token validity numbers are integers within the API bounds (access and ID 1..86400, refresh 0..315360000)',
    source: SOURCES.API,
    fix: 'Use a positive integer within the bounds, together with the matching TokenValidityUnits entry.',
    needs: ['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity'],
    check(c, emit) {
      for (let i = 0; i < TOKENS.length; i++) {
        const t = TOKENS[i];
        const v = c[t.value];
        if (typeof v === 'number' && (v < t.rawMin || v > t.rawMax)) {
          emit(t.value, show(v), `the API accepts ${t.rawMin} to ${t.rawMax} for ${t.value}.`);
        }
      }
    },
  },
  {
    id: 'token-refresh-zero',
    severity: Severity.WARNING,
    title: 'RefreshTokenValidity 0 is silently replaced by the default of 30 days',
    source: SOURCES.API,
    fix: 'Set the refresh token lifetime you want (60 minutes to 10 years), e.g. 30 with TokenValidityUnits.RefreshToken "days".',
    needs: ['RefreshTokenValidity'],
    check(c, emit) {
      if (c.RefreshTokenValidity === 0) {
        emit('RefreshTokenValidity', '0', 'Cognito does not accept 0 as "no expiry": it silently uses the default of 30 days instead (and the CloudFormation schema sets a minimum of 1).');
      }
    },
  },
  {
    id: 'token-refresh-not-shorter',
    severity: Severity.WARNING,
    title: 'Access and ID tokens do not outlive the refresh token',
    source: SOURCES.DG_REFRESH,
    fix: 'Make the access and ID token lifetimes shorter than or equal to the refresh token lifetime.',
    needs: ['AccessTokenValidity', 'IdTokenValidity'],
    check(c, emit) {
      const r: Int | undefined = c.RefreshTokenValidity;
      const refreshSeconds = lifetimeSeconds(c, 'RefreshToken');
      if (refreshSeconds === undefined) return;
      for (let i = 0; i < 2; i++) { // access and ID tokens
        const t = TOKENS[i];
        const v = c[t.value];
        const unit = unitOf(c, t);
        if (typeof v !== 'number' || unit === undefined) continue;
        const s = v * UNIT_SECONDS[unit];
        if (s > refreshSeconds) {
          emit(t.value, `${v} (${unitNote(c, t, unit)})`,
            `the ${t.label} would live ${s} seconds, longer than the refresh token (${refreshSeconds} seconds${r === undefined || r === 0 ? ', the 30-day default' : ''}).`);
        }
      }
    },
  },
  {
    id: 'token-units-enum',
    severity: Severity.ERROR,
    title: 'TokenValidityUnits values are seconds, minutes, hours or days',
    source: SOURCES.TVU,
    fix: 'Use one of seconds, minutes, hours or days (lower case).',
    needs: ['TokenValidityUnits'],
    check(c, emit) {
      for (let i = 0; i < TOKENS.length; i++) {
        const t = TOKENS[i];
        const u = c.Units[t.unit];
        if (typeof u === 'string' && !UNITS.includes(u)) {
          emit(`TokenValidityUnits.${t.unit}`, show(u), 'the allowed values are seconds, minutes, hours and days, in lower case.');
        }
      }
    },
  },
  {
    id: 'token-unit-without-value',
    severity: Severity.WARNING,
    title: 'Each token validity and its unit are set together',
    source: SOURCES.TVU,
    fix: 'Set each *TokenValidity together with its TokenValidityUnits entry.',
    needs: ['TokenValidityUnits', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity'],
    check(c, emit) {
      for (let i = 0; i < TOKENS.length; i++) {
        const t = TOKENS[i];
        const u = c.Units[t.unit];
        const v = c[t.value];
        if (present(u) && v === undefined) {
          emit(`TokenValidityUnits.${t.unit}`, show(u), `${t.value} is not set, so the unit has no effect and the ${t.label} keeps its default lifetime.`,
            `Set ${t.value}, or remove TokenValidityUnits.${t.unit}.`);
        } else if (u === undefined && present(v)) {
          const units = c.TokenValidityUnits;
          if (units !== undefined && !isUnknown(units)) {
            emit(t.value, show(v), `TokenValidityUnits has no ${t.unit} entry, so the value is read in ${t.defaultUnit}, the default unit.`,
              `Add TokenValidityUnits.${t.unit} with the unit you mean.`);
          } else if (units === undefined && typeof v === 'number') {
            const meant = meantAnotherUnit(t, v);
            if (meant) {
              emit(t.value, show(v), `without TokenValidityUnits the value is read in ${t.defaultUnit}, which is out of range; it looks like ${meant} were meant.`,
                `Add TokenValidityUnits: { ${t.unit}: "${meant}" }.`);
            }
          }
        }
      }
    },
  },
  {
    id: 'auth-session-validity-range',
    severity: Severity.ERROR,
    title: 'AuthSessionValidity is 3 to 15 minutes',
    source: SOURCES.API,
    fix: 'Set AuthSessionValidity to a whole number of minutes from 3 to 15.',
    needs: ['AuthSessionValidity'],
    check(c, emit) {
      const v = c.AuthSessionValidity;
      if (typeof v === 'number' && (v < 3 || v > 15)) {
        emit('AuthSessionValidity', `${show(v)} (minutes)`, 'the authentication session must last 3 to 15 minutes.');
      }
    },
  },
];
