CREATE TABLE `penalty_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` integer NOT NULL,
	`n` integer NOT NULL,
	`kind` text NOT NULL,
	`amount` text,
	`on` text NOT NULL,
	`source` text DEFAULT 'user' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `penalty_entries_loan_idx` ON `penalty_entries` (`loan_id`);--> statement-breakpoint
ALTER TABLE `installments` ADD `penalty_open` text DEFAULT '0.00' NOT NULL;--> statement-breakpoint
ALTER TABLE `loans` ADD `allocation_order` text DEFAULT 'civil-code' NOT NULL;--> statement-breakpoint
ALTER TABLE `loans` ADD `lender_time_zone` text;--> statement-breakpoint
ALTER TABLE `loans` ADD `settled_on` text;--> statement-breakpoint
ALTER TABLE `payment_allocations` ADD `penalty` text DEFAULT '0.00' NOT NULL;--> statement-breakpoint
ALTER TABLE `payment_allocations` ADD `late_fee` text DEFAULT '0.00' NOT NULL;--> statement-breakpoint
-- A loan paid off with /payoff before this release is settled from that day: its terms stay as they are.
UPDATE `loans` SET `settled_on` = (SELECT max(`paid_on`) FROM `payments` WHERE `payments`.`loan_id` = `loans`.`id` AND `payments`.`source` = 'payoff')
  WHERE EXISTS (SELECT 1 FROM `payments` WHERE `payments`.`loan_id` = `loans`.`id` AND `payments`.`source` = 'payoff');
