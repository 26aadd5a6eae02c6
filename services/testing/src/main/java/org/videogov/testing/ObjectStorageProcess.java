package org.videogov.testing;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Bucket;
import io.minio.messages.Item;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs object-storage as a real process for the tests of a service that calls it over gRPC
 * (recording-metadata: StatObjects before it registers segments, DeleteObject in its purge,
 * HoldObject/ReleaseObject with its legal holds, ListObjects in its orphan sweep): its packaged jar
 * ({@link QuarkusAppProcess}) on a free port, against the local stack's S3 server (endpoint and keys
 * from the environment {@code stack.env} gives the test JVM: {@code VIDEOGOV_S3_ENDPOINT},
 * {@code VIDEOGOV_S3_ACCESS_KEY}, {@code VIDEOGOV_S3_SECRET_KEY}), with a bucket prefix of this run's
 * own ({@code t<8 hex>-}, so two runs never share objects), verifying {@link TestTokens} with a
 * Quarkus OIDC test server of its own (same signing key and issuer as the service under test's).
 *
 * <p>How a test uses it: list it among the module's test resources after
 * {@link SharingAuthzProcess} (it starts later, {@link #order()}, and points object-storage at that
 * sharing-authz, which it asks for people's reads and writes; without one, people are refused and
 * service accounts still work), e.g.
 * <pre>{@code
 * @QuarkusTestResource(SharingAuthzProcess.class)
 * @QuarkusTestResource(ObjectStorageProcess.class)
 * }</pre>
 * and give the service under test a gRPC client named {@code object-storage} (init arg {@code client}
 * to name it otherwise): the resource returns {@code quarkus.grpc.clients.object-storage.host/port/test-port}.
 * The service under test calls it with its own service-account token (recording-metadata's
 * client-credentials token, {@link TestCaller#SERVICE_RECORDING_METADATA} in a test), which
 * object-storage's defaults allow for every gRPC method ({@code videogov.object-storage.grpc-callers}
 * and {@code .deleters}) and for uploads ({@code .writers}). A test stores objects through
 * object-storage's REST API at {@link #URL_PROPERTY} ({@code PUT /api/v1/districts/{d}/objects/{key}}
 * with {@code X-Object-Size} and {@code X-Object-SHA256}, as recording-metadata's service account),
 * reading the URL with {@code ConfigProvider.getConfig()}; {@link #BUCKET_PREFIX_PROPERTY} names the
 * run's bucket prefix (a district's bucket is the prefix and its code). Init args {@code env.<NAME>}
 * add environment variables of object-storage (e.g. {@code env.VIDEOGOV_OBJECT_STORAGE_DELETERS}); init arg
 * {@code identity-provider} ({@link #KEYCLOAK}) makes it verify the local stack's Keycloak tokens instead.
 * At the end the process stops and this run's buckets are removed from the S3 server.
 * The jar must be built first: the reactor builds object-storage before the services that use it.
 */
public class ObjectStorageProcess implements QuarkusTestResourceLifecycleManager {

    /** Returned config key with object-storage's base URL (REST). */
    public static final String URL_PROPERTY = "videogov.test.object-storage.url";
    /** Returned config key with this run's bucket prefix on the stack's S3 server. */
    public static final String BUCKET_PREFIX_PROPERTY = "videogov.test.object-storage.bucket-prefix";
    /**
     * Returned config key with the public key (X.509 PEM) of the evidence signing key object-storage
     * was started with: a fresh Ed25519 key per run, unless init arg {@code env.VIDEOGOV_EVIDENCE_SIGNING_KEY}
     * gives one (empty: none, and this key is not returned).
     */
    public static final String EVIDENCE_PUBLIC_KEY_PROPERTY = "videogov.test.object-storage.evidence-public-key";

    /** Init arg {@code identity-provider}: the real Keycloak of the local stack (as {@link SiteRegistryProcess#KEYCLOAK}). */
    public static final String KEYCLOAK = SiteRegistryProcess.KEYCLOAK;

    private String client = "object-storage";
    private boolean realKeycloak;
    private final Map<String, String> extraEnv = new HashMap<>();
    private String prefix;
    private OidcWiremockTestResource oidc;
    private volatile QuarkusAppProcess app;
    private Map<String, String> env;
    private static volatile ObjectStorageProcess running;

    @Override
    public void init(Map<String, String> initArgs) {
        client = initArgs.getOrDefault("client", client);
        realKeycloak = KEYCLOAK.equals(initArgs.get("identity-provider"));
        initArgs.forEach((name, value) -> {
            if (name.startsWith("env.")) {
                extraEnv.put(name.substring("env.".length()), value);
            }
        });
    }

    /** After {@link SharingAuthzProcess} (order 0), so that object-storage asks the same one. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public Map<String, String> start() {
        for (String variable : new String[] {"VIDEOGOV_S3_ENDPOINT", "VIDEOGOV_S3_ACCESS_KEY", "VIDEOGOV_S3_SECRET_KEY"}) {
            if (System.getenv(variable) == null) {
                throw new IllegalStateException(variable + " is not set: source the test stack's stack.env first");
            }
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        prefix = "t" + HexFormat.of().formatHex(random) + "-";
        Map<String, String> config = new HashMap<>();
        Map<String, String> env = new HashMap<>();
        if (realKeycloak) {
            // The issuer and client secrets of the stack's environment, which the process inherits.
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakTokens.issuer());
        } else {
            oidc = new OidcWiremockTestResource();
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidc.start().get("keycloak.url") + "/realms/quarkus");
        }
        env.put("VIDEOGOV_S3_BUCKET_PREFIX", prefix);
        env.put("VIDEOGOV_OBJECT_STORAGE_LOCK_PROBE_BUCKET", prefix + "lock-probe");
        env.put("QUARKUS_LOG_CONSOLE_LEVEL", "INFO");
        // Where sharing-authz runs for this module's tests; otherwise an address that refuses (fail closed).
        env.putAll(SharingAuthzProcess.runningClientEnv().orElse(Map.of("VIDEOGOV_SHARING_AUTHZ_HOST", "127.0.0.1",
                "VIDEOGOV_SHARING_AUTHZ_PORT", "1")));
        String evidencePublicKey = null;
        if (!extraEnv.containsKey("VIDEOGOV_EVIDENCE_SIGNING_KEY")) {
            java.security.KeyPair evidence = evidenceKey();
            env.put("VIDEOGOV_EVIDENCE_SIGNING_KEY", pem("PRIVATE KEY", evidence.getPrivate().getEncoded()));
            evidencePublicKey = pem("PUBLIC KEY", evidence.getPublic().getEncoded());
        }
        env.putAll(extraEnv);
        try {
            app = QuarkusAppProcess.start("object-storage", env, "/q/health/ready");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        this.env = env;
        running = this;
        config.put(URL_PROPERTY, app.url());
        config.put(BUCKET_PREFIX_PROPERTY, prefix);
        if (evidencePublicKey != null) {
            config.put(EVIDENCE_PUBLIC_KEY_PROPERTY, evidencePublicKey);
        }
        config.put("quarkus.grpc.clients." + client + ".host", "127.0.0.1");
        config.put("quarkus.grpc.clients." + client + ".port", Integer.toString(app.port()));
        // In test mode Quarkus dials a client's test-port, which otherwise defaults to the app's own test port.
        config.put("quarkus.grpc.clients." + client + ".test-port", Integer.toString(app.port()));
        return config;
    }

    private static java.security.KeyPair evidenceKey() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The running process (its log for failure messages, {@link QuarkusAppProcess#kill()}). */
    public QuarkusAppProcess process() {
        return app;
    }

    @Override
    public void stop() {
        running = null;
        if (app != null) {
            app.close();
            app = null;
        }
        if (oidc != null) {
            oidc.stop();
            oidc = null;
        }
        if (prefix != null) {
            removeBuckets(prefix);
            prefix = null;
        }
    }

    /**
     * Kills the running object-storage process (as a crash would), for fail-closed tests; its port stays
     * unanswered until {@link #startProcess()}. Its objects stay on the S3 server.
     */
    public static void stopProcess() {
        current().app.kill();
    }

    /** Starts object-storage again on the same port, store and keys, and waits until it is ready. */
    public static void startProcess() {
        ObjectStorageProcess current = current();
        current.app.restart(current.env);
    }

    private static ObjectStorageProcess current() {
        ObjectStorageProcess current = running;
        if (current == null) {
            throw new IllegalStateException("object-storage is not running: the test needs ObjectStorageProcess");
        }
        return current;
    }

    /** Removes the buckets named {@code prefix*} and their objects from the stack's S3 server. */
    static void removeBuckets(String prefix) {
        MinioClient s3 = MinioClient.builder().endpoint(System.getenv("VIDEOGOV_S3_ENDPOINT"))
                .credentials(System.getenv("VIDEOGOV_S3_ACCESS_KEY"), System.getenv("VIDEOGOV_S3_SECRET_KEY"))
                .region("us-east-1").build();
        try {
            for (Bucket bucket : s3.listBuckets()) {
                if (!bucket.name().startsWith(prefix)) {
                    continue;
                }
                for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket.name()).recursive(true)
                        .build())) {
                    s3.removeObject(RemoveObjectArgs.builder().bucket(bucket.name()).object(item.get().objectName())
                            .build());
                }
                s3.removeBucket(RemoveBucketArgs.builder().bucket(bucket.name()).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not remove this run's buckets (" + prefix + "*)", e);
        }
    }
}
