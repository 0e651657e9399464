CREATE TABLE `processed_updates` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`chat_id` integer,
	`message_id` integer,
	`processed_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `processed_updates_message_idx` ON `processed_updates` (`chat_id`,`message_id`);--> statement-breakpoint
CREATE INDEX `processed_updates_at_idx` ON `processed_updates` (`processed_at`);