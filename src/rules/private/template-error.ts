/**
 * A template that cannot be checked (its `Resources` is not an object).
 */
export class InvalidTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTemplateError';
    this.stack = `${this.name}: ${message}`;
  }
}
