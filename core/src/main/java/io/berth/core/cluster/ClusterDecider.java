package io.berth.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.arn.Arns;
import io.berth.core.arn.Scope;
import io.berth.core.command.Command;
import io.berth.core.command.ApplyServicePlan;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.DeleteCluster;
import io.berth.core.command.DeleteService;
import io.berth.core.command.DeregisterContainerInstance;
import io.berth.core.command.ExpireStoppedTasks;
import io.berth.core.command.RecordAgentConnectivity;
import io.berth.core.command.RegisterContainerInstance;
import io.berth.core.command.RunTask;
import io.berth.core.command.StartTask;
import io.berth.core.command.StopServiceDeployment;
import io.berth.core.command.StopTask;
import io.berth.core.command.SubmitTaskStateChange;
import io.berth.core.command.UpdateContainerInstancesState;
import io.berth.core.command.ResetBoundary;
import io.berth.core.command.TagResource;
import io.berth.core.command.TaggableResource;
import io.berth.core.command.UntagResource;
import io.berth.core.command.UpdateCluster;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.Decision;
import io.berth.core.decide.DecisionContext;
import io.berth.core.decide.Responses;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.BoundaryReset;
import io.berth.core.event.ClusterCreated;
import io.berth.core.event.ClusterDeleted;
import io.berth.core.event.ClusterUpdated;
import io.berth.core.event.ResourceTagged;
import io.berth.core.event.ResourceUntagged;
import io.berth.core.model.Cluster;
import io.berth.core.model.ContainerInstance;
import io.berth.core.model.KeyValuePair;
import io.berth.core.model.Tag;
import io.berth.core.validate.Names;
import io.berth.core.validate.Tags;
import java.util.List;

/**
 * Decides every command of a cluster boundary: the cluster's own lifecycle and tags here, service
 * commands in their own classes. Pure: state and context in, a {@link Decision} out.
 */
public final class ClusterDecider {

    private ClusterDecider() {
    }

    public static Decision decide(ClusterState state, Command command, DecisionContext ctx) {
        try {
            return dispatch(state, command, ctx);
        } catch (EcsException rejection) {
            return Decision.rejected(rejection);
        }
    }

    private static Decision dispatch(ClusterState state, Command command, DecisionContext ctx) {
        if (command instanceof CreateCluster c) {
            return createCluster(state, c);
        } else if (command instanceof UpdateCluster c) {
            return updateCluster(state, c);
        } else if (command instanceof DeleteCluster c) {
            return deleteCluster(state);
        } else if (command instanceof CreateService c) {
            return ServiceCreation.decide(state, c, ctx);
        } else if (command instanceof UpdateService c) {
            return ServiceUpdate.decide(state, c, ctx);
        } else if (command instanceof DeleteService c) {
            return ServiceDeletion.decide(state, c, ctx);
        } else if (command instanceof ApplyServicePlan c) {
            return ServicePlanApplication.decide(state, c, ctx);
        } else if (command instanceof StopServiceDeployment c) {
            return ServiceDeploymentStop.decide(state, c, ctx);
        } else if (command instanceof RegisterContainerInstance c) {
            return ContainerInstances.register(state, c, ctx);
        } else if (command instanceof DeregisterContainerInstance c) {
            return ContainerInstances.deregister(state, c, ctx);
        } else if (command instanceof UpdateContainerInstancesState c) {
            return ContainerInstances.updateState(state, c);
        } else if (command instanceof RecordAgentConnectivity c) {
            return ContainerInstances.connectivity(state, c);
        } else if (command instanceof RunTask c) {
            return TaskLaunch.run(state, c, ctx);
        } else if (command instanceof StartTask c) {
            return TaskLaunch.start(state, c, ctx);
        } else if (command instanceof StopTask c) {
            return TaskStop.decide(state, c, ctx);
        } else if (command instanceof SubmitTaskStateChange c) {
            return TaskReports.submit(state, c, ctx);
        } else if (command instanceof ExpireStoppedTasks c) {
            return TaskReports.expire(state, c);
        } else if (command instanceof TagResource c) {
            return tag(state, c);
        } else if (command instanceof UntagResource c) {
            return untag(state, c);
        } else if (command instanceof ResetBoundary) {
            return reset(state);
        }
        throw new IllegalArgumentException(command.getClass().getSimpleName() + " is not a cluster command");
    }

    /** The cluster the boundary holds, which must exist and be ACTIVE for anything to happen in it. */
    static Cluster activeCluster(ClusterState state) {
        Cluster cluster = state.cluster().orElseThrow(EcsException::clusterNotFound);
        if (!cluster.isActive()) {
            throw new EcsException(ErrorCode.CLUSTER_NOT_FOUND_EXCEPTION, "The referenced cluster was inactive.");
        }
        return cluster;
    }

    static JsonNode clusterResponse(ClusterState state, Cluster cluster) {
        return Responses.of("cluster", cluster.forResponse(state.counts(), null, null));
    }

