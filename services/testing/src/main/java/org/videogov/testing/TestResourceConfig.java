package org.videogov.testing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The config a test resource returns, for code that runs outside {@code @QuarkusTest} (an IT, a
 * benchmark program). In a {@code @QuarkusTest}, Quarkus makes what a test resource's
 * {@code start()} returns readable through {@code ConfigProvider.getConfig()}; {@link #provide}
 * does the same in a plain JVM, so that test helpers read such values one way everywhere (never
 * through System properties):
 *
 * <pre>{@code
 * Map<String, String> config = siteRegistry.start();
 * try (TestResourceConfig provided = TestResourceConfig.provide(config)) {
 *     Fixtures.site(token, 2);   // reads SiteRegistryProcess.URL_PROPERTY with ConfigProvider
 * }
 * }</pre>
 */
public final class TestResourceConfig implements AutoCloseable {

    private final ClassLoader loader;
    private final Config config;

    private TestResourceConfig(ClassLoader loader, Config config) {
        this.loader = loader;
        this.config = config;
    }

    /**
     * Makes {@code values} (and the default sources: application.properties, environment) the
     * config of the current thread's class loader until {@link #close()}.
     */
    public static TestResourceConfig provide(Map<String, String> values) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = resolver.getBuilder().forClassLoader(loader).addDefaultSources().addDiscoveredConverters()
                .withSources(new Returned(Map.copyOf(values))).build();
        // A config built on demand before (the defaults) gives way to this one.
        resolver.releaseConfig(resolver.getConfig(loader));
        resolver.registerConfig(config, loader);
        return new TestResourceConfig(loader, config);
    }

    @Override
    public void close() {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        if (resolver.getConfig(loader) == config) {
            resolver.releaseConfig(config);
        }
    }

    /** A test resource's returned config, above application.properties as in a {@code @QuarkusTest}. */
    private record Returned(Map<String, String> values) implements ConfigSource {
        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String name) {
            return values.get(name);
        }

        @Override
        public String getName() {
            return "test resource config";
        }

        @Override
        public int getOrdinal() {
            return 500;
        }
    }
}
