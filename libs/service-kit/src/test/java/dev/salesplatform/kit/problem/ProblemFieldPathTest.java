package dev.salesplatform.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Field paths in validation problems name list elements the way a client addresses them. */
class ProblemFieldPathTest {

    record Line(@NotNull Integer quantity) {
    }

    record Order(@NotBlank String name, @Valid Line first, List<@NotNull @Valid Line> lines,
                 Map<String, @NotNull @Valid Line> byCode) {
    }

    static Set<String> fields(Object bean) {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        return validator.validate(bean).stream().map(v -> ProblemMappers.field(v.getPropertyPath()))
                .collect(Collectors.toSet());
    }

    @Test
    void listAndMapElementsCarryTheirPositionOnTheCollection() {
        Map<String, Line> byCode = new java.util.HashMap<>();
        byCode.put("a", new Line(null));
        byCode.put("b", null);
        List<Line> lines = new java.util.ArrayList<>();
        lines.add(new Line(1));
        lines.add(new Line(null));
        lines.add(null);
        assertEquals(Set.of("name", "first.quantity", "lines[1].quantity", "lines[2]", "byCode[a].quantity",
                "byCode[b]"), fields(new Order(" ", new Line(null), lines, byCode)));
    }
}
