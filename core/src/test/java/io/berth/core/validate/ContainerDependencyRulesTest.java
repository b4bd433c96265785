package io.berth.core.validate;

import static io.berth.core.error.ErrorCode.CLIENT_EXCEPTION;
import static io.berth.core.error.ErrorCode.INVALID_PARAMETER_EXCEPTION;
import static io.berth.core.validate.ValidationRows.accepts;
import static io.berth.core.validate.ValidationRows.container;
import static io.berth.core.validate.ValidationRows.rejects;
import static io.berth.core.validate.ValidationRows.task;
import static io.berth.core.validate.ValidationRows.web;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** dependsOn rules: known targets and conditions, health checks for HEALTHY, non-essential exits, no cycles. */
class ContainerDependencyRulesTest extends ValidationRuleTable {

    private static final String HEALTH_CHECK = "'healthCheck':{'command':['CMD-SHELL','true']}";


    static Stream<Arguments> rejections() {
        return Stream.of(
                rejects("a dependency on an unknown container", task("", web(dependsOn("db", "START"))),
                        CLIENT_EXCEPTION, "container 'web'", "'dependsOn'", "'db'"),
                rejects("a dependency on itself", task("", web(dependsOn("web", "START"))), CLIENT_EXCEPTION,
                        "container 'web'", "'dependsOn'", "'web'"),
                rejects("condition READY", task("", web(dependsOn("db", "READY")), db("")),
                        INVALID_PARAMETER_EXCEPTION, "container 'web'", "'READY'"),
                rejects("a dependency without a condition", task("", web("'dependsOn':[{'containerName':'db'}]"),
                        db("")), CLIENT_EXCEPTION, "container 'web'", "'condition'"),
                rejects("HEALTHY on a container without a health check", task("", web(dependsOn("db", "HEALTHY")),
                        db("")), CLIENT_EXCEPTION, "container 'web'", "'db'", "HEALTHY", "'healthCheck'"),
                rejects("COMPLETE on an essential container", task("", web(dependsOn("db", "COMPLETE")), db("")),
                        CLIENT_EXCEPTION, "container 'web'", "'db'", "COMPLETE", "essential"),
                rejects("SUCCESS on an essential container", task("", web(dependsOn("db", "SUCCESS")), db("")),
                        CLIENT_EXCEPTION, "container 'web'", "'db'", "SUCCESS", "essential"),
                rejects("two containers waiting for each other", task("", web(dependsOn("db", "START")),
                        db(dependsOn("web", "START"))), CLIENT_EXCEPTION,
                        "'dependsOn' forms a cycle: web -> db -> web"),
                rejects("a cycle of three behind an acyclic start", task("",
                        container("a", "'image':'busybox','memory':64," + dependsOn("b", "START")),
                        container("b", "'image':'busybox','memory':64," + dependsOn("c", "START")),
                        container("c", "'image':'busybox','memory':64," + dependsOn("d", "START")),
                        container("d", "'image':'busybox','memory':64," + dependsOn("b", "START"))),
                        CLIENT_EXCEPTION, "container 'b'", "b -> c -> d -> b"));
    }

    static Stream<Arguments> acceptances() {
        return Stream.of(
                accepts("START on another container", task("", web(dependsOn("db", "START")), db("")),
                        "/containerDefinitions/0/dependsOn/0/condition", "'START'"),
                accepts("HEALTHY on a container with a health check", task("", web(dependsOn("db", "HEALTHY")),
                        db(HEALTH_CHECK)), "/containerDefinitions/0/dependsOn/0/condition", "'HEALTHY'"),
                accepts("COMPLETE on a non-essential container", task("", web(dependsOn("db", "COMPLETE")),
                        db("'essential':false")), "/containerDefinitions/0/dependsOn/0/condition", "'COMPLETE'"),
                accepts("SUCCESS on a non-essential container", task("", web(dependsOn("db", "SUCCESS")),
                        db("'essential':false")), "/containerDefinitions/0/dependsOn/0/condition", "'SUCCESS'"),
                accepts("a diamond: two paths to one container", task("",
                        web("'dependsOn':[{'containerName':'a','condition':'START'},"
                                + "{'containerName':'b','condition':'START'}]"),
                        container("a", "'image':'busybox','memory':64," + dependsOn("db", "START")),
                        container("b", "'image':'busybox','memory':64," + dependsOn("db", "START")), db("")),
                        "/containerDefinitions/0/dependsOn/1/containerName", "'b'"));
    }

    /**
     * Random dependency graphs over up to 10 containers: edges only from later to earlier
     * containers can never close a cycle and are accepted; then making the first container depend
     * on a random container that (through others) depends on it closes one, which is rejected.
     */
    @Test
    void acyclicGraphsAreAcceptedAndClosingAPathIsRejected() {
        for (long seed = 1; seed <= 300; seed++) {
            try {
                checkGraphsOf(new Random(seed));
            } catch (AssertionError failure) {
                throw new AssertionError("failed for seed " + seed, failure);
            }
        }
    }

    private static void checkGraphsOf(Random random) {
        int count = 2 + random.nextInt(9);
        List<List<Integer>> edges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Integer> targets = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (j == 0 && i == 1 || random.nextInt(3) == 0) {
                    targets.add(j);
                }
            }
            edges.add(targets);
        }
        assertThat(ValidationRows.stored(graph(edges)).at("/containerDefinitions/1/dependsOn/0/containerName")
                .asText()).isEqualTo("c0");

        List<Integer> reachingZero = new ArrayList<>();
        for (int k = 1; k < count; k++) {
            if (reachesZero(edges, k)) {
                reachingZero.add(k);
            }
        }
        edges.get(0).add(reachingZero.get(random.nextInt(reachingZero.size())));
        ValidationRows.assertRejected(graph(edges), CLIENT_EXCEPTION, List.of("forms a cycle"));
    }

    private static boolean reachesZero(List<List<Integer>> edges, int from) {
        return from == 0 || edges.get(from).stream().anyMatch(to -> reachesZero(edges, to));
    }

    private static String graph(List<List<Integer>> edges) {
        String[] containers = new String[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            String dependsOn = edges.get(i).stream()
                    .map(j -> "{'containerName':'c" + j + "','condition':'START'}")
                    .collect(Collectors.joining(",", "'dependsOn':[", "]"));
            containers[i] = container("c" + i, "'image':'busybox','memory':64," + dependsOn);
        }
        return task("", containers);
    }

    private static String dependsOn(String target, String condition) {
        return "'dependsOn':[{'containerName':'" + target + "','condition':'" + condition + "'}]";
    }

    private static String db(String members) {
        return container("db", "'image':'postgres','memory':128" + (members.isEmpty() ? "" : "," + members));
    }
}
