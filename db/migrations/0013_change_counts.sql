CREATE TABLE `change_counts` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `target_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL
);
--> statement-breakpoint
-- what the letters print is worked out from these tables: any write to them moves the letter_inputs counter
INSERT INTO `change_counts` (`name`, `n`) VALUES ('letter_inputs', 0);
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_plans_ins` AFTER INSERT ON `plans` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_plans_upd` AFTER UPDATE ON `plans` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_plans_del` AFTER DELETE ON `plans` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_indicators_ins` AFTER INSERT ON `indicators` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_indicators_upd` AFTER UPDATE ON `indicators` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_indicators_del` AFTER DELETE ON `indicators` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_units_ins` AFTER INSERT ON `units` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_units_upd` AFTER UPDATE ON `units` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_units_del` AFTER DELETE ON `units` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_people_ins` AFTER INSERT ON `people` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_people_upd` AFTER UPDATE ON `people` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_people_del` AFTER DELETE ON `people` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_categories_ins` AFTER INSERT ON `categories` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_categories_upd` AFTER UPDATE ON `categories` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_categories_del` AFTER DELETE ON `categories` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_settings_ins` AFTER INSERT ON `settings` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_settings_upd` AFTER UPDATE ON `settings` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_inputs_settings_del` AFTER DELETE ON `settings` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_inputs'; END;
--> statement-breakpoint
-- which units' targets changed, the latest 5,000 writes: the letters list works out those units again, not all
CREATE TRIGGER `target_changes_ins` AFTER INSERT ON `targets` BEGIN INSERT INTO `target_changes` (`unit_id`) VALUES (NEW.`unit_id`); DELETE FROM `target_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `target_changes`) - 5000; END;
--> statement-breakpoint
CREATE TRIGGER `target_changes_upd` AFTER UPDATE ON `targets` BEGIN INSERT INTO `target_changes` (`unit_id`) VALUES (NEW.`unit_id`); INSERT INTO `target_changes` (`unit_id`) SELECT OLD.`unit_id` WHERE OLD.`unit_id` <> NEW.`unit_id`; DELETE FROM `target_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `target_changes`) - 5000; END;
--> statement-breakpoint
CREATE TRIGGER `target_changes_del` AFTER DELETE ON `targets` BEGIN INSERT INTO `target_changes` (`unit_id`) VALUES (OLD.`unit_id`); DELETE FROM `target_changes` WHERE `seq` <= (SELECT max(`seq`) FROM `target_changes`) - 5000; END;
