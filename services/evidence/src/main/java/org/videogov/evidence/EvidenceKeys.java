package org.videogov.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The platform's Ed25519 evidence key in PEM: the private key as PKCS#8 ({@code BEGIN PRIVATE KEY},
 * what {@code openssl genpkey -algorithm ed25519} writes), the public key as X.509
 * SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}). A key's id is the SHA-256 (hex) of its public
 * key's X.509 encoding.
 */
public final class EvidenceKeys {

    /** A key that cannot be read. */
    public static final class BadKey extends Exception {
        BadKey(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private EvidenceKeys() {
    }

    public static PrivateKey readPrivate(String pem) throws BadKey {
        try {
            return KeyFactory.getInstance(EvidenceFormat.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BadKey("not an Ed25519 private key in PKCS#8 PEM (BEGIN PRIVATE KEY)", e);
        }
    }

    public static PublicKey readPublic(String pem) throws BadKey {
        try {
            return KeyFactory.getInstance(EvidenceFormat.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BadKey("not an Ed25519 public key in X.509 PEM (BEGIN PUBLIC KEY)", e);
        }
    }

    /**
     * The public key of a private key. The JDK has no call for it: the key pair generator, given the
     * private key's 32-byte seed as its "random" bytes, derives the same pair (RFC 8032 5.1.5).
     */
    public static PublicKey publicOf(PrivateKey key) throws BadKey {
        if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
            throw new BadKey("not an Ed25519 private key", null);
        }
        byte[] seed = ed.getBytes().get();
        SecureRandom replay = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != seed.length) {
                    throw new IllegalStateException("the generator asked for " + bytes.length + " bytes");
                }
                System.arraycopy(seed, 0, bytes, 0, seed.length);
            }
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(EvidenceFormat.ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, replay);
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new BadKey("could not derive the public key", e);
        }
    }

    /** A new key pair (tests, and a first key where openssl is missing). */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(EvidenceFormat.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** The key id: SHA-256 (64 lowercase hex digits) of the public key's X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to).strip());
    }
}
