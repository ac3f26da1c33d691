package dev.salesplatform.kit.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command the record's current state does not allow: answered 409 {@code illegal-transition} with
 * {@code currentState} and {@code command} (and any further members, e.g. a deal's stage). Plain Java,
 * so that a service's domain rules throw it.
 */
public class StateConflict extends RuntimeException {

    private final String current;
    private final String command;
    private final Map<String, Object> members = new LinkedHashMap<>();

    /** {@code current} and {@code command} are named by their {@code toString()} (an enum's name). */
    public StateConflict(Object current, Object command, String detail) {
        super(detail);
        this.current = String.valueOf(current);
        this.command = String.valueOf(command);
    }

    /** The state the record is in, e.g. {@code DISQUALIFIED}. */
    public String current() {
        return current;
    }

    /** The command it refused, e.g. {@code QUALIFY}. */
    public String command() {
        return command;
    }

    /** With a further problem member; it may not take a standard one's name. */
    public StateConflict with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    /** The further members, in the order they were added. */
    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    /** The 409 a caller reads. */
    ProblemException toProblem() {
        ProblemException problem = ProblemException.conflict("illegal-transition", "Not allowed in this state", getMessage())
                .with("currentState", current).with("command", command);
        for (Map.Entry<String, Object> member : members.entrySet()) {
            problem = problem.with(member.getKey(), member.getValue());
        }
        return problem;
    }
}
