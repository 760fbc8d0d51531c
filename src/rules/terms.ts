import { AttachmentRule, TERMS, Terms, differentLink, sameClientGroups, sameLink, topOf } from './private/attachments';
import { CONTROL, isUnknown, show } from './private/values';
import { Severity } from './types';

const API_REF = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference';
const CFN_TERMS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-terms.html';

export const TERMS_NAMES = ['terms-of-use', 'privacy-policy'];
const LANGUAGE = /^cognito:(default|dutch|english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil|chinese-(simplified|traditional))$/;
/** LinkUrlType: letters, marks, symbols, numbers and punctuation only (no space, no control character). */
const URL_CHARS = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const MAX_LINKS = 13;
const MAX_URL = 1024;

/** The literal TermsName of a Terms that is one of the two kinds, or undefined. */
function kindOf(t: Terms): string | undefined {
  return typeof t.TermsName === 'string' && TERMS_NAMES.includes(t.TermsName) ? t.TermsName : undefined;
}

export const TERMS_RULES: AttachmentRule[] = [
  {
    id: 'terms-name',
    severity: Severity.ERROR,
    title: 'A terms document is named terms-of-use or privacy-policy',
    source: `${API_REF}/API_CreateTerms.html`,
    fix: 'Set TermsName to terms-of-use or privacy-policy (one resource each).',
    reads: [TERMS],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const t of topOf(model, 'terms')) {
        const v = t.TermsName;
        if (v === undefined) emit(t.logicalId, 'TermsName', '(absent)', 'a terms document needs its kind: terms-of-use or privacy-policy.');
        else if (typeof v === 'string' && !TERMS_NAMES.includes(v)) emit(t.logicalId, 'TermsName', show(v), 'it is neither terms-of-use nor privacy-policy: Cognito rejects it (ValidationException).');
      }
    },
  },
  {
    id: 'terms-source-enforcement',
    severity: Severity.ERROR,
    title: 'A terms document has TermsSource LINK and Enforcement NONE',
    source: `${API_REF}/API_CreateTerms.html`,
    fix: 'Set TermsSource to LINK and Enforcement to NONE (the only values Cognito accepts).',
    reads: [TERMS],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const t of topOf(model, 'terms')) {
        for (const [name, value, allowed] of [['TermsSource', t.TermsSource, 'LINK'], ['Enforcement', t.Enforcement, 'NONE']] as const) {
          if (value === undefined) emit(t.logicalId, name, '(absent)', `it is required, and ${allowed} is its only value.`, `Set ${name} to ${allowed}.`);
          else if (typeof value === 'string' && value !== allowed) emit(t.logicalId, name, show(value), `${allowed} is its only value: Cognito rejects others (ValidationException).`, `Set ${name} to ${allowed}.`);
        }
      }
    },
  },
  {
    id: 'terms-links',
    severity: Severity.ERROR,
    title: 'A terms document has 1 to 13 links, each for a known language and a URL of 1 to 1024 visible characters',
    source: `${API_REF}/API_CreateTerms.html`,
    fix: 'Give Links 1 to 13 entries such as "cognito:default": "https://example.com/terms", with keys cognito:<language> and URLs without spaces.',
    reads: [TERMS],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const t of topOf(model, 'terms')) {
        const links = t.Links;
        if (links === undefined) {
          emit(t.logicalId, 'Links', '(absent)', 'a terms document needs at least one link (a language and its URL).');
          continue;
        }
        if (isUnknown(links)) continue;
        if (links.items.length === 0) emit(t.logicalId, 'Links', '{}', 'a terms document needs at least one link (a language and its URL).');
        else if (links.certain > MAX_LINKS) emit(t.logicalId, 'Links', `(${links.certain} links)`, `a terms document has at most ${MAX_LINKS} links, one per language.`);
        for (const item of links.items) {
          if (!LANGUAGE.test(item.key)) {
            emit(t.logicalId, item.path, show(item.key), 'a key is cognito:default or cognito:<language> of managed login (e.g. cognito:english, cognito:portuguese-brazil, cognito:chinese-simplified).',
              'Write the language as cognito:default or cognito:<language>.');
          }
          const url = item.value;
          if (typeof url !== 'string') continue;
          if (url.length === 0) {emit(t.logicalId, item.path, show(url), 'a URL cannot be empty.');} else if (url.length > MAX_URL) {emit(t.logicalId, item.path, show(url), `a URL is at most ${MAX_URL} characters.`);} else if (!URL_CHARS.test(url)) {
            const bad = [...url].find((ch) => !URL_CHARS.test(ch))!;
            emit(t.logicalId, item.path, show(url), `it holds ${CONTROL.test(bad) || bad.trim() === '' ? `the character U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : show(bad)}; a URL has letters, marks, symbols, numbers and punctuation only (percent-encode spaces as %20).`);
          }
        }
      }
    },
  },
];

export const TERMS_PAIR_RULES: AttachmentRule[] = [
  {
    id: 'terms-one-per-kind',
    severity: Severity.ERROR,
    title: 'At most one terms document of each kind per app client',
    source: `${API_REF}/API_CreateTerms.html`,
    fix: 'Keep one Terms of each TermsName per client, with a link per language.',
    reads: [TERMS],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const { member, others } of sameClientGroups(topOf(model, 'terms'), (a, b) => typeof a.TermsName === 'string' && a.TermsName === b.TermsName)) {
        emit(member.logicalId, 'TermsName', show(member.TermsName), `${others.map((o) => o.logicalId).join(', ')} ${others.length === 1 ? 'is' : 'are'} the same kind for the same client (ClientId ${member.clientShown}): the second one fails with TermsExistsException.`);
      }
    },
  },
  {
    id: 'terms-both-kinds',
    severity: Severity.WARNING,
    title: 'A client\'s terms documents are both kinds, in at least one language in common',
    source: CFN_TERMS,
    fix: 'Give the client both a terms-of-use and a privacy-policy Terms, with at least one language key (e.g. cognito:default) in both.',
    reads: [TERMS],
    reportsOn: 'attachment',
    check(model, emit) {
      if (!model.complete) return;
      const all = model.attachments.filter((a): a is Terms => a.kind === 'terms');
      const done = new Set<string>();
      for (const t of all) {
        // Only a client of the template: another one's documents may be in another template.
        if (!t.top || t.unreadable || typeof t.client !== 'string' || !t.client.startsWith('client:') || done.has(t.client)) continue;
        const client = t.client;
        done.add(client);
        // Every Terms that may be this client's must be decided: its client, its kind and its languages.
        if (all.some((o) => !sameLink(o.client, client) && o.client !== undefined && !differentLink(o.client, client))) continue;
        const mine = all.filter((o) => sameLink(o.client, client));
        if (mine.some((o) => o.unreadable || (o.TermsName !== undefined && typeof o.TermsName !== 'string'))) continue;
        const kinds = new Map<string, Terms[]>();
        for (const o of mine) {
          const k = kindOf(o);
          if (k) kinds.set(k, [...(kinds.get(k) ?? []), o]);
        }
        if (kinds.size === 0) continue;
        const report = (why: string) => {
          for (const o of mine) if (o.top && kindOf(o)) emit(o.logicalId, 'TermsName', show(o.TermsName), why);
        };
        if (kinds.size === 1) {
          const [have] = kinds.keys();
          const missing = TERMS_NAMES.find((n) => n !== have)!;
          report(`the client (ClientId ${t.clientShown}) has no ${missing} document in this template, and Cognito displays terms only when both kinds exist in at least one language.`);
          continue;
        }
        const languages = (k: string): Set<string> | undefined => {
          const out = new Set<string>();
          for (const o of kinds.get(k)!) {
            if (typeof o.Links !== 'object') return undefined;
            for (const item of o.Links.items) out.add(item.key);
          }
          return out;
        };
        const a = languages(TERMS_NAMES[0]);
        const b = languages(TERMS_NAMES[1]);
        if (!a || !b || a.size === 0 || b.size === 0) continue;
        if (![...a].some((l) => b.has(l))) {
          report(`the terms-of-use links (${[...a].join(', ')}) and the privacy-policy links (${[...b].join(', ')}) have no language in common (cognito:default counts as one), so Cognito displays neither.`);
        }
      }
    },
  },
];

