-- The reminder outbox becomes the delivery outbox: a row is a reminder (installment, kind, due
-- date, in its user's chat) or a message (chat_id, payload: the rendered message as JSON, an
-- optional unique dedupe_key; user_id only for a user's private chat). SQLite cannot relax NOT
-- NULL in place, so the table is rebuilt and every row copied as it was (id, status, attempts,
-- batch ids for Snooze). Hand-edited from drizzle-kit's output: the copy names only the old
-- columns, and the chat index is written as the expression it is (drizzle-kit split it at the
-- comma). The migrator runs in one transaction, where PRAGMA foreign_keys is a no-op, so the
-- copy is checked against users and installments: rows whose installment or user is gone (the
-- planner writes with the checks off; the dispatcher would drop them anyway) are left behind
-- rather than failing the migration. The id counter is carried over, so no id is used twice.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_reminder_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`chat_id` integer,
	`installment_id` integer,
	`kind` text,
	`due_date` text,
	`payload` text,
	`dedupe_key` text,
	`fire_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`not_before` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_at` text,
	`sent_at` text,
	`batch_id` integer,
	`last_error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`installment_id`) REFERENCES `installments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "outbox_row_kind" CHECK((payload IS NULL AND installment_id IS NOT NULL AND kind IS NOT NULL AND due_date IS NOT NULL AND user_id IS NOT NULL) OR (payload IS NOT NULL AND installment_id IS NULL AND chat_id IS NOT NULL))
);
--> statement-breakpoint
INSERT INTO `__new_reminder_outbox`("id", "user_id", "installment_id", "kind", "due_date", "fire_at", "status", "not_before", "attempts", "claimed_at", "sent_at", "batch_id", "last_error")
	SELECT "id", "user_id", "installment_id", "kind", "due_date", "fire_at", "status", "not_before", "attempts", "claimed_at", "sent_at", "batch_id", "last_error"
	FROM `reminder_outbox`
	WHERE "installment_id" IN (SELECT "id" FROM `installments`) AND "user_id" IN (SELECT "id" FROM `users`);--> statement-breakpoint
-- Ids are never reused (a Snooze button names its message's first row id): the counter comes along.
DELETE FROM `sqlite_sequence` WHERE "name" = '__new_reminder_outbox';--> statement-breakpoint
INSERT INTO `sqlite_sequence` ("name", "seq") SELECT '__new_reminder_outbox', "seq" FROM `sqlite_sequence` WHERE "name" = 'reminder_outbox';--> statement-breakpoint
DROP TABLE `reminder_outbox`;--> statement-breakpoint
ALTER TABLE `__new_reminder_outbox` RENAME TO `reminder_outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_unique_idx` ON `reminder_outbox` (`installment_id`,`kind`,`due_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_idx` ON `reminder_outbox` (`dedupe_key`) WHERE dedupe_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `reminder_outbox` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `outbox_chat_idx` ON `reminder_outbox` (coalesce(`chat_id`, `user_id`),`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `outbox_batch_idx` ON `reminder_outbox` (`batch_id`);