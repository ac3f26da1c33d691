package dev.salesplatform.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every service's refused transition reads the same: 409 illegal-transition, currentState and command. */
class StateConflictTest {

    enum Status { DISQUALIFIED }

    enum Command { QUALIFY }

    @Test
    void namesTheStateTheCommandAndFurtherMembers() {
        Problem problem = new StateConflict(Status.DISQUALIFIED, Command.QUALIFY, "A DISQUALIFIED lead cannot be qualified")
                .with("currentStage", "Demo").toProblem().toProblem("/api/v1/leads/1/qualify");
        assertEquals(409, problem.getStatus());
        assertEquals(Problem.TYPE_BASE + "illegal-transition", problem.getType());
        assertEquals("A DISQUALIFIED lead cannot be qualified", problem.getDetail());
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("currentState", "DISQUALIFIED");
        members.put("command", "QUALIFY");
        members.put("currentStage", "Demo");
        assertEquals(members, problem.getExtensions());
    }
}
