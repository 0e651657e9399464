DROP INDEX `form_states_user_id_unique`;--> statement-breakpoint
ALTER TABLE `form_states` ADD `slot` text DEFAULT 'long' NOT NULL;--> statement-breakpoint
ALTER TABLE `form_states` ADD `history` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Forms open when this release arrives: a payment confirmation and a setting are quick forms.
UPDATE `form_states` SET `slot` = 'quick' WHERE `form` IN ('paid', 'settings');--> statement-breakpoint
CREATE UNIQUE INDEX `form_states_user_slot_idx` ON `form_states` (`user_id`,`slot`);