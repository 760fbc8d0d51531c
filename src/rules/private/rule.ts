import { Client } from './client';
import { ClientContext } from './template-index';
import { Severity } from '../types';

/**
 * Reports one violation: the property path, the value as shown to the user, why it is wrong,
 * and optionally a fix specific to this value (the rule's own fix otherwise).
 */
/** A property of the client as the rules read it. */
export type ClientProperty = keyof Client;

/** Whether a rule that `needs` these properties can report anything on this client: one of them is present. */
export function mayReport(c: Client, needs: ReadonlyArray<ClientProperty> | undefined): boolean {
  if (needs === undefined) return true;
  for (let i = 0; i < needs.length; i++) if (c[needs[i]] !== undefined) return true;
  return false;
}

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
   * The properties the rule reads to find anything: it cannot report when none of them is present,
   * so the engine skips it then (see `mayReport`). Only for rules that never report an absence;
   * test/rules/gating.test.ts checks each rule that declares them. Absent: the rule always runs.
   */
  readonly needs?: ReadonlyArray<ClientProperty>;
  /**
   * Reads the client and reports each violation; never fails on what an unresolved value could satisfy.
   * `context` is the client's surroundings when it is checked in a template: a rule that another rule
   * decides when the surroundings are visible reads it to step aside.
   */
  readonly check: (client: Client, emit: Emit, context?: ClientContext) => void;
}
