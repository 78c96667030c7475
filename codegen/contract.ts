// Loads and parses the AsyncAPI contract once per run and turns parser diagnostics and our own
// extension checks into readable `file:line path: message` reports.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type AsyncAPIDocumentInterface, DiagnosticSeverity, fromFile, Parser } from '@asyncapi/parser';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

/** A path into the contract; undefined segments (ids the parser could not name) are skipped. */
export type ContractPath = readonly (string | number | undefined)[];

export interface ContractDiagnostic {
  file: string;
  /** 1-based line, 0 when unknown. */
  line: number;
  /** JSON path into the contract, e.g. `channels.announcements.x-topic.access`. */
  path: string;
  message: string;
  code?: string;
}

/** A contract that cannot be turned into code; carries every problem found, not just the first. */
export class ContractError extends Error {
  readonly diagnostics: readonly ContractDiagnostic[];
  constructor(diagnostics: readonly ContractDiagnostic[]) {
    super(
      `${diagnostics.length} problem(s) in the contract:\n${diagnostics.map(formatDiagnostic).join('\n')}`,
    );
    this.name = 'ContractError';
    this.diagnostics = diagnostics;
  }
}

export function formatDiagnostic(d: ContractDiagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  const code = d.code ? ` [${d.code}]` : '';
  return `${where} error at ${d.path || '(root)'}: ${d.message}${code}`;
}

/** Maps a JSON path to the line it starts on in the YAML source (for our own diagnostics). */
export class SourceLocator {
  private readonly doc;
  private readonly lines = new LineCounter();
  constructor(
    readonly file: string,
    source: string,
  ) {
    this.doc = parseDocument(source, { lineCounter: this.lines, keepSourceTokens: false });
  }

  /**
   * Follows `segments` through the YAML, jumping through local `$ref`s, and returns the canonical path (where
   * the node is really written) and the offset of the deepest node found.
   */
  private walk(segments: readonly (string | number)[]): {
    path: (string | number)[];
    offset: number | undefined;
  } {
    let node: unknown = this.doc.contents;
    let offset: number | undefined;
    let canonical: (string | number)[] = [];
    const pending = [...segments];
    for (let hops = 0; pending.length > 0 && hops < 1000; hops++) {
      const ref = isMap(node) ? node.get('$ref') : undefined;
      if (typeof ref === 'string' && ref.startsWith('#/')) {
        // Continue from the referenced node: that is where the rest of the path is written.
        const target = ref
          .slice(2)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
        const resolved = this.walk(target);
        canonical = resolved.path;
        offset = resolved.offset ?? offset;
        node = this.doc.getIn(target, true);
        continue;
      }
      const segment = pending.shift() as string | number;
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((item) => {
          const key = item.key as { value?: unknown } | null;
          return key !== null && typeof key === 'object' && String(key.value) === String(segment);
        });
        if (pair === undefined) return { path: [...canonical, segment, ...pending], offset };
        offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? offset;
        next = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
        offset = (next as { range?: [number, number, number] } | undefined)?.range?.[0] ?? offset;
      } else {
        return { path: [...canonical, segment, ...pending], offset };
      }
      canonical.push(segment);
      node = next;
    }
    return { path: canonical, offset };
  }

  /** Line of the deepest existing node on `path` (1-based, 0 when not found). */
  line(path: ContractPath): number {
    const { offset } = this.walk(path.filter((s) => s !== undefined));
    return offset === undefined ? 0 : this.lines.linePos(offset).line;
  }

  diagnostic(path: ContractPath, message: string): ContractDiagnostic {
    const { path: canonical, offset } = this.walk(path.filter((s) => s !== undefined));
    const line = offset === undefined ? 0 : this.lines.linePos(offset).line;
    return { file: this.file, line, path: canonical.join('.'), message };
  }
}

/** `/channels/a~1b/messages/x` → `['channels', 'a/b', 'messages', 'x']`. */
export function pointerToPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface ParsedContract {
  file: string;
  /** File name used in the generated-file banner. */
  fileName: string;
  document: AsyncAPIDocumentInterface;
  locator: SourceLocator;
  warnings: readonly ContractDiagnostic[];
}

/** Parses the contract with the official parser; errors (severity 0) throw a ContractError, the rest are returned as warnings. */
export async function parseContract(file: string): Promise<ParsedContract> {
  const absolute = path.resolve(file);
  const display = path.relative(process.cwd(), absolute) || absolute;
  let source: string;
  try {
    source = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new ContractError([{ file: display, line: 0, path: '', message: `cannot read: ${String(error)}` }]);
  }
  const parser = new Parser();
  const { document, diagnostics } = await fromFile(parser, absolute).parse();
  const toDiagnostic = (d: (typeof diagnostics)[number]): ContractDiagnostic => ({
    file: display,
    line: d.range.start.line + 1,
    path: d.path.join('.'),
    message: d.message,
    code: String(d.code),
  });
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map(toDiagnostic);
  const warnings = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Error).map(toDiagnostic);
  if (errors.length > 0 || document === undefined) {
    throw new ContractError(
      errors.length > 0
        ? errors
        : [{ file: display, line: 0, path: '', message: 'the parser returned no document' }],
    );
  }
  return {
    file: display,
    fileName: path.basename(absolute),
    document,
    locator: new SourceLocator(display, source),
    warnings,
  };
}
