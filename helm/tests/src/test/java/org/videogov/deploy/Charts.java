package org.videogov.deploy;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Copies of charts and YAML files as maps. */
final class Charts {

    private Charts() {
    }

    /** A copy of the chart's folder at target (for a changed values.yaml or Chart.yaml). */
    static Path copy(Path chart, Path target) {
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(chart.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML file as a map (empty for an empty file). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        Map<String, Object> map = Serialization.unmarshal(Repo.read(file), Map.class);
        return map == null ? Map.of() : map;
    }
}
