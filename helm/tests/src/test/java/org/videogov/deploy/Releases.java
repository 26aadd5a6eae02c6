package org.videogov.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The releases the tests render: the city release and every district's, and every district's baseline. */
final class Releases {

    private Releases() {
    }

    /** The city release and one release per values/districts file. */
    static Stream<Release> application() {
        List<Release> releases = new ArrayList<>();
        releases.add(Release.city());
        Repo.districtFiles().forEach(file -> releases.add(Release.district(file)));
        return releases.stream();
    }

    /** One release per values/districts file. */
    static Stream<Release> districts() {
        return Repo.districtFiles().stream().map(Release::district);
    }

    /** The baseline of every district, from the same files. */
    static Stream<Release> baselines() {
        return Repo.districtFiles().stream().map(Release::baseline);
    }
}
