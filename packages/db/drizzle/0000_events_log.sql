CREATE TABLE `events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	`idempotency_key` text,
	`agent_id` text,
	`call_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_idempotency_key_unique` ON `events` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `events_agent_id_idx` ON `events` (`agent_id`,`seq`);--> statement-breakpoint
CREATE INDEX `events_call_id_idx` ON `events` (`call_id`,`seq`);--> statement-breakpoint
CREATE INDEX `events_type_idx` ON `events` (`type`,`seq`);