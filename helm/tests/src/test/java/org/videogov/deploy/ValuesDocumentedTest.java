package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * values.yaml is documented key by key: every key has a comment on the line above it. Only the
 * entries of a label map (podLabels: the labels themselves are the data) go without.
 */
class ValuesDocumentedTest {

    static final Pattern KEY = Pattern.compile("^(\\s*)(- )?([A-Za-z][\\w./-]*):.*$");

    @ParameterizedTest
    @ValueSource(strings = {"helm/videogov/values.yaml", "k8s/district-baseline/values.yaml"})
    void everyKeyHasACommentAboveIt(String file) {
        List<String> lines = Repo.read(Repo.ROOT.resolve(file)).lines().toList();
        List<String> undocumented = new ArrayList<>();
        List<String> parents = new ArrayList<>(); // key per indentation step
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (!key.matches()) {
                continue;
            }
            int depth = (key.group(1).length() + (key.group(2) == null ? 0 : 2)) / 2;
            while (parents.size() > depth) {
                parents.remove(parents.size() - 1);
            }
            String parent = parents.isEmpty() ? "" : parents.get(parents.size() - 1);
            while (parents.size() < depth) {
                parents.add(parent);
            }
            parents.add(key.group(3));
            if (parent.endsWith("Labels")) {
                continue;
            }
            String above = i == 0 ? "" : lines.get(i - 1).strip();
            if (!above.startsWith("#")) {
                undocumented.add(Path.of(file).getFileName() + ":" + (i + 1) + " " + lines.get(i).strip());
            }
        }
        assertEquals(List.of(), undocumented);
    }
}
