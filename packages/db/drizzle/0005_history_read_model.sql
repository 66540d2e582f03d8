CREATE TABLE `history_agent_buckets` (
	`agent_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`handled` integer DEFAULT 0 NOT NULL,
	`talk_ms` integer DEFAULT 0 NOT NULL,
	`handle_ms` integer DEFAULT 0 NOT NULL,
	`can_ring_ms` integer DEFAULT 0 NOT NULL,
	`on_call_ms` integer DEFAULT 0 NOT NULL,
	`wrap_up_ms` integer DEFAULT 0 NOT NULL,
	`away_ms` integer DEFAULT 0 NOT NULL,
	`offline_ms` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`agent_id`, `bucket`)
);
--> statement-breakpoint
CREATE TABLE `history_queue_buckets` (
	`queue_id` text NOT NULL,
	`bucket` integer NOT NULL,
	`arrived` integer DEFAULT 0 NOT NULL,
	`offered` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`answered_in_sl` integer DEFAULT 0 NOT NULL,
	`answered_unknown_wait` integer DEFAULT 0 NOT NULL,
	`abandoned` integer DEFAULT 0 NOT NULL,
	`short_abandoned` integer DEFAULT 0 NOT NULL,
	`timed_out` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`closed` integer DEFAULT 0 NOT NULL,
	`wait_ms` integer DEFAULT 0 NOT NULL,
	`handled` integer DEFAULT 0 NOT NULL,
	`handle_ms` integer DEFAULT 0 NOT NULL,
	`busy_ms` integer DEFAULT 0 NOT NULL,
	`staffed_ms` integer DEFAULT 0 NOT NULL,
	`talk_ms` integer DEFAULT 0 NOT NULL,
	`sl_numerator` integer DEFAULT 0 NOT NULL,
	`sl_denominator` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`queue_id`, `bucket`)
);
--> statement-breakpoint
CREATE TABLE `history_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`version` integer NOT NULL
);
