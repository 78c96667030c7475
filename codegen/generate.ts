// Contract → the files of generated/ (in memory; main.ts writes or compares them).
import { checkExamples } from './check-examples.js';
import { ContractError, parseContract } from './contract.js';
import { emitKafka } from './emit/kafka.js';
import { generateModels } from './emit/models.js';
import {
  emitCodes,
  emitEnvelopeValidation,
  emitFieldErrors,
  emitIndex,
  emitPayloadValidation,
  emitRoutes,
  emitTopics,
  emitUserMessages,
  emitValidation,
} from './emit/modules.js';
import { collectPatterns, emitPatterns } from './emit/patterns.js';
import { generateValidatorFiles } from './emit/validators.js';
import { extractContract } from './extract.js';

export interface GenerateResult {
  /** File name (relative to the output directory) → content. */
  files: Map<string, string>;
  /** Parser warnings and hints (printed, never fatal). */
  warnings: string[];
}

export async function generate(contractFile: string): Promise<GenerateResult> {
  const parsed = await parseContract(contractFile);
  const ir = extractContract(parsed);
  const badExamples = checkExamples(parsed.document, parsed.locator);
  if (badExamples.length > 0) throw new ContractError(badExamples);
  const models = await generateModels(parsed.document, parsed.fileName, parsed.locator);
  const missing = ir.errorCodeTypes.filter((title) => !models.names.has(title));
  if (missing.length > 0) {
    throw new ContractError(
      missing.map((title) =>
        parsed.locator.diagnostic(
          ['components', 'schemas', title],
          `no type was generated for ${title}: reference it from a message payload (codes.ts types its keys with it)`,
        ),
      ),
    );
  }
  const files = new Map<string, string>([
    ['codes.ts', emitCodes(ir, models.names)],
    ['envelope-validation.ts', emitEnvelopeValidation(ir, models.names)],
    ['field-errors.ts', emitFieldErrors(ir)],
    ['index.ts', emitIndex(ir)],
    ['kafka.ts', emitKafka(ir, models.names)],
    ['models.ts', models.source],
    ['payload-validation.ts', emitPayloadValidation(ir)],
    ['patterns.ts', emitPatterns(collectPatterns(parsed.document), parsed.fileName)],
    ['routes.ts', emitRoutes(ir)],
    ['topics.ts', emitTopics(ir, models.names)],
    ['user-messages.ts', emitUserMessages(ir, models.names)],
    ['validation.ts', emitValidation(ir, models.names)],
    ...(await generateValidatorFiles(ir, models.names)),
  ]);
  const warnings = parsed.warnings.map(
    (w) =>
      `${w.file}:${w.line} warning at ${w.path || '(root)'}: ${w.message}${w.code ? ` [${w.code}]` : ''}`,
  );
  return { files, warnings };
}
