package io.berth.gateway.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

class EcsOperationsTest {

    /** The operations of the AWS SDK's EcsClient: its methods that take a request object. */
    private static List<String> sdkOperations() {
        return Arrays.stream(EcsClient.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0].getSimpleName().endsWith("Request")
                        && m.getParameterTypes()[0].getPackageName().endsWith("ecs.model"))
                .map(Method::getParameterTypes)
                .map(types -> types[0].getSimpleName().replaceFirst("Request$", ""))
                .distinct()
                .toList();
    }

    @Test
    void everyOperationOfTheSdkIsServedOrExplicitlyUnsupported() {
        List<String> operations = sdkOperations();

        assertThat(operations).hasSizeGreaterThan(70);
        assertThat(operations).allSatisfy(op ->
                assertThat(EcsOperations.operation(EcsOperations.TARGET_PREFIX + op)).as(op).hasValue(op));
    }

    @Test
    void onlyTheEcsTargetPrefixNamesAnOperation() {
        assertThat(EcsOperations.operation("AmazonEC2ContainerServiceV20141113.CreateCluster")).hasValue("CreateCluster");
        assertThat(EcsOperations.operation("AnyScaleFrontendService.CreateCluster")).isEmpty();
        assertThat(EcsOperations.operation("AmazonEC2ContainerServiceV20141113.LaunchRockets")).isEmpty();
        assertThat(EcsOperations.operation(null)).isEmpty();
        assertThat(EcsOperations.kind("DescribeServices")).isEqualTo(EcsOperations.Kind.READ);
        assertThat(EcsOperations.kind("UpdateService")).isEqualTo(EcsOperations.Kind.WRITE);
        assertThat(EcsOperations.kind("RunTask")).isEqualTo(EcsOperations.Kind.WRITE);
        assertThat(EcsOperations.kind("ExecuteCommand")).isEqualTo(EcsOperations.Kind.UNSUPPORTED);
    }
}
