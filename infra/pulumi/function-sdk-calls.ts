/**
 * What each Lambda function's code actually sends to AWS, derived from the code itself (never from a hand-kept
 * list), so `function-needs.test.ts` can hold `function-needs.ts` — the source of the IAM policies — to it.
 *
 * Two layers, because neither alone is both reliable and precise:
 *
 * 1. esbuild bundles the handler entry with the options of `npm run build` (scripts/build-functions.ts), in
 *    memory and unminified. The metafile names the repository modules that ship in that function, and the
 *    output text names every AWS SDK command class the bundle constructs (`new XCommand(`).
 * 2. The bundle alone over-approximates: esbuild drops unused top-level functions but never unused class
 *    methods, so every function using DynamoConnectionStore ships all of its commands (disconnect's bundle
 *    constructs UpdateCommand, which disconnect never sends). So a call graph is built with the TypeScript
 *    checker over the bundled modules only: start at the exports of the handler module (what Lambda calls)
 *    and the top level of every bundled module (what runs at import, e.g. `export const handler =
 *    create…(service())`), follow every value reference to a function, method or class of those modules, and
 *    record each use of a `…Command` imported from `@aws-sdk/*`. A call through a port interface
 *    (`store.getConnection`) reaches the member of that name of every class the reachable code constructs
 *    that `implements` the interface.
 *    Conservative where it cannot know: every branch of a reachable function counts, and so does every nested
 *    callback. Not followed (a call would be missed): a port implemented structurally without `implements`,
 *    a method overridden in a subclass, SDK aggregated clients (`DynamoDBDocument#get`, which build their
 *    commands inside the SDK) — the code base uses none of these; keep it so.
 *
 * Layer 1 cross-checks layer 2: every command the call graph finds must be one the bundle constructs.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { bundleOptions } from '../../scripts/build-functions.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One construction of an AWS SDK command on a reachable code path. */
export interface CommandSite {
  /** Class name, e.g. `UpdateCommand`. */
  command: string;
  /** e.g. `@aws-sdk/lib-dynamodb`. */
  sdkPackage: string;
  /** `src/adapters/dynamodb-connection-store.ts:140`. */
  site: string;
  /** The enclosing function or method, e.g. `DynamoConnectionStore.setAttribute`. */
  within: string;
}

export interface FunctionCode {
  /** Commands constructed on code paths reachable from the handler module. */
  commands: CommandSite[];
  /** UPPER_SNAKE string literals of the reachable code: the environment variable names it reads (and others). */
  upperCaseLiterals: Set<string>;
  /** Command class names the esbuild bundle constructs anywhere (layer 1, a superset). */
  bundledCommands: Set<string>;
  /** Repository modules in the bundle (repo-relative). */
  modules: string[];
}

/** What a command needs in IAM. `method` is the HTTP method of an @connections call (part of its ARN). */
export interface CommandPermission {
  action: string;
  method?: 'POST' | 'GET' | 'DELETE';
}

const DYNAMODB_ACTIONS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  Query: 'Query',
  Scan: 'Scan',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
};

/**
 * The IAM permission of each SDK command the platform may use. A command missing here makes the test fail
 * (it is never silently ignored): add it with the action AWS documents for it.
 */
export const COMMAND_PERMISSIONS: Record<string, CommandPermission> = {
  ...Object.fromEntries(
    Object.entries(DYNAMODB_ACTIONS).flatMap(([verb, action]) => [
      // lib-dynamodb DocumentClient commands (`GetCommand`) wrap the low-level ones (`GetItemCommand`).
      [`@aws-sdk/lib-dynamodb#${verb}Command`, { action: `dynamodb:${action}` }],
      [`@aws-sdk/client-dynamodb#${action}Command`, { action: `dynamodb:${action}` }],
    ]),
  ),
  '@aws-sdk/client-sqs#SendMessageCommand': { action: 'sqs:SendMessage' },
  // SendMessageBatch is authorized by sqs:SendMessage (there is no separate batch action), likewise below.
  '@aws-sdk/client-sqs#SendMessageBatchCommand': { action: 'sqs:SendMessage' },
  '@aws-sdk/client-sqs#ChangeMessageVisibilityCommand': { action: 'sqs:ChangeMessageVisibility' },
  '@aws-sdk/client-sqs#ChangeMessageVisibilityBatchCommand': { action: 'sqs:ChangeMessageVisibility' },
  '@aws-sdk/client-sqs#DeleteMessageCommand': { action: 'sqs:DeleteMessage' },
  '@aws-sdk/client-sqs#DeleteMessageBatchCommand': { action: 'sqs:DeleteMessage' },
  '@aws-sdk/client-apigatewaymanagementapi#PostToConnectionCommand': {
    action: 'execute-api:ManageConnections',
    method: 'POST',
  },
  '@aws-sdk/client-apigatewaymanagementapi#GetConnectionCommand': {
    action: 'execute-api:ManageConnections',
    method: 'GET',
  },
  '@aws-sdk/client-apigatewaymanagementapi#DeleteConnectionCommand': {
    action: 'execute-api:ManageConnections',
    method: 'DELETE',
  },
  '@aws-sdk/client-sns#PublishCommand': { action: 'sns:Publish' },
  '@aws-sdk/client-sns#PublishBatchCommand': { action: 'sns:Publish' },
};

