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

/** At most this many combinations of present properties keep their rule list (a hostile template cannot grow it further). */
const MAX_SELECTIONS = 256;

/**
 * The properties some rule needs, one bit each: a client's presence mask is read once and serves
 * every selector built on the same bits (the engine's per-client and context rules).
 */
export class PropertyBits {
  /** Bit i of a mask stands for names[i]. */
  private readonly names: ClientProperty[] = [];

  /** The bit of a property, given on first use; more properties than a mask holds are refused. */
  public bit(name: ClientProperty): number {
    let bit = this.names.indexOf(name);
    if (bit < 0) bit = this.names.push(name) - 1;
    if (this.names.length > 30) throw new Error(`RuleSelector: rules need ${this.names.length} properties; a mask holds 30`);
    // eslint-disable-next-line no-bitwise
    return 1 << bit;
  }

  /** Which of the properties are present on this client. */
  public maskOf(c: Client): number {
    const names = this.names;
    let present = 0;
    // eslint-disable-next-line no-bitwise
    for (let i = 0; i < names.length; i++) if (c[names[i]] !== undefined) present |= 1 << i;
    return present;
  }
}

/**
 * The rules of a list that may report on a client (`mayReport`), in the list's order: one test per
 * property some rule needs, then a rule list shared by every client with the same properties present.
 */
export class RuleSelector<R extends { readonly needs?: ReadonlyArray<ClientProperty> }> {
  /** Each rule's needs as a mask; -1 for a rule that always runs. */
  private readonly masks: number[];
  private readonly selections = new Map<number, ReadonlyArray<R>>();

  /**
   * @param rules the rules, in the order they run
   * @param bits the property bits, shared with other selectors so that a client's mask is read once
   */
  constructor(private readonly rules: ReadonlyArray<R>, public readonly bits: PropertyBits = new PropertyBits()) {
    this.masks = rules.map((r) => {
      if (r.needs === undefined) return -1;
      let mask = 0;
      // eslint-disable-next-line no-bitwise
      for (const name of r.needs) mask |= bits.bit(name);
      return mask;
    });
  }

  /** The rules to run on this client. */
  public select(c: Client): ReadonlyArray<R> {
    return this.selectPresent(this.bits.maskOf(c));
  }

  /** The rules to run on a client whose presence mask (`bits.maskOf`) is `present`. */
  public selectPresent(present: number): ReadonlyArray<R> {
    let list = this.selections.get(present);
    if (list === undefined) {
      // eslint-disable-next-line no-bitwise
      list = this.rules.filter((_r, i) => this.masks[i] === -1 || (this.masks[i] & present) !== 0);
      if (this.selections.size < MAX_SELECTIONS) this.selections.set(present, list);
    }
    return list;
  }
}

/** Reports one violation; `severity`, when given, replaces the rule's for this finding (a policy finding the template cannot decide is a warning). */
export type Emit = (property: string, value: string, why: string, fix?: string, severity?: Severity) => void;

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
   * so the engine skips it then (see `mayReport`). A rule that reports an absence may declare the
   * properties without which it cannot (oauth-callback-required needs AllowedOAuthFlows, since only
   * a code or implicit flow makes a missing callback URL wrong). test/rules/gating.test.ts checks
   * each rule that declares them. Absent: the rule always runs.
   */
  readonly needs?: ReadonlyArray<ClientProperty>;
  /**
   * Reads the client and reports each violation; never fails on what an unresolved value could satisfy.
   * `context` is the client's surroundings when it is checked in a template: a rule that another rule
   * decides when the surroundings are visible reads it to step aside.
   */
  readonly check: (client: Client, emit: Emit, context?: ClientContext) => void;
}
