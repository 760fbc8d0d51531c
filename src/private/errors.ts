/**
 * An error in how an `AppClient` is configured. Its message names the construct path, the prop,
 * the value, a code and the fix; it carries no stack trace from inside the library, since the
 * construct path already says where the problem is.
 */
export class AppClientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppClientError';
    this.stack = `${this.name}: ${message}`;
  }
}
