import * as fs from 'fs';
import * as path from 'path';
import type * as TS from 'typescript';
import { Keep, KeepPath, WrittenProps, keepsFor } from './behaviour';
import { Edit, apply } from './edits';
import type { TypeScript } from './typescript';

/** The packages of the two lines (README, "Install"). */
const LINE_PACKAGES = ['cdk-cognito-app-client', 'cdk-cognito-app-client-classic'];

/**
 * The line's package whose `package.json` is in `dir`: the codemod ships in either line's package
 * (`lib/migrate/` below it), and writes imports from the one it was run from; the current line's when
 * the file is missing or names neither.
 */
export function linePackageAt(dir: string): string {
  try {
    const name = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name;
    if (LINE_PACKAGES.includes(name)) return name;
  } catch {
    // no readable package.json: the current line
  }
  return LINE_PACKAGES[0];
}

/** The module the codemod imports `AppClient` from: the package it ships in. */
export const PACKAGE = linePackageAt(path.join(__dirname, '..', '..'));

/** The declarations of `addClient` in aws-cdk-lib. */
const ADD_CLIENT = new Set(['UserPool.addClient', 'UserPoolBase.addClient', 'IUserPool.addClient']);

/** Options of a migration. */
export interface MigrateOptions {
  /** Leave out the props that keep the L2's behaviour (AppClient's secure defaults apply). */
  readonly adoptSecureDefaults?: boolean;
}

/** What the codemod says about one place. */
export interface Message {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly kind: 'not-migrated' | 'kept' | 'injector' | 'todo';
  readonly text: string;
}

/** The migration of one file. */
export interface FileMigration {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly edits: Edit[];
}

/** The result of a migration. */
export interface Migration {
  readonly files: FileMigration[];
  readonly messages: Message[];
  /** Clients migrated, and clients left as they were (each reported). */
  readonly migrated: number;
  readonly notMigrated: number;
}

/** One client: a `new UserPoolClient(...)` or a `pool.addClient(...)`. */
interface Unit {
  readonly site: TS.NewExpression | TS.CallExpression;
  readonly kind: 'new' | 'addClient';
  readonly file: TS.SourceFile;
  readonly name: string;
  group: Group;
}

/** Clients connected by the declarations that hold them: migrated all together or not at all. */
interface Group {
  units: Unit[];
  holders: Set<TS.Symbol>;
  blocked?: { node: TS.Node; why: string };
  signIns: { call: TS.CallExpression; holder: TS.Symbol | undefined }[];
  retypes: { node: TS.TypeReferenceNode; holder: TS.Symbol }[];
  /** Members read from holders (`holder.userPoolClientName`). */
  members: { access: TS.PropertyAccessExpression; holder: TS.Symbol }[];
  /** The group this one was joined into. */
  mergedInto?: Group;
}

/** The props of a client as read: undefined maps when they cannot be read. */
interface ReadProps {
  props?: Map<string, TS.Expression>;
  oAuthProps?: Map<string, TS.Expression>;
  oAuth?: TS.ObjectLiteralExpression;
}

/**
 * Migrates the files from aws-cdk-lib's `UserPoolClient` to `AppClient`: a program over all of them,
 * so a client is followed into every declaration that holds it.
 */
export function migrate(ts: TypeScript, fileNames: string[], options: MigrateOptions = {}, cwd = process.cwd()): Migration {
  return new Codemod(ts, fileNames, options, cwd).run();
}

class Codemod {
  private readonly program: TS.Program;
  private readonly checker: TS.TypeChecker;
  private readonly sources: TS.SourceFile[];
  private readonly inputs: Set<string>;
  private readonly messages: Message[] = [];
  private readonly edits = new Map<TS.SourceFile, Edit[]>();
  private readonly units: Unit[] = [];
  private readonly holderGroup = new Map<TS.Symbol, Group>();
  private references?: Map<TS.Symbol, TS.Identifier[]>;
  /** Holders that may hold another client too, so are typed `IUserPoolClient`. */
  private readonly weak = new Set<TS.Symbol>();
  private readonly usedNames = new Map<TS.SourceFile, Set<string>>();
  private readonly needs = new Map<TS.SourceFile, Set<string>>();
  private readonly readCache = new Map<Unit, ReadProps>();

  constructor(private readonly ts: TypeScript, fileNames: string[], private readonly options: MigrateOptions, private readonly cwd: string) {
    const resolved = fileNames.map((f) => path.resolve(cwd, f));
    this.inputs = new Set(resolved);
    this.program = ts.createProgram(resolved, compilerOptions(ts, resolved));
    this.checker = this.program.getTypeChecker();
    this.sources = resolved.map((f) => this.program.getSourceFile(f)).filter((s): s is TS.SourceFile => s !== undefined);
  }

  run(): Migration {
    for (const file of this.sources) this.findSites(file);
    for (const unit of this.units) this.checkContext(unit);
    for (const unit of [...this.units]) this.follow(unit.site, unit.group);
    this.settleHolders();
    let migrated = 0;
    let notMigrated = 0;
    const groups = new Set(this.units.map((u) => this.root(u.group)));
    for (const group of groups) {
      if (!group.blocked) this.planGroup(group);
      if (group.blocked) {
        notMigrated += group.units.length;
        this.reportBlocked(group);
      } else {migrated += group.units.length;}
    }
    for (const file of this.sources) this.findInjectors(file);
    const files: FileMigration[] = [];
    for (const file of this.sources) {
      this.finishImports(file);
      const edits = this.edits.get(file) ?? [];
      if (edits.length === 0) continue;
      files.push({ file: this.display(file), before: file.text, after: apply(file.text, edits), edits });
    }
    this.messages.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return { files, messages: this.messages, migrated, notMigrated };
  }

  // ---------------------------------------------------------------------------------------------
  // What is aws-cdk-lib's
  // ---------------------------------------------------------------------------------------------

  /** The name of the aws-cdk-lib `aws-cognito` declaration that `node` refers to, if it is one. */
  private cognitoName(node: TS.Node): string | undefined {
    const ts = this.ts;
    const at = ts.isPropertyAccessExpression(node) ? node.name : ts.isQualifiedName(node) ? node.right : node;
    let symbol = this.checker.getSymbolAtLocation(at);
    if (!symbol) return undefined;
    if (hasFlag(symbol.flags, ts.SymbolFlags.Alias)) symbol = this.checker.getAliasedSymbol(symbol);
    return isCognitoDeclaration(symbol.declarations?.[0]) ? symbol.name : undefined;
  }

