package io.berth.core.cluster;

import io.berth.core.error.EcsException;
import io.berth.core.model.CapacityProviderStrategyItem;
import io.berth.core.model.KeyValuePair;
import java.util.List;
import java.util.Set;

/** Validation of a cluster's settings and its capacity-provider fields. */
final class ClusterSettings {

    private static final Set<String> CONTAINER_INSIGHTS = Set.of("enabled", "disabled", "enhanced");
    /** Until custom capacity providers exist, the built-in Fargate ones are the only names that resolve. */
    private static final Set<String> KNOWN_PROVIDERS = Set.of("FARGATE", "FARGATE_SPOT");

    private ClusterSettings() {
    }

    static List<KeyValuePair> validate(List<KeyValuePair> settings) {
        if (settings == null) {
            return List.of();
        }
        for (KeyValuePair setting : settings) {
            if (setting == null || !"containerInsights".equals(setting.name())) {
                throw EcsException.invalidParameter("Unknown cluster setting name: "
                        + (setting == null ? null : setting.name()) + ". The only setting is containerInsights.");
            }
            if (!CONTAINER_INSIGHTS.contains(setting.value())) {
                throw EcsException.invalidParameter("containerInsights must be enabled, disabled or enhanced.");
            }
        }
        return List.copyOf(settings);
    }

    static void validateCapacityProviders(List<String> providers, List<CapacityProviderStrategyItem> strategy) {
        List<String> named = providers == null ? List.of() : providers;
        for (String provider : named) {
            if (!KNOWN_PROVIDERS.contains(provider)) {
                throw EcsException.invalidParameter("The specified capacity provider " + provider
                        + " does not exist.");
            }
        }
        if (strategy == null) {
            return;
        }
        for (CapacityProviderStrategyItem item : strategy) {
            if (item == null || !named.contains(item.capacityProvider())) {
                throw EcsException.invalidParameter("The default capacity provider strategy names a capacity "
                        + "provider that is not associated with the cluster.");
            }
        }
    }
}
