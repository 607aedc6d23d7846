-- The character encoding a CSV input was read in (UTF-8, windows-1252, UTF-16LE, ...), detected or
-- given by --encoding, so that `report` can rewrite summary.csv's input_encoding from the ledger.
-- Empty for a --source-sql run.

alter table snapshot_run add column input_encoding varchar(64);
