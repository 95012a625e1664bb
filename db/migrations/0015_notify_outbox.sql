CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`channel` text NOT NULL,
	`digest` integer DEFAULT false NOT NULL,
	`due_at` text NOT NULL,
	`outbox_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox_messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deliveries_waiting_idx` ON `deliveries` (`outbox_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `deliveries_user_idx` ON `deliveries` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` integer NOT NULL,
	`at` text NOT NULL,
	`ok` integer NOT NULL,
	`error` text,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox_messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_outbox_idx` ON `delivery_attempts` (`outbox_id`,`id`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` text PRIMARY KEY NOT NULL,
	`channel` text DEFAULT 'email' NOT NULL,
	`digest` integer DEFAULT false NOT NULL,
	`topics` text DEFAULT '["ideas","meetings","votes","budgets"]' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`postal_address` text DEFAULT '' NOT NULL,
	`unsubscribe_key` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_preferences_unsubscribe_key_unique` ON `notification_preferences` (`unsubscribe_key`);--> statement-breakpoint
CREATE TABLE `outbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`channel` text NOT NULL,
	`purpose` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`council_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`lease_until` text,
	`message_id` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	`sent_by_id` text,
	`last_error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sent_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_messages_message_id_unique` ON `outbox_messages` (`message_id`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox_messages` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_channel_idx` ON `outbox_messages` (`channel`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_user_idx` ON `outbox_messages` (`user_id`,`id`);--> statement-breakpoint
ALTER TABLE `notifications` ADD `title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `link` text DEFAULT '/' NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `council_id` integer;--> statement-breakpoint
UPDATE `notifications` SET
	`title` = coalesce((SELECT `title` FROM `ideas` WHERE `ideas`.`id` = `notifications`.`idea_id`), (SELECT `title` FROM `meetings` WHERE `meetings`.`id` = `notifications`.`meeting_id`), ''),
	`council_id` = coalesce((SELECT `council_id` FROM `ideas` WHERE `ideas`.`id` = `notifications`.`idea_id`), (SELECT `council_id` FROM `meetings` WHERE `meetings`.`id` = `notifications`.`meeting_id`)),
	`link` = CASE
		WHEN `meeting_id` IS NOT NULL THEN '/meetings/' || `meeting_id` || (CASE WHEN `kind` LIKE 'minutes%' THEN '#minutes' ELSE '' END)
		WHEN `comment_id` IS NOT NULL THEN '/ideas/' || `idea_id` || '#comment-' || `comment_id`
		WHEN `decision_seq` IS NOT NULL THEN '/ideas/' || `idea_id` || '#answers'
		WHEN `idea_id` IS NOT NULL THEN '/ideas/' || `idea_id`
		ELSE '/' END;
