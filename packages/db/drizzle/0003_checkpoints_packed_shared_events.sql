CREATE TABLE `checkpoints` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`center_id` text NOT NULL,
	`format` integer NOT NULL,
	`data` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `shared_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hash` text NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shared_values_hash_unique` ON `shared_values` (`hash`);--> statement-breakpoint
DROP INDEX `events_type_idx`;--> statement-breakpoint
DROP INDEX `events_idempotency_key_unique`;--> statement-breakpoint
ALTER TABLE `events` ADD `packed` blob;--> statement-breakpoint
ALTER TABLE `events` ADD `shared` text;--> statement-breakpoint
CREATE UNIQUE INDEX `events_idempotency_key_unique` ON `events` (`idempotency_key`) WHERE "events"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX `event_agents_seq_idx` ON `event_agents` (`seq`);