  /** Whether a type is (or is a union with) aws-cdk-lib's `UserPoolClient` class. */
  private isL2ClassType(type: TS.Type): boolean {
    if (type.isUnion()) return type.types.some((t) => this.isL2ClassType(t));
    const symbol = type.getSymbol();
    return symbol !== undefined && symbol.name === 'UserPoolClient' && isCognitoDeclaration(symbol.declarations?.[0]);
  }

  /** The aws-cdk-lib declaration of a called method, as `Class.method`. */
  private cognitoMethod(call: TS.CallExpression): string | undefined {
    const declaration = this.checker.getResolvedSignature(call)?.declaration;
    if (!declaration || this.ts.isJSDocSignature(declaration) || !isCognitoDeclaration(declaration) || !declaration.name) return undefined;
    const owner = (declaration.parent as TS.ClassDeclaration | TS.InterfaceDeclaration).name?.text;
    return `${owner}.${declaration.name.getText()}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Finding the clients
  // ---------------------------------------------------------------------------------------------

  private findSites(file: TS.SourceFile) {
    const ts = this.ts;
    const visit = (node: TS.Node) => {
      if (ts.isNewExpression(node) && this.cognitoName(node.expression) === 'UserPoolClient' && (node.arguments?.length ?? 0) >= 2) {
        this.addUnit(node, 'new', file, node.arguments![1]);
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'addClient'
        && node.arguments.length >= 1 && ADD_CLIENT.has(this.cognitoMethod(node) ?? '')) {
        this.addUnit(node, 'addClient', file, node.arguments[0]);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  private addUnit(site: TS.NewExpression | TS.CallExpression, kind: Unit['kind'], file: TS.SourceFile, id: TS.Expression) {
    const name = this.ts.isStringLiteralLike(id) ? id.text : id.getText(file);
    const group: Group = { units: [], holders: new Set(), signIns: [], retypes: [], members: [] };
    const unit: Unit = { site, kind, file, name, group };
    group.units.push(unit);
    this.units.push(unit);
  }

  /** A client made in a loop, a callback, or a helper from its parameters is not migrated. */
  private checkContext(unit: Unit) {
    const ts = this.ts;
    for (let node: TS.Node = unit.site; node.parent; node = node.parent) {
      const parent = node.parent;
      if (ts.isIterationStatement(parent, false) && node !== (parent as any).expression) {
        return this.block(unit.group, unit.site, 'it is made in a loop, so one line makes several clients; migrate each by hand (new AppClient with the same scope and id) and give each the props the README\'s migration table lists');
      }
      if (ts.isFunctionLike(parent) && !ts.isConstructorDeclaration(parent)) {
        if ((ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) && parent.parent && ts.isCallOrNewExpression(parent.parent)) {
          return this.block(unit.group, unit.site, 'it is made in a callback, which may run once per element; migrate it by hand');
        }
        const parameters = new Set(parent.parameters.map((p) => this.checker.getSymbolAtLocation(p.name)).filter((s) => s));
        if (parameters.size > 0 && this.givenFrom(unit, parameters)) {
          return this.block(unit.group, unit.site, 'it is made in a helper from the helper\'s parameters, so its props are not known here; migrate the helper by hand (new AppClient, typed AppClientProps)');
        }
        return;
      }
    }
  }

  /** Whether the client's id or props come from these parameters (its scope and pool may). */
  private givenFrom(unit: Unit, parameters: Set<TS.Symbol | undefined>): boolean {
    const ts = this.ts;
    const args = unit.site.arguments ?? [];
    const [id, props] = unit.kind === 'new' ? [args[1], args[2]] : [args[0], args[1]];
    if (id && this.mentions(id, parameters)) return true;
    if (!props) return false;
    const literal = skipOuter(ts, props);
    if (!ts.isObjectLiteralExpression(literal)) return this.mentions(props, parameters);
    return literal.properties.some((p) => !(p.name && ts.isIdentifier(p.name) && p.name.text === 'userPool') && this.mentions(p, parameters));
  }

  private mentions(node: TS.Node, symbols: Set<TS.Symbol | undefined>): boolean {
    const ts = this.ts;
    let found = false;
    const visit = (n: TS.Node) => {
      if (found) return;
      if (ts.isIdentifier(n) && symbols.has(this.checker.getSymbolAtLocation(n))) found = true;
      ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  }

  // ---------------------------------------------------------------------------------------------
  // Following a client into the declarations that hold it
  // ---------------------------------------------------------------------------------------------

  /** Follows a value that is a client of `group` to where it goes. */
  private follow(value: TS.Expression, group: Group) {
    const ts = this.ts;
    let node: TS.Node = value;
    while (node.parent && isOuter(ts, node.parent)) {
      node = node.parent;
      if (ts.isAsExpression(node) && this.typeMentionsL2(node.type)) return this.block(group, node, 'it is cast to the class UserPoolClient; remove the cast');
    }
    const parent = node.parent;
    if (!parent || ts.isExpressionStatement(parent) || ts.isVoidExpression(parent)) return;
    if ((ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node) {
      return this.hold(this.checker.getSymbolAtLocation(parent.name), group, node);
    }
    if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = ts.isPropertyAccessExpression(parent.left) ? parent.left.name : parent.left;
      return this.hold(this.checker.getSymbolAtLocation(target), group, node);
    }
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return; // a member: AppClient has the L2's
    if (ts.isTemplateSpan(parent) || ts.isPropertyAccessExpression(parent)) return;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as TS.Expression)) {
      return this.passed(parent, node as TS.Expression, group);
    }
    if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) {
      const literal = parent.parent;
      const contextual = this.checker.getContextualType(literal);
      const property = contextual?.getProperty(parent.name.getText());
      const declaration = property?.valueDeclaration ?? property?.declarations?.[0];
      if (declaration && this.isInput(declaration) && (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration))) {
        this.weak.add(property!);
        return this.hold(property, group, node);
      }
      if (property && this.isL2ClassType(this.checker.getTypeOfSymbol(property))) {
        return this.block(group, node, `it is given as ${parent.name.getText()} to an API typed with the class UserPoolClient, which does not take an AppClient; keep this client an L2, or ask for the API to take IUserPoolClient`);
      }
      return;
    }
    if (ts.isArrayLiteralExpression(parent) && this.isInterfaceSink(node as TS.Expression)) return; // e.g. userPoolClients: [client]
    if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) {
      return this.block(group, node, 'it is returned from a function (a helper), and the codemod does not follow it to the callers; migrate the helper by hand');
    }
    return this.block(group, node, `it is used in ${describeKind(ts, parent)}, which the codemod does not follow; migrate it by hand`);
  }

  /**
   * Whether an array element is contextually typed with aws-cdk-lib's interface `IUserPoolClient`
   * (`userPoolClients: [client]`, `const clients: IUserPoolClient[] = [client]`): whatever reads the
   * array takes any client, an `AppClient` too, so the element needs no following.
   */
  private isInterfaceSink(element: TS.Expression): boolean {
    const contextual = this.checker.getContextualType(element);
    if (!contextual) return false;
    const types = (contextual.isUnion() ? contextual.types : [contextual])
      .filter((t) => !hasFlag(t.flags, this.ts.TypeFlags.Undefined) && !hasFlag(t.flags, this.ts.TypeFlags.Null));
    return types.length > 0 && types.every((t) => {
      const symbol = t.getSymbol();
      return symbol !== undefined && symbol.name === 'IUserPoolClient' && isCognitoDeclaration(symbol.declarations?.[0]);
    });
  }

  /**
   * Whether a member read from a value typed with the class UserPoolClient is one of the
   * interfaces it implements (IUserPoolClient and what that extends), so that it is still there
   * once the value is typed IUserPoolClient.
   */
  private onInterface(access: TS.PropertyAccessExpression): boolean {
    const ts = this.ts;
    const type = this.checker.getTypeAtLocation(access.expression);
    const types = type.isUnion() ? type.types : [type];
    for (const t of types) {
      const declaration = t.getSymbol()?.declarations?.find((d) => ts.isClassDeclaration(d)) as TS.ClassDeclaration | undefined;
      if (!declaration || !isCognitoDeclaration(declaration)) continue;
      const interfaces = (declaration.heritageClauses ?? []).filter((h) => h.token === ts.SyntaxKind.ImplementsKeyword).flatMap((h) => [...h.types]);
      if (!interfaces.some((i) => this.checker.getTypeAtLocation(i).getProperty(access.name.text))) return false;
    }
    return true;
  }

  /** A client passed to a function or constructor. */
  private passed(call: TS.CallExpression | TS.NewExpression, arg: TS.Expression, group: Group) {
    const ts = this.ts;
    if (ts.isCallExpression(call) && call.arguments[0] === arg && this.cognitoMethod(call) === 'UserPoolDomain.signInUrl' && ts.isPropertyAccessExpression(call.expression)) {
      group.signIns.push({ call, holder: this.holderOf(arg) });
      return;
    }
    const signature = this.checker.getResolvedSignature(call);
    const index = call.arguments!.indexOf(arg);
    const declaration = signature?.declaration;
    if (!declaration || ts.isJSDocSignature(declaration)) return;
    const parameter = declaration.parameters[Math.min(index, declaration.parameters.length - 1)];
    if (!parameter) return;
    const symbol = this.checker.getSymbolAtLocation(parameter.name);
    if (this.isInput(parameter) && symbol) {
      this.weak.add(symbol);
      return this.hold(symbol, group, arg);
    }
    if (symbol && this.isL2ClassType(this.checker.getTypeOfSymbolAtLocation(symbol, parameter))) {
      const callee = call.expression.getText();
      return this.block(group, arg, `it is passed to ${callee}, whose parameter ${parameter.name.getText()} is typed with the class UserPoolClient and does not take an AppClient; keep this client an L2, or ask for ${callee} to take IUserPoolClient`);
    }
  }

  /** The holder whose reference `node` is, if any. */
  private holderOf(node: TS.Expression): TS.Symbol | undefined {
    const ts = this.ts;
    const at = ts.isPropertyAccessExpression(node) ? node.name : node;
    const symbol = this.checker.getSymbolAtLocation(at);
    return symbol && this.holderGroup.has(symbol) ? symbol : undefined;
  }

  /** A declaration holds a client of the group: join the groups, and follow its every read. */
  private hold(symbol: TS.Symbol | undefined, group: Group, node: TS.Node) {
    if (!symbol) return this.block(group, node, 'it is assigned to something the codemod cannot name; migrate it by hand');
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration || !this.isInput(declaration)) {
      return this.block(group, node, 'it is stored in a declaration outside the files given; give that file too');
    }
    const known = this.holderGroup.get(symbol);
    if (known) {
      this.union(known, group);
      return;
    }
    group = this.root(group);
    this.holderGroup.set(symbol, group);
    group.holders.add(symbol);
    const ts = this.ts;
    if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)
      || ts.isParameter(declaration) || ts.isPropertySignature(declaration)) {
      if (declaration.type) this.collectRetypes(declaration.type, group, symbol);
    }
    for (const id of this.referencesOf(symbol)) {
      const usage = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : id;
      if (isAssigned(ts, usage)) continue;
      if (isDeclarationName(ts, id)) continue;
      if (ts.isPropertyAccessExpression(usage.parent) && usage.parent.expression === usage) {
        this.root(group).members.push({ access: usage.parent, holder: symbol });
      }
      this.follow(usage as TS.Expression, this.root(group));
    }
  }

  private collectRetypes(type: TS.TypeNode, group: Group, holder: TS.Symbol) {
    const ts = this.ts;
    const visit = (n: TS.Node) => {
      if (ts.isTypeReferenceNode(n) && this.cognitoName(n.typeName) === 'UserPoolClient') group.retypes.push({ node: n, holder });
      ts.forEachChild(n, visit);
    };
    visit(type);
  }

  private typeMentionsL2(type: TS.TypeNode): boolean {
    const ts = this.ts;
    let found = false;
    const visit = (n: TS.Node) => {
      if (ts.isTypeReferenceNode(n) && this.cognitoName(n.typeName) === 'UserPoolClient') found = true;
      ts.forEachChild(n, visit);
    };
    visit(type);
    return found;
  }

  /**
   * Every value written into a holder: a client of the group (joined), or something else, which
   * makes the holder `IUserPoolClient`, as does a value from such a holder.
   */
  private settleHolders() {
    const ts = this.ts;
    const sources = new Map<TS.Symbol, TS.Symbol[]>();
    for (const [symbol] of this.holderGroup) {
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      const written: TS.Expression[] = [];
      if (declaration && (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) {
        written.push(declaration.initializer);
      }
      for (const id of this.referencesOf(symbol)) {
        const usage = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : id;
        if (isAssigned(ts, usage)) written.push((usage.parent as TS.BinaryExpression).right);
      }
      for (const value of written) {
        const inner = skipOuter(ts, value);
        const unit = this.units.find((u) => u.site === inner);
        if (unit) {
          this.union(unit.group, this.holderGroup.get(symbol)!);
          continue;
        }
        const from = this.holderOf(inner);
        if (from) {
          this.union(this.holderGroup.get(from)!, this.holderGroup.get(symbol)!);
          sources.set(symbol, [...sources.get(symbol) ?? [], from]);
        } else {this.weak.add(symbol);}
      }
    }
    for (let changed = true; changed;) {
      changed = false;
      for (const [symbol, from] of sources) {
        if (!this.weak.has(symbol) && from.some((f) => this.weak.has(f))) {
          this.weak.add(symbol);
          changed = true;
        }
      }
    }
  }

  private union(a: Group, b: Group) {
    a = this.root(a);
    b = this.root(b);
    if (a === b) return;
    for (const u of b.units) u.group = a;
    a.units.push(...b.units);
    for (const h of b.holders) {
      a.holders.add(h);
      this.holderGroup.set(h, a);
    }
    a.signIns.push(...b.signIns);
    a.retypes.push(...b.retypes);
    a.members.push(...b.members);
    a.blocked ??= b.blocked;
    b.mergedInto = a;
  }

  private root(group: Group): Group {
    while (group.mergedInto) group = group.mergedInto;
    return group;
  }

  private block(group: Group, node: TS.Node, why: string) {
    group = this.root(group);
    group.blocked ??= { node, why };
  }

  // ---------------------------------------------------------------------------------------------
  // Planning the edits of a group that can be migrated
  // ---------------------------------------------------------------------------------------------

  private planGroup(group: Group) {
    // first everything that may stop the group, so that nothing of it is changed then
    const keepsOf = new Map<Unit, Keep[]>();
    for (const unit of group.units) {
      const keeps = this.options.adoptSecureDefaults ? [] : keepsFor(this.written(unit));
      if (keeps === undefined) {
        return this.block(group, unit.site, 'its props are not all written where the codemod can read them (a spread or a value from elsewhere), so the props that keep the L2\'s behaviour cannot be chosen; migrate it by hand with the README\'s migration table, or run with --adopt-secure-defaults');
      }
      keepsOf.set(unit, keeps);
    }
    for (const { access, holder } of group.members) {
      if (this.weak.has(holder) && !this.onInterface(access)) {
        return this.block(group, access, `${access.getText()} reads ${access.name.text}, which IUserPoolClient does not have, and ${access.expression.getText()} is typed IUserPoolClient after migrating (it may be given another client); type it AppClient by hand where it holds only AppClients, or read ${access.name.text} from the client itself`);
      }
    }
    for (const { call, holder } of group.signIns) {
      const domain = (call.expression as TS.PropertyAccessExpression).expression;
      if (holder && this.weak.has(holder)) {
        return this.block(group, call, 'domain.signInUrl(client, …) is given a value that may be another client (typed IUserPoolClient after migrating); write client.signInUrl(domain, …) by hand where the client is an AppClient');
      }
      if (!isPure(this.ts, domain) || !isPure(this.ts, call.arguments[0])) {
        return this.block(group, call, 'domain.signInUrl(client, …) has an argument with side effects, which swapping would reorder; write client.signInUrl(domain, …) by hand');
      }
    }
    for (const unit of group.units) {
      const keeps = keepsOf.get(unit)!;
      this.rewriteUnit(unit, keeps);
      if (this.options.adoptSecureDefaults) this.reportCallbacks(unit);
      for (const keep of keeps) {
        this.messages.push({
          file: this.display(unit.file),
          line: lineOf(unit.file, unit.site),
          kind: 'kept',
          text: keep.secureDefault
            ? `${unit.name} keeps ${keep.keeps}; run with --adopt-secure-defaults to drop it`
            : `${unit.name} keeps ${keep.keeps}`,
        });
      }
    }
    for (const { node, holder } of group.retypes) {
      const file = node.getSourceFile();
      const text = this.weak.has(holder) ? this.cognitoText(file, 'IUserPoolClient') : this.need(file, 'AppClient');
      this.addEdits(file, { start: node.typeName.getStart(file), end: node.typeName.getEnd(), text });
    }
    for (const { call } of group.signIns) {
      const file = call.getSourceFile();
      const domain = (call.expression as TS.PropertyAccessExpression).expression;
      const client = call.arguments[0];
      this.addEdits(file,
        { start: domain.getStart(file), end: domain.getEnd(), text: client.getText(file) },
        { start: client.getStart(file), end: client.getEnd(), text: domain.getText(file) });
    }
  }

  /**
   * With --adopt-secure-defaults, a client with the code or implicit grant and no callback URL: the
   * L2 invented one, AppClient refuses it (`oauth-callback-required`); only the user knows the real ones.
   */
  private reportCallbacks(unit: Unit) {
    const written = this.written(unit);
    if (!written.given('oAuth.flows') || !keepsFor(written)?.some((k) => k.path === 'oAuth.callbackUrls')) return;
    this.messages.push({
      file: this.display(unit.file),
      line: lineOf(unit.file, unit.site),
      kind: 'todo',
      text: `${unit.name} has the code or implicit grant without oAuth.callbackUrls: the L2 used https://example.com, AppClient fails the synth with [oauth-callback-required]; give the real callback URLs`,
    });
  }

  private addEdits(file: TS.SourceFile, ...edits: Edit[]) {
    this.edits.set(file, [...this.edits.get(file) ?? [], ...edits]);
  }

  /** Rewrites one client: the class, or `addClient` with the pool as scope; writes the keeps. */
  private rewriteUnit(unit: Unit, keeps: Keep[]) {
    const ts = this.ts;
    const file = unit.file;
    const edits: Edit[] = [];
    const appClient = this.need(file, 'AppClient');
    const topTexts = this.topLevelTexts(file, keeps, unit);
    this.nestedKeeps(unit, keeps);
    if (unit.kind === 'new') {
      const site = unit.site as TS.NewExpression;
      edits.push({ start: site.expression.getStart(file), end: site.expression.getEnd(), text: appClient });
      const props = site.arguments![2];
      if (props) this.retypeOptions(props, 'AppClientProps');
      if (topTexts.length === 0) {
        // nothing to add
      } else if (!props) {
        edits.push({ start: site.arguments![1].getEnd(), end: site.arguments![1].getEnd(), text: `, { ${topTexts.join(', ')} }` });
      } else if (ts.isObjectLiteralExpression(skipOuter(ts, props))) {
        const literal = skipOuter(ts, props) as TS.ObjectLiteralExpression;
        edits.push(...insertElements(ts, file, literal, literal.properties, topTexts));
      } else {
        edits.push({ start: props.getStart(file), end: props.getStart(file), text: '{ ...' }, { start: props.getEnd(), end: props.getEnd(), text: `, ${topTexts.join(', ')} }` });
      }
      return this.addEdits(file, ...edits);
    }
    const call = unit.site as TS.CallExpression;
    const poolExpression = (call.expression as TS.PropertyAccessExpression).expression;
    const [id, options] = call.arguments;
    let pool = poolExpression.getText(file);
    if (!isPure(ts, poolExpression)) {
      const name = this.freshName(file, 'userPool');
      const statement = call.parent && ts.isExpressionStatement(call.parent) ? call.parent
        : call.parent && ts.isVariableDeclaration(call.parent) && call.parent.initializer === call
          && (call.parent.parent as TS.VariableDeclarationList).declarations.length === 1
          && ts.isVariableStatement(call.parent.parent.parent) ? call.parent.parent.parent : undefined;
      const list = statement?.parent;
      const statementList = list
        && (ts.isBlock(list) || ts.isSourceFile(list) || ts.isModuleBlock(list) || ts.isCaseClause(list) || ts.isDefaultClause(list));
      if (statement && statementList) {
        edits.push({ start: statement.getStart(file), end: statement.getStart(file), text: `const ${name} = ${pool};\n${indentOf(file, statement)}`, order: -1 });
      } else {
        edits.push({ start: call.getStart(file), end: call.getStart(file), text: `((${name}) => `, order: -1 }, { start: call.getEnd(), end: call.getEnd(), text: `)(${pool})`, order: 2 });
      }
      pool = name;
    }
    const userPool = pool === 'userPool' ? 'userPool' : `userPool: ${pool}`;
    edits.push({ start: call.getStart(file), end: id.getStart(file), text: `new ${appClient}(${pool}, ` });
    const literal = options && skipOuter(ts, options);
    if (!options) {
      edits.push({ start: id.getEnd(), end: id.getEnd(), text: `, { ${[userPool, ...topTexts].join(', ')} }` });
    } else if (literal && ts.isObjectLiteralExpression(literal) && literal === options) {
      this.retypeOptions(options, 'AppClientOptions');
      if (literal.properties.length === 0) {
        edits.push({ start: literal.getStart(file), end: literal.getEnd(), text: `{ ${[userPool, ...topTexts].join(', ')} }` });
      } else {
        edits.push(...insertFirst(file, literal, userPool));
        if (topTexts.length) edits.push(...insertElements(ts, file, literal, literal.properties, topTexts));
      }
    } else {
      this.retypeOptions(options, 'AppClientOptions');
      edits.push({ start: options.getStart(file), end: options.getStart(file), text: `{ ${userPool}, ...` });
      edits.push({ start: options.getEnd(), end: options.getEnd(), text: `${topTexts.map((t) => `, ${t}`).join('')} }` });
    }
    this.addEdits(file, ...edits);
  }

  /** The texts of the top-level props to write (an `oAuth` object when the client has none). */
  private topLevelTexts(file: TS.SourceFile, keeps: Keep[], unit: Unit): string[] {
    const texts: string[] = [];
    const oAuth = this.oAuthTexts(file, keeps);
    if (oAuth.length && !this.oAuthLiteral(unit)) texts.push(`oAuth: { ${oAuth.join(', ')} }`);
    for (const k of keeps) if (!k.path.startsWith('oAuth')) texts.push(`${k.path}: ${this.value(file, k.value)}`);
    return texts;
  }

  /** The edits inside the client's own `oAuth` literal and its scopes array (wherever they are written). */
  private nestedKeeps(unit: Unit, keeps: Keep[]) {
    const ts = this.ts;
    const literal = this.oAuthLiteral(unit);
    if (!literal) return;
    const file = literal.getSourceFile();
    const props = this.oAuthTexts(file, keeps);
    if (props.length) this.addEdits(file, ...insertElements(ts, file, literal, literal.properties, props));
    const openid = keeps.find((k) => k.path === 'oAuth.scopes[]');
    const scopes = openid && this.read(unit).oAuthProps?.get('scopes');
    const array = scopes && this.resolveArray(scopes);
    if (openid && array) {
      const at = array.getSourceFile();
      this.addEdits(at, ...insertElements(ts, at, array, array.elements, [this.value(at, openid.value)]));
    }
  }

  /** The `oAuth` props to write, as `name: value`. */
  private oAuthTexts(file: TS.SourceFile, keeps: Keep[]): string[] {
    return keeps.filter((k) => k.path.startsWith('oAuth.') && k.path !== 'oAuth.scopes[]')
      .map((k) => `${k.path.slice('oAuth.'.length)}: ${this.value(file, k.value)}`);
  }

  private value(file: TS.SourceFile, template: string): string {
    const text = template.includes('$OAuthScope') ? template.split('$OAuthScope').join(this.cognitoText(file, 'OAuthScope')) : template;
    return quote(this.ts, file) === '"' ? text.split("'").join('"') : text;
  }

  /** Retypes a `const o: UserPoolClientOptions = {...}` that is given to a migrated client. */
  private retypeOptions(value: TS.Expression, to: 'AppClientOptions' | 'AppClientProps') {
    const ts = this.ts;
    const targets: TS.Expression[] = [value];
    const literal = skipOuter(ts, value);
    if (ts.isObjectLiteralExpression(literal)) for (const p of literal.properties) if (ts.isSpreadAssignment(p)) targets.push(p.expression);
    for (const target of targets) {
      const declaration = this.constDeclaration(skipOuter(ts, target));
      if (!declaration?.type || !ts.isTypeReferenceNode(declaration.type)) continue;
      const name = this.cognitoName(declaration.type.typeName);
      if (name !== 'UserPoolClientOptions' && name !== 'UserPoolClientProps') continue;
      const file = declaration.getSourceFile();
      const text = this.need(file, name === 'UserPoolClientProps' && to === 'AppClientProps' ? 'AppClientProps' : 'AppClientOptions');
      this.addEdits(file, { start: declaration.type.typeName.getStart(file), end: declaration.type.typeName.getEnd(), text });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the props as written
  // ---------------------------------------------------------------------------------------------

  /** The client's props (merged through spreads of const object literals); undefined maps when unreadable. */
  private read(unit: Unit) {
    let cached = this.readCache.get(unit);
    if (cached) return cached;
    const argument = unit.kind === 'new' ? unit.site.arguments?.[2] : unit.site.arguments?.[1];
    const props = argument ? this.readObject(argument) : new Map<string, TS.Expression>();
    const oAuthValue = props?.get('oAuth');
    const oAuth = oAuthValue ? this.resolveObject(oAuthValue) : undefined;
    const oAuthProps = !props ? undefined : !oAuthValue ? new Map<string, TS.Expression>() : oAuth ? this.readObject(oAuth) : undefined;
    cached = { props, oAuthProps, oAuth };
    this.readCache.set(unit, cached);
    return cached;
  }

  private oAuthLiteral(unit: Unit): TS.ObjectLiteralExpression | undefined {
    return this.read(unit).oAuth;
  }

  /** What the keep rules read. */
  private written(unit: Unit): WrittenProps {
    const ts = this.ts;
    const { props, oAuthProps } = this.read(unit);
    const literal = (e: TS.Expression | undefined) => {
      const inner = e && skipOuter(ts, e);
      return !inner ? false : inner.kind === ts.SyntaxKind.TrueKeyword ? true : inner.kind === ts.SyntaxKind.FalseKeyword ? false : undefined;
    };
    const flowsValue = oAuthProps?.get('flows');
    const flowsProps = flowsValue ? this.readObject(flowsValue) : undefined;
    const scopesValue = oAuthProps?.get('scopes');
    const scopesArray = scopesValue ? this.resolveArray(scopesValue) : undefined;
    return {
      given: (p: KeepPath) => {
        if (p.startsWith('oAuth.')) return oAuthProps ? oAuthProps.has(p.slice('oAuth.'.length)) : undefined;
        return props ? props.has(p) : undefined;
      },
      disableOAuth: props ? literal(props.get('disableOAuth')) : undefined,
      flows: flowsProps ? [...flowsProps].filter(([, v]) => literal(v) === true).map(([k]) => k) : undefined,
      scopes: scopesArray?.elements.map((e) => {
        const inner = skipOuter(ts, e);
        return ts.isPropertyAccessExpression(inner) && this.cognitoName(inner.expression) === 'OAuthScope' ? inner.name.text : '?';
      }),
    };
  }

  /** The props of an object (a literal, or a const holding one), spreads merged; undefined when unreadable. */
  private readObject(value: TS.Expression, depth = 0): Map<string, TS.Expression> | undefined {
    const ts = this.ts;
    const literal = this.resolveObject(value);
    if (!literal || depth > 5) return undefined;
    const props = new Map<string, TS.Expression>();
    for (const p of literal.properties) {
      if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
        props.set(p.name.text, p.initializer);
      } else if (ts.isShorthandPropertyAssignment(p)) {
        props.set(p.name.text, p.name);
      } else if (ts.isSpreadAssignment(p)) {
        const spread = this.readObject(p.expression, depth + 1);
        if (!spread) return undefined;
        for (const [k, v] of spread) props.set(k, v);
      } else {return undefined;}
    }
    return props;
  }

  private resolveObject(value: TS.Expression): TS.ObjectLiteralExpression | undefined {
    const ts = this.ts;
    const inner = skipOuter(ts, value);
    if (ts.isObjectLiteralExpression(inner)) return inner;
    const initializer = this.constDeclaration(inner)?.initializer;
    const resolved = initializer && skipOuter(ts, initializer);
    return resolved && ts.isObjectLiteralExpression(resolved) ? resolved : undefined;
  }

  private resolveArray(value: TS.Expression): TS.ArrayLiteralExpression | undefined {
    const ts = this.ts;
    const inner = skipOuter(ts, value);
    if (ts.isArrayLiteralExpression(inner)) return inner.elements.some((e) => ts.isSpreadElement(e)) ? undefined : inner;
    const initializer = this.constDeclaration(inner)?.initializer;
    const resolved = initializer && skipOuter(ts, initializer);
    return resolved && ts.isArrayLiteralExpression(resolved) && !resolved.elements.some((e) => ts.isSpreadElement(e)) ? resolved : undefined;
  }

  /** The `const` declaration an identifier refers to, in the files given. */
  private constDeclaration(node: TS.Node): TS.VariableDeclaration | undefined {
    const ts = this.ts;
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = this.checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !this.isInput(declaration)) return undefined;
    return hasFlag(ts.getCombinedNodeFlags(declaration), ts.NodeFlags.Const) ? declaration : undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Imports, names and reports
  // ---------------------------------------------------------------------------------------------

  /** Registers a name imported from this package; returns how to write it. */
  private need(file: TS.SourceFile, name: string): string {
    const set = this.needs.get(file) ?? new Set<string>();
    set.add(name);
    this.needs.set(file, set);
    return name;
  }

  /** How the file writes an aws-cognito name (`cognito.OAuthScope`, or a named import). */
  private cognitoText(file: TS.SourceFile, name: string): string {
    const ts = this.ts;
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === 'aws-cdk-lib/aws-cognito') {
        const bindings = statement.importClause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) return `${bindings.name.text}.${name}`;
        if (bindings && ts.isNamedImports(bindings)) {
          const found = bindings.elements.find((e) => (e.propertyName ?? e.name).text === name);
          if (found) return found.name.text;
        }
      }
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          const init = d.initializer && skipOuter(ts, d.initializer);
          if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require'
            && init.arguments.length === 1 && ts.isStringLiteral(init.arguments[0]) && init.arguments[0].text === 'aws-cdk-lib/aws-cognito' && ts.isIdentifier(d.name)) {
            return `${d.name.text}.${name}`;
          }
        }
      }
    }
    // a named import, added
    const set = this.needs.get(file) ?? new Set<string>();
    set.add(`cognito:${name}`);
    this.needs.set(file, set);
    return name;
  }

  private freshName(file: TS.SourceFile, base: string): string {
    const ts = this.ts;
    let used = this.usedNames.get(file);
    if (!used) {
      used = new Set<string>();
      const visit = (n: TS.Node) => {
        if (ts.isIdentifier(n)) used!.add(n.text);
        ts.forEachChild(n, visit);
      };
      visit(file);
      this.usedNames.set(file, used);
    }
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}${i}`;
    used.add(name);
    return name;
  }

  /** Adds the imports the edits need, and drops aws-cognito names no longer used. */
  private finishImports(file: TS.SourceFile) {
    const ts = this.ts;
    const needs = this.needs.get(file);
    if (!needs || !(this.edits.get(file)?.length)) return;
    const edits = this.edits.get(file)!;
    const ours = [...needs].filter((n) => !n.startsWith('cognito:')).sort();
    const cognitoNames = [...needs].filter((n) => n.startsWith('cognito:')).map((n) => n.slice('cognito:'.length)).sort();
    const js = /\.[cm]?jsx?$/.test(file.fileName);
    const q = quote(this.ts, file);
    const imports = file.statements.filter((s) => ts.isImportDeclaration(s) || (ts.isImportEqualsDeclaration(s)) || isRequireStatement(ts, s));
    const last = imports[imports.length - 1];
    const existingImport = (module: string) => file.statements.find((s): s is TS.ImportDeclaration => ts.isImportDeclaration(s)
      && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === module
      && !!s.importClause?.namedBindings && ts.isNamedImports(s.importClause.namedBindings) && !s.importClause.isTypeOnly);
    const add = (names: string[], module: string) => {
      if (!names.length) return;
      const existing = existingImport(module);
      if (existing) {
        const named = existing.importClause!.namedBindings as TS.NamedImports;
        const missing = names.filter((n) => !named.elements.some((e) => e.name.text === n));
        if (missing.length) edits.push(...insertElements(ts, file, named, named.elements, missing));
        return;
      }
      const useRequire = js && !file.statements.some((s) => ts.isImportDeclaration(s));
      // a file that ends its imports without semicolons gets none
      const semi = last && !file.text.slice(last.getStart(file), last.getEnd()).endsWith(';') ? '' : ';';
      const line = useRequire ? `const { ${names.join(', ')} } = require(${q}${module}${q})${semi}` : `import { ${names.join(', ')} } from ${q}${module}${q}${semi}`;
      if (last && file.text[last.getEnd()] === '\n') edits.push({ start: last.getEnd() + 1, end: last.getEnd() + 1, text: `${line}\n`, order: -2 });
      else if (last) edits.push({ start: last.getEnd(), end: last.getEnd(), text: `\n${line}`, order: 2 });
      else edits.push({ start: 0, end: 0, text: `${line}\n`, order: -1 });
    };
    // the names dropped from an aws-cognito import and those added to it are one edit of it
    const cognitoImport = existingImport('aws-cdk-lib/aws-cognito');
    const cognitoMissing = cognitoImport
      ? cognitoNames.filter((n) => !(cognitoImport.importClause!.namedBindings as TS.NamedImports).elements.some((e) => e.name.text === n))
      : cognitoNames;
    const addedByDrop = this.dropUnusedCognitoImports(file, edits, cognitoImport, cognitoMissing);
    if (!addedByDrop) add(cognitoNames, 'aws-cdk-lib/aws-cognito');
    add(ours, PACKAGE);
  }

  /**
   * Removes `UserPoolClient`-family named imports whose every use was rewritten. When names are
   * dropped from `target`, the `missing` names are written in the same edit (the list is
   * rewritten once) and true is returned.
   */
  private dropUnusedCognitoImports(file: TS.SourceFile, edits: Edit[], target?: TS.ImportDeclaration, missing: string[] = []): boolean {
    let added = false;
    const ts = this.ts;
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== 'aws-cdk-lib/aws-cognito') continue;
      const named = statement.importClause?.namedBindings;
      if (!named || !ts.isNamedImports(named)) continue;
      const unused = named.elements.filter((e) => ['UserPoolClient', 'UserPoolClientOptions', 'UserPoolClientProps'].includes((e.propertyName ?? e.name).text)
        && this.allUsesRewritten(file, e, edits));
      if (!unused.length) continue;
      const adding = statement === target && missing.length ? missing : [];
      if (adding.length) added = true;
      if (unused.length === named.elements.length && !statement.importClause!.name && !adding.length) {
        const end = file.text[statement.getEnd()] === '\n' ? statement.getEnd() + 1 : statement.getEnd();
        edits.push({ start: statement.getStart(file), end, text: '' });
        continue;
      }
      const kept = named.elements.filter((e) => !unused.includes(e));
      if (!file.text.slice(named.getStart(file), named.getEnd()).includes('\n')) {
        edits.push({ start: named.getStart(file), end: named.getEnd(), text: `{ ${[...kept.map((e) => e.getText(file)), ...adding].join(', ')} }` });
        continue;
      }
      if (adding.length) {
        // one per line: the first dropped element's place takes the added names
        const first = unused.shift()!;
        edits.push({ start: first.getStart(file), end: first.getEnd(), text: adding.join(`,\n${indentOf(file, first)}`) });
      }
      for (const e of unused) {
        // one per line: the element's line goes
        const lineStart = file.text.lastIndexOf('\n', e.getStart(file) - 1) + 1;
        const lineEnd = file.text.indexOf('\n', e.getEnd());
        edits.push({ start: lineStart, end: lineEnd + 1, text: '' });
      }
    }
    return added;
  }

  private allUsesRewritten(file: TS.SourceFile, specifier: TS.ImportSpecifier, edits: Edit[]): boolean {
    const ts = this.ts;
    const symbol = this.checker.getSymbolAtLocation(specifier.name);
    let used = false;
    const visit = (n: TS.Node) => {
      if (used) return;
      if (ts.isIdentifier(n) && n !== specifier.name && n.text === specifier.name.text && this.checker.getSymbolAtLocation(n) === symbol) {
        const at = n.getStart(file);
        if (!edits.some((e) => e.start <= at && at < e.end)) used = true;
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
    return !used;
  }

  /** Reports each property injector registered for UserPoolClient. */
  private findInjectors(file: TS.SourceFile) {
    const ts = this.ts;
    const visit = (n: TS.Node) => {
      const l2Id = (ts.isPropertyAccessExpression(n) && n.name.text === 'PROPERTY_INJECTION_ID' && this.cognitoName(n.expression) === 'UserPoolClient')
        || (ts.isStringLiteral(n) && n.text === 'aws-cdk-lib.aws-cognito.UserPoolClient');
      if (l2Id) {
        this.messages.push({
          file: this.display(file),
          line: lineOf(file, n),
          kind: 'injector',
          text: 'a property injector for UserPoolClient: it does not apply to AppClient; register it for AppClient.PROPERTY_INJECTION_ID too',
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }

  private reportBlocked(group: Group) {
    const blocked = group.blocked!;
    const where = `${this.display(blocked.node.getSourceFile())}:${lineOf(blocked.node.getSourceFile(), blocked.node)}`;
    for (const unit of group.units) {
      const here = lineOf(unit.file, unit.site);
      const at = `${this.display(unit.file)}:${here}` === where ? '' : ` (see ${where})`;
      this.messages.push({ file: this.display(unit.file), line: here, kind: 'not-migrated', text: `${unit.name} not migrated: ${blocked.why}${at}` });
    }
  }

  private referencesOf(symbol: TS.Symbol): TS.Identifier[] {
    if (!this.references) {
      const ts = this.ts;
      const index = new Map<TS.Symbol, TS.Identifier[]>();
      for (const file of this.sources) {
        const visit = (n: TS.Node) => {
          if (ts.isIdentifier(n)) {
            const s = ts.isShorthandPropertyAssignment(n.parent) && n.parent.name === n
              ? this.checker.getShorthandAssignmentValueSymbol(n.parent) : this.checker.getSymbolAtLocation(n);
            if (s) index.set(s, [...index.get(s) ?? [], n]);
          }
          ts.forEachChild(n, visit);
        };
        visit(file);
      }
      this.references = index;
    }
    return this.references.get(symbol) ?? [];
  }

  private isInput(node: TS.Node): boolean {
    return this.inputs.has(path.resolve(node.getSourceFile().fileName));
  }

  private display(file: TS.SourceFile): string {
    return path.relative(this.cwd, file.fileName) || file.fileName;
  }
}

// -----------------------------------------------------------------------------------------------
// Helpers
// -----------------------------------------------------------------------------------------------

function compilerOptions(ts: TypeScript, files: string[]): TS.CompilerOptions {
  const base: TS.CompilerOptions = { allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true, strict: false };
  const dir = files.length ? path.dirname(files[0]) : process.cwd();
  const config = ts.findConfigFile(dir, ts.sys.fileExists);
  if (config) {
    const read = ts.readConfigFile(config, ts.sys.readFile);
    if (!read.error) {
      const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(config));
      return { ...parsed.options, ...base, noEmit: true };
    }
  }
  return { ...base, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, esModuleInterop: true };
}

function isCognitoDeclaration(declaration: TS.Node | undefined): boolean {
  if (!declaration) return false;
  const file = declaration.getSourceFile().fileName.split(path.sep).join('/');
  return file.includes('/aws-cdk-lib/aws-cognito/');
}

/** Whether a flag is set, without bitwise operators. */
function hasFlag(flags: number, flag: number): boolean {
  return Math.floor(flags / flag) % 2 === 1;
}

/** Parentheses, casts and `!`: what a value passes through unchanged. */
function isOuter(ts: TypeScript, node: TS.Node): boolean {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || (ts.isSatisfiesExpression?.(node) ?? false);
}

/** Whether the expression is the target of a plain assignment. */
function isAssigned(ts: TypeScript, usage: TS.Node): boolean {
  const parent = usage.parent;
  return ts.isBinaryExpression(parent) && parent.left === usage && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

function skipOuter(ts: TypeScript, e: TS.Expression): TS.Expression {
  while (isOuter(ts, e)) e = (e as TS.ParenthesizedExpression).expression;
  return e;
}

/** An expression that can be evaluated twice: an identifier, `this`, or a property access chain of them. */
function isPure(ts: TypeScript, e: TS.Expression): boolean {
  e = skipOuter(ts, e);
  if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) return true;
  return ts.isPropertyAccessExpression(e) && isPure(ts, e.expression);
}

function isDeclarationName(ts: TypeScript, id: TS.Identifier): boolean {
  const p = id.parent;
  const declaration = ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isParameter(p)
    || ts.isPropertySignature(p) || ts.isBindingElement(p);
  return declaration && p.name === id;
}

function isRequireStatement(ts: TypeScript, s: TS.Statement): boolean {
  if (!ts.isVariableStatement(s)) return false;
  return s.declarationList.declarations.some((d) => {
    const init = d.initializer;
    return !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require';
  });
}

function describeKind(ts: TypeScript, node: TS.Node): string {
  if (ts.isArrayLiteralExpression(node)) return 'an array';
  if (ts.isConditionalExpression(node)) return 'a conditional expression';
  if (ts.isBinaryExpression(node)) return 'an expression';
  return `a ${ts.SyntaxKind[node.kind]}`;
}

function lineOf(file: TS.SourceFile, node: TS.Node): number {
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}

/** The whitespace before the first token of the node's line. */
function indentOf(file: TS.SourceFile, node: TS.Node): string {
  const start = node.getStart(file);
  const lineStart = file.text.lastIndexOf('\n', start - 1) + 1;
  const prefix = file.text.slice(lineStart, start);
  return prefix.trim() === '' ? prefix : prefix.slice(0, prefix.length - prefix.trimStart().length);
}

/** The file's quote: that of its first string literal. */
function quote(ts: TypeScript, file: TS.SourceFile): string {
  let found: string | undefined;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isStringLiteral(n)) found = file.text[n.getStart(file)];
    else n.forEachChild(visit);
  };
  visit(file);
  return found === '"' ? '"' : "'";
}

/** Inserts `texts` as the first element of an object literal. */
function insertFirst(file: TS.SourceFile, literal: TS.ObjectLiteralExpression, text: string): Edit[] {
  const open = literal.getStart(file) + 1;
  const first = literal.properties[0];
  const between = file.text.slice(open, first.getStart(file));
  if (between.includes('\n')) return [{ start: open, end: open, text: `\n${indentOf(file, first)}${text},` }];
  return [{ start: open, end: open, text: between === '' ? `${text}, ` : ` ${text},` }];
}

/**
 * Inserts elements at the end of an object literal, array literal or named import list, in the
 * list's own layout: one per line when its elements are on their own lines, otherwise inline.
 */
function insertElements(ts: TypeScript, file: TS.SourceFile, list: TS.Node, elements: TS.NodeArray<TS.Node>, texts: string[]): Edit[] {
  if (elements.length === 0) {
    if (ts.isObjectLiteralExpression(list)) return [{ start: list.getStart(file), end: list.getEnd(), text: `{ ${texts.join(', ')} }`, order: 1 }];
    if (ts.isArrayLiteralExpression(list)) return [{ start: list.getStart(file), end: list.getEnd(), text: `[${texts.join(', ')}]`, order: 1 }];
    return [{ start: list.getStart(file) + 1, end: list.getEnd() - 1, text: ` ${texts.join(', ')} ` }];
  }
  const last = elements[elements.length - 1];
  const close = list.getEnd() - 1; // the closing bracket
  const lineStart = file.text.lastIndexOf('\n', close - 1) + 1;
  const closeOnOwnLine = file.text.slice(lineStart, close).trim() === '' && file.text.slice(last.getEnd(), close).includes('\n');
  if (closeOnOwnLine) {
    const indent = indentOf(file, last);
    const lines = texts.map((t) => `${indent}${t},\n`).join('');
    if (elements.hasTrailingComma) return [{ start: lineStart, end: lineStart, text: lines, order: 1 }];
    return [
      { start: last.getEnd(), end: last.getEnd(), text: ',' },
      { start: lineStart, end: lineStart, text: lines.slice(0, -2) + '\n', order: 1 },
    ];
  }
  return [{ start: last.getEnd(), end: last.getEnd(), text: texts.map((t) => `, ${t}`).join(''), order: 1 }];
}
