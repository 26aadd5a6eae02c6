package org.videogov.common.district;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The city and its districts, as configured. Nothing here assumes a particular city. */
@ApplicationScoped
public class Districts {

    private static final Pattern ADMIN_CODE = Pattern.compile("\\d{6}");

    private final District city;
    private final Map<String, District> byCode;

    @Inject
    public Districts(CityConfig config) {
        this(config.code(), config.name(), config.districts());
    }

    public Districts(String cityCode, String cityName, Map<String, String> districts) {
        requireCode(cityCode, "city");
        this.city = new District(cityCode, cityName, true);
        Map<String, District> all = new TreeMap<>();
        all.put(cityCode, city);
        districts.forEach((code, name) -> {
            requireCode(code, "district");
            if (!code.startsWith(cityCode.substring(0, 4))) {
                throw new IllegalArgumentException(
                        "district " + code + " is not within city " + cityCode + " (GB/T 2260 prefix differs)");
            }
            all.put(code, new District(code, name, false));
        });
        this.byCode = Collections.unmodifiableMap(all);
    }

    private static void requireCode(String code, String what) {
        if (code == null || !ADMIN_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(what + " code must be a six-digit GB/T 2260 code, not " + code);
        }
    }

    public District city() {
        return city;
    }

    /** The city and every district. */
    public Optional<District> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Whether the code is the city's or one of its districts'. */
    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** Whether the code is one of the city's districts (not the city itself). */
    public boolean isDistrict(String code) {
        return isKnown(code) && !code.equals(city.code());
    }

    /** The districts, without the city, in code order. */
    public List<District> districts() {
        List<District> list = new ArrayList<>();
        byCode.values().forEach(d -> {
            if (!d.city()) {
                list.add(d);
            }
        });
        return list;
    }
}
