/*
 * SIGINT / SIGTERM for `repaybot start`. bin/repaybot.mjs catches them from its first line (a
 * signal during start-up is not lost, nor does it kill the process half-open), and hands them
 * here. Until a run mode claims them (the Telegram bot, with its database open), a signal exits
 * at once with 0: nothing is open yet. Once claimed, the first signal aborts the run mode's stop
 * signal and it shuts down in order; repeats are only noted (a terminal's Ctrl+C reaches npm and
 * the bot both, and npm forwards it once more).
 */

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];

let installed = false;
let claim: AbortController | undefined;

function onSignal(signal: StopSignal): void {
  if (!claim) process.exit(0);
  if (!claim.signal.aborted) claim.abort(signal);
}

/** Catches SIGINT and SIGTERM for the rest of the process; `early` are signals caught before this ran. */
export function catchStopSignals(early: readonly string[] = []): void {
  if (installed) return;
  installed = true;
  for (const signal of STOP_SIGNALS) process.on(signal, () => onSignal(signal));
  if (early.length > 0) process.exit(0);
}

/**
 * The stop signal of a long-running run mode: aborted (reason: the signal's name) by the first
 * SIGINT / SIGTERM. Catches them itself when bin/repaybot.mjs did not. `release()` gives them back.
 */
export function claimStopSignals(): { signal: AbortSignal; release(): void } {
  catchStopSignals();
  const controller = new AbortController();
  claim = controller;
  return {
    signal: controller.signal,
    release: () => {
      if (claim === controller) claim = undefined;
    },
  };
}
