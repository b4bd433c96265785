package io.berth.e2e;

import static io.berth.e2e.support.Names.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.e2e.support.BerthSystem;
import io.berth.e2e.support.DockerEngine;
import io.berth.e2e.support.Tasks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * A task's output through the CloudWatch Logs API with the SDK's own Logs client: the awslogs
 * driver's group and {@code prefix/container/task-id} stream, paging and filtering.
 */
@ExtendWith(BerthSystem.class)
class TaskLogsE2ETest {

    private final EcsClient ecs = BerthSystem.ecs();
    private final CloudWatchLogsClient logs = BerthSystem.logs();

    @BeforeEach
    void needsDocker() {
        DockerEngine.require();
    }

    @Test
    void containerOutputIsReadableWithGetAndFilterLogEvents() {
        String arn = Tasks.runOne(ecs, Tasks.register(ecs, unique("logs"), NetworkMode.BRIDGE,
                Tasks.shell("printer", "echo first line; echo second line >&2; echo the needle line")));
        Tasks.awaitStopped(ecs, arn);
        String stream = "e2e/printer/" + arn.substring(arn.lastIndexOf('/') + 1);

        List<OutputLogEvent> events = awaitEvents(stream, 3);

        assertThat(events).extracting(OutputLogEvent::message)
                .containsExactlyInAnyOrder("first line", "second line", "the needle line");
        assertThat(events).extracting(OutputLogEvent::timestamp).isSorted();
        GetLogEventsResponse firstPage = logs.getLogEvents(b -> b.logGroupName(Tasks.LOG_GROUP).logStreamName(stream)
                .startFromHead(true).limit(2));
        assertThat(firstPage.events()).hasSize(2);
        assertThat(logs.getLogEvents(b -> b.logGroupName(Tasks.LOG_GROUP).logStreamName(stream)
                .startFromHead(true).nextToken(firstPage.nextForwardToken())).events())
                .extracting(OutputLogEvent::message).containsExactly(events.get(2).message());

        List<FilteredLogEvent> needles = logs.filterLogEvents(b -> b.logGroupName(Tasks.LOG_GROUP)
                .logStreamNames(stream).filterPattern("needle")).events();
        assertThat(needles).extracting(FilteredLogEvent::message).containsExactly("the needle line");
        assertThat(needles.get(0).logStreamName()).isEqualTo(stream);

        assertThat(logs.describeLogStreams(b -> b.logGroupName(Tasks.LOG_GROUP).logStreamNamePrefix("e2e/printer/"))
                .logStreams()).extracting(LogStream::logStreamName).contains(stream);
    }

    @Test
    void anUnknownStreamIsResourceNotFound() {
        assertThatThrownBy(() -> logs.getLogEvents(b -> b.logGroupName(Tasks.LOG_GROUP)
                .logStreamName("e2e/none/" + unique("missing"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private List<OutputLogEvent> awaitEvents(String stream, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                List<OutputLogEvent> events = logs.getLogEvents(b -> b.logGroupName(Tasks.LOG_GROUP)
                        .logStreamName(stream).startFromHead(true)).events();
                if (events.size() >= count) {
                    return events;
                }
            } catch (ResourceNotFoundException notYet) {
                // the stream appears with the first shipped batch
            }
            assertThat(System.nanoTime()).as(count + " events in " + stream + " within 30 s").isLessThan(deadline);
            Tasks.sleep(Duration.ofMillis(500));
        }
    }
}
