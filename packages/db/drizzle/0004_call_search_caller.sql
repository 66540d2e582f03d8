ALTER TABLE `events` ADD `caller` text;--> statement-breakpoint
-- Logs written before call search: fill the caller of every arrival already logged (once, at boot).
UPDATE `events` SET `caller` = json_extract(`data`, '$.from') WHERE `type` = 'call.arrived';--> statement-breakpoint
CREATE INDEX `events_caller_idx` ON `events` (`caller`,`seq`) WHERE "events"."caller" IS NOT NULL;
