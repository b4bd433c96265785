package io.berth.core.model;

import java.util.List;

/** Subnets, security groups and public IP choice of an awsvpc task. */
public record AwsVpcConfiguration(List<String> subnets, List<String> securityGroups, String assignPublicIp) {
}
