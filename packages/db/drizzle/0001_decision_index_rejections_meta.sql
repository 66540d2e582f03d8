CREATE TABLE `event_agents` (
	`agent_id` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `seq`),
	FOREIGN KEY (`seq`) REFERENCES `events`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rejections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rejections_at_idx` ON `rejections` (`at`);--> statement-breakpoint
INSERT INTO `event_agents` (`agent_id`, `seq`) SELECT `agent_id`, `seq` FROM `events` WHERE `agent_id` IS NOT NULL;--> statement-breakpoint
DROP INDEX `events_agent_id_idx`;--> statement-breakpoint
ALTER TABLE `events` DROP COLUMN `agent_id`;