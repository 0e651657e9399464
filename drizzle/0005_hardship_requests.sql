CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`user_id` integer NOT NULL,
	`request_id` integer,
	`promise_id` integer,
	`loan_id` integer,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_request_idx` ON `audit_log` (`request_id`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE TABLE `hardship_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`role` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `hardship_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hardship_notes_request_idx` ON `hardship_notes` (`request_id`);--> statement-breakpoint
CREATE TABLE `hardship_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`loan_ids` text NOT NULL,
	`reason` text NOT NULL,
	`reason_text` text DEFAULT '' NOT NULL,
	`budget` text NOT NULL,
	`proposal` text NOT NULL,
	`evidence` text NOT NULL,
	`letter_locale` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`submitted_at` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_note` text,
	`pause_until` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hardship_requests_user_idx` ON `hardship_requests` (`user_id`);--> statement-breakpoint
CREATE INDEX `hardship_requests_status_idx` ON `hardship_requests` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `payment_promises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`loan_id` integer NOT NULL,
	`amount` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `payment_promises_user_idx` ON `payment_promises` (`user_id`);--> statement-breakpoint
CREATE INDEX `payment_promises_status_idx` ON `payment_promises` (`status`,`due_on`);--> statement-breakpoint
ALTER TABLE `loans` ADD `rescheduled_on` text;--> statement-breakpoint
-- The audit trail is append-only: history is never rewritten, by a service or by a bug.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
