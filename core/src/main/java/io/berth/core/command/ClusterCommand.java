package io.berth.core.command;

import io.berth.core.arn.Arns;
import io.berth.core.arn.Boundary;
import io.berth.core.arn.Scope;

/** A command decided by a cluster's boundary: the cluster itself and everything in it. */
public sealed interface ClusterCommand extends Command
        permits CreateCluster, UpdateCluster, DeleteCluster, CreateService, UpdateService, DeleteService,
        ApplyServicePlan, RegisterContainerInstance, DeregisterContainerInstance, UpdateContainerInstancesState,
        RecordAgentConnectivity, RunTask, StartTask, StopTask, SubmitTaskStateChange, ExpireStoppedTasks, StopServiceDeployment {

    /** The {@code cluster} parameter as given: a name, an ARN, or null for {@code default}. */
    String clusterReference();

    @Override
    default Boundary boundary(Scope scope) {
        return Boundary.cluster(scope, Arns.clusterName(scope, clusterReference()));
    }
}
