package org.videogov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsing the rendered-manifest tests rely on refuses what the typed model does not know. */
class StrictModelTest {

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: d
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: d
                spec:
                  containers:
                    - name: d
                      image: registry/d:1
                      %s
            """;

    @Test
    void aKnownFieldParses() {
        List<HasMetadata> objects = Rendering.parse(DEPLOYMENT.formatted("imagePullPolicy: IfNotPresent"));
        assertEquals("IfNotPresent", ((Deployment) objects.get(0)).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImagePullPolicy());
    }

    @Test
    void aMisspeltFieldDeepInsideFailsNamingWhereItIs() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> Rendering.parse(DEPLOYMENT.formatted("readinesProbe: {}")));
        assertTrue(error.getMessage().contains("readinesProbe"), error.getMessage());
        assertTrue(error.getMessage().contains("spec.template.spec.containers[0]"), error.getMessage());
    }

    @Test
    void aFieldOfTheWrongTypeFails() {
        assertThrows(RuntimeException.class,
                () -> Rendering.parse(DEPLOYMENT.formatted("ports: [{containerPort: eighty}]")));
    }

    @Test
    void aMisspeltTopLevelFieldFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> Rendering.parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndatta:\n  a: b\n"));
        assertTrue(error.getMessage().contains("datta"), error.getMessage());
    }
}