export function permissionOf(
  site: Pick<CommandSite, 'command' | 'sdkPackage'>,
): CommandPermission | undefined {
  return COMMAND_PERMISSIONS[`${site.sdkPackage}#${site.command}`];
}

export function describeSite(site: CommandSite): string {
  return `${site.command} at ${site.site} in ${site.within}`;
}

// ------------------------------------------------------------------------------------------ layer 1: esbuild

interface BundleFacts {
  modules: string[];
  bundledCommands: Set<string>;
}

/** `new GetCommand(` / `new QueryCommand2(` (esbuild numbers names that collide) in unminified output. */
const BUNDLED_COMMAND = /\bnew\s+([A-Za-z_$][\w$]*?Command)\d*\s*\(/g;

/** One esbuild run for all entries (shared modules are parsed once), one output per entry as deployed. */
async function bundleFacts(entries: readonly string[]): Promise<Map<string, BundleFacts>> {
  const first = entries[0];
  if (first === undefined) return new Map();
  const result = await build({
    ...bundleOptions(first),
    entryPoints: [...entries],
    absWorkingDir: REPO_ROOT,
    outdir: resolve(REPO_ROOT, 'dist/analysis'),
    // Readable names, same module graph and tree shaking as the deployed (minified) bundle.
    minify: false,
    write: false,
    metafile: true,
  });
  const facts = new Map<string, BundleFacts>();
  for (const [outputPath, output] of Object.entries(result.metafile.outputs)) {
    if (!output.entryPoint) continue;
    const file = result.outputFiles.find((f) => f.path === resolve(REPO_ROOT, outputPath));
    if (!file) throw new Error(`esbuild reported ${outputPath} but returned no such output`);
    const bundledCommands = new Set([...file.text.matchAll(BUNDLED_COMMAND)].map((match) => match[1] ?? ''));
    const modules = Object.keys(output.inputs)
      .filter((path) => !path.split('/').includes('node_modules'))
      .map((path) => resolve(REPO_ROOT, path));
    facts.set(resolve(REPO_ROOT, output.entryPoint), { modules, bundledCommands });
  }
  return facts;
}

// ------------------------------------------------------------------------------- layer 2: TypeScript calls

/**
 * A program of the repository's own modules only: relative imports resolve (type-only port modules too, which
 * esbuild does not bundle), package imports do not. Loading the AWS SDK's ~900 declaration files would cost
 * seconds and is not needed: an SDK command is recognised by its import (`import { GetCommand } from
 * '@aws-sdk/lib-dynamodb'`).
 */
function ownModulesProgram(rootNames: readonly string[]): ts.Program {
  const configPath = resolve(REPO_ROOT, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT, undefined, configPath);
  const options: ts.CompilerOptions = { ...parsed.options, types: [], lib: ['lib.es2023.d.ts'] };
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containingFile, _redirect, resolutionOptions) =>
    literals.map((literal) =>
      literal.text.startsWith('.')
        ? ts.resolveModuleName(literal.text, containingFile, resolutionOptions, host)
        : { resolvedModule: undefined },
    );
  return ts.createProgram({ rootNames, options, host });
}

