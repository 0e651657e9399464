-- /forget (issue 13): the audit trail stays append-only, with one exception. An entry about a
-- user may be made pseudonymous once: its user id replaced by a negative pseudonym (Telegram ids
-- are positive), the actor's id likewise when the user was the actor, and its before/after
-- snapshots (text, amounts, names) blanked. Everything else — its id, time, role, action and the
-- row ids it names — must stay as it was; any other UPDATE, and every DELETE, is still refused.
DROP TRIGGER `audit_log_no_update`;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
	OLD.`user_id` > 0 AND NEW.`user_id` < 0
	AND NEW.`id` = OLD.`id` AND NEW.`at` = OLD.`at` AND NEW.`actor_role` = OLD.`actor_role` AND NEW.`action` = OLD.`action`
	AND NEW.`request_id` IS OLD.`request_id` AND NEW.`promise_id` IS OLD.`promise_id` AND NEW.`loan_id` IS OLD.`loan_id`
	AND NEW.`before` IS NULL AND NEW.`after` IS NULL
	AND (
		(OLD.`actor_id` IS NOT OLD.`user_id` AND NEW.`actor_id` IS OLD.`actor_id`)
		OR (OLD.`actor_id` = OLD.`user_id` AND NEW.`actor_id` = NEW.`user_id`)
	)
)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
