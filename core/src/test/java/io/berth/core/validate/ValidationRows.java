package io.berth.core.validate;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.json.Json;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Rows for the validator's table tests, written as the JSON a client sends (single quotes stand
 * for double quotes). A rejected row names the error type and the fragments its message must
 * contain, such as the container and the field; an accepted row names a JSON pointer into the
 * stored definition and the JSON value expected there.
 */
final class ValidationRows {

    /** The expected value of an accepted row's pointer when the member must be absent. */
    static final String ABSENT = "<absent>";

    private ValidationRows() {
    }

    /** {@code {'family':'app', <taskMembers>, 'containerDefinitions':[<containers>]}}. */
    static String task(String taskMembers, String... containers) {
        String members = taskMembers.isEmpty() ? "" : taskMembers + ",";
        return "{'family':'app'," + members + "'containerDefinitions':[" + String.join(",", containers) + "]}";
    }

    /** A container named {@code name} with exactly the given members besides its name. */
    static String container(String name, String members) {
        return "{'name':'" + name + "'" + (members.isEmpty() ? "" : "," + members) + "}";
    }

    /** Container 'web': image busybox, 64 MiB, plus {@code members}. */
    static String web(String members) {
        return container("web", "'image':'busybox','memory':64" + (members.isEmpty() ? "" : "," + members));
    }

    /** A one-container ('web') task definition with the given task-level and container members. */
    static String webTask(String taskMembers, String webMembers) {
        return task(taskMembers, web(webMembers));
    }

    static JsonNode stored(String json) {
        return Json.toTree(TaskDefinitionValidator.validate(request(RegisterTaskDefinition.class, json)));
    }

    static Arguments rejects(String name, String json, ErrorCode code, String... messageFragments) {
        return Arguments.of(Named.of(name, json), code, Arrays.asList(messageFragments));
    }

    static Arguments accepts(String name, String json, String pointer, String expectedJson) {
        return Arguments.of(Named.of(name, json), pointer, expectedJson);
    }

    static void assertRejected(String json, ErrorCode code, List<String> messageFragments) {
        RegisterTaskDefinition request = request(RegisterTaskDefinition.class, json);
        EcsException rejection = catchThrowableOfType(EcsException.class,
                () -> TaskDefinitionValidator.validate(request));
        assertThat(rejection).as("rejection of %s", json).isNotNull();
        assertThat(rejection.code()).as(rejection.getMessage()).isEqualTo(code);
        assertThat(rejection.getMessage()).contains(messageFragments);
    }

    static void assertAccepted(String json, String pointer, String expectedJson) {
        JsonNode value = stored(json).at(pointer);
        if (expectedJson.equals(ABSENT)) {
            assertThat(value.isMissingNode()).as("%s is absent, found %s", pointer, value).isTrue();
        } else {
            assertThat(value).as(pointer).isEqualTo(Json.readTree(expectedJson.replace('\'', '"')));
        }
    }
}
