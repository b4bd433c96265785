package io.berth.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.core.arn.Arns;
import io.berth.core.command.ApplyServicePlan;
import io.berth.core.command.Command;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.DeleteCluster;
import io.berth.core.command.DeleteService;
import io.berth.core.command.TagResource;
import io.berth.core.command.UntagResource;
import io.berth.core.command.UpdateCluster;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.ServiceCreated;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.json.Json;
import io.berth.core.model.Cluster;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded random sequences of cluster and service commands over a small name space, through the
 * fixture (which checks after every step that replaying the log rebuilds the live state), with
 * the boundary's invariants checked after every step. A failure names its seed; rerun just that
 * seed with {@code -Dberth.seed=<seed>}.
 */
class ClusterBoundaryPropertyTest {

    private static final int SEEDS = 300;
    private static final int STEPS = 60;
    private static final String CLUSTER = "prod";
    private static final String CLUSTER_ARN = Arns.cluster(BoundaryFixture.SCOPE, CLUSTER);
    private static final List<String> SERVICES = List.of("a", "b", "c");
    /** Two ACTIVE revisions of web, an INACTIVE third, and a family that does not exist. */
    private static final List<String> TASK_DEFINITIONS = List.of("web", "web:1", "web:2", "web:3", "nope");
    private static final List<String> TAG_KEYS = List.of("team", "tier");

    @Test
    void invariantsHoldAfterEveryCommandOfEverySequence() {
        String only = System.getProperty("berth.seed");
        if (only != null) {
            run(Long.parseLong(only));
            return;
        }
        for (long seed = 1; seed <= SEEDS; seed++) {
            run(seed);
        }
    }

