-- Custom SQL migration file, put your code below! --
-- custom: a counter of its own for the tables behind what a letter prints of its unit (units, people, categories), so
-- the letters list keeps the units it read and each unit's part of its letter's fingerprint across a change to what
-- all letters share (settings, the plan, indicators: letter_inputs, migration 0013, still moves on all of them)
INSERT INTO `change_counts` (`name`, `n`) VALUES ('letter_org', 0);
--> statement-breakpoint
CREATE TRIGGER `letter_org_units_ins` AFTER INSERT ON `units` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_org'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_org_units_upd` AFTER UPDATE ON `units` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_org'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_org_units_del` AFTER DELETE ON `units` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_org'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_org_people_ins` AFTER INSERT ON `people` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_org'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_org_people_upd` AFTER UPDATE ON `people` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_org'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_org_people_del` AFTER DELETE ON `people` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_org'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_org_categories_ins` AFTER INSERT ON `categories` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_org'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_org_categories_upd` AFTER UPDATE ON `categories` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_org'; END;
--> statement-breakpoint
CREATE TRIGGER `letter_org_categories_del` AFTER DELETE ON `categories` BEGIN UPDATE `change_counts` SET `n` = `n` + 1 WHERE `name` = 'letter_org'; END;
