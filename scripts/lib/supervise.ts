import type { ChildProcess } from "node:child_process";

// Keeps one child process (the Next server) running: when it dies on its own
// (out of memory, a crash) it is started again after a pause that doubles with
// each quick failure, so a crash loop neither spins nor gives up. Only `stop`
// ends it, or a first launch that fails at once: that is a startup error (a
// port taken, a broken config, another `next dev` on the folder), which no
// restart would cure.

export interface Backoff {
  /** Pause before the first restart. */
  initialMs: number;
  /** Longest pause. */
  maxMs: number;
  /** A child that ran this long was healthy: the next pause starts from `initialMs` again. */
  healthyAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 };

/** The pause before the next restart, given the previous pause (0: none yet) and how long the child ran. */
export function nextRestartDelay(previousMs: number, ranForMs: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  if (previousMs === 0 || ranForMs >= backoff.healthyAfterMs) return backoff.initialMs;
  return Math.min(previousMs * 2, backoff.maxMs);
}

export interface SuperviseOptions {
  /** Starts the child; called again for every restart. */
  start(): ChildProcess;
  /** Where restarts are reported. */
  log(message: string): void;
  backoff?: Backoff;
  /** How long the child may take to exit after the stop signal before it is killed. */
  stopTimeoutMs?: number;
  /** A first launch that exits sooner than this is a startup error: not restarted. */
  startupGraceMs?: number;
}

export interface Supervisor {
  /**
   * Passes `signal` to the child and stops restarting it; a second call
   * kills the child at once (a second Ctrl-C: the person is done waiting).
   */
  stop(signal: NodeJS.Signals): void;
  /**
   * Settles once `stop` was called and the child has exited ("stopped"), or
   * when the first launch failed at once ("failed-at-startup").
   */
  stopped: Promise<"stopped" | "failed-at-startup">;
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  // V8 aborts when the heap is exhausted: SIGABRT, which a shell reports as exit code 134.
  if (signal === "SIGABRT" || code === 134) return "aborted (SIGABRT, exit code 134: out of memory or a fatal error)";
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

/** Starts the child now and restarts it, with backoff, every time it exits until `stop` is called. */
export function supervise(options: SuperviseOptions): Supervisor {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const startupGraceMs = options.startupGraceMs ?? 10_000;
  let launches = 0;
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  let delay = 0;
  let settle!: (outcome: "stopped" | "failed-at-startup") => void;
  const stopped = new Promise<"stopped" | "failed-at-startup">((resolve) => (settle = resolve));

  const finish = (outcome: "stopped" | "failed-at-startup" = "stopped") => {
    clearTimeout(killTimer);
    settle(outcome);
  };

  const launch = () => {
    const startedAt = Date.now();
    launches += 1;
    const current = options.start();
    child = current;
    current.on("error", (error) => options.log(`Could not start the server: ${error.message}`));
    current.on("exit", (code, signal) => {
      child = null;
      if (stopping) return finish();
      const ranFor = Date.now() - startedAt;
      if (launches === 1 && ranFor < startupGraceMs) {
        options.log(`The server ${describeExit(code, signal)} ${Math.round(ranFor / 1000)} s after it was started; not restarting it (its output above says why).`);
        return finish("failed-at-startup");
      }
      delay = nextRestartDelay(delay, ranFor, backoff);
      options.log(`The server ${describeExit(code, signal)} after ${Math.round(ranFor / 1000)} s; restarting it in ${delay / 1000} s.`);
      restartTimer = setTimeout(launch, delay);
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      child?.kill("SIGKILL");
      return;
    }
    stopping = true;
    clearTimeout(restartTimer);
    if (!child) return finish();
    const waiting = child;
    waiting.kill(signal);
    killTimer = setTimeout(() => {
      options.log(`The server did not stop within ${stopTimeoutMs / 1000} s; killing it.`);
      waiting.kill("SIGKILL");
    }, stopTimeoutMs);
  };

  launch();
  return { stop, stopped };
}
