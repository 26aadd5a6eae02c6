package org.videogov.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Article 8: the responsible unit is identified by its GB 32100-2015 unified social credit code. */
class UnifiedSocialCreditCodeTest {

    @ParameterizedTest(name = "{0} is valid")
    @ValueSource(strings = {
            "914403001922038216", // Huawei Technologies Co., Ltd.
            "91440300708461136T", // Shenzhen Tencent Computer Systems Co., Ltd.
            "91330100716105852F", // Alibaba (China) Co., Ltd.
            "91110108551385082Q", // Beijing Xiaomi Technology Co., Ltd.
            "91110000802100433B"}) // Beijing Baidu Netcom Science and Technology Co., Ltd.
    void article8WellKnownPublicCodesAreValid(String code) {
        assertTrue(UnifiedSocialCreditCode.isValid(code), () -> UnifiedSocialCreditCode.problem(code).orElse(""));
    }

    @Test
    void article8ComputedCodesAreValidAndEveryOtherCheckCharacterIsRefused() {
        Random random = new Random(370200);
        String charset = UnifiedSocialCreditCode.CHARSET;
        String[] heads = {"11", "12", "51", "52", "91", "92", "93", "Y1", "N2"};
        for (int n = 0; n < 200; n++) {
            StringBuilder body = new StringBuilder(heads[n % heads.length]).append("370202");
            for (int i = 0; i < 9; i++) {
                body.append(charset.charAt(random.nextInt(charset.length())));
            }
            char check = UnifiedSocialCreditCode.checkCharacter(body.toString());
            String valid = body.toString() + check;
            assertTrue(UnifiedSocialCreditCode.isValid(valid), valid);
            for (char other : charset.toCharArray()) {
                if (other != check) {
                    String wrong = body.toString() + other;
                    assertEquals("check character is '" + other + "' but must be '" + check + "'",
                            UnifiedSocialCreditCode.problem(wrong).orElseThrow(), wrong);
                }
            }
        }
    }

    @Test
    void article8CheckCharacterOf31IsWrittenAsZero() {
        // Search for a body whose weighted sum is a multiple of 31: its check character is '0', not 31.
        String charset = UnifiedSocialCreditCode.CHARSET;
        for (char a : charset.toCharArray()) {
            String body = "9137020200000000" + a;
            int sum = 0;
            int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
            for (int i = 0; i < 17; i++) {
                sum += charset.indexOf(body.charAt(i)) * weights[i];
            }
            if (sum % 31 == 0) {
                assertEquals('0', UnifiedSocialCreditCode.checkCharacter(body));
                return;
            }
        }
        throw new AssertionError("no body with a sum divisible by 31 in the search");
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {
            "914403001922038217", // wrong check digit
            "91440300708461136t", // lower case check letter
            "91440300708461136", // 17 characters
            "9144030070846113600", // 19 characters
            "",
            "91440300I08461136T", // forbidden letters I O Z S V
            "91440300O08461136T",
            "91440300Z08461136T",
            "91440300S08461136T",
            "91440300V08461136T",
            "B1440300708461136T", // B is no registration authority
            "90440300708461136T", // unit type 0
            "9144A300708461136T"}) // division code not six digits
    void article8MalformedCodesAreRefused(String code) {
        assertFalse(UnifiedSocialCreditCode.isValid(code), code);
    }

    @Test
    void article8NullIsRefused() {
        assertFalse(UnifiedSocialCreditCode.isValid(null));
    }
}
