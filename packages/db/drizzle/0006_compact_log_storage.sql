-- The log's storage made compact (decision 0019). `events` rows are not rewritten: a body's and a
-- type's form is per row, and old rows read as they were written.
-- 1. A column for the compact body form (compact-body.ts): the dictionary it was deflated with.
ALTER TABLE `events` ADD `dictionary` integer;--> statement-breakpoint
-- 2. The call and caller indexes hold calls only (an agent's events, half the log, have no call),
-- keyed without seq: an index entry ends with the rowid, which is the seq.
DROP INDEX `events_call_id_idx`;--> statement-breakpoint
CREATE INDEX `events_call_id_idx` ON `events` (`call_id`) WHERE "events"."call_id" is not null;--> statement-breakpoint
DROP INDEX `events_caller_idx`;--> statement-breakpoint
CREATE INDEX `events_caller_idx` ON `events` (`caller`) WHERE "events"."caller" is not null;--> statement-breakpoint
-- 3. event_agents becomes one B-tree of integers: a WITHOUT ROWID table keyed (agent key, seq),
-- the agent ids once each in agent_keys, no index by seq (retention deletes per agent range).
-- Written by hand: drizzle-kit cannot express WITHOUT ROWID. Rows are copied in key order, so the
-- new tree is packed.
CREATE TABLE `agent_keys` (
	`id` integer PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agent_keys_agent_id_unique` ON `agent_keys` (`agent_id`);--> statement-breakpoint
INSERT INTO `agent_keys` (`agent_id`) SELECT DISTINCT `agent_id` FROM `event_agents` ORDER BY `agent_id`;--> statement-breakpoint
CREATE TABLE `__new_event_agents` (
	`agent` integer NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`agent`, `seq`),
	FOREIGN KEY (`agent`) REFERENCES `agent_keys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seq`) REFERENCES `events`(`seq`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_event_agents` (`agent`, `seq`)
	SELECT k.`id`, a.`seq` FROM `event_agents` a JOIN `agent_keys` k ON k.`agent_id` = a.`agent_id` ORDER BY k.`id`, a.`seq`;--> statement-breakpoint
DROP TABLE `event_agents`;--> statement-breakpoint
ALTER TABLE `__new_event_agents` RENAME TO `event_agents`;
