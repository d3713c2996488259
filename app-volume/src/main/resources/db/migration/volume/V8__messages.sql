-- Cinder's user messages (/messages, microversion 3.3): why an asynchronous request
-- failed, for the project that made it. A message is removed when its user deletes it.
CREATE TABLE messages (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id    VARCHAR(255) NOT NULL,
    request_id    VARCHAR(255),
    resource_type VARCHAR(255),
    resource_uuid VARCHAR(36),
    event_id      VARCHAR(255) NOT NULL,
    action_id     VARCHAR(10),
    detail_id     VARCHAR(10),
    message_level VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_messages_project_id ON messages (project_id);
