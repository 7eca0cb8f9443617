-- broken on purpose
create view zz_broken as
select no_such_column
from periods
