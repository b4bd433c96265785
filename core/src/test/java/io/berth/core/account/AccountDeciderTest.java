package io.berth.core.account;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.DeleteTaskDefinitions;
import io.berth.core.command.DeregisterTaskDefinition;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.command.ResetBoundary;
import io.berth.core.command.TagResource;
import io.berth.core.command.UntagResource;
import io.berth.core.decide.BoundaryState;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.BoundaryReset;
import io.berth.core.event.ResourceTagged;
import io.berth.core.event.ResourceUntagged;
import io.berth.core.event.TaskDefinitionDeleteRequested;
import io.berth.core.event.TaskDefinitionDeregistered;
import io.berth.core.event.TaskDefinitionRegistered;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.model.Tag;
import io.berth.core.model.TaskDefinition;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The account boundary: task definition revisions, their lifecycle and their tags. */
class AccountDeciderTest {

    private static final String ARN_PREFIX = "arn:aws:ecs:eu-west-1:123456789012:task-definition/";
    private static final String ACTOR = "arn:aws:iam::123456789012:root";

    private final BoundaryFixture account = BoundaryFixture.account();

    @Test
    void registeringAFamilyGivesRevisionOneThenTwo() {
        Decision first = account.when(register("web"));

        TaskDefinition one = registered(first);
        assertThat(one.taskDefinitionArn()).isEqualTo(ARN_PREFIX + "web:1");
        assertThat(one.revision()).isEqualTo(1);
        assertThat(one.status()).isEqualTo(TaskDefinition.ACTIVE);
        assertThat(one.registeredAt()).isEqualTo(account.now());
        assertThat(one.registeredBy()).isEqualTo(ACTOR);
        assertThat(first.response().at("/taskDefinition/taskDefinitionArn").asText()).isEqualTo(ARN_PREFIX + "web:1");
        assertThat(first.response().at("/taskDefinition/registeredAt").decimalValue().longValue())
                .isEqualTo(account.now().getEpochSecond());

        account.advance(Duration.ofMinutes(1));
        TaskDefinition two = registered(account.when(register("web")));
        assertThat(two.taskDefinitionArn()).isEqualTo(ARN_PREFIX + "web:2");
        assertThat(two.revision()).isEqualTo(2);
        assertThat(two.registeredAt()).isEqualTo(account.now());
    }

    @Test
    void eachFamilyCountsItsOwnRevisions() {
        account.given(register("web"), register("web"));

        TaskDefinition worker = registered(account.when(register("worker")));

        assertThat(worker.taskDefinitionArn()).isEqualTo(ARN_PREFIX + "worker:1");
    }

    @Test
    void theRegisteredDefinitionIsTheValidatedOne() {
        TaskDefinition web = registered(account.when(register("web")));

        assertThat(web.networkMode()).isEqualTo("bridge");
        assertThat(web.containerDefinitions().get(0).essential()).isTrue();
        assertThat(web.compatibilities()).containsExactly("EC2", "EXTERNAL");
    }

    @Test
    void revisionNumbersAreNeverReusedAfterDeregisterAndDelete() {
        account.given(register("web"), register("web"),
                new DeregisterTaskDefinition("web:2"),
                new DeleteTaskDefinitions(List.of("web:2")),
                new DeregisterTaskDefinition("web:1"),
                new DeleteTaskDefinitions(List.of("web:1")));

        TaskDefinition next = registered(account.when(register("web")));

        assertThat(next.revision()).isEqualTo(3);
        assertThat(next.taskDefinitionArn()).isEqualTo(ARN_PREFIX + "web:3");
    }

    @Test
    void resetBoundaryForgetsEveryRevisionSoNumberingRestartsAtOne() {
        account.given(register("web"), register("web"));

        Decision reset = account.when(new ResetBoundary(null));
        assertThat(reset.events()).singleElement().isInstanceOf(BoundaryReset.class);
        assertThat(state().revision("web", 1)).isEmpty();

        TaskDefinition fresh = registered(account.when(register("web")));
        assertThat(fresh.taskDefinitionArn()).isEqualTo(ARN_PREFIX + "web:1");
    }

    @Test
    void deregisteringMakesTheRevisionInactive() {
        account.given(register("web"));
        account.advance(Duration.ofHours(1));

        Decision decision = account.when(new DeregisterTaskDefinition(ARN_PREFIX + "web:1"));

        TaskDefinition inactive = ((TaskDefinitionDeregistered) decision.events().get(0)).taskDefinition();
        assertThat(decision.events()).hasSize(1);
        assertThat(inactive.status()).isEqualTo(TaskDefinition.INACTIVE);
        assertThat(inactive.deregisteredAt()).isEqualTo(account.now());
        assertThat(decision.response().at("/taskDefinition/status").asText()).isEqualTo("INACTIVE");
        assertThat(state().latestActive("web")).isEmpty();
    }

