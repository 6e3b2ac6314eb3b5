create table users
(
    id   int          not null,
    name varchar(255) not null
);
create view user_view as
select users.id,
      (users.name collate "ja-JP-x-icu") as name
from users;
