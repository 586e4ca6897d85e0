-- PostgreSQL variant of db/migration/V12__jobs.sql: db-scheduler's own PostgreSQL schema, and the jobs that
-- used up their attempts.
CREATE TABLE scheduled_tasks (
    task_name            TEXT    NOT NULL,
    task_instance        TEXT    NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT  NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);

CREATE TABLE job_failure (
    kind       TEXT    NOT NULL,
    job_id     TEXT    NOT NULL,
    attempts   INTEGER NOT NULL,
    reason     TEXT    NOT NULL,
    failed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, job_id)
);
CREATE INDEX job_failure_failed_at ON job_failure (failed_at);
