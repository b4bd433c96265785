package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.EventLog;
import io.berth.infra.local.BerthStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;

/**
 * SIGKILL the command-service while commands stream in, start it again, and check the log: every
 * acknowledged command is applied exactly once, and every other one either once, whole, or not at
 * all — never twice, never half.
 */
@ExtendWith(BerthSystem.class)
class CrashSafetyE2ETest {

    private static final int WRITERS = 4;

    @Test
    void killingTheCommandServiceLosesNoAcknowledgedCommandAndHalfAppliesNone() throws Exception {
        BerthStack stack = BerthSystem.stack();
        String prefix = unique("crash");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean streaming = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            String family = prefix + "-" + w;
            writers.submit(() -> {
                try (EcsClient ecs = BerthSystem.ecs()) {
                    while (streaming.get()) {
                        String marker = UUID.randomUUID().toString();
                        try {
                            int revision = ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(c -> c
                                    .name("app").image("busybox").memory(16)
                                    .environment(KeyValuePair.builder().name("MARKER").value(marker).build())))
                                    .taskDefinition().revision();
                            acknowledged.put(marker, revision);
                        } catch (RuntimeException unacknowledged) {
                            failures.incrementAndGet();
                        }
                    }
                }
            });
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 2 * WRITERS);
        int beforeKill = acknowledged.size();
        stack.service(BerthStack.COMMAND_SERVICE).kill();
        Thread.sleep(1000);
        stack.restart(BerthStack.COMMAND_SERVICE);
        await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= beforeKill + 2 * WRITERS);
        streaming.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(3, TimeUnit.MINUTES)).isTrue();

        assertThat(beforeKill).as("commands acknowledged before the kill").isPositive();
        assertThat(acknowledged.size()).as("commands acknowledged in all").isGreaterThan(beforeKill);

        Map<String, List<Integer>> appliedByMarker = new HashMap<>();
        Map<String, List<Integer>> revisionsByFamily = new HashMap<>();
        for (JsonNode event : EventLog.all(stack.kafkaBootstrapServers())) {
            JsonNode td = event.at("/payload/taskDefinition");
            if (!"TaskDefinitionRegistered".equals(event.path("type").asText())
                    || !td.path("family").asText().startsWith(prefix + "-")) {
                continue;
            }
            String marker = td.at("/containerDefinitions/0/environment/0/value").asText();
            int revision = td.path("revision").asInt();
            appliedByMarker.computeIfAbsent(marker, m -> new ArrayList<>()).add(revision);
            revisionsByFamily.computeIfAbsent(td.path("family").asText(), f -> new ArrayList<>()).add(revision);
        }

        assertThat(appliedByMarker.values()).as("no command applied twice").allSatisfy(revisions ->
                assertThat(revisions).hasSize(1));
        acknowledged.forEach((marker, revision) -> assertThat(appliedByMarker.get(marker))
                .as("acknowledged command %s applied once with the revision it was told", marker)
                .containsExactly(revision));
        revisionsByFamily.forEach((family, revisions) -> {
            List<Integer> sorted = new ArrayList<>(revisions);
            Collections.sort(sorted);
            List<Integer> expected = new ArrayList<>();
            for (int r = 1; r <= sorted.size(); r++) {
                expected.add(r);
            }
            assertThat(sorted).as("revisions of %s are 1..n without gaps or repeats", family).isEqualTo(expected);
        });
        System.out.printf("crash test: %d acknowledged (%d before the kill), %d applied, %d calls failed%n",
                acknowledged.size(), beforeKill, appliedByMarker.size(), failures.get());
    }
}
