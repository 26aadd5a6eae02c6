package org.videogov.sharing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videogov.common.problem.ProblemException;
import org.videogov.common.problem.ProblemType;

/** The list of service accounts that may call Authorization, without Quarkus. */
class AllowedCallersTest {

    @Test
    void aListedServiceAccountIsAdmittedAndAnyOtherRefusedByName() {
        AllowedCallers callers = new AllowedCallers(Set.of("camera-inventory", "site-registry"));
        ServiceCaller camera = new ServiceCaller("camera-inventory", Set.of());
        assertSame(camera, callers.admit(camera));
        ProblemException e = assertThrows(ProblemException.class,
                () -> callers.admit(new ServiceCaller("sharing-authz", Set.of("offline_access"))));
        assertEquals(ProblemType.FORBIDDEN, e.type());
        assertEquals("service account sharing-authz may not call Authorization "
                + "(not in videogov.sharing-authz.allowed-callers)", e.getMessage());
    }

    @Test
    void theMatchIsExact() {
        AllowedCallers callers = new AllowedCallers(Set.of("camera-inventory"));
        for (String client : new String[] {"Camera-Inventory", "camera-inventory2", "camera", ""}) {
            assertThrows(ProblemException.class, () -> callers.admit(new ServiceCaller(client, Set.of())), client);
        }
    }
}