    private static Decision createCluster(ClusterState state, CreateCluster c) {
        Scope scope = state.boundary().scope();
        String name = Names.clusterName(state.boundary().clusterName());
        List<Tag> tags = Tags.validate(c.tags());
        List<KeyValuePair> settings = ClusterSettings.validate(c.settings());
        ClusterSettings.validateCapacityProviders(c.capacityProviders(), c.defaultCapacityProviderStrategy());
        if (state.cluster().filter(Cluster::isActive).isPresent()) {
            // ECS answers CreateCluster on an existing name with that cluster, unchanged.
            return Decision.unchanged(clusterResponse(state, state.cluster().get()));
        }
        Cluster cluster = new Cluster(Arns.cluster(scope, name), name, c.configuration(), Cluster.ACTIVE, null, null,
                null, null, null, null, settings, listOrEmpty(c.capacityProviders()),
                listOrEmpty(c.defaultCapacityProviderStrategy()), null, null, c.serviceConnectDefaults());
        ClusterCreated created = new ClusterCreated(cluster, tags);
        Cluster shown = cluster.forResponse(state.counts(), tags.isEmpty() ? null : tags, null);
        return Decision.accepted(List.of(created), Responses.of("cluster", shown));
    }

    private static Decision updateCluster(ClusterState state, UpdateCluster c) {
        Cluster cluster = activeCluster(state);
        List<KeyValuePair> settings = c.settings() == null ? cluster.settings() : ClusterSettings.validate(c.settings());
        JsonNode configuration = c.configuration() == null ? cluster.configuration() : c.configuration();
        JsonNode defaults = c.serviceConnectDefaults() == null ? cluster.serviceConnectDefaults()
                : c.serviceConnectDefaults();
        Cluster updated = cluster.withConfiguration(settings, configuration, defaults);
        if (updated.equals(cluster)) {
            return Decision.unchanged(clusterResponse(state, cluster));
        }
        return Decision.accepted(List.of(new ClusterUpdated(updated)), clusterResponse(state, updated));
    }

    private static Decision deleteCluster(ClusterState state) {
        Cluster cluster = activeCluster(state);
        boolean hasServices = state.services().stream()
                .anyMatch(s -> !s.service().status().equals(io.berth.core.model.Service.INACTIVE));
        if (hasServices) {
            throw new EcsException(ErrorCode.CLUSTER_CONTAINS_SERVICES_EXCEPTION,
                    "The Cluster cannot be deleted while Services are active.");
        }
        if (state.tasks().stream().anyMatch(t -> !t.isStopped())) {
            throw new EcsException(ErrorCode.CLUSTER_CONTAINS_TASKS_EXCEPTION,
                    "The Cluster cannot be deleted while Tasks are active.");
        }
        if (state.instances().stream().anyMatch(i -> !ContainerInstance.INACTIVE.equals(i.status()))) {
            throw new EcsException(ErrorCode.CLUSTER_CONTAINS_CONTAINER_INSTANCES_EXCEPTION,
                    "The Cluster cannot be deleted while Container Instances are active or draining.");
        }
        Cluster deleted = cluster.withStatus(Cluster.INACTIVE);
        return Decision.accepted(List.of(new ClusterDeleted(deleted)), clusterResponse(state, deleted));
    }

    private static Decision tag(ClusterState state, TagResource c) {
        String arn = existingTaggable(state, c.resourceArn());
        List<Tag> added = Tags.validate(c.tags());
        if (added.isEmpty()) {
            throw EcsException.invalidParameter("Tags cannot be empty.");
        }
        List<Tag> after = Tags.merge(state.tags(arn), added);
        return Decision.accepted(List.of(new ResourceTagged(arn, added, after)), Responses.empty());
    }

    private static Decision untag(ClusterState state, UntagResource c) {
        String arn = existingTaggable(state, c.resourceArn());
        if (c.tagKeys() == null || c.tagKeys().isEmpty()) {
            throw EcsException.invalidParameter("Tag keys cannot be empty.");
        }
        List<Tag> after = Tags.remove(state.tags(arn), c.tagKeys());
        return Decision.accepted(List.of(new ResourceUntagged(arn, List.copyOf(c.tagKeys()), after)),
                Responses.empty());
    }

    /** The ARN of the cluster or service a tagging request names, which must exist in this boundary. */
    private static String existingTaggable(ClusterState state, String resourceArn) {
        TaggableResource resource = TaggableResource.of(state.boundary().scope(), resourceArn);
        Cluster cluster = state.cluster().orElseThrow(EcsException::clusterNotFound);
        if (resource.kind().equals(TaggableResource.CLUSTER)) {
            return cluster.clusterArn();
        }
        String serviceName = resourceArn.substring(resourceArn.lastIndexOf('/') + 1);
        return state.service(serviceName)
                .filter(s -> !s.service().status().equals(io.berth.core.model.Service.INACTIVE))
                .map(s -> s.service().serviceArn())
                .orElseThrow(() -> new EcsException(ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION,
                        "The specified resource could not be found."));
    }

    private static Decision reset(ClusterState state) {
        String clusterArn = state.cluster().map(Cluster::clusterArn).orElse(null);
        return Decision.accepted(List.of(new BoundaryReset(state.boundary().key(), clusterArn)), Responses.empty());
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
