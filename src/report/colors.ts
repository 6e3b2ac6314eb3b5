import chalk from 'chalk';

export type Paint = chalk.Chalk;

/** A chalk instance with colours on or off; the CLI decides (TTY, NO_COLOR, FORCE_COLOR, --no-color). */
export function paint(enabled: boolean): Paint {
  return new chalk.Instance({ level: enabled ? 1 : 0 });
}
