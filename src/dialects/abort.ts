/** Cancellation helpers the sessions share: one signal for several, and pauses that a cancellation ends. */
import { CancelledError } from '../errors/errors';

/**
 * A signal that aborts as soon as any of `signals` does (a session's own and an apply's); `dispose` stops listening.
 * (`AbortSignal.any` does the same from Node 20.3 on; this works on every Node 20.)
 */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): {
  readonly signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  const given = signals.filter((s): s is AbortSignal => s !== undefined);
  const already = given.find((s) => s.aborted);
  if (already) {
    controller.abort(already.reason);
    return { signal: controller.signal, dispose: () => undefined };
  }
  const listeners = given.map((s) => {
    const listener = () => controller.abort(s.reason);
    s.addEventListener('abort', listener, { once: true });
    return () => s.removeEventListener('abort', listener);
  });
  return { signal: controller.signal, dispose: () => listeners.forEach((remove) => remove()) };
}

/** Waits `ms`; rejects with `CancelledError` at once when `signal` aborts (or has). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new CancelledError('cancelled'));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
