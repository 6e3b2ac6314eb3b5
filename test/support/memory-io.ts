import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

export interface InProcessResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The prompts the run wrote on the terminal, in order (with `terminal`). */
  readonly prompts: readonly string[];
}

export interface InProcessOptions {
  /**
   * Runs as at a terminal (stdin and stdout TTYs) with these lines typed, one per question asked; after the last one
   * input ends (an answer of `undefined`). Prompts go to stderr, as on the terminal.
   */
  readonly terminal?: readonly string[];
}

/**
 * Runs the CLI in this process (`main(argv, io)`) in `cwd`, without a TTY (unless `options.terminal`) and with exactly
 * `env` as its environment: what it writes is captured. Variables of the project's `.env` are not set in `process.env`
 * (`exportEnv` absent).
 */
export async function runInProcess(
  argv: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  options: InProcessOptions = {},
): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const typed = [...(options.terminal ?? [])];
  const tty = options.terminal !== undefined;
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: tty,
    env: { NO_COLOR: '1', ...env },
    cwd,
    ask: async (prompt) => {
      prompts.push(prompt);
      stderr += prompt;
      const answer = typed.shift();
      stderr += answer === undefined ? '\n' : `${answer}\n`;
      return answer;
    },
  };
  const status = await main(argv, io);
  return { status, stdout, stderr, prompts };
}
