// `npm run contract:diff [-- --base <git ref>] [-- --record]`: the breaking-change gate (see cli.ts).
import { runContractDiff } from './cli.js';

runContractDiff(process.argv.slice(2), {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
