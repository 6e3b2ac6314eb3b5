/**
 * Long crash runs: `npm run crash -- --runs 100 [--dialect postgres|sqlite] [--seed 1]` (see harness.ts; `--help`).
 * The first SIGINT or SIGTERM stops the harness and drops its databases (exit 130); a second exits at once.
 */
import { runHarness } from './harness';

const controller = new AbortController();
const onSignal = () => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write("stopping: dropping the harness's databases (again to quit at once)\n");
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

runHarness(process.argv.slice(2), {
  write: (text) => process.stdout.write(text),
  signal: controller.signal,
  repoRoot: process.cwd(),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
