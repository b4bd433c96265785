package io.berth.core.placement;

import static io.berth.core.placement.PlacementFailureReasons.DISTINCT_INSTANCE;
import static io.berth.core.placement.PlacementFailureReasons.MEMBER_OF;
import static io.berth.core.placement.PlacementRows.failure;
import static io.berth.core.placement.PlacementRows.instances;
import static io.berth.core.placement.PlacementRows.placedOn;
import static io.berth.core.placement.PlacementRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.model.PlacementConstraint;
import io.berth.core.placement.PlacementRows.Expected;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Constraints as hard filters after resources: distinctInstance and memberOf (ecs-semantics §4.1). */
class PlacementConstraintTest {

    /** Binpacking memory visits them a, b, c. */
    private static final List<Instance> THREE = instances(Instance.named("a").memory(1024),
            Instance.named("b").memory(2048), Instance.named("c").memory(4096));

    static Stream<Arguments> rows() {
        return Stream.of(
                row("distinctInstance: one task per instance within the call", THREE,
                        Task.web().distinctInstance().strategy("binpack", "memory"), 3, placedOn("a", "b", "c")),
                row("distinctInstance: a fourth task has nowhere to go", THREE,
                        Task.web().distinctInstance().strategy("binpack", "memory"), 4,
                        placedOn("a", "b", "c").thenFail(1, failure("a", DISTINCT_INSTANCE))),
                row("distinctInstance: instances already running the group are out",
                        instances(Instance.named("a").tasks(Task.GROUP), Instance.named("b"),
                                Instance.named("c").tasks("family:other", Task.GROUP)),
                        Task.web().distinctInstance(), 2, placedOn("b").thenFail(1, failure("a", DISTINCT_INSTANCE))),
                row("distinctInstance: other groups do not count",
                        instances(Instance.named("a").tasks("family:other", "service:api")),
                        Task.web().distinctInstance(), 1, placedOn("a")),
                row("distinctInstance comes after resources: the instance with room already runs the group",
                        instances(Instance.named("a").memory(0), Instance.named("b").tasks(Task.GROUP)),
                        Task.web().distinctInstance(), 1, placedOn().thenFail(1, failure("b", DISTINCT_INSTANCE))),
                row("memberOf: only matching instances",
                        instances(Instance.named("a").attribute("ecs.instance-type", "m5.large"),
                                Instance.named("b").attribute("ecs.instance-type", "t2.micro")),
                        Task.web().memberOf("attribute:ecs.instance-type =~ t2.*"), 3, placedOn("b", "b", "b")),
                row("memberOf: no instance matches",
                        instances(Instance.named("a").attribute("ecs.instance-type", "m5.large")),
                        Task.web().memberOf("attribute:ecs.instance-type =~ t2.*"), 2,
                        placedOn().thenFail(2, failure("a", MEMBER_OF))),
                row("memberOf comes after resources: the instance with room does not match",
                        instances(Instance.named("a").az("us-east-1a").memory(0), Instance.named("b").az("us-east-1b")),
                        Task.web().memberOf("attribute:ecs.availability-zone == us-east-1a"), 1,
                        placedOn().thenFail(1, failure("b", MEMBER_OF))),
                row("memberOf affinity: where the database runs",
                        instances(Instance.named("a"), Instance.named("b").tasks("family:db"), Instance.named("c")),
                        Task.web().memberOf("task:group == family:db"), 2, placedOn("b", "b")),
                row("memberOf anti-affinity to its own group sees the call's own tasks",
                        instances(Instance.named("a").memory(1024), Instance.named("b").memory(2048)),
                        Task.web().memberOf("not(task:group == family:web)").strategy("binpack", "memory"), 3,
                        placedOn("a", "b").thenFail(1, failure("a", MEMBER_OF))),
                row("memberOf on running tasks counts the call's own tasks",
                        instances(Instance.named("a")), Task.web().memberOf("runningTasksCount < 2"), 3,
                        placedOn("a", "a").thenFail(1, failure("a", MEMBER_OF))),
                row("two constraints: the failing one is reported",
                        instances(Instance.named("a").az("us-east-1a").tasks(Task.GROUP), Instance.named("b")),
                        Task.web().distinctInstance().memberOf("attribute:ecs.availability-zone exists"), 1,
                        placedOn().thenFail(1, failure("b", MEMBER_OF))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void places(List<InstanceView> instances, TaskShape shape, int count, Expected expected) {
        PlacementRows.assertPlacement(instances, shape, count, expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                invalid("an unknown constraint type", new PlacementConstraint("sameZone", null),
                        "Unknown placement constraint type 'sameZone'"),
                invalid("memberOf without an expression", new PlacementConstraint("memberOf", null),
                        "memberOf", "needs an expression"),
                invalid("memberOf with a malformed expression", new PlacementConstraint("memberOf", "attribute:a ="),
                        "Invalid cluster query expression", "position 13"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("invalid")
    void rejects(PlacementConstraint constraint, List<String> messageFragments) {
        TaskShape shape = new TaskShape(0, 0, null, null, Task.GROUP, List.of(constraint), null);
        EcsException rejection = catchThrowableOfType(EcsException.class,
                () -> TaskPlacer.place(shape, 1, List.of(Instance.named("a").view()), new Random(1)));
        assertThat(rejection).isNotNull();
        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(rejection.getMessage()).contains(messageFragments);
    }

    private static Arguments invalid(String why, PlacementConstraint constraint, String... messageFragments) {
        return Arguments.of(Named.of(why, constraint), Arrays.asList(messageFragments));
    }
}
