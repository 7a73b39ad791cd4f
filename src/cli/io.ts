/** What a command needs from the outside world; tests pass their own to capture output. */
export interface CommandIO {
  /** The publication folder (--root), absolute. */
  root: string;
  /** Write to standard output (the command's result). */
  out(text: string): void;
  /** Write to standard error (progress, problems). */
  err(text: string): void;
  /** Whether standard error is a terminal (for progress display). */
  isTTY: boolean;
}

/** A command's module exports `run`: it prints through `io` and returns the exit code. */
export type CommandResult = Promise<number>;
