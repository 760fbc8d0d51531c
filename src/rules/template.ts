import { Finding } from './types';
import type { ClientPolicy } from '../policy/client-policy';

/**
 * A finding about one client of a template.
 */
export interface TemplateFinding extends Finding {
  /** The logical id of the `AWS::Cognito::UserPoolClient` resource. */
  readonly resource: string;
}

/**
 * Options of `ClientRules.checkTemplate`.
 */
export interface TemplateCheckOptions {
  /**
   * An organisation policy whose rules run too.
   *
   * @default - the documented rules only
   */
  readonly policy?: ClientPolicy;

  /**
   * The previously deployed template: changes that replace a client or that an update silently
   * resets or reinterprets are reported.
   *
   * @default - no comparison with a previous deployment
   */
  readonly previous?: { [key: string]: any };
}
