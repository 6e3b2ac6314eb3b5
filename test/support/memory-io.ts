import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

export interface InProcessResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in this process (`main(argv, io)`) in `cwd`, without a TTY and with exactly `env` as its environment:
 * what it writes is captured. Variables of the project's `.env` are not set in `process.env` (`exportEnv` absent).
 */
export async function runInProcess(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
    env: { NO_COLOR: '1', ...env },
    cwd,
    confirm: async () => false,
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}
