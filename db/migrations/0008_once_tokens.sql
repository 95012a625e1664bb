CREATE TABLE `once_tokens` (
	`token` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`location` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `once_tokens_created_idx` ON `once_tokens` (`created_at`);