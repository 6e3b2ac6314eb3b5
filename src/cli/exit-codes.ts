/** The CLI's exit codes, a contract for CI scripts. */
export const EXIT = {
  /** Success; with `plan --exit-code`: nothing to do. */
  ok: 0,
  /** Any error: bad input, unreachable database, failed apply. */
  error: 1,
  /** `plan --exit-code`: changes are pending. */
  changes: 2,
} as const;