    private static void run(long seed) {
        Random random = new Random(seed);
        BoundaryFixture fixture = BoundaryFixture.cluster(CLUSTER).withTaskDefinitions(new TaskDefinitions()
                .add("web", 1, "ACTIVE", "bridge")
                .add("web", 2, "ACTIVE", "bridge")
                .add("web", 3, "INACTIVE", "bridge"));
        for (int step = 0; step < STEPS; step++) {
            Command command = randomCommand(random, fixture);
            try {
                Before before = Before.of(fixture);
                Decision decision = fixture.when(command);
                checkInvariants(fixture, command, decision, before);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", step " + step + ", " + command + ": " + e.getMessage(),
                        e);
            }
        }
    }

    /** What the invariants compare against: the state just before the command. */
    private record Before(Optional<String> clusterStatus, Map<String, String> serviceStatuses, int historySize) {

        static Before of(BoundaryFixture fixture) {
            ClusterState state = fixture.clusterState();
            return new Before(state.cluster().map(Cluster::status), statuses(state), fixture.history().size());
        }

        boolean hasLiveService() {
            return serviceStatuses.values().stream().anyMatch(s -> !s.equals(Service.INACTIVE));
        }
    }

    private static Map<String, String> statuses(ClusterState state) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (ClusterState.ServiceEntry entry : state.services()) {
            statuses.put(entry.service().serviceName(), entry.service().status());
        }
        return statuses;
    }

    private static void checkInvariants(BoundaryFixture fixture, Command command, Decision decision, Before before) {
        ClusterState state = fixture.clusterState();

        if (!decision.isAccepted()) {
            assertThat(decision.events()).as("a rejected command's events").isEmpty();
            assertThat(fixture.history()).as("the log after a rejection").hasSize(before.historySize());
        } else {
            assertThat(fixture.history()).hasSize(before.historySize() + decision.events().size());
        }

        List<Service> services = state.services().stream().map(ClusterState.ServiceEntry::service).toList();
        assertThat(services).extracting(Service::serviceName).as("service names").doesNotHaveDuplicates();
        for (Service service : services) {
            assertThat(service.serviceArn()).isEqualTo(Arns.service(BoundaryFixture.SCOPE, CLUSTER,
                    service.serviceName()));
            checkDeployments(service);
            if (service.status().equals(Service.DRAINING)) {
                assertThat(service.desiredCount()).as("desiredCount of DRAINING %s", service.serviceName()).isZero();
            }
        }

        checkStatusTransitions(command, before, statuses(state));

        if (command instanceof CreateService c && !decision.events().isEmpty()) {
            assertThat(decision.events()).singleElement().isInstanceOf(ServiceCreated.class);
            assertThat(before.serviceStatuses().getOrDefault(c.serviceName(), Service.INACTIVE))
                    .as("a name is taken again only once its service is INACTIVE").isEqualTo(Service.INACTIVE);
        }

        long active = services.stream().filter(Service::isActive).count();
        if ((command instanceof CreateCluster || command instanceof UpdateCluster) && decision.isAccepted()) {
            assertThat(decision.response().at("/cluster/activeServicesCount").asLong())
                    .as("activeServicesCount").isEqualTo(active);
        }

        if (command instanceof DeleteCluster && before.clusterStatus().equals(Optional.of(Cluster.ACTIVE))) {
            assertThat(decision.isAccepted()).as("DeleteCluster succeeds iff no ACTIVE or DRAINING service exists")
                    .isEqualTo(!before.hasLiveService());
            if (!decision.isAccepted()) {
                assertThat(decision.error().code()).isEqualTo(ErrorCode.CLUSTER_CONTAINS_SERVICES_EXCEPTION);
            }
        }

        if (!state.cluster().map(Cluster::isActive).orElse(false)) {
            assertThat(services).as("services of a missing or INACTIVE cluster")
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(Service.INACTIVE));
        }
    }

    /** At most one PRIMARY, listed first; an ACTIVE service has exactly one unless task sets run it. */
    private static void checkDeployments(Service service) {
        List<Deployment> deployments = service.deployments();
        long primaries = deployments.stream().filter(Deployment::isPrimary).count();
        assertThat(primaries).as("PRIMARY deployments of %s", service.serviceName()).isLessThanOrEqualTo(1);
        if (primaries == 1) {
            assertThat(deployments.get(0).isPrimary()).as("%s lists its PRIMARY first", service.serviceName())
                    .isTrue();
        }
        boolean external = service.deploymentController().type().equals("EXTERNAL");
        if (service.isActive()) {
            assertThat(primaries).as("PRIMARY deployments of ACTIVE %s", service.serviceName())
                    .isEqualTo(external ? 0 : 1);
        }
    }

    /**
     * ACTIVE -> DRAINING by DeleteService, DRAINING -> INACTIVE by a service plan, and ACTIVE
     * again only by a CreateService of a name that is free (never used, or INACTIVE).
     */
    private static void checkStatusTransitions(Command command, Before before, Map<String, String> after) {
        for (String name : SERVICES) {
            String was = before.serviceStatuses().get(name);
            String is = after.get(name);
            if (Objects.equals(was, is)) {
                continue;
            }
            String transition = name + ": " + was + " -> " + is;
            assertThat(is).as(transition).isNotNull();
            switch (is) {
                case Service.ACTIVE -> {
                    assertThat(was == null || was.equals(Service.INACTIVE)).as(transition).isTrue();
                    assertThat(command).as(transition).isInstanceOf(CreateService.class);
                }
                case Service.DRAINING -> {
                    assertThat(was).as(transition).isEqualTo(Service.ACTIVE);
                    assertThat(command).as(transition).isInstanceOf(DeleteService.class);
                }
                case Service.INACTIVE -> {
                    assertThat(was).as(transition).isEqualTo(Service.DRAINING);
                    assertThat(command).as(transition).isInstanceOf(ApplyServicePlan.class);
                }
                default -> throw new AssertionError(transition + " is not a service status");
            }
        }
    }

    // ---- random commands --------------------------------------------------------------------

    private static Command randomCommand(Random random, BoundaryFixture fixture) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return createCluster(random);
        } else if (roll < 12) {
            return command(UpdateCluster.class, body -> {
                body.put("cluster", CLUSTER);
                body.set("settings", Json.toTree(List.of(Map.of("name", "containerInsights",
                        "value", pick(random, List.of("enabled", "disabled"))))));
            });
        } else if (roll < 17) {
            return new DeleteCluster(CLUSTER);
        } else if (roll < 40) {
            return createService(random);
        } else if (roll < 62) {
            return updateService(random);
        } else if (roll < 72) {
            return new DeleteService(CLUSTER, serviceReference(random), random.nextBoolean() ? true : null);
        } else if (roll < 90) {
            return fixture.plan(pick(random, SERVICES));
        } else if (roll < 95) {
            return command(TagResource.class, body -> {
                body.put("resourceArn", taggableArn(random));
                body.set("tags", Json.toTree(List.of(Map.of("key", pick(random, TAG_KEYS),
                        "value", "v" + random.nextInt(3)))));
            });
        }
        return command(UntagResource.class, body -> {
            body.put("resourceArn", taggableArn(random));
            body.set("tagKeys", Json.toTree(List.of(pick(random, TAG_KEYS))));
        });
    }

    private static CreateCluster createCluster(Random random) {
        return command(CreateCluster.class, body -> {
            body.put("clusterName", CLUSTER);
            if (random.nextInt(3) == 0) {
                body.set("tags", Json.toTree(List.of(Map.of("key", pick(random, TAG_KEYS), "value", "x"))));
            }
        });
    }

    private static CreateService createService(Random random) {
        return command(CreateService.class, body -> {
            body.put("cluster", CLUSTER);
            body.put("serviceName", pick(random, SERVICES));
            int kind = random.nextInt(10);
            if (kind == 0) {
                body.put("schedulingStrategy", "DAEMON");
            } else if (kind == 1) {
                body.set("deploymentController", Json.toTree(Map.of("type", "EXTERNAL")));
            }
            if (kind != 1 || random.nextBoolean()) {
                body.put("taskDefinition", pick(random, TASK_DEFINITIONS));
            }
            Integer desired = pick(random, Arrays.asList(null, -1, 0, 0, 1, 2, 3));
            if (desired != null) {
                body.put("desiredCount", desired);
            }
            if (random.nextInt(3) == 0) {
                body.put("clientToken", "token-" + random.nextInt(2));
            }
            if (random.nextInt(4) == 0) {
                ArrayNode tags = body.putArray("tags");
                tags.add(Json.toTree(Map.of("key", pick(random, TAG_KEYS), "value", "v")));
            }
        });
    }

    private static UpdateService updateService(Random random) {
        return command(UpdateService.class, body -> {
            body.put("cluster", CLUSTER);
            body.put("service", serviceReference(random));
            if (random.nextBoolean()) {
                body.put("desiredCount", pick(random, List.of(-1, 0, 1, 2, 3)));
            }
            if (random.nextInt(3) == 0) {
                body.put("taskDefinition", pick(random, TASK_DEFINITIONS));
            }
            if (random.nextInt(5) == 0) {
                body.put("forceNewDeployment", random.nextBoolean());
            }
            if (random.nextInt(6) == 0) {
                body.set("deploymentConfiguration", Json.toTree(Map.of("maximumPercent",
                        pick(random, List.of(99, 100, 150, 200)))));
            }
        });
    }

    /** A name most of the time, else the long or the old short ARN. */
    private static String serviceReference(Random random) {
        String name = pick(random, SERVICES);
        return switch (random.nextInt(4)) {
            case 0 -> Arns.service(BoundaryFixture.SCOPE, CLUSTER, name);
            case 1 -> BoundaryFixture.SCOPE.arnPrefix("ecs") + "service/" + name;
            default -> name;
        };
    }

    private static String taggableArn(Random random) {
        return random.nextInt(3) == 0 ? CLUSTER_ARN
                : Arns.service(BoundaryFixture.SCOPE, CLUSTER, pick(random, SERVICES));
    }

    private static <T extends Command> T command(Class<T> type, Consumer<ObjectNode> members) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        members.accept(body);
        return Json.convert(body, type);
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