    @Test
    void deregisteringWithoutARevisionIsAClientError() {
        account.given(register("web"));

        Decision decision = account.when(new DeregisterTaskDefinition("web"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CLIENT_EXCEPTION);
        assertThat(decision.error().message()).contains("revision");
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void deregisteringAnUnknownRevisionIsAClientError() {
        account.given(register("web"));

        Decision decision = account.when(new DeregisterTaskDefinition("web:7"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CLIENT_EXCEPTION);
        assertThat(decision.error().message()).contains("does not exist");
    }

    @Test
    void deregisteringAnInactiveRevisionAgainAppendsNothing() {
        account.given(register("web"), new DeregisterTaskDefinition("web:1"));
        int before = account.history().size();

        Decision again = account.when(new DeregisterTaskDefinition("web:1"));

        assertThat(again.error()).isNull();
        assertThat(again.events()).isEmpty();
        assertThat(account.history()).hasSize(before);
        assertThat(again.response().at("/taskDefinition/status").asText()).isEqualTo("INACTIVE");
    }

    @Test
    void deletingAnActiveRevisionIsAFailureEntry() {
        account.given(register("web"));

        Decision decision = account.when(new DeleteTaskDefinitions(List.of("web:1")));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).isEmpty();
        assertThat(decision.response().at("/taskDefinitions").size()).isZero();
        assertThat(decision.response().at("/failures/0/arn").asText()).isEqualTo(ARN_PREFIX + "web:1");
        assertThat(decision.response().at("/failures/0/reason").asText()).contains("ACTIVE");
    }

    @Test
    void deletingAnUnknownRevisionIsAFailureEntry() {
        Decision decision = account.when(new DeleteTaskDefinitions(List.of("ghost:1")));

        assertThat(decision.events()).isEmpty();
        assertThat(decision.response().at("/failures/0/arn").asText()).isEqualTo("ghost:1");
        assertThat(decision.response().at("/failures/0/reason").asText()).contains("does not exist");
    }

    @Test
    void deletingAnInactiveRevisionMakesItDeleteInProgress() {
        account.given(register("web"), new DeregisterTaskDefinition("web:1"));

        Decision decision = account.when(new DeleteTaskDefinitions(List.of("web:1")));

        assertThat(decision.events()).singleElement().isInstanceOf(TaskDefinitionDeleteRequested.class);
        TaskDefinition deleting = ((TaskDefinitionDeleteRequested) decision.events().get(0)).taskDefinition();
        assertThat(deleting.status()).isEqualTo(TaskDefinition.DELETE_IN_PROGRESS);
        assertThat(deleting.deleteRequestedAt()).isEqualTo(account.now());
        assertThat(decision.response().at("/taskDefinitions/0/status").asText()).isEqualTo("DELETE_IN_PROGRESS");
        assertThat(decision.response().at("/failures").size()).isZero();
        assertThat(state().revision("web", 1)).map(TaskDefinition::status).contains("DELETE_IN_PROGRESS");
    }

    @Test
    void deletingARevisionAlreadyBeingDeletedListsItAndAppendsNothing() {
        account.given(register("web"), new DeregisterTaskDefinition("web:1"),
                new DeleteTaskDefinitions(List.of("web:1")));

        Decision again = account.when(new DeleteTaskDefinitions(List.of("web:1")));

        assertThat(again.events()).isEmpty();
        assertThat(again.response().at("/taskDefinitions/0/status").asText()).isEqualTo("DELETE_IN_PROGRESS");
    }

    @Test
    void namingARevisionTwiceInOneDeleteDeletesItOnce() {
        account.given(register("web"), new DeregisterTaskDefinition("web:1"));

        Decision decision = account.when(new DeleteTaskDefinitions(List.of("web:1", ARN_PREFIX + "web:1")));

        assertThat(decision.events()).hasSize(1);
        assertThat(decision.response().at("/taskDefinitions").size()).isEqualTo(1);
        assertThat(decision.response().at("/failures").size()).isZero();
    }

    @Test
    void deletingMoreThanTenIsAnInvalidParameter() {
        List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "web:" + i).toList();

        Decision decision = account.when(new DeleteTaskDefinitions(eleven));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(decision.error().message()).contains("10");
    }

    @Test
    void deletingNothingIsAnInvalidParameter() {
        Decision decision = account.when(new DeleteTaskDefinitions(List.of()));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    @Test
    void aMixedDeleteDeletesWhatItCanAndReportsTheRest() {
        account.given(register("web"), register("web"), new DeregisterTaskDefinition("web:1"));

        Decision decision = account.when(new DeleteTaskDefinitions(List.of("web:1", "web:2", "ghost:1", "web")));

        assertThat(decision.events()).hasSize(1);
        assertThat(decision.response().at("/taskDefinitions").size()).isEqualTo(1);
        assertThat(decision.response().at("/taskDefinitions/0/taskDefinitionArn").asText())
                .isEqualTo(ARN_PREFIX + "web:1");
        assertThat(decision.response().at("/failures").size()).isEqualTo(3);
        assertThat(decision.response().at("/failures/0/arn").asText()).isEqualTo(ARN_PREFIX + "web:2");
        assertThat(decision.response().at("/failures/1/arn").asText()).isEqualTo("ghost:1");
        assertThat(decision.response().at("/failures/2/arn").asText()).isEqualTo("web");
        assertThat(decision.response().at("/failures/2/reason").asText()).contains("invalid");
        assertThat(state().revision("web", 2)).map(TaskDefinition::status).contains("ACTIVE");
    }

    @Test
    void tagsGivenAtRegistrationAreKeptAndReturned() {
        Decision decision = account.when(request(RegisterTaskDefinition.class, "{'family':'web',"
                + "'containerDefinitions':[{'name':'web','image':'busybox','memory':64}],"
                + "'tags':[{'key':'team','value':'a'}]}"));

        assertThat(((TaskDefinitionRegistered) decision.events().get(0)).tags()).containsExactly(new Tag("team", "a"));
        assertThat(decision.response().at("/tags/0/key").asText()).isEqualTo("team");
        assertThat(state().tags(ARN_PREFIX + "web:1")).containsExactly(new Tag("team", "a"));
    }

    @Test
    void taggingARevisionMergesTagsAndUntaggingRemovesThem() {
        account.given(register("web"), register("web"));

        Decision tagged = account.when(new TagResource(ARN_PREFIX + "web:2",
                List.of(new Tag("team", "a"), new Tag("tier", "front"))));
        assertThat(tagged.events()).singleElement().isInstanceOf(ResourceTagged.class);
        account.given(new TagResource(ARN_PREFIX + "web:2", List.of(new Tag("team", "b"))));
        assertThat(state().tags(ARN_PREFIX + "web:2")).containsExactly(new Tag("team", "b"), new Tag("tier", "front"));
        assertThat(state().tags(ARN_PREFIX + "web:1")).isEmpty();

        Decision untagged = account.when(new UntagResource(ARN_PREFIX + "web:2", List.of("team")));

        assertThat(untagged.events()).singleElement().isInstanceOf(ResourceUntagged.class);
        assertThat(state().tags(ARN_PREFIX + "web:2")).containsExactly(new Tag("tier", "front"));
    }

    @Test
    void taggingAMissingRevisionIsResourceNotFound() {
        account.given(register("web"));

        Decision decision = account.when(new TagResource(ARN_PREFIX + "web:2", List.of(new Tag("team", "a"))));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION);
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void aRejectedRegistrationAppendsNothingAndUsesNoRevision() {
        Decision rejected = account.when(request(RegisterTaskDefinition.class, "{'family':'web',"
                + "'containerDefinitions':[{'name':'web','image':'busybox'}]}"));

        assertThat(rejected.error().code()).isEqualTo(ErrorCode.CLIENT_EXCEPTION);
        assertThat(rejected.error().message()).contains("container 'web'", "'memory'");
        assertThat(account.history()).isEmpty();
        assertThat(registered(account.when(register("web"))).revision()).isEqualTo(1);
    }

    @Test
    void aRegistrationWithAReservedTagKeyAppendsNothing() {
        Decision rejected = account.when(request(RegisterTaskDefinition.class, "{'family':'web',"
                + "'containerDefinitions':[{'name':'web','image':'busybox','memory':64}],"
                + "'tags':[{'key':'aws:owner','value':'x'}]}"));

        assertThat(rejected.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(account.history()).isEmpty();
    }

    private static RegisterTaskDefinition register(String family) {
        return request(RegisterTaskDefinition.class, "{'family':'" + family + "',"
                + "'containerDefinitions':[{'name':'app','image':'busybox','memory':64}]}");
    }

    private static TaskDefinition registered(Decision decision) {
        assertThat(decision.error()).isNull();
        assertThat(decision.events()).singleElement().isInstanceOf(TaskDefinitionRegistered.class);
        return ((TaskDefinitionRegistered) decision.events().get(0)).taskDefinition();
    }

    private AccountState state() {
        return ((BoundaryState.AccountBoundary) account.state()).state();
    }
}
