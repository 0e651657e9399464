-- The next-reminder instant moves out of installments into a timetable of its own, ordered by
-- time (WITHOUT ROWID, added by hand: drizzle-kit cannot express it). Each installment's pending
-- instant is carried over as a 'look-again' row at that instant, version 0 (every user starts
-- there), so the first pass at or after it plans the installment again: no reminder is lost or
-- repeated. Paused loans get none (they are planned again when their reminders are turned on).
CREATE TABLE `reminder_timetable` (
	`fire_at` text NOT NULL,
	`installment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`due_date` text NOT NULL,
	`user_id` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`fire_at`, `installment_id`, `kind`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `reminder_timetable` (`fire_at`, `installment_id`, `kind`, `due_date`, `user_id`, `version`)
	SELECT i.`next_reminder_at`, i.`id`, 'look-again', i.`due_date`, l.`user_id`, 0
	FROM `installments` i JOIN `loans` l ON l.`id` = i.`loan_id`
	WHERE i.`next_reminder_at` IS NOT NULL AND l.`reminders_paused` = 0;
--> statement-breakpoint
DROP INDEX `installments_next_reminder_idx`;--> statement-breakpoint
ALTER TABLE `installments` DROP COLUMN `next_reminder_at`;--> statement-breakpoint
ALTER TABLE `users` ADD `reminder_version` integer DEFAULT 0 NOT NULL;
