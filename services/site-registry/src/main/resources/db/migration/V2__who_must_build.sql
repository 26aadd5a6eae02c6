-- Article 8: who organises the building of a site's system, the responsible unit's identity and
-- contact, and the authorisation another unit or person needs in a public place. Sites registered
-- before this migration keep a null builder ("not recorded") and their responsible_unit as the name.

alter table site
    -- GOVERNMENT (Art. 8 para 1), MANAGEMENT_UNIT (para 2), OTHER_AUTHORISED (para 3); null: not recorded
    add column builder                   varchar(32)
        check (builder in ('GOVERNMENT', 'MANAGEMENT_UNIT', 'OTHER_AUTHORISED')),
    -- the Art. 8 para 1 place a government-organised system stands at
    add column government_place          varchar(32),
    -- GB 32100-2015 unified social credit code of the responsible unit
    add column responsible_unit_code     varchar(18) check (responsible_unit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    add column contact_person            varchar(100),
    add column contact_phone             varchar(30),
    add column authorisation_reference   varchar(100),
    add column authorisation_authority   varchar(200),
    add column authorisation_granted_on  date,
    add column authorisation_valid_until date,
    add constraint site_authorisation_complete check (
        (authorisation_reference is null and authorisation_authority is null and authorisation_granted_on is null
            and authorisation_valid_until is null)
        or (authorisation_reference is not null and authorisation_authority is not null
            and authorisation_granted_on is not null)),
    add constraint site_other_builder_authorised check (
        builder is distinct from 'OTHER_AUTHORISED' or authorisation_reference is not null);

create index site_builder_idx on site (district_code, builder);
