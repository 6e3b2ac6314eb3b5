/** The CLI's exit codes, a contract for CI scripts. */
export const EXIT = {
  /** Success; with `plan --exit-code`: nothing to do. */
  ok: 0,
  /** Any error: bad input, unreachable database, failed apply. */
  error: 1,
  /** `apply` on a terminal: its confirmation was answered no (or not at all); nothing was applied. Same as `error`. */
  declined: 1,
  /** `plan --exit-code`: changes are pending. */
  changes: 2,
  /** `plan` or `apply`: a question only the user can answer (rename or drop?) is open; nothing was applied. */
  decisions: 3,
  /**
   * `apply` (and `plan`) gave up waiting and changed nothing: another apply held the apply lock, or another session
   * held a lock a statement needed, past `--lock-timeout` (retries included), or a statement ran past
   * `--statement-timeout`. Running again later may succeed. (A give-up after earlier phases committed is 1.)
   */
  gaveUp: 4,
  /** Cancelled by SIGINT (Ctrl-C): the running statement was cancelled and rolled back (128 + 2). */
  interrupted: 130,
  /** Cancelled by SIGTERM, as for SIGINT (128 + 15). */
  terminated: 143,
} as const;
