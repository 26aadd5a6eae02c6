package org.videogov.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the charts, values files and k8s/ objects of this checkout are. */
final class Repo {

    /** The repository's root (surefire passes it; from an IDE the working directory's ../..). */
    static final Path ROOT = Path.of(System.getProperty("videogov.root", "../..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/videogov");
    static final Path BASELINE = ROOT.resolve("k8s/district-baseline");
    static final Path CITY_VALUES = CHART.resolve("values/city.yaml");
    static final Path DISTRICTS = CHART.resolve("values/districts");
    static final Path K8S_CITY = ROOT.resolve("k8s/city");

    private Repo() {
    }

    /** The district values files, sorted by name (370202-shinan.yaml, ...). */
    static List<Path> districtFiles() {
        try (Stream<Path> files = Files.list(DISTRICTS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "370202" of 370202-shinan.yaml. */
    static String codeOf(Path districtFile) {
        return districtFile.getFileName().toString().substring(0, 6);
    }

    /** "shinan" of 370202-shinan.yaml. */
    static String nameOf(Path districtFile) {
        String file = districtFile.getFileName().toString();
        return file.substring(7, file.length() - ".yaml".length());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
