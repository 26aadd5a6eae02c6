package org.videogov.site.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.videogov.site.config.SiteRegistryConfig;

/** What day it is in the city: authorisations and approvals are dated in local days. */
@ApplicationScoped
public class CityCalendar {

    @Inject
    SiteRegistryConfig config;

    public LocalDate today() {
        return LocalDate.now(config.timeZone());
    }
}
