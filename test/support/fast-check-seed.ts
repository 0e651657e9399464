import fc from 'fast-check';

/*
 * Property tests draw from a fixed seed so every run (and CI) checks the same cases and a red
 * run can be replayed. To explore new cases: FC_SEED=<any integer> npm test.
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261121) });
