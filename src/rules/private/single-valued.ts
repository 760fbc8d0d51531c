import { intrinsicName, isNoValue, isPlainObject } from './values';

/**
 * Intrinsics with exactly one possible value (issue 21): `Fn::Select` with a literal index into a
 * list whose items up to it surely exist, `Fn::Split` of a literal string, and `Fn::FindInMap` with
 * literal keys into the template's own `Mappings` (with the `DefaultValue` of
 * AWS::LanguageExtensions when the keys are missing). `Fn::Join` of literals is joined where strings
 * are read (values.ts). Each is reduced here to the raw value it yields, which the value model then
 * reads as if it were written there, so every rule checks it as it checks a literal.
 *
 * Anything else stays open (`OPEN`): an index or key that is not literal (`Ref AWS::Region`), an
 * index out of range, a missing mapping entry without a default (CloudFormation would reject the
 * template; that is not invented here), or no template at all (`ClientRules.check` has no Mappings).
 *
 * Docs: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-select.html,
 * …/intrinsic-function-reference-split.html, …/intrinsic-function-reference-findinmap.html (and
 * …/intrinsic-function-reference-findinmap-enhancements.html for `DefaultValue`).
 */

/** Not single-valued, or not known: the value is read as unresolved. */
export const OPEN: unique symbol = Symbol('open');

/** How the reducer reads the arguments of an intrinsic (values.ts gives these). */
export interface Operands {
  /** The template's `Mappings` (undefined without a template). */
  readonly mappings: unknown;
  /** The literal string an argument surely is, or undefined. */
  text(v: unknown): string | undefined;
  /** The raw list an argument surely is (a literal list, or one an intrinsic yields), or undefined. */
  list(v: unknown): ReadonlyArray<unknown> | undefined;
}

/** The intrinsics this file reduces. */
export function isSingleValuedForm(name: string): boolean {
  return name === 'Fn::Select' || name === 'Fn::Split' || name === 'Fn::FindInMap';
}

const INDEX = /^\d{1,9}$/;

/**
 * The raw value `{ name: arg }` yields (a string, a number, a list, or another intrinsic to read
 * in turn), or OPEN.
 *
 * @param name one of the forms of `isSingleValuedForm`
 * @param arg its argument
 * @param ops how to read the arguments
 */
export function reduceSingleValued(name: string, arg: unknown, ops: Operands): unknown {
  if (name === 'Fn::Select') return select(arg, ops);
  if (name === 'Fn::Split') return split(arg, ops);
  if (name === 'Fn::FindInMap') return findInMap(arg, ops);
  return OPEN;
}

function select(arg: unknown, ops: Operands): unknown {
  if (!Array.isArray(arg) || arg.length !== 2) return OPEN;
  const index = ops.text(arg[0]);
  if (index === undefined || !INDEX.test(index)) return OPEN;
  const i = Number(index);
  const list = ops.list(arg[1]);
  if (list === undefined || i >= list.length) return OPEN;
  // An item that may vanish (AWS::NoValue, an Fn::If that may yield it) moves the ones after it.
  for (let k = 0; k <= i; k++) {
    const item = list[k];
    if (isNoValue(item) || intrinsicName(item) === 'Fn::If') return OPEN;
  }
  return list[i];
}

function split(arg: unknown, ops: Operands): unknown {
  if (!Array.isArray(arg) || arg.length !== 2) return OPEN;
  const delimiter = arg[0];
  if (typeof delimiter !== 'string' || delimiter === '') return OPEN;
  const source = ops.text(arg[1]);
  return source === undefined ? OPEN : source.split(delimiter);
}

function own(o: unknown, key: string): unknown {
  return isPlainObject(o) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

function findInMap(arg: unknown, ops: Operands): unknown {
  if (!Array.isArray(arg) || (arg.length !== 3 && arg.length !== 4)) return OPEN;
  if (ops.mappings === undefined) return OPEN;
  const map = ops.text(arg[0]);
  const top = map === undefined ? undefined : ops.text(arg[1]);
  const second = top === undefined ? undefined : ops.text(arg[2]);
  if (second === undefined) return OPEN;
  const value = own(own(own(ops.mappings, map!), top!), second);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value;
  if (value !== undefined) return OPEN; // not a mapping value
  const options = arg.length === 4 ? arg[3] : undefined;
  if (isPlainObject(options) && Object.prototype.hasOwnProperty.call(options, 'DefaultValue')) return options.DefaultValue;
  return OPEN; // CloudFormation rejects a missing key without a default: not decided here
}
