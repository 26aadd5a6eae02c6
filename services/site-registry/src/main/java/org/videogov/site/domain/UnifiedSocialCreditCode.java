package org.videogov.site.domain;

import java.util.Optional;

/**
 * The unified social credit code of a unit (GB 32100-2015): 18 characters — registration
 * authority (1), unit type (2), administrative division (3-8, six digits), organisation code
 * (9-17) and a check character (18) computed modulo 31 over a charset without I, O, Z, S, V.
 */
public final class UnifiedSocialCreditCode {

    /** The 31 characters a code may use, in value order. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /**
     * Registration authorities (position 1): 1 institutional establishment, 2 foreign affairs, 3 justice,
     * 4 culture, 5 civil affairs, 6 tourism, 7 religion, 8 trade unions, 9 industry and commerce
     * (market regulation), A central military commission, N agriculture, Y others.
     */
    private static final String AUTHORITIES = "123456789ANY";

    private UnifiedSocialCreditCode() {
    }

    /** Why the code is not a valid unified social credit code, or empty when it is. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("must be 18 characters (GB 32100-2015)");
        }
        for (int i = 0; i < 18; i++) {
            char c = code.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                return Optional.of("character " + (i + 1) + " '" + c + "' is not allowed: only digits and the "
                        + "upper-case letters " + CHARSET.substring(10) + " (never I, O, Z, S, V or lower case)");
            }
        }
        if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return Optional.of("character 1 '" + code.charAt(0) + "' is not a registration authority code");
        }
        char type = code.charAt(1);
        if (type < '1' || type > '9') {
            return Optional.of("character 2 '" + type + "' is not a unit type code (1-9)");
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("characters 3-8 must be the six-digit administrative division code");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("check character is '" + code.charAt(17) + "' but must be '" + expected + "'");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The check character of the first 17 characters: 31 - (weighted sum mod 31), 31 written as 0. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("the check character is computed over 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in the code charset");
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }
}
