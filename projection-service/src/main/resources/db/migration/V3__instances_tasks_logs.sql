-- Container instances and tasks (from berth.events), and container output (from berth.logs).

-- Remaining resources and task counts are not stored: they follow from the tasks on the instance
-- and are computed when an instance is described.
CREATE TABLE container_instances (
    container_instance_arn text COLLATE "C" PRIMARY KEY,
    account                text COLLATE "C" NOT NULL,
    region                 text COLLATE "C" NOT NULL,
    cluster_arn            text COLLATE "C" NOT NULL,
    status                 text COLLATE "C" NOT NULL,
    registered_cpu         integer          NOT NULL,
    registered_memory      integer          NOT NULL,
    boundary_key           text COLLATE "C" NOT NULL,
    document               jsonb            NOT NULL
);
-- ListContainerInstances pages through a cluster's instances by ARN.
CREATE INDEX container_instances_by_cluster ON container_instances (cluster_arn, container_instance_arn);
CREATE INDEX container_instances_by_boundary ON container_instances (boundary_key);

-- A task with what it holds on its instance (recorded at placement, counted while not STOPPED).
-- The reservation columns are null for a task whose TaskCreated was never seen.
CREATE TABLE tasks (
    task_arn               text COLLATE "C" PRIMARY KEY,
    account                text COLLATE "C" NOT NULL,
    region                 text COLLATE "C" NOT NULL,
    cluster_arn            text COLLATE "C" NOT NULL,
    container_instance_arn text COLLATE "C",
    family                 text COLLATE "C" NOT NULL,
    started_by             text COLLATE "C",
    task_group             text COLLATE "C",
    -- the <name> of a group service:<name>
    service_name           text COLLATE "C",
    desired_status         text COLLATE "C" NOT NULL,
    last_status            text COLLATE "C" NOT NULL,
    launch_type            text COLLATE "C",
    stopped_at             timestamptz,
    reserved_cpu           integer,
    reserved_memory        integer,
    reserved_tcp_ports     integer[],
    reserved_udp_ports     integer[],
    boundary_key           text COLLATE "C" NOT NULL,
    document               jsonb            NOT NULL
);
-- ListTasks pages through a cluster's tasks of one desired status by ARN; its filters narrow that.
CREATE INDEX tasks_by_cluster ON tasks (cluster_arn, desired_status, task_arn);
-- The cluster counts and the instances' remaining resources only look at tasks not stopped.
CREATE INDEX live_tasks_by_cluster ON tasks (cluster_arn, last_status) WHERE last_status <> 'STOPPED';
CREATE INDEX live_tasks_by_instance ON tasks (container_instance_arn) WHERE last_status <> 'STOPPED';
CREATE INDEX tasks_by_boundary ON tasks (boundary_key);

-- Container output as CloudWatch Logs shows it. A log group exists while it has a stream; a stream
-- exists once an event arrived for it. Times are epoch milliseconds; ingestion time is the
-- timestamp of the berth.logs record, so a rebuilt table has the same values.
CREATE TABLE log_streams (
    account               text COLLATE "C" NOT NULL,
    region                text COLLATE "C" NOT NULL,
    log_group             text COLLATE "C" NOT NULL,
    log_stream            text COLLATE "C" NOT NULL,
    creation_time         bigint           NOT NULL,
    first_event_timestamp bigint           NOT NULL,
    last_event_timestamp  bigint           NOT NULL,
    last_ingestion_time   bigint           NOT NULL,
    PRIMARY KEY (account, region, log_group, log_stream)
);
CREATE INDEX log_streams_by_last_event ON log_streams (account, region, log_group, last_event_timestamp, log_stream);

-- One row per line of output. (log_partition, log_offset, event_index) is the event's place in
-- berth.logs: the order it was ingested in, which breaks ties between equal timestamps.
CREATE TABLE log_events (
    log_partition   integer          NOT NULL,
    log_offset      bigint           NOT NULL,
    event_index     integer          NOT NULL,
    account         text COLLATE "C" NOT NULL,
    region          text COLLATE "C" NOT NULL,
    log_group       text COLLATE "C" NOT NULL,
    log_stream      text COLLATE "C" NOT NULL,
    event_timestamp bigint           NOT NULL,
    ingestion_time  bigint           NOT NULL,
    message         text             NOT NULL,
    PRIMARY KEY (log_partition, log_offset, event_index)
);
-- GetLogEvents reads one stream in event order; FilterLogEvents a whole group.
CREATE INDEX log_events_by_stream ON log_events
    (account, region, log_group, log_stream, event_timestamp, log_partition, log_offset, event_index);
CREATE INDEX log_events_by_group ON log_events
    (account, region, log_group, event_timestamp, log_partition, log_offset, event_index);
