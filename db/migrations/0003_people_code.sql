ALTER TABLE `people` ADD `code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `people_code_unique` ON `people` (`code`);