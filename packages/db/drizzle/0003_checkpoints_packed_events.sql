CREATE TABLE `checkpoints` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`center_id` text NOT NULL,
	`format` integer NOT NULL,
	`data` blob NOT NULL
);
--> statement-breakpoint
ALTER TABLE `events` ADD `packed` blob;--> statement-breakpoint
CREATE INDEX `event_agents_seq_idx` ON `event_agents` (`seq`);