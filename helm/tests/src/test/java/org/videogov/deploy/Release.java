package org.videogov.deploy;

import java.nio.file.Path;
import java.util.List;

/**
 * One release as city IT installs it: the chart, the release name, its namespace and the values files
 * given with -f (in order).
 */
record Release(String description, Path chart, String name, String namespace, List<Path> valuesFiles) {

    /** The city release of helm/videogov. */
    static Release city() {
        return new Release("city", Repo.CHART, "videogov-city", "videogov-city", List.of(Repo.CITY_VALUES));
    }

    /** A district's release of helm/videogov, as its values file's header says. */
    static Release district(Path districtFile) {
        String code = Repo.codeOf(districtFile);
        return new Release("district " + code, Repo.CHART, "videogov-" + code, "videogov-" + code,
                List.of(districtFile));
    }

    /** A district's baseline, rendered from the same values file. */
    static Release baseline(Path districtFile) {
        String code = Repo.codeOf(districtFile);
        return new Release("baseline " + code, Repo.BASELINE, "baseline-" + code, "videogov-system",
                List.of(districtFile));
    }

    /** The same release of another copy of the chart. */
    Release withChart(Path otherChart) {
        return new Release(description, otherChart, name, namespace, valuesFiles);
    }

    @Override
    public String toString() {
        return description;
    }
}
