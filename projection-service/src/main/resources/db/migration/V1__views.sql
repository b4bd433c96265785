-- The projection's views of berth.events. Every row is a pure function of the events applied so
-- far (no now(), no sequences), so replaying the log into empty tables gives the same rows.
-- Text that is sorted or paged on uses the "C" collation: byte order, the same on every server.
-- boundary_key is the Kafka key of the events a row came from; a BoundaryReset deletes by it.

-- Where each partition of berth.events has been applied up to, written in the same transaction
-- as the view changes of those records.
CREATE TABLE projection_offsets (
    topic       text COLLATE "C" NOT NULL,
    partition   integer          NOT NULL,
    next_offset bigint           NOT NULL,
    PRIMARY KEY (topic, partition)
);

CREATE TABLE clusters (
    cluster_arn  text COLLATE "C" PRIMARY KEY,
    account      text COLLATE "C" NOT NULL,
    region       text COLLATE "C" NOT NULL,
    cluster_name text COLLATE "C" NOT NULL,
    status       text COLLATE "C" NOT NULL,
    boundary_key text COLLATE "C" NOT NULL,
    document     jsonb            NOT NULL
);
CREATE UNIQUE INDEX clusters_by_name ON clusters (account, region, cluster_name);
CREATE INDEX clusters_by_boundary ON clusters (boundary_key);

-- Every revision, whatever its status.
CREATE TABLE task_definitions (
    task_definition_arn text COLLATE "C" PRIMARY KEY,
    account             text COLLATE "C" NOT NULL,
    region              text COLLATE "C" NOT NULL,
    family              text COLLATE "C" NOT NULL,
    revision            integer          NOT NULL,
    status              text COLLATE "C" NOT NULL,
    boundary_key        text COLLATE "C" NOT NULL,
    document            jsonb            NOT NULL
);
CREATE UNIQUE INDEX task_definitions_by_family ON task_definitions (account, region, family, revision);
CREATE INDEX task_definitions_by_boundary ON task_definitions (boundary_key);

-- Services with their deployments inside the document; events[] and tags are kept apart.
CREATE TABLE services (
    service_arn         text COLLATE "C" PRIMARY KEY,
    account             text COLLATE "C" NOT NULL,
    region              text COLLATE "C" NOT NULL,
    cluster_name        text COLLATE "C" NOT NULL,
    service_name        text COLLATE "C" NOT NULL,
    status              text COLLATE "C" NOT NULL,
    launch_type         text COLLATE "C",
    scheduling_strategy text COLLATE "C" NOT NULL,
    boundary_key        text COLLATE "C" NOT NULL,
    document            jsonb            NOT NULL
);
CREATE UNIQUE INDEX services_by_name ON services (account, region, cluster_name, service_name);
CREATE INDEX services_by_boundary ON services (boundary_key);

-- The newest 100 events[] entries of each service. Log order is their order: a service's events
-- all share its cluster's partition, so the offset says which is newer.
CREATE TABLE service_events (
    service_arn   text COLLATE "C" NOT NULL,
    log_partition integer          NOT NULL,
    log_offset    bigint           NOT NULL,
    boundary_key  text COLLATE "C" NOT NULL,
    event_id      text,
    created_at    timestamptz,
    message       text,
    PRIMARY KEY (service_arn, log_partition, log_offset)
);
CREATE INDEX service_events_by_boundary ON service_events (boundary_key);

-- The current tags of clusters, services and task definitions, in the order they were given.
CREATE TABLE tags (
    resource_arn text COLLATE "C" NOT NULL,
    tag_key      text COLLATE "C" NOT NULL,
    tag_value    text             NOT NULL,
    ordinal      integer          NOT NULL,
    account      text COLLATE "C" NOT NULL,
    region       text COLLATE "C" NOT NULL,
    boundary_key text COLLATE "C" NOT NULL,
    PRIMARY KEY (resource_arn, tag_key)
);
CREATE INDEX tags_by_boundary ON tags (boundary_key);

-- Who did what to which resource, when: one row per event, kept across boundary resets.
CREATE TABLE audit (
    topic          text COLLATE "C" NOT NULL,
    log_partition  integer          NOT NULL,
    log_offset     bigint           NOT NULL,
    event_id       text COLLATE "C" NOT NULL,
    account        text COLLATE "C" NOT NULL,
    region         text COLLATE "C" NOT NULL,
    resource_arn   text COLLATE "C" NOT NULL,
    event_type     text COLLATE "C" NOT NULL,
    actor          text,
    event_time     timestamptz      NOT NULL,
    correlation_id text,
    causation_id   text,
    PRIMARY KEY (topic, log_partition, log_offset)
);
-- A resource ARN names its account and region already.
CREATE INDEX audit_by_resource ON audit (resource_arn, log_partition, log_offset);
