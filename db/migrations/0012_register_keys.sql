CREATE TABLE `register_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`algorithm` text DEFAULT 'Ed25519' NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
