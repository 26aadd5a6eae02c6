package org.videogov.common.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DistrictsTest {

    /** The shipped default data, read the way configuration reads it. */
    private static Districts shippedDefaults() throws Exception {
        Properties p = new Properties();
        try (InputStream in = DistrictsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String> districts = new TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("videogov.city.districts."))
                .forEach(k -> districts.put(k.substring("videogov.city.districts.".length()).replace("\"", ""),
                        p.getProperty(k)));
        return new Districts(p.getProperty("videogov.city.code"), p.getProperty("videogov.city.name"), districts);
    }

    @Test
    void defaultDataIsQingdaoAndItsTenDistricts() throws Exception {
        Districts d = shippedDefaults();
        assertEquals("370200", d.city().code());
        assertEquals(10, d.districts().size());
        assertTrue(d.isDistrict("370202"));
        assertTrue(d.isDistrict("370285"));
        assertTrue(d.isKnown("370200"));
        assertFalse(d.isDistrict("370200"));
        assertFalse(d.isKnown("370299"));
        assertFalse(d.isKnown(null));
    }

    @Test
    void anotherCityIsJustOtherData() {
        Districts d = new Districts("110100", "Beijing", Map.of("110101", "Dongcheng", "110102", "Xicheng"));
        assertTrue(d.isDistrict("110102"));
        assertFalse(d.isKnown("370202"));
    }

    @Test
    void refusesADistrictOutsideTheCity() {
        assertThrows(IllegalArgumentException.class,
                () -> new Districts("370200", "Qingdao", Map.of("110101", "Dongcheng")));
    }

    @Test
    void refusesAMalformedCode() {
        assertThrows(IllegalArgumentException.class, () -> new Districts("3702", "Qingdao", Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Districts("370200", "Qingdao", Map.of("37020A", "x")));
    }
}
