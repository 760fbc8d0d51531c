import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { intrinsicName, isNoValue, show } from './private/values';
import { Severity } from './types';

/**
 * Why a client's Properties object cannot be read, or undefined when it can: the whole object is an
 * intrinsic other than `Fn::If` (typically `Fn::Transform`, a macro that writes the properties at
 * deploy time), or it has an `Fn::Transform` key beside its properties. A CDK token (`IResolvable`)
 * counts as unreadable too.
 */
export function unreadableReason(properties: { [key: string]: unknown }): { value: string; why: string } | 'conditional' | undefined {
  const name = intrinsicName(properties);
  const macro = properties['Fn::Transform'];
  // A macro in one branch of a condition only: each branch is checked on its own.
  if (name === undefined && intrinsicName(macro) === 'Fn::If') return 'conditional';
  if (name === 'Fn::Transform' || (macro !== undefined && !isNoValue(macro))) {
    return { value: show({ 'Fn::Transform': name === undefined ? macro : properties['Fn::Transform'] }), why: 'a macro (Fn::Transform) writes the properties at deploy time, so the client cannot be checked before then; no other rule ran on it.' };
  }
  if (name !== undefined && name !== 'Fn::If') {
    return { value: show(properties), why: `${name} gives the properties only at deploy time, so the client cannot be checked before then; no other rule ran on it.` };
  }
  if (typeof (properties as { resolve?: unknown }).resolve === 'function') {
    return { value: '(a token)', why: 'the properties are a token resolved only at synthesis, so the client cannot be checked here; no other rule ran on it.' };
  }
  return undefined;
}

/**
 * The rule for clients whose properties cannot be read: one finding says so (the engine reports it,
 * and runs no other rule on that client).
 */
export const UNREADABLE_RULE: Rule = {
  id: 'client-not-checkable',
  severity: Severity.WARNING,
  title: 'The client\'s properties can be read before deployment (not written by a macro)',
  source: SOURCES.CFN_TRANSFORM,
  fix: 'Write the client\'s properties in the template (or check the template the macro produces, e.g. from the change set\'s processed template).',
  check(c, emit) {
    // Properties that cannot be read at all are reported by the engine before any rule reads them
    // (see ClientRules); here, each value whose reading reached a bound (values.ts) is said.
    const unchecked = c.unchecked;
    for (let i = 0; i < unchecked.length; i++) {
      const u = unchecked[i];
      emit(u.path, show(u.value), u.why, 'Write the value with fewer nested intrinsic functions (as plain data, e.g. JSON.parse(JSON.stringify(value)), when it refers to itself).');
    }
  },
};
