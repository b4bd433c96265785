package io.berth.core.model;

/** A task's awsvpc network configuration. */
public record NetworkConfiguration(AwsVpcConfiguration awsvpcConfiguration) {
}
