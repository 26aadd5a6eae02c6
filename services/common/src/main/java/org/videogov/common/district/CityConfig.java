package org.videogov.common.district;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** The city this deployment serves and its districts: data, overridable per deployment. */
@ConfigMapping(prefix = "videogov.city")
public interface CityConfig {

    /** GB/T 2260 six-digit administrative code of the city, e.g. 370200. */
    String code();

    /** Display name of the city. */
    String name();

    /** The city's county-level districts: GB/T 2260 code to display name. */
    Map<String, String> districts();
}
