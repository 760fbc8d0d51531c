import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { codePoints, isList, show } from './private/values';
import { Severity } from './types';

/** A character outside `[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]`: control and format characters. */
const IDP_BAD_CHAR = /[^\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]/u;

export const IDENTITY_PROVIDER_RULES: Rule[] = [
  {
    id: 'idp-name-format',
    severity: Severity.ERROR,
    title: 'SupportedIdentityProviders names are 1 to 32 characters without control characters',
    source: SOURCES.API,
    fix: 'Use the provider name exactly as registered on the pool (COGNITO, Google, Facebook, SignInWithApple, LoginWithAmazon, or your SAML/OIDC provider name, 1 to 32 characters).',
    check(c, emit) {
      const l = c.SupportedIdentityProviders;
      if (!isList(l)) return;
      l.items.forEach((v, i) => {
        if (typeof v !== 'string') return;
        const path = `SupportedIdentityProviders[${l.indexes[i]}]`;
        const n = codePoints(v, 32);
        if (n < 1 || n > 32) emit(path, show(v), `a provider name is 1 to 32 characters long; this one is ${n}.`);
        const bad = IDP_BAD_CHAR.exec(v);
        if (bad) emit(path, show(v), `it contains ${show(bad[0])}, which a provider name cannot contain.`);
      });
    },
  },
];
