package io.berth.core.model;

/** Who runs a service's deployments: ECS, CODE_DEPLOY or EXTERNAL. */
public record DeploymentController(String type) {

    public static final DeploymentController ECS = new DeploymentController("ECS");
}
