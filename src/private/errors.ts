/**
 * The errors the library throws itself (not the rule findings, which carry their rule id). jsii
 * hands other languages one error type, so every message starts with its code in brackets,
 * `[code] ...`: catch the language's jsii error and test the code (README, "Errors"). The table is
 * the one list of codes; the README's table is checked against it.
 */
export const ERROR_CODES = {
  'invalid-props': 'An AppClient\'s props are invalid; each problem follows on its own line with its own code.',
  'user-pool-required': 'userPool is not a user pool.',
  'secret-not-generated': 'userPoolClientSecret was read on a client without generateSecret: true.',
  'secret-not-imported': 'userPoolClientSecret was read on an imported client.',
  'user-pool-id-not-imported': 'The user pool id of a client imported without it was used in the app (the value fails when it is resolved).',
  'sign-in-url-flow': 'signInUrl was called on a client without the authorization code or implicit grant.',
  'invalid-policy': 'A client policy (object or file) is invalid; each problem follows on its own line.',
  'cdk-nag-missing': 'AppClientChecks was created but cdk-nag is not installed, or is not a cdk-nag it supports.',
  'pack-option': 'An AppClientChecks option is one the installed cdk-nag major does not have, or not of the type cdk-nag takes; each problem follows on its own line.',
  'pack-registration': 'AppClientChecks was registered the way the other cdk-nag major registers packs, or (cdk-nag 2) created with an app and never added.',
} as const;

/** A code of `ERROR_CODES`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * An error of the library: its message starts with `[code]`, then names the construct path or
 * source, the prop, the value and the fix. It carries no stack trace from inside the library,
 * since the message already says where the problem is.
 */
export class LibraryError extends Error {
  constructor(public readonly code: ErrorCode, text: string, name = 'LibraryError') {
    super(`[${code}] ${text}`);
    this.name = name;
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** An error in how an `AppClient` is configured or used. */
export class AppClientError extends LibraryError {
  constructor(code: ErrorCode, text: string) {
    super(code, text, 'AppClientError');
  }
}