/** `@aws-sdk/client-sqs` of `@aws-sdk/client-sqs` or a deep import `@aws-sdk/client-sqs/dist-es/…`. */
function sdkPackageOf(specifier: ts.Expression): string | undefined {
  if (!ts.isStringLiteral(specifier)) return undefined;
  return /^(@aws-sdk\/[^/]+)/.exec(specifier.text)?.[1];
}
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

type Unit =
  | { kind: 'top'; node: ts.SourceFile }
  | { kind: 'body'; node: ts.Node }
  | { kind: 'construct'; node: ts.ClassLikeDeclaration };

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function nameOf(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  return name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
}

/** `Class.method`, `function`, or the variable an arrow function is assigned to. */
function enclosingName(node: ts.Node): string {
  const parts: string[] = [];
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    const holdsFunction =
      ts.isVariableDeclaration(current) &&
      current.initializer !== undefined &&
      isFunctionLike(current.initializer);
    if (ts.isClassLike(current) || isFunctionLike(current) || holdsFunction) {
      const name = ts.isConstructorDeclaration(current) ? 'constructor' : nameOf(current);
      if (name && parts[0] !== name) parts.unshift(name);
    }
  }
  return parts.join('.') || '(module top level)';
}

/** Reachability from the top level of the bundled modules of one function. */
class CallGraph {
  private readonly checker: ts.TypeChecker;
  private readonly seen = new Set<string>();
  private readonly seenNodes = new Map<ts.Node, Set<Unit['kind']>>();
  private readonly queue: Unit[] = [];
  private readonly constructed = new Set<ts.ClassLikeDeclaration>();
  /** Interface members called through the interface: `[interface symbol, member name]`. */
  private readonly dispatched: Array<[ts.Symbol, string]> = [];
  readonly commands: CommandSite[] = [];
  readonly upperCaseLiterals = new Set<string>();

  constructor(
    private readonly program: ts.Program,
    private readonly modules: ReadonlySet<string>,
  ) {
    this.checker = program.getTypeChecker();
  }

  /** `entry`: the handler module, whose exports the Lambda runtime calls (`handler`). */
  run(entry: string): void {
    const entryFile = this.program.getSourceFile(entry);
    const entrySymbol = entryFile && this.checker.getSymbolAtLocation(entryFile);
    if (!entrySymbol) throw new Error(`${entry} is not a module of the TypeScript program`);
    for (let exported of this.checker.getExportsOfModule(entrySymbol)) {
      if (exported.flags & ts.SymbolFlags.Alias) exported = this.checker.getAliasedSymbol(exported);
      for (const declaration of exported.declarations ?? []) this.reach(declaration);
    }
    for (const path of this.modules) {
      const file = this.program.getSourceFile(path);
      if (file) this.enqueue({ kind: 'top', node: file });
      else if (/@aws-sdk|Command\b/.test(ts.sys.readFile(path) ?? '')) {
        // Plain JavaScript (e.g. generated/validators.js) is not type-checked, so it cannot be walked.
        throw new Error(
          `bundled module ${path} is not TypeScript but mentions the AWS SDK: cannot analyse it`,
        );
      }
    }
    for (let unit = this.queue.shift(); unit; unit = this.queue.shift()) this.walkUnit(unit);
  }

  private inModules(node: ts.Node): boolean {
    return this.modules.has(resolve(node.getSourceFile().fileName));
  }

  private enqueue(unit: Unit): void {
    const kinds = this.seenNodes.get(unit.node) ?? new Set();
    if (kinds.has(unit.kind)) return;
    kinds.add(unit.kind);
    this.seenNodes.set(unit.node, kinds);
    this.queue.push(unit);
  }

  private walkUnit(unit: Unit): void {
    switch (unit.kind) {
      case 'top':
        for (const statement of unit.node.statements) this.walkTopLevel(statement);
        break;
      case 'body':
        ts.forEachChild(unit.node, (child) => this.walk(child));
        break;
      case 'construct':
        for (const clause of unit.node.heritageClauses ?? []) this.walk(clause);
        for (const member of unit.node.members) {
          if (ts.isConstructorDeclaration(member) || ts.isClassStaticBlockDeclaration(member)) {
            this.enqueue({ kind: 'body', node: member });
          } else if (ts.isPropertyDeclaration(member) && member.initializer) {
            // A field holding a function runs only when called (reached through a reference to the field).
            if (!isFunctionLike(member.initializer)) this.walk(member.initializer);
          }
        }
        break;
    }
  }

