#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step between `git clone` and a chat.
//
// `repaybot start` catches SIGINT / SIGTERM from this very first line: a signal while the
// sources load is not lost (nor does it kill the process with its database half-open); the bot
// claims the signals once it runs and stops in order (src/app/shutdown.ts).
const starting = process.argv[2] === 'start';
const early = [];
const remember = (signal) => early.push(signal);
if (starting) {
  process.on('SIGINT', remember);
  process.on('SIGTERM', remember);
}

const { register } = await import('tsx/esm/api');
register();
if (starting) {
  const { catchStopSignals } = await import('../src/app/shutdown.ts');
  process.off('SIGINT', remember);
  process.off('SIGTERM', remember);
  catchStopSignals(early);
}
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
if (starting) {
  // Everything is closed by now; a socket a library left open must not keep the process alive.
  setTimeout(() => process.exit(), 3000).unref();
}
