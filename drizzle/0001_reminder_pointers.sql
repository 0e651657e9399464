-- Reminder pointers move out of installments into their own table, clustered by fire time
-- (WITHOUT ROWID, added by hand: drizzle-kit cannot express it). Existing pointers are carried
-- over as version 0, which every user starts at, so no reminder is lost or repeated; paused
-- loans keep none (they get new ones when their reminders are turned back on).
CREATE TABLE `reminder_pointers` (
	`fire_at` text NOT NULL,
	`installment_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`user_id` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`fire_at`, `installment_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `reminder_pointers` (`fire_at`, `installment_id`, `due_date`, `user_id`, `version`)
	SELECT i.`next_reminder_at`, i.`id`, i.`due_date`, l.`user_id`, 0
	FROM `installments` i JOIN `loans` l ON l.`id` = i.`loan_id`
	WHERE i.`next_reminder_at` IS NOT NULL AND l.`reminders_paused` = 0;
--> statement-breakpoint
DROP INDEX `installments_next_reminder_idx`;--> statement-breakpoint
ALTER TABLE `installments` DROP COLUMN `next_reminder_at`;--> statement-breakpoint
ALTER TABLE `users` ADD `reminder_version` integer DEFAULT 0 NOT NULL;