  /** What a module runs at import: not the bodies of its function and class declarations. */
  private walkTopLevel(statement: ts.Statement): void {
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && !isFunctionLike(init)) this.walk(init);
      }
      return;
    }
    this.walk(statement);
  }

  private walk(node: ts.Node): void {
    if (
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isImportDeclaration(node) ||
      ts.isExportDeclaration(node) ||
      ts.isModuleDeclaration(node)
    ) {
      return;
    }
    if (ts.isHeritageClause(node)) {
      // `extends Base` runs Base's constructor; `implements Port` is a type only.
      if (node.token === ts.SyntaxKind.ExtendsKeyword)
        for (const type of node.types) this.walk(type.expression);
      return;
    }
    if (ts.isTypeNode(node)) return;
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
      this.reference(node);
      return;
    }
    if (ts.isStringLiteralLike(node) && UPPER_SNAKE.test(node.text)) this.upperCaseLiterals.add(node.text);
    ts.forEachChild(node, (child) => this.walk(child));
  }

  private reference(identifier: ts.Identifier | ts.PrivateIdentifier): void {
    const parent = identifier.parent;
    let symbol: ts.Symbol | undefined;
    if (ts.isShorthandPropertyAssignment(parent)) {
      symbol = this.checker.getShorthandAssignmentValueSymbol(parent);
    } else if ((parent as { name?: ts.Node }).name === identifier && !ts.isPropertyAccessExpression(parent)) {
      return; // the name of a declaration, not a use
    } else {
      symbol = this.checker.getSymbolAtLocation(identifier);
    }
    if (this.recordCommand(identifier, symbol)) return;
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    for (const declaration of symbol?.declarations ?? []) this.reach(declaration);
  }

  /** Follows `import { X }` / `export { X } from` through our own modules to an `@aws-sdk/*` binding. */
  private sdkBinding(symbol: ts.Symbol | undefined): { sdkPackage: string; name: string } | undefined {
    for (let current = symbol, hops = 0; current && hops < 20; hops++) {
      const declaration = current.declarations?.[0];
      if (!declaration || !(ts.isImportSpecifier(declaration) || ts.isExportSpecifier(declaration))) return;
      const specifier = ts.isImportSpecifier(declaration)
        ? declaration.parent.parent.parent.moduleSpecifier
        : declaration.parent.parent.moduleSpecifier;
      const sdkPackage = specifier && sdkPackageOf(specifier);
      if (sdkPackage) return { sdkPackage, name: (declaration.propertyName ?? declaration.name).text };
      current = this.checker.getImmediateAliasedSymbol(current);
    }
    return undefined;
  }

  /**
   * A use of `XCommand` imported from `@aws-sdk/*` (`import { X }`, also re-exported by one of our modules, or
   * `import * as sdk` + `sdk.X`). Other SDK imports (clients, types) are not commands: nothing to record,
   * nothing to walk.
   */
  private recordCommand(use: ts.Identifier | ts.PrivateIdentifier, symbol: ts.Symbol | undefined): boolean {
    let binding = this.sdkBinding(symbol);
    if (!binding && ts.isPropertyAccessExpression(use.parent) && use.parent.name === use) {
      const namespace = this.checker.getSymbolAtLocation(use.parent.expression)?.declarations?.[0];
      if (namespace && ts.isNamespaceImport(namespace)) {
        const sdkPackage = sdkPackageOf(namespace.parent.parent.moduleSpecifier);
        if (sdkPackage) binding = { sdkPackage, name: use.text };
      }
    }
    if (!binding) return false;
    if (!binding.name.endsWith('Command')) return true;
    const file = use.getSourceFile();
    const line = file.getLineAndCharacterOfPosition(use.getStart()).line + 1;
    const site = `${relative(REPO_ROOT, file.fileName)}:${line}`;
    const key = `${binding.name}@${site}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.commands.push({
        command: binding.name,
        sdkPackage: binding.sdkPackage,
        site,
        within: enclosingName(use),
      });
    }
    return true;
  }

  private reach(declaration: ts.Declaration): void {
    if (
      (ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration)) &&
      ts.isInterfaceDeclaration(declaration.parent)
    ) {
      // A call through a port. The port's module may be type-only (not bundled): its implementations are.
      const port = this.checker.getSymbolAtLocation(declaration.parent.name);
      const member = nameOf(declaration);
      if (port && member) this.dispatch(port, member);
      return;
    }
    if (!this.inModules(declaration)) return;
    if (isFunctionLike(declaration)) {
      this.enqueue({ kind: 'body', node: declaration });
    } else if (
      (ts.isVariableDeclaration(declaration) ||
        ts.isPropertyDeclaration(declaration) ||
        ts.isPropertyAssignment(declaration)) &&
      declaration.initializer &&
      isFunctionLike(declaration.initializer)
    ) {
      this.enqueue({ kind: 'body', node: declaration.initializer });
    } else if (ts.isClassLike(declaration)) {
      this.construct(declaration);
    }
  }

  private construct(declaration: ts.ClassLikeDeclaration): void {
    if (this.constructed.has(declaration)) return;
    this.constructed.add(declaration);
    this.enqueue({ kind: 'construct', node: declaration });
    for (const [port, member] of this.dispatched) this.reachImplementation(declaration, port, member);
  }

  private dispatch(port: ts.Symbol, member: string): void {
    if (this.dispatched.some(([p, m]) => p === port && m === member)) return;
    this.dispatched.push([port, member]);
    for (const declaration of this.constructed) this.reachImplementation(declaration, port, member);
  }

  private reachImplementation(declaration: ts.ClassLikeDeclaration, port: ts.Symbol, member: string): void {
    if (!this.implementedPorts(declaration).has(port)) return;
    const classSymbol = declaration.name && this.checker.getSymbolAtLocation(declaration.name);
    if (!classSymbol) return;
    const property = this.checker.getDeclaredTypeOfSymbol(classSymbol).getProperty(member);
    for (const implementation of property?.declarations ?? []) this.reach(implementation);
  }

  /** The interfaces a class declares with `implements`, their base interfaces, and those of its base class. */
  private implementedPorts(declaration: ts.ClassLikeDeclaration): Set<ts.Symbol> {
    const ports = new Set<ts.Symbol>();
    const addInterface = (expression: ts.Expression): void => {
      let symbol = this.checker.getSymbolAtLocation(expression);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
      if (!symbol || ports.has(symbol)) return;
      ports.add(symbol);
      for (const node of symbol.declarations ?? []) {
        if (!ts.isInterfaceDeclaration(node)) continue;
        for (const clause of node.heritageClauses ?? [])
          for (const t of clause.types) addInterface(t.expression);
      }
    };
    for (let current: ts.ClassLikeDeclaration | undefined = declaration; current; ) {
      let base: ts.ClassLikeDeclaration | undefined;
      for (const clause of current.heritageClauses ?? []) {
        for (const type of clause.types) {
          if (clause.token === ts.SyntaxKind.ImplementsKeyword) addInterface(type.expression);
          else {
            let symbol = this.checker.getSymbolAtLocation(type.expression);
            if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
            base = symbol?.declarations?.find(ts.isClassLike);
          }
        }
      }
      current = base;
    }
    return ports;
  }
}

// ------------------------------------------------------------------------------------------------- entry

/**
 * Bundles each entry (layer 1) and walks its reachable code (layer 2). One TypeScript program serves all
 * entries; the returned record is keyed like `entries`.
 */
export async function analyseEntries(entries: Record<string, string>): Promise<Record<string, FunctionCode>> {
  const paths = Object.values(entries).map((path) => resolve(path));
  const facts = await bundleFacts(paths);
  const typeScriptModules = new Set(
    [...facts.values()].flatMap((fact) => fact.modules).filter((path) => /\.[cm]?tsx?$/.test(path)),
  );
  const program = ownModulesProgram([...typeScriptModules]);
  const result: Record<string, FunctionCode> = {};
  for (const [name, path] of Object.entries(entries)) {
    const fact = facts.get(resolve(path));
    if (!fact) throw new Error(`esbuild produced no bundle for ${name} (${path})`);
    const graph = new CallGraph(program, new Set(fact.modules));
    graph.run(resolve(path));
    result[name] = {
      commands: graph.commands,
      upperCaseLiterals: graph.upperCaseLiterals,
      bundledCommands: fact.bundledCommands,
      modules: fact.modules.map((module) => relative(REPO_ROOT, module)),
    };
  }
  return result;
}
