import type { CliIO } from './io.js';

export interface Progress {
  update(text: string): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/**
 * A spinner on stderr for long runs: only on a terminal, only after ~300 ms, and ora is loaded
 * only then (start-up time matters for editor and pre-commit use).
 */
export function startProgress(io: CliIO, enabled: boolean, initial: string): Progress {
  if (!enabled || !io.stderr.isTTY || io.env.CI) return SILENT;
  let text = initial;
  let stopped = false;
  let spinner: { text: string; stop(): void } | undefined;
  const timer = setTimeout(() => {
    void import('ora').then(({ default: ora }) => {
      if (stopped) return;
      spinner = ora({ text, stream: io.stderr }).start();
    });
  }, 300);
  return {
    update(next) {
      text = next;
      if (spinner) spinner.text = next;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      spinner?.stop();
    },
  };
}
