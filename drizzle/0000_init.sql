CREATE TABLE `form_states` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`form` text NOT NULL,
	`step` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `form_states_user_id_unique` ON `form_states` (`user_id`);--> statement-breakpoint
CREATE TABLE `installments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` integer NOT NULL,
	`n` integer NOT NULL,
	`due_date` text NOT NULL,
	`principal` text NOT NULL,
	`interest` text NOT NULL,
	`fee` text NOT NULL,
	`payment` text NOT NULL,
	`paid` text DEFAULT '0.00' NOT NULL,
	`next_reminder_at` text,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `installments_loan_n_idx` ON `installments` (`loan_id`,`n`);--> statement-breakpoint
CREATE INDEX `installments_due_idx` ON `installments` (`due_date`);--> statement-breakpoint
CREATE INDEX `installments_next_reminder_idx` ON `installments` (`next_reminder_at`);--> statement-breakpoint
CREATE TABLE `loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`principal` text NOT NULL,
	`method` text NOT NULL,
	`rate_percent` text NOT NULL,
	`rate_unit` text NOT NULL,
	`periods` integer NOT NULL,
	`first_due` text NOT NULL,
	`due_day` integer,
	`start_date` text,
	`day_basis` integer DEFAULT 360 NOT NULL,
	`upfront_fee` text DEFAULT '0.00' NOT NULL,
	`one_time_fee` text DEFAULT '0.00' NOT NULL,
	`lender_kind` text DEFAULT 'licensed' NOT NULL,
	`policy_preset` text NOT NULL,
	`policy_overrides` text DEFAULT '{}' NOT NULL,
	`prepayment_rule` text,
	`reminders_paused` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `loans_user_idx` ON `loans` (`user_id`);--> statement-breakpoint
CREATE TABLE `payment_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` integer NOT NULL,
	`installment_id` integer NOT NULL,
	`amount` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`installment_id`) REFERENCES `installments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `allocations_payment_idx` ON `payment_allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `allocations_installment_idx` ON `payment_allocations` (`installment_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` integer NOT NULL,
	`amount` text NOT NULL,
	`paid_on` text NOT NULL,
	`source` text DEFAULT 'user' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `payments_loan_idx` ON `payments` (`loan_id`);--> statement-breakpoint
CREATE TABLE `reminder_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`installment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`due_date` text NOT NULL,
	`fire_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`not_before` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_at` text,
	`sent_at` text,
	`batch_id` integer,
	`last_error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`installment_id`) REFERENCES `installments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_unique_idx` ON `reminder_outbox` (`installment_id`,`kind`,`due_date`);--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `reminder_outbox` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `outbox_user_idx` ON `reminder_outbox` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `outbox_batch_idx` ON `reminder_outbox` (`batch_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`language` text,
	`telegram_language` text,
	`time_zone` text NOT NULL,
	`created_at` text NOT NULL,
	`reminder_time` text DEFAULT '09:00' NOT NULL,
	`days_before` text DEFAULT '[3,1,0]' NOT NULL,
	`overdue_days` text DEFAULT '[1,3,7]' NOT NULL,
	`overdue_weekly` integer DEFAULT true NOT NULL,
	`overdue_stop_after_days` integer DEFAULT 90,
	`quiet_start` text DEFAULT '21:00' NOT NULL,
	`quiet_end` text DEFAULT '08:00' NOT NULL,
	`reminders_paused` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
