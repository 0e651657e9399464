import cron from 'node-cron';
import { BackupError } from '../db/backup.ts';
import { backupDirOf, backupIntoFolder } from './run-backup.ts';
import type { Runtime } from './runtime.ts';

/** The scheduled backups of a running bot; `stop()` ends the schedule and waits for a backup in flight. */
export interface BackupSchedule {
  /** Takes the scheduled backup now (what each cron tick runs); tests call it with their clock. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Backs the runtime's database up on BACKUP_CRON into BACKUP_DIR, keeping BACKUP_KEEP; nothing
 * when BACKUP_CRON is unset. A failed backup is logged and the next one runs; the bot runs on.
 */
export function scheduleBackups(runtime: Pick<Runtime, 'config' | 'db' | 'clock' | 'logger'>): BackupSchedule {
  const { config, logger } = runtime;
  if (!config.BACKUP_CRON) return { runNow: async () => {}, stop: async () => {} };
  const dir = backupDirOf(config);
  let running: Promise<void> | undefined;
  const backUp = async () => {
    try {
      const done = await backupIntoFolder(runtime.db.$client, dir, config.BACKUP_KEEP, runtime.clock.now());
      logger.info({ path: done.path, bytes: done.bytes, rotated: done.rotated.length }, 'backup written');
    } catch (error) {
      if (error instanceof BackupError) logger.error({ reason: error.message }, 'backup failed');
      else logger.error({ err: error }, 'backup failed');
    }
  };
  const runNow = (): Promise<void> => {
    running ??= backUp().finally(() => {
      running = undefined;
    });
    return running;
  };
  const task = cron.schedule(config.BACKUP_CRON, runNow, { noOverlap: true, name: 'backups' });
  logger.info({ cron: config.BACKUP_CRON, dir, keep: config.BACKUP_KEEP }, 'backups scheduled');
  return {
    runNow,
    async stop() {
      await task.stop();
      await running;
    },
  };
}
