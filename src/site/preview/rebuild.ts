/** The outcome of one build attempt. */
export type BuildOutcome = { ok: true } | { ok: false; error: unknown };

/** Runs builds one at a time; a request during a build queues exactly one more build after it. */
export interface Rebuilder {
  /** Ask for a build; returns at once. */
  request(): void;
  /** Resolves when no build is running or queued. */
  idle(): Promise<void>;
}

export function createRebuilder(build: () => Promise<void>, settled: (outcome: BuildOutcome) => void): Rebuilder {
  let running: Promise<void> | undefined;
  let pending = false;
  const loop = async () => {
    while (pending) {
      pending = false;
      let outcome: BuildOutcome;
      try {
        await build();
        outcome = { ok: true };
      } catch (error) {
        outcome = { ok: false, error };
      }
      settled(outcome);
    }
  };
  return {
    request() {
      pending = true;
      running ??= loop().finally(() => {
        running = undefined;
      });
    },
    async idle() {
      while (running) await running;
    },
  };
}
