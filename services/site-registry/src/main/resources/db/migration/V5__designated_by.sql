-- The measures, Article 7(8): a site of category DESIGNATED_BY_LAW_OR_GOVERNMENT names the law,
-- regulation, rule or municipal-government decision that designates it (at most 300 characters).
alter table site add column designated_by varchar(300);

-- New and changed rows must satisfy it; sites recorded before this migration are left as they are
-- (NOT VALID) and are asked for the act on their next replace.
alter table site add constraint site_designated_by_7_8
    check ((category = 'DESIGNATED_BY_LAW_OR_GOVERNMENT') = (designated_by is not null)) not valid;
