-- The log's storage made compact (decision 0019). Nothing is refused or rewritten in `events`:
-- the body's format is per row, and old rows read as they were written.
-- 1. A column for the new compact body form (compact-body.ts): the dictionary it was deflated with.
ALTER TABLE `events` ADD `dictionary` integer;--> statement-breakpoint
-- 2. The call index holds calls only: an agent's events (half the log) have no call.
DROP INDEX `events_call_id_idx`;--> statement-breakpoint
CREATE INDEX `events_call_id_idx` ON `events` (`call_id`,`seq`) WHERE "events"."call_id" is not null;--> statement-breakpoint
-- 3. event_agents becomes one B-tree: a WITHOUT ROWID table whose rows are its (agent_id, seq) key,
-- without the index by seq (retention now deletes per agent range). Written by hand: drizzle-kit
-- cannot express WITHOUT ROWID. Existing rows are copied in key order, so the new tree is packed.
CREATE TABLE `__new_event_agents` (
	`agent_id` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `seq`),
	FOREIGN KEY (`seq`) REFERENCES `events`(`seq`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_event_agents` (`agent_id`, `seq`) SELECT `agent_id`, `seq` FROM `event_agents` ORDER BY `agent_id`, `seq`;--> statement-breakpoint
DROP TABLE `event_agents`;--> statement-breakpoint
ALTER TABLE `__new_event_agents` RENAME TO `event_agents`;
