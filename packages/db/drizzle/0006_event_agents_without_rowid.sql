-- event_agents becomes one B-tree: a WITHOUT ROWID table whose rows are its (agent_id, seq) key,
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
