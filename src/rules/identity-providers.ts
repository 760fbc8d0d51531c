import { eachLiteralAt, itemPath } from './private/client';
import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { ClientContext, IdpInfo } from './private/template-index';
import { isList, lengthOutside, show } from './private/values';
import { Severity } from './types';

/**
 * The built-in providers, by their names in lower case, and the short names people write for two of
 * them (`Apple`, `Amazon`). Built-in names are case-sensitive (CreateUserPoolClient).
 */
const BUILTIN_BY_LOWER_CASE: { readonly [lower: string]: string } = {
  google: 'Google',
  facebook: 'Facebook',
  signinwithapple: 'SignInWithApple',
  apple: 'SignInWithApple',
  loginwithamazon: 'LoginWithAmazon',
  amazon: 'LoginWithAmazon',
};

/** The built-in provider name `name` is a misspelling of (`GOOGLE` → `Google`), or undefined. */
export function builtinSpelling(name: string): string | undefined {
  if (name === 'COGNITO') return undefined; // the common case, without a lower-case copy
  const builtin = BUILTIN_BY_LOWER_CASE[name.toLowerCase()];
  return builtin !== undefined && builtin !== name ? builtin : undefined;
}

/** The pool is visible, and so is every identity provider that could be on it, each with a literal name. */
export function idpsDecided(ctx: ClientContext): boolean {
  return ctx.pool !== undefined && ctx.complete && ctx.idps.every(idpNamed);
}

function idpNamed(p: IdpInfo): boolean {
  return typeof p.name === 'string';
}

/** A character outside `[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]`: control and format characters. */
const IDP_BAD_CHAR = /[^\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]/u;

export const IDENTITY_PROVIDER_RULES: Rule[] = [
  {
    id: 'idp-name-format',
    severity: Severity.ERROR,
    title: 'SupportedIdentityProviders names are 1 to 32 characters without control characters',
    source: SOURCES.API,
    fix: 'Use the provider name exactly as registered on the pool (COGNITO, Google, Facebook, SignInWithApple, LoginWithAmazon, or your SAML/OIDC provider name, 1 to 32 characters).',
    needs: ['SupportedIdentityProviders'],
    check(c, emit) {
      const l = c.SupportedIdentityProviders;
      if (!isList(l)) return;
      for (let i = 0; i < l.items.length; i++) {
        const v = l.items[i];
        if (typeof v !== 'string') continue;
        const n = lengthOutside(v, 1, 32);
        if (n !== undefined) emit(itemPath('SupportedIdentityProviders', l.indexes[i]), show(v), `a provider name is 1 to 32 characters long; this one is ${n}.`);
        const bad = IDP_BAD_CHAR.exec(v);
        if (bad) emit(itemPath('SupportedIdentityProviders', l.indexes[i]), show(v), `it contains ${show(bad[0])}, which a provider name cannot contain.`);
      }
    },
  },
  {
    id: 'idp-builtin-case',
    severity: Severity.WARNING,
    title: 'Built-in identity providers are spelled exactly (Google, Facebook, SignInWithApple, LoginWithAmazon)',
    source: SOURCES.API,
    fix: 'Write the built-in provider name exactly: Google, Facebook, SignInWithApple or LoginWithAmazon.',
    needs: ['SupportedIdentityProviders'],
    check(c, emit, ctx) {
      // With the pool's providers visible, idp-exists decides.
      if (ctx && idpsDecided(ctx)) return;
      eachLiteralAt(c, 'SupportedIdentityProviders', (name, at) => {
        const builtin = builtinSpelling(name);
        if (builtin === undefined || ctx?.idps.some((p) => p.name === name) || ctx?.registered.identityProviders.includes(name)) return;
        emit(itemPath('SupportedIdentityProviders', at), show(name), `built-in provider names are case-sensitive, and ${name} is not one: unless the pool has a provider named exactly ${name}, Cognito answers "The provider ${name} does not exist for User Pool".`,
          `Write ${builtin}.`);
      });
    },
  },
];
