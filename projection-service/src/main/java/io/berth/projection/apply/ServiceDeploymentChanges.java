package io.berth.projection.apply;

import io.berth.core.event.EventEnvelope;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.projection.view.ServiceDeploymentArns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one batch's service events do to the deployment history ({@code service_deployments}):
 * a row per deployment seen, folded with {@link ServiceDeploymentRow#then}; the rollbacks that
 * ended in the batch, for the rows stored before it; and each service's deployments[] as its last
 * event in the batch lists them, so that stored rows no longer listed lose their task counts.
 *
 * <p>A rollback is read off one event (ecs-semantics §5.3): its PRIMARY says {@code rolling back
 * to deploymentId X}, and the deployment rolled back is the newest FAILED one listed beside it —
 * the one that was PRIMARY until this event. Older FAILED deployments still listed (failed
 * without rollback, with tasks left) are not rolled back by it. The rollback ends when X is next
 * seen COMPLETED (ROLLBACK_SUCCESSFUL), or FAILED or superseded (ROLLBACK_FAILED).
 */
final class ServiceDeploymentChanges {

    private static final Pattern ROLLING_BACK = Pattern.compile("rolling back to deploymentId (\\S+?)\\.?$");

    /** How the rollbacks to one target ended, for the rows stored before the batch: the first ending counts. */
    record RollbackEnd(String serviceArn, String targetId, String boundaryKey, String outcome, Instant at) {
    }

    /** A service's deployments[] as its last event in the batch lists them. */
    record Listing(String serviceArn, String boundaryKey, List<String> deploymentIds) {
    }

    /** Service ARN to its deployments' rows by deployment ARN. */
    private final Map<String, Map<String, ServiceDeploymentRow>> rows = new LinkedHashMap<>();
    private final Map<List<String>, RollbackEnd> rollbackEnds = new LinkedHashMap<>();
    private final Map<String, Listing> listings = new LinkedHashMap<>();

    /** A service event at {@code envelope.time()} carrying the service as it now stands. */
    void observe(EventEnvelope envelope, Service service) {
        List<Deployment> listed = service.deployments() == null ? List.of() : service.deployments();
        Instant at = envelope.time();
        Deployment primary = service.primaryDeployment();
        String rollbackTarget = rollbackTarget(primary);
        String rolledBack = rollbackTarget == null ? null : listed.stream()
                .filter(d -> Deployment.FAILED.equals(d.rolloutState()) && !d.id().equals(rollbackTarget))
                .max(Comparator.comparing(Deployment::createdAt).thenComparing(Deployment::id))
                .map(Deployment::id).orElse(null);
        List<String> ids = listed.stream().map(Deployment::id).toList();
        Map<String, ServiceDeploymentRow> ofService = rows.computeIfAbsent(service.serviceArn(),
                arn -> new LinkedHashMap<>());
        for (Deployment d : listed) {
            String arn = ServiceDeploymentArns.deployment(service.serviceArn(), d.id());
            ServiceDeploymentRow observed = ServiceDeploymentRow.observed(new ServiceDeploymentRow.Observation(arn,
                    envelope.account(), envelope.region(), service.clusterArn(), service.serviceArn(),
                    envelope.partitionKey(), d, at, service.deploymentConfiguration(),
                    primary == null ? null : primary.id(),
                    ids.stream().filter(id -> !id.equals(d.id())).toList(),
                    d.id().equals(rolledBack) ? rollbackTarget : null));
            ofService.merge(arn, observed, ServiceDeploymentRow::then);
        }
        for (Deployment d : listed) {
            String outcome = rollbackOutcome(d);
            if (outcome != null) {
                ofService.replaceAll((arn, row) -> row.awaitsRollbackTo(d.id()) ? row.resolved(outcome, at) : row);
                rollbackEnds.putIfAbsent(List.of(service.serviceArn(), d.id()), new RollbackEnd(service.serviceArn(),
                        d.id(), envelope.partitionKey(), outcome, at));
            }
        }
        ofService.replaceAll((arn, row) -> ids.contains(row.deploymentId()) ? row : row.unlisted());
        listings.put(service.serviceArn(), new Listing(service.serviceArn(), envelope.partitionKey(), ids));
    }

    /** A service created again under its old name starts a history of its own: the batch forgets its earlier life. */
    void restart(String serviceArn) {
        rows.remove(serviceArn);
        rollbackEnds.values().removeIf(end -> end.serviceArn().equals(serviceArn));
        listings.remove(serviceArn);
    }

    /** Forgets what the batch gathered for the boundary. */
    void reset(String boundaryKey) {
        rows.values().forEach(ofService -> ofService.values().removeIf(row -> row.boundaryKey().equals(boundaryKey)));
        rollbackEnds.values().removeIf(end -> end.boundaryKey().equals(boundaryKey));
        listings.values().removeIf(listing -> listing.boundaryKey().equals(boundaryKey));
    }

    List<ServiceDeploymentRow> rows() {
        List<ServiceDeploymentRow> all = new ArrayList<>();
        rows.values().forEach(ofService -> all.addAll(ofService.values()));
        return all;
    }

    Collection<RollbackEnd> rollbackEnds() {
        return rollbackEnds.values();
    }

    Collection<Listing> listings() {
        return listings.values();
    }

    /** The deployment a PRIMARY rolls back to, if it is a rollback's target. */
    private static String rollbackTarget(Deployment primary) {
        if (primary == null || primary.rolloutStateReason() == null) {
            return null;
        }
        Matcher m = ROLLING_BACK.matcher(primary.rolloutStateReason());
        return m.find() ? m.group(1) : null;
    }

    /** How a rollback to this deployment ends if it is one's target: null while it still runs. */
    private static String rollbackOutcome(Deployment d) {
        if (Deployment.COMPLETED.equals(d.rolloutState())) {
            return ServiceDeploymentRow.SUCCESSFUL;
        }
        if (Deployment.FAILED.equals(d.rolloutState())
                || (Deployment.IN_PROGRESS.equals(d.rolloutState()) && !d.isPrimary())) {
            return ServiceDeploymentRow.FAILED;
        }
        return null;
    }
}
