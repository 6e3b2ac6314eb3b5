/** The CLI's exit codes, a contract for CI scripts. */
export const EXIT = {
  /** Success; with `plan --exit-code`: nothing to do. */
  ok: 0,
  /** Any error: bad input, unreachable database, failed apply. */
  error: 1,
  /** `plan --exit-code`: changes are pending. */
  changes: 2,
  /** `plan` or `apply`: a question only the user can answer (rename or drop?) is open; nothing was applied. */
  decisions: 3,
} as const;
