import readline from 'node:readline';

/** Everything the CLI touches of the process, so commands can be run in-process by tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /**
   * Writes `prompt` on the terminal and reads one answer line; `undefined` at the end of input or when the run is
   * cancelled. Only called when `stdinIsTTY`; `askYesNo` (prompt.ts) makes questions of it.
   */
  ask(prompt: string): Promise<string | undefined>;
  /** Called with a URL resolved from a file (config, data source) that may carry a password, so errors mask it. */
  noteSecret?(url: string): void;
  /**
   * Sets variables of the project's `.env` that the environment does not set, in the environment the user's files
   * (a data source, a config file, entities) read, `process.env`, before they load. Absent: they are not set there.
   */
  exportEnv?(values: Readonly<Record<string, string>>): void;
  /**
   * Aborted on SIGINT or SIGTERM (its `reason` is the signal's name): the running statement is cancelled, the
   * transaction rolled back, and the command ends with 130 (143 for SIGTERM).
   */
  readonly signal?: AbortSignal;
}

/**
 * A process stream that a closed reader cannot crash: once a write fails (EPIPE: `schema plan | head -1`), further
 * output is dropped and the command carries on to its end, so an apply finishes or rolls back as one unit and the
 * exit code tells what happened.
 */
function guarded(stream: NodeJS.WriteStream): { write(text: string): boolean; readonly isTTY?: boolean } {
  let closed = false;
  stream.on('error', () => {
    closed = true;
  });
  return {
    write: (text) => (closed || stream.destroyed ? false : stream.write(text)),
    get isTTY() {
      return stream.isTTY;
    },
  };
}

/**
 * Reads answers line by line from stdin, one reader for the whole run: answers typed (or pasted) ahead of their
 * questions are kept for them rather than lost with a closed interface. Between questions stdin is paused, so it
 * does not keep the process alive. End of input answers `undefined`.
 */
function stdinLines(): () => Promise<string | undefined> {
  let rl: readline.Interface | undefined;
  let ended = false;
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  return () => {
    if (!rl) {
      rl = readline.createInterface({ input: process.stdin, terminal: false });
      rl.on('line', (line) => (waiting.length > 0 ? waiting.shift()!(line) : lines.push(line)));
      rl.on('close', () => {
        ended = true;
        while (waiting.length > 0) waiting.shift()!(undefined);
      });
    }
    if (lines.length > 0) return Promise.resolve(lines.shift());
    if (ended) return Promise.resolve(undefined);
    const reader = rl;
    reader.resume();
    return new Promise((resolve) =>
      waiting.push((line) => {
        reader.pause();
        resolve(line);
      }),
    );
  };
}

/**
 * The real process: its streams (guarded against a closed reader), environment and directory, and `signal`, which
 * `run` aborts on SIGINT/SIGTERM (a question waiting for its answer is then answered no).
 */
export function processIo(signal?: AbortSignal): CliIo {
  const nextLine = stdinLines();
  const stdout = guarded(process.stdout);
  const stderr = guarded(process.stderr);
  return {
    stdout,
    stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    exportEnv: (values) => {
      for (const [name, value] of Object.entries(values))
        if (process.env[name] === undefined) process.env[name] = value;
    },
    signal,
    ask: async (prompt) => {
      stderr.write(prompt);
      const cancelled = new Promise<undefined>((resolve) =>
        signal?.addEventListener('abort', () => resolve(undefined), { once: true }),
      );
      const answer = signal?.aborted ? undefined : await Promise.race([nextLine(), cancelled]);
      if (answer === undefined) stderr.write('\n');
      return answer;
    },
  };
}

/** Colour conventions: --no-color and NO_COLOR turn it off, FORCE_COLOR on, otherwise only on a TTY. */
export function colourEnabled(io: CliIo, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false') return true;
  return Boolean(io.stdout.isTTY);
}
