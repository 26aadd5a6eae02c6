package org.videogov.common.district;

/** A tenant: a district, or the city itself, named by its GB/T 2260 code. */
public record District(String code, String name, boolean city) {
}
