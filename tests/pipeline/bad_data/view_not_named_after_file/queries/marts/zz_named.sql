create view something_else as select 1 as x
