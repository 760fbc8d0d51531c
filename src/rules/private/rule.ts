import { Client } from './client';
import { ClientContext } from './template-index';
import { Severity } from '../types';

/**
 * Reports one violation: the property path, the value as shown to the user, why it is wrong,
 * and optionally a fix specific to this value (the rule's own fix otherwise).
 */
export type Emit = (property: string, value: string, why: string, fix?: string) => void;

/**
 * A rule of the catalog: its metadata, and a pure function of one client's properties.
 */
export interface Rule {
  /** The catalog id, spelled exactly as in the catalog. */
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  /** The documentation page or issue thread the rule comes from. */
  readonly source: string;
  /** The general fix, used when a finding gives none of its own. */
  readonly fix: string;
  /**
   * Reads the client and reports each violation; never fails on what an unresolved value could satisfy.
   * `context` is the client's surroundings when it is checked in a template: a rule that another rule
   * decides when the surroundings are visible reads it to step aside.
   */
  readonly check: (client: Client, emit: Emit, context?: ClientContext) => void;
}
