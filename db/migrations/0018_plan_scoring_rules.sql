CREATE TABLE `plan_reward_rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`plan_id` integer NOT NULL,
	`version_no` integer NOT NULL,
	`method` text NOT NULL,
	`reason` text NOT NULL,
	`saved_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_reward_rules_uuid_unique` ON `plan_reward_rules` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_reward_rules_version_unique` ON `plan_reward_rules` (`plan_id`,`version_no`);--> statement-breakpoint
CREATE TABLE `plan_scoring_rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`plan_id` integer NOT NULL,
	`version_no` integer NOT NULL,
	`rules` text NOT NULL,
	`reason` text NOT NULL,
	`saved_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_scoring_rules_uuid_unique` ON `plan_scoring_rules` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_scoring_rules_version_unique` ON `plan_scoring_rules` (`plan_id`,`version_no`);