-- The job engine's table (db-scheduler's schema; times as epoch milliseconds, read and written by
-- jobs/SqliteJobColumns), and the jobs that used up their attempts, kept so they stay visible.
CREATE TABLE scheduled_tasks (
    task_name            TEXT    NOT NULL,
    task_instance        TEXT    NOT NULL,
    task_data            BLOB,
    execution_time       BIGINT  NOT NULL,
    picked               INTEGER NOT NULL,
    picked_by            TEXT,
    last_success         BIGINT,
    last_failure         BIGINT,
    consecutive_failures INTEGER,
    last_heartbeat       BIGINT,
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
    failed_at  BIGINT  NOT NULL,
    PRIMARY KEY (kind, job_id)
);
CREATE INDEX job_failure_failed_at ON job_failure (failed_at);
